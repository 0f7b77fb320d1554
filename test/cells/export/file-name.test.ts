import assert from "node:assert/strict";
import {mkdtemp, readdir, readFile, rm} from "node:fs/promises";
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
  assert.equal((await named("drifted.arrow")).fileName, "drifted.arrow");
  assert.equal((await named()).mimeType, "application/vnd.apache.arrow.file");
});

test("exportRows() refuses a file name with a separator, .. or a control character, naming it", async () => {
  const dataset = await sample();
  for (const fileName of ["../../../../x", "../nb.html", "sub/rows", "sub\\rows", "..", ".", "a\0b"])
    await assert.rejects(exportRows([dataset], {primary: [0]}, {format: "csv", fileName}), {
      name: "RangeError",
      message: `exportRows: fileName ${JSON.stringify(fileName)} is not a file name (no / or \\, no .., no control characters)`
    });
});

test("exportRows() refuses a file name whose extension is not the format's, saying which it needs", async () => {
  const dataset = await sample();
  const named = (fileName: string, format: "csv" | "arrow") =>
    exportRows([dataset], {primary: [0]}, {format, fileName});
  await assert.rejects(named("nb.html", "csv"), {
    message: 'exportRows: fileName "nb.html" ends in .html; the csv format needs .csv (say "nb.csv")'
  });
  await assert.rejects(named("drifted.feather", "arrow"), /the arrow format needs \.arrow/);
  assert.equal((await named("Rows.CSV", "csv")).fileName, "Rows.CSV");
});

test("saveExport() refuses a name that would land outside its directory, and writes nothing", async () => {
  const parent = await mkdtemp(join(tmpdir(), "phoenix-export-"));
  const directory = join(parent, "exports");
  try {
    const file = await exportRows([await sample()], {primary: [1]}, {format: "csv", fileName: "rows"});
    for (const fileName of ["../escaped.csv", "/tmp/escaped.csv", "..", "sub/rows.csv"])
      await assert.rejects(saveExport({...file, fileName}, directory), {
        message: `saveExport: ${JSON.stringify(fileName)} is not a file name inside ${directory}`
      });
    assert.deepEqual(await readdir(parent), []);
  } finally {
    await rm(parent, {recursive: true, force: true});
  }
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
