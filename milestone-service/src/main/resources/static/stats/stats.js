// Keeps the server-rendered statistics page live: one EventSource on the page's stream, every
// event a full view of the numbers (the same JSON as /api/public/stats). No framework, no build.
// The browser's EventSource reconnects on its own after the server's retry hint; if it gives up
// (an error status from a proxy), this script opens a new one.

const main = document.querySelector("main[data-stream]");
const lang = document.documentElement.lang || "en";
const messages = document.getElementById("stats-messages")?.dataset ?? {};
// Grouping always (1.500, not 1500 as CLDR has it for some languages): the same as the server's
// first paint, and a ticking counter that does not change its shape at 10.000.
const numbers = new Intl.NumberFormat(lang, { useGrouping: "always" });
const regions = displayNames("region");
const languageNames = displayNames("language");

// For tests and the curious: set once per page load, never by an update.
window.statsPage = { loadedAt: Date.now(), updates: 0, reconnects: 0, state: "connecting" };

let sort = { key: "count", direction: "descending" };
let countries = [];
let seenMilestones = null;

function displayNames(type) {
  try {
    return new Intl.DisplayNames([lang], { type });
  } catch {
    return { of: (code) => code };
  }
}

function format(pattern, ...args) {
  return (pattern ?? "").replace(/\{(\d+)\}/g, (_, i) => args[Number(i)] ?? "");
}

function number(value) {
  return value == null ? "" : numbers.format(value);
}

function when(iso) {
  if (!iso) return "";
  const at = new Date(iso);
  const soon = Math.abs(at.getTime() - Date.now()) < 2 * 24 * 3600 * 1000;
  const style = soon ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" };
  return new Intl.DateTimeFormat(lang, style).format(at);
}

function setState(state) {
  const status = document.getElementById("live-status");
  window.statsPage.state = state;
  if (!status || status.dataset.state === state) return;
  status.dataset.state = state;
  status.querySelector(".status-text").textContent = messages[state] ?? state;
}

function percent(s) {
  if (s.nextThreshold == null) return 100;
  const from = s.lastThreshold ?? 0;
  const span = s.nextThreshold - from;
  return span <= 0 ? 0 : Math.max(0, Math.min(100, Math.floor(((s.count - from) * 100) / span)));
}

function renderScope(s) {
  const count = main.querySelector('[data-stat="count"]');
  if (count && count.value !== String(s.count)) {
    count.value = String(s.count);
    count.textContent = number(s.count);
    count.classList.remove("tick");
    void count.offsetWidth; // restart the animation
    count.classList.add("tick");
  }
  const next = main.querySelector('[data-stat="next"]');
  if (next) {
    next.value = s.nextThreshold ?? "";
    next.textContent = number(s.nextThreshold);
  }
  const progress = main.querySelector('[data-stat="progress"]');
  if (progress) {
    const p = percent(s);
    progress.setAttribute("aria-valuenow", String(p));
    progress.setAttribute("aria-valuetext", s.nextThreshold == null
      ? messages.none : format(messages.progress, number(s.count), number(s.nextThreshold)));
    progress.querySelector(".fill")?.setAttribute("width", String(p));
  }
  const togo = main.querySelector('[data-stat="togo"]');
  if (togo) {
    togo.textContent = s.nextThreshold == null ? messages.none : format(messages.togo, number(s.missing));
  }
  const forecast = main.querySelector('[data-stat="forecast"]');
  if (forecast) {
    forecast.hidden = s.nextThreshold == null;
    forecast.textContent = s.forecast ? format(messages.forecast, when(s.forecast)) : messages.noforecast;
  }
}

function milestoneText(m) {
  const threshold = number(m.threshold);
  if (m.scope === "global") return format(messages.global, threshold);
  if (m.scope === "country") return format(messages.country, threshold, regions.of(m.key));
  return format(messages.language, threshold, languageNames.of(m.key));
}

function renderTimeline(recent) {
  const list = document.getElementById("timeline");
  if (!list) return;
  const fresh = seenMilestones == null ? [] : recent.filter((m) => !seenMilestones.has(m.milestoneId));
  seenMilestones = new Set(recent.map((m) => m.milestoneId));
  // Rebuilt only when something shows differently, not on every update of the counter.
  const shown = recent.map((m) => `${m.milestoneId} ${when(m.reachedAt)} ${milestoneText(m)}`).join("\n");
  if (fresh.length === 0 && list.dataset.shown === shown) return;
  list.dataset.shown = shown;
  list.replaceChildren(...recent.map((m) => {
    const item = document.createElement("li");
    item.dataset.milestoneId = m.milestoneId;
    const time = document.createElement("time");
    time.dateTime = m.reachedAt;
    time.textContent = when(m.reachedAt);
    const what = document.createElement("span");
    what.className = "what";
    what.textContent = milestoneText(m);
    item.append(time, " ", what);
    if (fresh.some((f) => f.milestoneId === m.milestoneId)) item.classList.add("new");
    return item;
  }));
  const empty = document.getElementById("timeline-empty");
  if (empty) empty.hidden = recent.length > 0;
  if (fresh.length > 0) {
    document.getElementById("milestone-announcer").textContent =
      format(messages.announce, fresh.map(milestoneText).join("; "));
  }
}

