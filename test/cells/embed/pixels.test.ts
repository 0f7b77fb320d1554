import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {test} from "node:test";
import {Binary, vectorFromArray} from "apache-arrow";
import {encode as encodePng} from "fast-png";
import {load} from "../../../src/cells/dataset/load.ts";
import {embed} from "../../../src/cells/embed/index.ts";
import {downsample} from "../../../src/cells/embed/pixels/downsample.ts";
import {datasetOf, dataURL, digits, fixtureURL, labelsOf} from "./datasets.ts";
import {neighbourAgreement, shuffledAgreement} from "./knn.ts";

const pixelColumns = Array.from({length: 64}, (_, i) => `pixel_${i}`);
const images = () => load(fixtureURL("digit-images.arrow").pathname, {schema: {actualLabel: "digit"}});

test('embed() with "pixels" puts digits of one kind nearest each other (1,797 digits, 64 pixel columns)', async () => {
  const dataset = await digits();
  const out = await embed(dataset, {method: "pixels", columns: pixelColumns, size: 4});
  const {vectors, dim, rows} = out.embeddings.pixels_embedding!;
  assert.equal(dim, 16);
  const labels = labelsOf(dataset, "digit", rows);
  const agreement = neighbourAgreement(vectors, dim, rows, labels);
  const chance = shuffledAgreement(vectors, dim, rows, labels, 2);
  assert.ok(chance < 0.15, `shuffled ${chance}`);
  assert.ok(agreement > 0.85, `agreement ${agreement} (shuffled ${chance})`);
});

test('embed() with "pixels" decodes PNG and JPEG files and puts digits of one kind nearest each other', async () => {
  const dataset = await images();
  const out = await embed(dataset, {column: "image", method: "pixels"});
  const {vectors, dim, rows} = out.embeddings.image_embedding!;
  assert.equal(rows.length, 200);
  assert.deepEqual(out.schema.embeddings.image_embedding, {rawData: "image", vector: "image_embedding"});
  const labels = labelsOf(dataset, "digit", rows);
  const agreement = neighbourAgreement(vectors, dim, rows, labels);
  assert.ok(
    agreement > 0.9,
    `agreement ${agreement} (shuffled ${shuffledAgreement(vectors, dim, rows, labels)})`
  );
});

test('embed() with "pixels" reads back the pixels the image files were made from', async () => {
  // scripts/embed/make-digit-images.ts drew digit i's pixel v as gray 255 − round(255·v/16), in 2 × 2 blocks.
  const [files, source] = await Promise.all([images(), digits()]);
  const decoded = (await embed(files, {column: "image", method: "pixels"})).embeddings.image_embedding!
    .vectors;
  const expected = (await embed(source, {method: "pixels", columns: pixelColumns, maxValue: 16})).embeddings
    .pixels_embedding!.vectors;
  const format = files.table.getChild("format")!;
  for (let row = 0; row < 200; ++row) {
    let error = 0;
    for (let p = 0; p < 64; ++p)
      error = Math.max(error, Math.abs(decoded[row * 64 + p]! - (1 - expected[row * 64 + p]!)));
    assert.ok(error < (format.get(row) === "png" ? 1 / 510 + 1e-6 : 0.1), `row ${row}: ${error}`);
  }
});

