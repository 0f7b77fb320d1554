// Builds test/fixtures/embed/digit-images.arrow: the first 200 of the digits in notebooks/data/digits.csv.gz
// (see notebooks/data/README.md) as real image files, for the "pixels" method's tests. Each 8 × 8 image
// (values 0–16) is scaled up to 16 × 16 (each pixel a 2 × 2 block) as black ink on white: three in four
// as 8-bit grayscale PNG, one in four as a colour JPEG (quality 95), so both decoders see real files.
// Columns: `image` (Binary: the file's bytes), `format` ("png" or "jpeg"), `digit`.
// Run: node --import tsx scripts/embed/make-digit-images.ts   (deterministic: the same file every time)
import {writeFileSync} from "node:fs";
import {readFileSync} from "node:fs";
import {gunzipSync} from "node:zlib";
import {Binary, Int32, Table, Utf8, vectorFromArray, tableToIPC} from "apache-arrow";
import {encode as encodePng} from "fast-png";
import jpeg from "jpeg-js";

const COUNT = 200;
const SIDE = 16;
const data = new URL("../../notebooks/data/digits.csv.gz", import.meta.url);
const out = new URL("../../test/fixtures/embed/digit-images.arrow", import.meta.url);
const lines = gunzipSync(readFileSync(data))
  .toString("utf8")
  .trim()
  .split("\n")
  .slice(1, COUNT + 1);

const images: Uint8Array[] = [];
const formats: string[] = [];
const digits: number[] = [];
lines.forEach((line, i) => {
  const values = line.split(",").map(Number);
  digits.push(values.pop()!);
  const gray = new Uint8Array(SIDE * SIDE);
  for (let y = 0; y < SIDE; ++y)
    for (let x = 0; x < SIDE; ++x)
      gray[y * SIDE + x] = 255 - Math.round((values[(y >> 1) * 8 + (x >> 1)]! * 255) / 16);
  if (i % 4 === 3) {
    const rgba = new Uint8Array(SIDE * SIDE * 4);
    gray.forEach((v, p) => rgba.set([v, v, v, 255], p * 4));
    images.push(new Uint8Array(jpeg.encode({width: SIDE, height: SIDE, data: rgba}, 95).data));
    formats.push("jpeg");
  } else {
    images.push(encodePng({width: SIDE, height: SIDE, data: gray, channels: 1, depth: 8}));
    formats.push("png");
  }
});

const table = new Table({
  image: vectorFromArray(images, new Binary()),
  format: vectorFromArray(formats, new Utf8()),
  digit: vectorFromArray(digits, new Int32())
});
const bytes = tableToIPC(table, "file");
writeFileSync(out, bytes);
console.log(`${out.pathname}: ${bytes.byteLength} bytes, ${COUNT} images`);
