import assert from "node:assert/strict";
import {test} from "node:test";
import {whenVisible} from "../../../src/runtime/display/when-visible.ts";
import {Files} from "../../../src/runtime/stdlib/files.ts";
import {evaluate} from "../../helpers/notebook.ts";

const bytes = new Uint8Array([0, 1, 2, 250, 255, 104, 105]);

test("Files.buffer() and Files.text() read a Blob's bytes and UTF-8 text", async () => {
  assert.deepEqual(new Uint8Array(await Files.buffer(new Blob([bytes]))), bytes);
  assert.equal(await Files.text(new Blob(["héllo"], {type: "text/plain"})), "héllo");
});

test("Files.url() is a data: URL of the bytes with the blob's type, as FileReader.readAsDataURL writes it", async () => {
  const base64 = Buffer.from(bytes).toString("base64"); // "AAEC+v9oaQ==", worked out by Node's own encoder
  assert.equal(await Files.url(new Blob([bytes], {type: "image/png"})), `data:image/png;base64,${base64}`);
  assert.equal(await Files.url(new Blob([bytes])), `data:application/octet-stream;base64,${base64}`);
  const large = new Uint8Array(100_000).map((_, i) => i % 251); // more than one slice of the encoder
  assert.equal(
    await Files.url(new Blob([large])),
    `data:application/octet-stream;base64,${Buffer.from(large).toString("base64")}`
  );
});

test("a notebook's cells see Files and visibility(); headless, visibility(value) resolves to value at once", async () => {
  const {valueof} = await evaluate(
    "size = Files.text(new Blob(['abc'])).then((text) => text.length)",
    "shown = visibility(42)",
    "after = { await visibility(); return 'visible'; }"
  );
  assert.equal(valueof("size"), 3);
  assert.equal(valueof("shown"), 42);
  assert.equal(valueof("after"), "visible");
});

/** An IntersectionObserver whose callback the test drives, installed on globalThis while `run` runs. */
async function withObserver(
  run: (report: (isIntersecting: boolean) => void, log: string[]) => Promise<void>
) {
  const log: string[] = [];
  let callback: ((entries: {isIntersecting: boolean}[]) => void) | undefined;
  class FakeObserver {
    constructor(cb: (entries: {isIntersecting: boolean}[]) => void) {
      callback = cb;
    }
    observe = () => void log.push("observe");
    disconnect = () => void log.push("disconnect");
  }
  const global = globalThis as {IntersectionObserver?: unknown};
  const saved = global.IntersectionObserver;
  global.IntersectionObserver = FakeObserver;
  try {
    await run((isIntersecting) => callback?.([{isIntersecting}]), log);
  } finally {
    global.IntersectionObserver = saved;
  }
}

test("whenVisible() waits for the element to intersect the viewport, then stops watching", async () => {
  await withObserver(async (report, log) => {
    let visible = false;
    const done = whenVisible({} as Element, new Promise(() => {})).then(() => (visible = true));
    report(false);
    await Promise.resolve();
    assert.equal(visible, false, "resolved while off screen");
    report(true);
    await done;
    assert.deepEqual(log, ["observe", "disconnect"]);
  });
});

test("whenVisible() stops watching when the run is invalidated first", async () => {
  await withObserver(async (_, log) => {
    let invalidate = () => {};
    void whenVisible({} as Element, new Promise<void>((resolve) => (invalidate = resolve)));
    invalidate();
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(log, ["observe", "disconnect"]);
  });
});