test('embed() with "pixels" reads data: URLs like the bytes they hold', async () => {
  const dataset = await images();
  const bytes = dataset.table.getChild("image")!;
  const urls = Array.from({length: 8}, (_, row) => {
    const png = bytes.get(row) as Uint8Array;
    return `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
  });
  const fromURLs = await embed(datasetOf({image: urls}), {column: "image", method: "pixels"});
  const fromBytes = await embed(dataset, {column: "image", method: "pixels"});
  assert.deepEqual(
    fromURLs.embeddings.image_embedding!.vectors,
    fromBytes.embeddings.image_embedding!.vectors.subarray(0, 8 * 64)
  );
  assert.deepEqual(fromURLs.schema.embeddings.image_embedding, {
    linkToData: "image",
    vector: "image_embedding"
  });
});

test('embed() with "pixels" takes a list column of pixels (the digits\' image_vector)', async () => {
  const schema = JSON.parse(
    await readFile(
      dataURL("digits-training.parquet").pathname.replace("training.parquet", "schema.json"),
      "utf8"
    )
  );
  const dataset = await load(dataURL("digits-training.parquet").pathname, {schema});
  const out = await embed(dataset, {column: "image_vector", method: "pixels", name: "pixels", maxValue: 16});
  const original = dataset.embeddings.image_embedding!.vectors;
  const scaled = out.embeddings.pixels!.vectors;
  assert.ok(scaled.every((x, i) => Math.abs(x - original[i]! / 16) < 1e-6));
});

test("downsample() averages areas: 4 × 4 → 2 × 2 by blocks, 4 × 4 → 3 × 3 by fractional overlap", () => {
  // prettier-ignore
  const image = [
    0,  4,  8, 12,
    16, 12, 8, 16,
    0,  0, 16, 16,
    4,  4,  0,  0
  ];
  const two = new Float32Array(4);
  downsample(image, 4, 4, 2, two);
  assert.deepEqual([...two], [8, 11, 2, 8]); // (0+4+16+12)/4, (8+12+8+16)/4, (0+0+4+4)/4, (16+16+0+0)/4
  const three = new Float32Array(9);
  downsample(image, 4, 4, 3, three);
  // Output pixel (0, 0) covers source [0, 4/3)²: weights ¾ and ¼ on each axis.
  assert.ok(
    Math.abs(three[0]! - (0.75 * 0.75 * 0 + 0.75 * 0.25 * 4 + 0.25 * 0.75 * 16 + 0.25 * 0.25 * 12)) < 1e-6
  );
  // Output pixel (1, 1) covers [4/3, 8/3)²: half of source pixels 1 and 2 on each axis.
  assert.ok(Math.abs(three[4]! - (12 + 8 + 0 + 16) / 4) < 1e-6);
  const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean(three) - mean(image)) < 1e-6); // no ink lost or made
});

test('embed() with "pixels" turns colour, 16-bit, palette and transparent PNGs into luminance over white', async () => {
  const png = (image: Parameters<typeof encodePng>[0]) => encodePng(image);
  const rgb = png({
    width: 2,
    height: 2,
    channels: 3,
    depth: 8,
    data: Uint8Array.of(255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255)
  });
  const deep = png({
    width: 2,
    height: 2,
    channels: 1,
    depth: 16,
    data: Uint16Array.of(0, 65535, 32768, 16384)
  });
  const palette = png({
    width: 2,
    height: 2,
    channels: 1,
    depth: 8,
    data: Uint8Array.of(0, 1, 1, 0),
    palette: [
      [255, 0, 0],
      [0, 0, 255]
    ]
  });
  const alpha = png({
    width: 2,
    height: 2,
    channels: 2,
    depth: 8,
    data: Uint8Array.of(0, 0, 0, 255, 0, 128, 255, 255)
  });
  const dataset = datasetOf({image: vectorFromArray([rgb, deep, palette, alpha], new Binary())});
  const {vectors} = (await embed(dataset, {column: "image", method: "pixels", size: 2})).embeddings
    .image_embedding!;
  const expected = [
    [0.299, 0.587, 0.114, 1],
    [0, 1, 32768 / 65535, 16384 / 65535],
    [0.299, 0.114, 0.114, 0.299],
    [1, 0, 1 - 128 / 255, 1]
  ];
  expected
    .flat()
    .forEach((x, i) => assert.ok(Math.abs(vectors[i]! - x) < 1e-6, `value ${i}: ${vectors[i]} ≠ ${x}`));
});

test('embed() with "pixels" warns about images it cannot read and gives them no vector', async () => {
  const good = (await images()).table.getChild("image")!.get(0) as Uint8Array;
  const dataset = datasetOf({image: vectorFromArray([good, Uint8Array.of(1, 2, 3), null], new Binary())});
  const out = await embed(dataset, {column: "image", method: "pixels"});
  assert.deepEqual([...out.embeddings.image_embedding!.rows], [0]);
  assert.deepEqual(out.warnings, [
    'column "image": 1 images could not be read and get no vector: not a PNG or JPEG image (row 1)'
  ]);
  await assert.rejects(
    embed(datasetOf({image: ["nope.png"]}), {column: "image", method: "pixels"}),
    /column "image": no image could be read: .*no such file/
  );
});

test('embed() with "pixels" asks for a shape when pixel columns are not square', async () => {
  const dataset = datasetOf({a: [0, 1], b: [1, 0], c: [1, 1]});
  await assert.rejects(
    embed(dataset, {method: "pixels", columns: ["a", "b", "c"]}),
    /column "pixel columns": images of 3 pixels are not square \(pass "shape": \[height, width\]\)/
  );
  const out = await embed(dataset, {method: "pixels", columns: ["a", "b", "c"], shape: [1, 3], size: 1});
  assert.deepEqual([...out.embeddings.pixels_embedding!.vectors], [Math.fround(2 / 3), Math.fround(2 / 3)]);
});

test('embed() with "pixels" rejects a column that holds no images, naming it', async () => {
  await assert.rejects(
    embed(datasetOf({x: [1, 2]}), {column: "x", method: "pixels"}),
    /column "x": cannot embed Float64 \(expected PNG\/JPEG bytes, image URLs or paths, or lists of pixel values\)/
  );
});
