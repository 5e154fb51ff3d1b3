// The social chain's panel on the community page: reads chain-service's GET /api/chain/{campaign}
// (the section's data-source, CORS) every data-poll milliseconds and shows the participants, the
// longest chain and the newest public answers. A deleted or hidden answer is absent from the JSON,
// so it leaves the list at the next read. Only what the authors published: a link, a handle, a time.

const panel = document.getElementById("chain");
const lang = document.documentElement.lang || "en";
const numbers = new Intl.NumberFormat(lang, { useGrouping: "always" });
const times = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" });
const networks = { mastodon: "Mastodon", bluesky: "Bluesky", x: "X" };

// For tests and the curious.
window.chainPanel = { updates: 0, failures: 0, state: "connecting" };

function show(chain) {
  for (const key of ["participants", "longestChain", "conversions", "chains"]) {
    const data = panel.querySelector(`[data-chain="${key}"]`);
    const value = String(chain[key] ?? 0);
    if (data.value === value) continue;
    const first = data.value === "";
    data.value = value;
    data.textContent = numbers.format(chain[key] ?? 0);
    if (!first) {
      data.classList.remove("tick");
      void data.offsetWidth; // restart the animation
      data.classList.add("tick");
    }
  }
  const latest = chain.latest ?? [];
  const list = document.getElementById("chain-feed");
  const shown = latest.map((p) => p.id).join(" ");
  if (list.dataset.shown !== shown) {
    list.dataset.shown = shown;
    list.replaceChildren(...latest.map(item));
  }
  document.getElementById("chain-empty").hidden = latest.length > 0;
}

function item(post) {
  const li = document.createElement("li");
  li.dataset.postId = post.id;
  const link = document.createElement("a");
  link.href = post.url;
  link.rel = "noopener nofollow ugc";
  link.textContent = post.author;
  const network = document.createElement("span");
  network.className = "network";
  network.textContent = networks[post.network] ?? post.network;
  const time = document.createElement("time");
  time.dateTime = post.createdAt;
  time.textContent = times.format(new Date(post.createdAt));
  li.append(link, " ", network, " ", time);
  return li;
}

async function read() {
  try {
    const response = await fetch(panel.dataset.source, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    show(await response.json());
    window.chainPanel.updates++;
    window.chainPanel.state = panel.dataset.state = "live";
  } catch {
    window.chainPanel.failures++;
    window.chainPanel.state = panel.dataset.state = "offline";
  }
  setTimeout(read, Number(panel.dataset.poll) || 2000);
}

if (panel) read();
