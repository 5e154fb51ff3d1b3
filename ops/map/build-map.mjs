// Builds the map of the statistics page from Natural Earth's 1:50m countries (public domain),
// as packaged by world-atlas 2.0.2 (TopoJSON): every country of Europe and its neighbourhood
// (the Mediterranean, the Caucasus, the Middle East up to Jordan) — the eTwinning countries and
// whatever else a community may list in milestones.stats.countries — simplified, projected and
// written as SVG path data, one per ISO 3166-1 alpha-2 code, to
// milestone-service/src/main/resources/map/countries.json. The output is committed: the build
// of the service does not need Node. Run again when the extent or the simplification changes:
//
//   cd ops/map && npm ci && node build-map.mjs
//
// Overseas parts far from Europe (French Guiana, Réunion, the Caribbean Netherlands, the Azores,
// Svalbard) are left out; the Canary Islands and Madeira are kept.

import { readFileSync, writeFileSync } from "node:fs";
import { geoArea, geoAzimuthalEqualArea, geoBounds, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import { presimplify, quantile, simplify, sphericalTriangleArea } from "topojson-simplify";

const OUTPUT = "../../milestone-service/src/main/resources/map/countries.json";
// The drawing: 1000 units wide, coordinates rounded to whole units.
const WIDTH = 1000;
// Share of the arcs' points kept (by their visual weight): the page's weight against the detail.
const KEEP = 0.2;
// Parts of a country that lie wholly outside this box are left out: [west, south, east, north].
const BOX = [-25, 27.5, 52, 71.5];
// What the view is fitted to: eTwinning's countries (decision 0102) without their far islands.
const FIT = [-24.5, 29, 50.5, 71.2];

// ISO 3166-1 numeric (Natural Earth's id in world-atlas) to alpha-2, for every country in BOX.
const ALPHA2 = {
  "008": "AL", "012": "DZ", "020": "AD", "031": "AZ", "040": "AT", "051": "AM", "056": "BE",
  "070": "BA", "100": "BG", "112": "BY", "191": "HR", "196": "CY", "203": "CZ", "208": "DK",
  "233": "EE", "234": "FO", "246": "FI", "248": "FI", "250": "FR", "268": "GE", "276": "DE",
  "300": "GR", "304": "GL", "336": "VA", "348": "HU", "352": "IS", "364": "IR", "368": "IQ",
  "372": "IE", "376": "IL", "380": "IT", "398": "KZ", "400": "JO", "414": "KW", "422": "LB",
  "428": "LV", "434": "LY", "438": "LI", "440": "LT", "442": "LU", "470": "MT", "492": "MC",
  "498": "MD", "499": "ME", "504": "MA", "528": "NL", "578": "NO", "616": "PL", "620": "PT",
  "642": "RO", "643": "RU", "674": "SM", "682": "SA", "688": "RS", "703": "SK", "705": "SI",
  "724": "ES", "732": "EH", "752": "SE", "756": "CH", "760": "SY", "275": "PS", "792": "TR",
  "788": "TN", "804": "UA", "807": "MK", "818": "EG", "826": "GB", "831": "GG", "832": "JE",
  "833": "IM", "795": "TM", "860": "UZ",
};
// Shapes without an ISO numeric id in Natural Earth.
const BY_NAME = { Kosovo: "XK" };

const topology = JSON.parse(
  readFileSync(new URL("./node_modules/world-atlas/countries-50m.json", import.meta.url)),
);
const weighted = presimplify(topology, sphericalTriangleArea);
const simplified = simplify(weighted, quantile(weighted, KEEP));

// Whether a polygon reaches into BOX at all (Russia does; Réunion does not).
const reaches = (polygon) => {
  const [[west, south], [east, north]] = geoBounds({ type: "Polygon", coordinates: polygon });
  const wraps = west > east; // across the antimeridian
  return south <= BOX[3] && north >= BOX[1] && (wraps || (west <= BOX[2] && east >= BOX[0]));
};

// One shape per code, each keeping only its polygons whose centre lies in BOX.
function shapesOf(topo) {
  const shapes = new Map();
  for (const f of feature(topo, topo.objects.countries).features) {
    const code = ALPHA2[f.id] ?? BY_NAME[f.properties.name];
    if (!code || !f.geometry) continue;
    const polygons =
      f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const kept = polygons.filter(reaches);
    if (kept.length === 0) continue;
    const shape = shapes.get(code) ?? { type: "MultiPolygon", coordinates: [] };
    shape.coordinates.push(...kept);
    shapes.set(code, shape);
  }
  return shapes;
}
const shapes = shapesOf(simplified);
// The smallest countries (Liechtenstein, Malta, Andorra ...) vanish when simplified: unsimplified.
const detailed = shapesOf(topology);

// Lambert azimuthal equal-area centred on Europe (as EPSG:3035), fitted to FIT.
const fitTo = { type: "MultiPoint", coordinates: [] };
for (let i = 0; i <= 20; i++) {
  const lon = FIT[0] + ((FIT[2] - FIT[0]) * i) / 20;
  const lat = FIT[1] + ((FIT[3] - FIT[1]) * i) / 20;
  fitTo.coordinates.push([lon, FIT[1]], [lon, FIT[3]], [FIT[0], lat], [FIT[2], lat]);
}
const projection = geoAzimuthalEqualArea().rotate([-10, -52]);
projection.fitWidth(WIDTH, fitTo);
const [[, y0], [, y1]] = geoPath(projection).bounds(fitTo);
const height = Math.ceil(y1 - y0);
projection.translate([projection.translate()[0], projection.translate()[1] - y0]);
projection.clipExtent([[-2, -2], [WIDTH + 2, height + 2]]);

// SVG path data with whole units and relative steps ("M12 34l1-2 3 0zm5 6l…"): a point that rounds onto
// the previous one is dropped, and so is a ring left with fewer than three points.
class CompactPath {
  constructor() {
    this.d = "";
    this.at = [0, 0];
    this.ring = [];
  }
  moveTo(x, y) {
    this.flush();
    this.ring = [[Math.round(x), Math.round(y)]];
  }
  lineTo(x, y) {
    const p = [Math.round(x), Math.round(y)];
    const last = this.ring[this.ring.length - 1];
    if (p[0] !== last[0] || p[1] !== last[1]) this.ring.push(p);
  }
  closePath() {
    this.flush();
  }
  flush() {
    const ring = this.ring;
    this.ring = [];
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (ring.length > 1 && first[0] === last[0] && first[1] === last[1]) ring.pop();
    if (ring.length < 3) return;
    const step = ([x, y]) => {
      const dx = x - this.at[0];
      const dy = y - this.at[1];
      this.at = [x, y];
      return `${dx}${dy < 0 ? "" : " "}${dy}`;
    };
    // The first move is absolute, so paths can be joined; after "z" the pen is back at the start.
    const move = this.d ? `m${step(ring[0])}` : `M${(this.at = ring[0]).join(" ")}`;
    this.d += `${move}l${ring.slice(1).map(step).join(" ").replace(/ -/g, "-")}z`;
    this.at = ring[0];
  }
  result() {
    this.flush();
    return this.d;
  }
}

const draw = (shape) => {
  const context = new CompactPath();
  geoPath(projection, context)(shape);
  return context.result();
};
// A country too small to see or to point at (below 1,000 km², as Malta or Liechtenstein) also gets
// a dot at its centre, drawn by the page as a circle that links like the shape.
const DOT_AREA = 1000 / 6371 ** 2; // steradians
const centre = geoPath(projection);
const countries = {};
const dots = {};
for (const code of [...detailed.keys()].sort()) {
  const d = (shapes.has(code) && draw(shapes.get(code))) || draw(detailed.get(code));
  if (!d) continue;
  countries[code] = d;
  if (geoArea(detailed.get(code)) < DOT_AREA) {
    dots[code] = centre.centroid(detailed.get(code)).map(Math.round);
  }
}
const map = {
  source: "Natural Earth 1:50m Cultural Vectors, Admin 0 – Countries (public domain), "
    + "via world-atlas 2.0.2",
  projection: "Lambert azimuthal equal-area centred at 10°E 52°N",
  width: WIDTH,
  height,
  countries,
  dots,
};
writeFileSync(new URL(OUTPUT, import.meta.url), JSON.stringify(map, null, 0) + "\n");
const bytes = Buffer.byteLength(JSON.stringify(map));
console.log(`${Object.keys(countries).length} countries, ${WIDTH}x${height}, ${bytes} bytes`);
