// Writes N seeded pseudo-random places as lon,lat lines: 90% around 400 towns of varied sizes
// (places bunch in streets and centres as real venues do), 10% spread over inhabited latitudes.
// Usage: node make-points.mjs 1000000 > /tmp/points-1m.csv
const n = Number(process.argv[2] ?? 1_000_000);
let seed = 42;
function random() { // mulberry32
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function gaussian() { return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()); }
const towns = Array.from({ length: 400 }, () => ({
  lon: -125 + random() * 270, lat: -40 + random() * 100, spread: 0.005 + random() ** 3 * 0.5,
}));
const out = [];
for (let i = 0; i < n; i++) {
  let lon, lat;
  if (random() < 0.9) {
    const t = towns[Math.floor(random() ** 2 * towns.length)];
    lon = t.lon + gaussian() * t.spread; lat = t.lat + gaussian() * t.spread * 0.7;
  } else {
    lon = -130 + random() * 280; lat = -45 + random() * 110;
  }
  lon = Math.max(-180, Math.min(180, lon)); lat = Math.max(-85, Math.min(85, lat));
  out.push(lon.toFixed(6) + ',' + lat.toFixed(6));
  if (out.length === 100000) { process.stdout.write(out.join('\n') + '\n'); out.length = 0; }
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