const comparators = {
  name: (a, b) => regions.of(a.key).localeCompare(regions.of(b.key), lang),
  count: (a, b) => a.count - b.count,
  next: (a, b) => (a.nextThreshold ?? Infinity) - (b.nextThreshold ?? Infinity),
  missing: (a, b) => (a.missing ?? Infinity) - (b.missing ?? Infinity),
  forecast: (a, b) => (a.forecast ? Date.parse(a.forecast) : Infinity) - (b.forecast ? Date.parse(b.forecast) : Infinity),
};

function cell(tag, text, className) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

// Rows are kept and updated in place, keyed by country code: a keyboard user's focus on a
// country link survives the updates, and a row moves only when the order really changes.
function countryRow(c) {
  const row = document.createElement("tr");
  row.dataset.code = c.key;
  const name = document.createElement("th");
  name.scope = "row";
  const link = cell("a", regions.of(c.key));
  link.href = `${main.dataset.countryBase ?? "countries/"}${c.key}`;
  name.append(link);
  row.append(name, cell("td", "", "num"), cell("td", "", "num"), cell("td", "", "num"),
    cell("td", "", "forecast"));
  return row;
}

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

function renderCountries() {
  const table = document.getElementById("countries");
  if (!table) return;
  const compare = comparators[sort.key];
  const sign = sort.direction === "ascending" ? 1 : -1;
  const sorted = [...countries].sort((a, b) => sign * compare(a, b) || a.key.localeCompare(b.key));
  const body = table.tBodies[0];
  const existing = new Map([...body.rows].map((row) => [row.dataset.code, row]));
  const rows = sorted.map((c) => {
    const row = existing.get(c.key) ?? countryRow(c);
    const cells = row.cells;
    setText(cells[1], number(c.count));
    setText(cells[2], number(c.nextThreshold));
    setText(cells[3], number(c.missing));
    setText(cells[4], when(c.forecast));
    return row;
  });
  const inOrder = rows.length === body.rows.length && rows.every((row, i) => body.rows[i] === row);
  if (!inOrder) body.replaceChildren(...rows);
  for (const th of table.tHead.rows[0].cells) {
    const key = th.querySelector("button")?.dataset.sort;
    if (key === sort.key) th.setAttribute("aria-sort", sort.direction);
    else th.removeAttribute("aria-sort");
  }
  document.getElementById("countries-empty").hidden = countries.length > 0;
}

function render(data) {
  if (data.country) {
    renderScope(data.country);
    const share = main.querySelector('[data-stat="share"]');
    if (share) share.textContent = format(messages.share, number(data.globalCount));
  } else {
    renderScope(data.global);
    countries = data.countries;
    renderCountries();
  }
  renderTimeline(data.recent);
  window.statsPage.updates++;
  // the chart (chart.js) follows the same stream
  document.dispatchEvent(new CustomEvent("stats:update", { detail: data }));
}

let source = null;
let retry = null;

function connect() {
  clearTimeout(retry);
  source = new EventSource(main.dataset.stream);
  const own = source;
  own.addEventListener("stats", (event) => {
    const data = JSON.parse(event.data);
    render(data);
    setState(data.live ? "live" : "behind");
  });
  own.addEventListener("error", () => {
    if (own !== source) return; // closed on pagehide
    setState("reconnecting");
    window.statsPage.reconnects++;
    if (own.readyState === EventSource.CLOSED) {
      // EventSource gives up on an error status; try again ourselves, a little later.
      retry = setTimeout(connect, 5000);
    }
  });
}

// A page left for another is closed, not kept open: the back/forward cache would otherwise keep
// its stream connected, and a browser allows only six connections per host — a few hidden pages
// made the next page load wait (about a minute) for a free connection. Restored from that cache,
// the page connects again.
window.addEventListener("pagehide", () => {
  clearTimeout(retry);
  source?.close();
  source = null;
});
window.addEventListener("pageshow", (event) => {
  if (event.persisted && main && source == null) {
    setState("connecting");
    connect();
  }
});

if (main) {
  document.getElementById("countries")?.tHead.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-sort]");
    if (!button || window.statsPage.updates === 0) return;
    const key = button.dataset.sort;
    const direction = sort.key === key && sort.direction === "descending" ? "ascending"
      : sort.key === key ? "descending" : key === "name" ? "ascending" : "descending";
    sort = { key, direction };
    renderCountries();
  });
  setState("connecting");
  connect();
}
