// The npm supercluster package measured as `seuil bench cluster` measures the Seuil index:
// same points, same options (radius 40 px on 256 px tiles, zooms 0-18), same viewports
// (1280x800 px at zoom 10 + q % 8 centred on point (q * 7919 + 13) % n), one JSON line.
// Usage: (cd a temp dir && npm install supercluster) then
//        NODE_PATH=<temp dir>/node_modules node --expose-gc supercluster-bench.mjs --points FILE.csv
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.env.NODE_PATH ?? process.cwd(), 'x.js'));
const Supercluster = (await import(require.resolve('supercluster'))).default;

const args = process.argv.slice(2);
const file = args[args.indexOf('--points') + 1];
const queries = Number(args.includes('--queries') ? args[args.indexOf('--queries') + 1] : 4000);

const lon = [], lat = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  const comma = line.indexOf(',');
  if (comma < 0) continue;
  const x = Number(line.slice(0, comma)), y = Number(line.slice(comma + 1));
  if (Number.isNaN(x) || Number.isNaN(y)) continue;
  lon.push(x); lat.push(y);
}
const n = lon.length;
const features = lon.map((x, i) => ({ type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [x, lat[i]] } }));

function heap() {
  let used = Infinity;
  for (let i = 0; i < 4; i++) { global.gc(); const m = process.memoryUsage(); used = Math.min(used, m.heapUsed + m.arrayBuffers); }
  return used;
}
const before = heap();
const t0 = performance.now();
const index = new Supercluster({ radius: 40, extent: 256, minZoom: 0, maxZoom: 18 }).load(features);
const buildMs = performance.now() - t0;
const heldMb = (heap() - before) / (1024 * 1024);

const mx = (x) => x / 360 + 0.5;
const my = (y) => { const s = Math.sin(y * Math.PI / 180); const v = 0.5 - 0.25 * Math.log((1 + s) / (1 - s)) / Math.PI; return v < 0 ? 0 : v > 1 ? 1 : v; };
const lonOf = (x) => (x - 0.5) * 360;
const latOf = (y) => 360 * Math.atan(Math.exp((180 - y * 360) * Math.PI / 180)) / Math.PI - 90;
function viewport(q) {
  const zoom = 10 + q % 8;
  const c = (q * 7919 + 13) % n;
  const world = 256 * 2 ** zoom, cx = mx(lon[c]), cy = my(lat[c]);
  const hw = 640 / world, hh = 400 / world;
  return [[lonOf(Math.max(0, cx - hw)), latOf(Math.min(1, cy + hh)), lonOf(Math.min(1, cx + hw)), latOf(Math.max(0, cy - hh))], zoom];
}
for (let q = 0; q < queries; q++) { const [b, z] = viewport(q); index.getClusters(b, z); }
const times = [];
let items = 0;
for (let q = 0; q < queries; q++) {
  const [b, z] = viewport(q);
  const s = performance.now();
  items += index.getClusters(b, z).length;
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const pct = (p) => times[Math.max(0, Math.min(times.length - 1, Math.ceil(p * times.length) - 1))];
console.log(JSON.stringify({ impl: 'supercluster', points: n, build_ms: +buildMs.toFixed(1), held_mb: +heldMb.toFixed(1),
  query_p50_ms: +pct(0.5).toFixed(4), query_p95_ms: +pct(0.95).toFixed(4), mean_items: +(items / queries).toFixed(1) }));
