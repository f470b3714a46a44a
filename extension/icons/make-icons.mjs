// Draws the toolbar icons (a page with text lines on a rounded square) as PNG files, so that
// they are made from source: `node extension/icons/make-icons.mjs`. Not part of the packages.
import { writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const BG = [38, 70, 83];
const PAGE = [250, 248, 242];
const LINE = [120, 130, 140];

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x + 0.5, y + 0.5), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function icon(size) {
  const s = size;
  const r = s * 0.2;
  const inRounded = (x, y) => {
    const cx = Math.min(Math.max(x, r), s - r);
    const cy = Math.min(Math.max(y, r), s - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const page = { x0: s * 0.25, x1: s * 0.75, y0: s * 0.17, y1: s * 0.83 };
  const lines = [0.32, 0.44, 0.56, 0.68].map((f) => s * f);
  const lineHalf = Math.max(0.5, s * 0.035);
  return png(s, (x, y) => {
    if (!inRounded(x, y)) return [0, 0, 0, 0];
    if (x >= page.x0 && x <= page.x1 && y >= page.y0 && y <= page.y1) {
      const onLine = lines.some((ly, i) => Math.abs(y - ly) <= lineHalf && x >= page.x0 + s * 0.07 && x <= page.x1 - s * (i === 3 ? 0.18 : 0.07));
      return [...(onLine ? LINE : PAGE), 255];
    }
    return [...BG, 255];
  });
}

for (const size of [16, 32, 48, 128]) writeFileSync(join(HERE, `icon-${size}.png`), icon(size));
