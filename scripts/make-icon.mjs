// Draws the extension icon (docs/images/icon.png, 256x256): a shield holding a small service mesh
// whose three workloads are joined by mutual-TLS links. Pure Node (zlib), so anyone can re-create
// it without image tools: `node scripts/make-icon.mjs`.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const SIZE = 256;
const SAMPLES = 4; // 4x4 supersampling per pixel for smooth edges

const colour = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const BG_TOP = colour('#0b3a53');
const BG_BOTTOM = colour('#0f5e6e');
const SHIELD = colour('#eef7f5');
const LINK = colour('#0f5e6e');
const NODE = colour('#16a34a');

// Shield outline: flat top with rounded shoulders, straight sides, curved to a point at the bottom.
function shieldPolygon() {
  const points = [
    [52, 58],
    [128, 34],
    [204, 58],
    [204, 128],
  ];
  for (let t = 0; t <= 1; t += 0.05) {
    // quadratic curve from (204,128) through control (200,196) to the tip (128,230)
    const x = (1 - t) ** 2 * 204 + 2 * (1 - t) * t * 200 + t * t * 128;
    const y = (1 - t) ** 2 * 128 + 2 * (1 - t) * t * 196 + t * t * 230;
    points.push([x, y]);
  }
  for (let t = 0; t <= 1; t += 0.05) {
    const x = (1 - t) ** 2 * 128 + 2 * (1 - t) * t * 56 + t * t * 52;
    const y = (1 - t) ** 2 * 230 + 2 * (1 - t) * t * 196 + t * t * 128;
    points.push([x, y]);
  }
  return points;
}
const SHIELD_POLY = shieldPolygon();

function inPolygon(x, y, poly) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), SIZE - radius);
  const cy = Math.min(Math.max(y, radius), SIZE - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function nearSegment(x, y, [ax, ay], [bx, by], halfWidth) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= halfWidth ** 2;
}

const MESH = [
  [128, 84],
  [88, 156],
  [168, 156],
];
const LINKS = [
  [0, 1],
  [1, 2],
  [2, 0],
];

/** Colour and alpha at a sub-pixel, painting back to front. */
function sample(x, y) {
  if (!inRoundedSquare(x, y, 44)) return [0, 0, 0, 0];
  const t = y / SIZE;
  let rgb = BG_TOP.map((c, i) => c + (BG_BOTTOM[i] - c) * t);
  if (inPolygon(x, y, SHIELD_POLY)) rgb = SHIELD;
  if (LINKS.some(([a, b]) => nearSegment(x, y, MESH[a], MESH[b], 6))) rgb = LINK;
  for (const [cx, cy] of MESH) {
    const d2 = (x - cx) ** 2 + (y - cy) ** 2;
    if (d2 <= 22 ** 2) rgb = d2 <= 17 ** 2 ? NODE : SHIELD; // white ring around each workload
  }
  return [...rgb, 255];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // PNG filter type "None"
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const [r, g, b, a] = sample(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        sum[0] += r * a;
        sum[1] += g * a;
        sum[2] += b * a;
        sum[3] += a;
      }
    }
    const offset = y * (SIZE * 4 + 1) + 1 + x * 4;
    const alpha = sum[3] / SAMPLES ** 2;
    for (let c = 0; c < 3; c++) raw[offset + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
    raw[offset + 3] = Math.round(alpha);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('../docs/images/icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);
