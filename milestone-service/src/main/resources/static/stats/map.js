// Keeps the map live: each participating country's shade and name follow the counts that the
// page's stream brings (a "stats:update" event from stats.js, no second connection). The map
// itself is drawn on the server; the levels are MapShading's: one per power of ten.

const map = document.getElementById("map");
const lang = document.documentElement.lang || "en";
const numbers = new Intl.NumberFormat(lang, { useGrouping: "always" });
let regions;
try {
  regions = new Intl.DisplayNames([lang], { type: "region" });
} catch {
  regions = { of: (code) => code };
}

const TOP = 6;
const shapes = map ? [...map.querySelectorAll("a.country[data-code]")] : [];
window.statsMap = { shapes: shapes.length, updates: 0 };

function level(count) {
  return count <= 0 ? 0 : Math.min(TOP, String(count).length);
}

function update(data) {
  if (!data.countries) return; // a country's stream: no other counts
  const counts = new Map(data.countries.map((c) => [c.key, c.count]));
  for (const shape of shapes) {
    const count = counts.get(shape.dataset.code) ?? 0;
    if (shape.dataset.count === String(count)) continue;
    shape.dataset.count = String(count);
    shape.setAttribute("class", `country level-${level(count)}`);
    shape.querySelector("title").textContent = (map.dataset.label ?? "{0}: {1}")
      .replace("{0}", regions.of(shape.dataset.code))
      .replace("{1}", numbers.format(count));
  }
  window.statsMap.updates++;
}

if (map) document.addEventListener("stats:update", (event) => update(event.detail));
