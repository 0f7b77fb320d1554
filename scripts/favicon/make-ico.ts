// Writes assets/favicon.ico: assets/favicon.svg's design (a rounded orange square, three white bars) drawn
// pixel by pixel at 32×32 and stored as one PNG inside an ICO container, for clients that ask for
// /favicon.ico without reading the page's <link rel="icon">. Deterministic: run it again after changing both.
// `node --import tsx scripts/favicon/make-ico.ts`
import {writeFile} from "node:fs/promises";
import {encode} from "fast-png";

const SIZE = 32;
const RADIUS = 7;
const ORANGE = [0xd9, 0x48, 0x0f] as const;
const BARS = [
  {x: 7, y: 17, width: 4, height: 8},
  {x: 14, y: 11, width: 4, height: 14},
  {x: 21, y: 7, width: 4, height: 18}
];

// Whether pixel (x, y)'s centre lies inside the rounded square (corners cut by circles of RADIUS).
function inSquare(x: number, y: number): boolean {
  const [cx, cy] = [x + 0.5, y + 0.5];
  const dx = Math.max(RADIUS - cx, 0, cx - (SIZE - RADIUS));
  const dy = Math.max(RADIUS - cy, 0, cy - (SIZE - RADIUS));
  return dx * dx + dy * dy <= RADIUS * RADIUS;
}

const pixels = new Uint8Array(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; ++y) {
  for (let x = 0; x < SIZE; ++x) {
    const i = (y * SIZE + x) * 4;
    if (!inSquare(x, y)) continue; // transparent
    const bar = BARS.some((b) => x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height);
    pixels.set(bar ? [255, 255, 255, 255] : [...ORANGE, 255], i);
  }
}
const png = encode({width: SIZE, height: SIZE, data: pixels, channels: 4, depth: 8});

// ICONDIR (6 bytes) and one ICONDIRENTRY (16 bytes), then the PNG, which ICO allows as an image's data.
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(SIZE, 6);
header.writeUInt8(SIZE, 7);
header.writeUInt8(0, 8); // no palette
header.writeUInt8(0, 9); // reserved
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(png.length, 14);
header.writeUInt32LE(22, 18); // the PNG's offset
await writeFile(new URL("../../assets/favicon.ico", import.meta.url), Buffer.concat([header, png]));
