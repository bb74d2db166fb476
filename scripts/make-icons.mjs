#!/usr/bin/env node
// Draws LiqGuard's toolbar and notification icons (a shield with a falling line) as PNGs in public/icon/,
// with Node's built-ins only. Run once after changing the drawing; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (bytes) => bytes.reduce((c, b) => crcTable[(c ^ b) & 0xff] ^ (c >>> 8), 0xffffffff) ^ 0xffffffff;
const chunk = (type, data) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length);
  head.write(type, 4);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc([...head.subarray(4), ...data]) >>> 0);
  return Buffer.concat([head, data, sum]);
};

function icon(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size - 0.5;
      const v = (y + 0.5) / size;
      // Shield: full width at the top, narrowing to a point at the bottom.
      const half = v < 0.55 ? 0.42 : 0.42 * (1 - (v - 0.55) / 0.45);
      const inShield = v > 0.06 && v < 0.98 && Math.abs(u) < half;
      // A falling price line across the shield, in amber.
      const line = Math.abs(v - (0.3 + (u + 0.42) * 0.6)) < 0.07 && Math.abs(u) < half - 0.06;
      const [r, g, b, a] = !inShield ? [0, 0, 0, 0] : line ? [245, 158, 11, 255] : [15, 23, 42, 255];
      row.push(r, g, b, a);
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), icon(size));
