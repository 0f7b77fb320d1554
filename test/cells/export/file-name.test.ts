import assert from "node:assert/strict";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {exportRows} from "../../../src/cells/export/export-rows.ts";
import {defaultFileName} from "../../../src/cells/export/formats.ts";
import {saveExport} from "../../../src/cells/export/save-node.ts";
import {sample} from "./support.ts";

test("defaultFileName() is Phoenix's local date and time, YYYY-MM-DD_HH-MM-SS.<ext>", () => {
  assert.equal(defaultFileName("parquet", new Date(2024, 0, 2, 3, 4, 5)), "2024-01-02_03-04-05.parquet");
  assert.equal(defaultFileName("jsonl", new Date(2024, 11, 31, 23, 59, 58)), "2024-12-31_23-59-58.jsonl");
});

test("exportRows() names its file by the time, or as asked, adding the extension when missing", async () => {
  const dataset = await sample();
  const named = (fileName?: string) =>
    exportRows([dataset], {primary: [0]}, {format: "arrow", ...(fileName ? {fileName} : {})});
  assert.match((await named()).fileName, /^\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d\.arrow$/);
  assert.equal((await named("drifted")).fileName, "drifted.arrow");
  assert.equal((await named("drifted.feather")).fileName, "drifted.feather");
  assert.equal((await named()).mimeType, "application/vnd.apache.arrow.file");
});

test("saveExport() writes the file and never overwrites: a second save takes a suffix", async () => {
  const directory = await mkdtemp(join(tmpdir(), "phoenix-export-"));
  try {
    const file = await exportRows([await sample()], {primary: [1]}, {format: "csv", fileName: "rows.csv"});
    const first = await saveExport(file, directory);
    const second = await saveExport(file, directory);
    assert.deepEqual([first, second], [join(directory, "rows.csv"), join(directory, "rows (1).csv")]);
    assert.deepEqual(new Uint8Array(await readFile(second)), file.bytes);
  } finally {
    await rm(directory, {recursive: true, force: true});
  }
});
