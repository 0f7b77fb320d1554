import assert from "node:assert/strict";
import {test} from "node:test";
import {locationKind} from "../../src/cells/location.ts";

test("locationKind: paths of every platform and file: URLs are files", () => {
  for (const path of [
    "data/x.parquet",
    "./x.csv",
    "/abs/x.arrow",
    "C:\\data\\x.parquet",
    "c:/data/x.parquet",
    "\\\\server\\share\\x.csv",
    "file:///tmp/x.parquet",
    new URL("file:///tmp/x.parquet")
  ])
    assert.equal(locationKind(path), "file", String(path));
});

test("locationKind: http(s), data: and blob: URLs are fetched", () => {
  for (const url of [
    "https://127.0.0.2:9/x.parquet",
    "HTTP://127.0.0.2:9/x",
    "data:,a",
    "blob:abc",
    new URL("http://127.0.0.2:9/")
  ])
    assert.equal(locationKind(url), "fetch", String(url));
});

test("locationKind: any other scheme is refused, naming it", () => {
  assert.throws(() => locationKind("ftp://127.0.0.2/x.csv"), /unsupported URL scheme "ftp:"/);
  assert.throws(() => locationKind("javascript:alert(1)"), /unsupported URL scheme "javascript:"/);
  assert.throws(() => locationKind(new URL("s3://bucket/x")), /unsupported URL scheme "s3:"/);
});

test("px.load refuses a URL of another scheme with a DatasetError naming it, before any request", async () => {
  const {load, DatasetError} = await import("../../src/index.ts");
  await assert.rejects(load("ftp://127.0.0.2:9/x.csv"), (error: unknown) => {
    assert.ok(error instanceof DatasetError);
    assert.match(error.message, /unsupported URL scheme "ftp:"/);
    return true;
  });
});
