// The growth chart: the count of the page's scope per day (GET /api/public/stats/history), the
// milestones marked on the curve, live as the page's stream brings new counts. Drawn by uPlot
// (served from the application's WebJar); the same numbers as a table behind a toggle. Focus the
// chart and use the arrow keys to read each day's number; hovering shows the same.

const section = document.getElementById("growth");
const lang = document.documentElement.lang || "en";
const numbers = new Intl.NumberFormat(lang, { useGrouping: "always" });
const days = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
const DAY = 86400;

window.statsChart = { ready: false, points: 0, markers: 0, updates: 0 };

let plot = null;
let xs = [];
let counts = [];
let marks = [];
let milestones = [];

function day(iso) {
  return Math.floor(Date.parse(iso) / 1000 / DAY) * DAY;
}

function readout(index) {
  const text = document.getElementById("growth-readout");
  if (index == null || index < 0 || index >= xs.length) return;
  const m = milestones.filter((x) => day(x.reachedAt) === xs[index]);
  const milestone = m.length ? ` · ${section.dataset.milestone}: ${m.map((x) => numbers.format(x.threshold)).join(", ")}` : "";
  text.textContent = `${days.format(new Date(xs[index] * 1000))}: ${numbers.format(counts[index])}${milestone}`;
}

function rebuildMarks() {
  // a day with several milestones shows one marker at the highest; the readout names them all
  marks = xs.map(() => null);
  let marked = 0;
  for (const m of milestones) {
    const i = xs.indexOf(day(m.reachedAt));
    if (i < 0) continue;
    marks[i] = Math.max(marks[i] ?? 0, m.threshold);
    marked++;
  }
  window.statsChart.markers = marked;
}

function renderTable() {
  const body = document.querySelector("#growth-table tbody");
  const rows = [];
  for (let i = 0; i < xs.length; i++) {
    if (i > 0 && counts[i] === counts[i - 1] && marks[i] == null) continue;
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    const time = document.createElement("time");
    time.dateTime = new Date(xs[i] * 1000).toISOString().slice(0, 10);
    time.textContent = days.format(new Date(xs[i] * 1000));
    th.append(time);
    const count = document.createElement("td");
    count.className = "num";
    count.textContent = numbers.format(counts[i]);
    const mark = document.createElement("td");
    mark.textContent = marks[i] == null ? "" : numbers.format(marks[i]);
    tr.append(th, count, mark);
    rows.push(tr);
  }
  body.replaceChildren(...rows);
}

function draw() {
  const chart = document.getElementById("growth-chart");
  const width = Math.max(280, chart.clientWidth);
  const options = {
    width,
    height: Math.round(Math.min(320, width * 0.5)),
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(10, max * 1.05)] } },
    legend: { show: false },
    cursor: { y: false },
    series: [
      {},
      { label: "count", stroke: "#0b5cad", width: 2, fill: "rgba(11,92,173,0.08)" },
      { label: "milestones", stroke: "#c2410c", fill: "#c2410c", paths: () => null,
        points: { show: true, size: 10, width: 2 } },
    ],
    axes: [{}, { values: (u, ticks) => ticks.map((t) => numbers.format(t)), size: 70 }],
    hooks: { setCursor: [(u) => readout(u.cursor.idx)] },
  };
  plot?.destroy();
  plot = new window.uPlot(options, [xs, counts, marks], chart);
  window.statsChart.points = xs.length;
}

function update(data) {
  const scope = data.country ?? data.global;
  if (!plot || !scope) return;
  const today = Math.floor(Date.now() / 1000 / DAY) * DAY;
  if (xs.length && xs[xs.length - 1] === today) {
    counts[counts.length - 1] = scope.count;
  } else {
    xs.push(today);
    counts.push(scope.count);
  }
  const ids = new Set(milestones.map((m) => m.milestoneId));
  for (const m of data.recent ?? []) {
    if (!ids.has(m.milestoneId) && m.milestoneId === `${section.dataset.scope}:${m.threshold}`) {
      milestones.push(m);
    }
  }
  rebuildMarks();
  plot.setData([xs, counts, marks]);
  window.statsChart.updates++;
  window.statsChart.last = scope.count;
  if (!document.getElementById("growth-table-wrap").hidden) renderTable();
}

function keys(event) {
  if (!plot || !xs.length) return;
  let idx = plot.cursor.idx ?? xs.length - 1;
  if (event.key === "ArrowLeft") idx = Math.max(0, idx - 1);
  else if (event.key === "ArrowRight") idx = Math.min(xs.length - 1, idx + 1);
  else if (event.key === "Home") idx = 0;
  else if (event.key === "End") idx = xs.length - 1;
  else return;
  event.preventDefault();
  plot.setCursor({ left: plot.valToPos(xs[idx], "x"), top: plot.valToPos(counts[idx], "y") });
  readout(idx);
}

async function start() {
  const response = await fetch(section.dataset.history, { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const history = await response.json();
  xs = history.points.map((p) => Date.parse(p.at) / 1000);
  counts = history.points.map((p) => p.count);
  milestones = history.milestones;
  rebuildMarks();
  draw();
  const chart = document.getElementById("growth-chart");
  chart.addEventListener("keydown", keys);
  chart.addEventListener("focus", () => readout(plot.cursor.idx ?? xs.length - 1));
  document.addEventListener("stats:update", (event) => update(event.detail));
  const toggle = document.getElementById("growth-toggle");
  toggle.addEventListener("click", () => {
    const wrap = document.getElementById("growth-table-wrap");
    const show = wrap.hidden;
    if (show) renderTable();
    wrap.hidden = !show;
    toggle.setAttribute("aria-expanded", String(show));
    toggle.textContent = show ? section.dataset.tableHide : section.dataset.tableShow;
  });
  let width = chart.clientWidth;
  new ResizeObserver(() => {
    if (Math.abs(chart.clientWidth - width) > 20) {
      width = chart.clientWidth;
      draw();
    }
  }).observe(chart);
  window.statsChart.ready = true;
}

if (section && window.uPlot) start();
