// FileAttachment's readers of structured files (dsv, xml, html, image, xlsx, zip, sqlite) on real files with
// known content, written by the libraries that make them (test/fixtures/file-attachments.ts).
import assert from "node:assert/strict";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {after, before, test} from "node:test";
import {
  createFileAttachment,
  type FileAttachmentFactory
} from "../../../src/runtime/stdlib/file-attachment.ts";
import {pathHref} from "../../../src/runtime/stdlib/file-body.ts";
import {notebookFileResolver} from "../../../src/runtime/stdlib/file-node.ts";
import {FileAttachmentError} from "../../../src/runtime/stdlib/file-source.ts";
import {installHeadlessDom} from "../../../src/runtime/stdlib/headless-dom.ts";
import {makePng, writeFileAttachments} from "../../fixtures/file-attachments.ts";

let root: string;
let folder: string;
let FileAttachment: FileAttachmentFactory;

before(async () => {
  root = await mkdtemp(join(tmpdir(), "phoenix-file-attachments-"));
  folder = await writeFileAttachments(join(root, "a", "notebook"));
  // What a `../../escape.txt` would reach from the archive's folder, were the entry's name a path.
  await writeFile(join(root, "escape.txt"), "outside the archive\n");
  const dom = async () => installHeadlessDom();
  FileAttachment = createFileAttachment(notebookFileResolver(join(folder, "notebook.html")), {dom});
});

after(async () => {
  if (root) await rm(root, {recursive: true, force: true});
});

/** A promise's rejection, asserted to be a FileAttachmentError naming `file`. */
async function rejection(promise: Promise<unknown> | (() => unknown), file: string): Promise<string> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    assert.ok(error instanceof FileAttachmentError, `a FileAttachmentError, not ${String(error)}`);
    assert.equal(error.file, file);
    return error.message;
  }
  assert.fail("expected an error");
}

test("FileAttachment's mimeType follows the extension; href is the file: URL Node's pathToFileURL writes", () => {
  const types = [
    "sales.xlsx",
    "birds.sqlite",
    "archive.zip",
    "pixel.PNG",
    "catalog.xml",
    "a.csv",
    "noext"
  ].map((name) => FileAttachment(name).mimeType);
  assert.deepEqual(types, [
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.sqlite3",
    "application/zip",
    "image/png",
    "application/xml",
    "text/csv",
    "application/octet-stream"
  ]);
  assert.equal(FileAttachment("a b#1.csv").href, pathToFileURL(join(folder, "a b#1.csv")).href);
});

test("pathHref() round-trips through fileURLToPath, odd characters and all", () => {
  for (const path of ["/a b/c#d?e", "/x/%41/é", "/q/back\\slash", "/n/line\nbreak", "/s/;=@&$!()*+,"]) {
    assert.equal(fileURLToPath(pathHref(path)), path);
    assert.equal(pathHref(path), pathToFileURL(path).href);
  }
  assert.equal(pathHref("C:\\Users\\a b\\x.csv"), "file:///C:/Users/a%20b/x.csv");
});

test("FileAttachment.dsv({delimiter}) parses any one-character delimiter, typed or not", async () => {
  const rows = await FileAttachment("scores.psv").dsv({delimiter: "|", typed: true});
  assert.deepEqual(
    [...rows],
    [
      {name: "ada", score: 9.5, passed: true},
      {name: "bob", score: 7, passed: false}
    ]
  );
  assert.deepEqual(rows.columns, ["name", "score", "passed"]);
  const strings = await FileAttachment("scores.psv").dsv({delimiter: "|"});
  assert.deepEqual(strings[1], {name: "bob", score: "7", passed: "false"});
});

test("FileAttachment.dsv({array: true}) gives rows as arrays, the header row first", async () => {
  assert.deepEqual(await FileAttachment("scores.psv").dsv({delimiter: "|", array: true}), [
    ["name", "score", "passed"],
    ["ada", "9.5", "true"],
    ["bob", "7", "false"]
  ]);
  assert.deepEqual((await FileAttachment("scores.psv").dsv({delimiter: "|", array: true, typed: true}))[1], [
    "ada",
    9.5,
    true
  ]);
});

test("FileAttachment.csv({array}) is dsv with a comma: a zip's CSV entry as arrays", async () => {
  const archive = await FileAttachment("archive.zip").zip();
  assert.deepEqual(await archive.file("data/points.csv").csv({array: true, typed: true}), [
    ["x", "y"],
    [1, 2],
    [3, 4]
  ]);
});

test("FileAttachment.dsv() refuses a delimiter that is not one character, naming the file", async () => {
  const message = await rejection(FileAttachment("scores.psv").dsv({delimiter: "||"}), "scores.psv");
  assert.match(message, /invalid delimiter for "scores.psv": "\|\|"/);
});

test("FileAttachment.xml() parses XML; a malformed file is an error naming it", async () => {
  const document = await FileAttachment("catalog.xml").xml();
  const books = [...document.querySelectorAll("book")].map((book) => [
    book.getAttribute("id"),
    book.textContent
  ]);
  assert.deepEqual(books, [
    ["b1", "Dune"],
    ["b2", "Emma"]
  ]);
  assert.match(
    await rejection(FileAttachment("broken.xml").xml(), "broken.xml"),
    /^invalid XML in "broken.xml"/
  );
});

test("FileAttachment.html() parses HTML into a document whose scripts do not run", async () => {
  const document = await FileAttachment("page.htm").html();
  assert.equal(document.title, "A page");
  assert.equal(document.querySelector("p.x")?.textContent, "hi there");
  assert.equal((globalThis as {pwned?: unknown}).pwned, undefined);
});

test("FileAttachment.image() headless is an <img> of the bytes as a data: URL, with the properties given", async () => {
  const image = await FileAttachment("pixel.png").image({alt: "three by two", width: 30});
  assert.equal(image.tagName, "IMG");
  assert.equal(image.alt, "three by two");
  assert.equal(image.width, 30);
  assert.equal(image.src, `data:image/png;base64,${Buffer.from(makePng()).toString("base64")}`);
  assert.match(await rejection(FileAttachment("missing.png").image(), "missing.png"), /file not found/);
});

test("FileAttachment.xlsx() lists the sheets; sheet() gives rows keyed by letter, with a non-enumerable #", async () => {
  const workbook = await FileAttachment("sales.xlsx").xlsx();
  assert.deepEqual(workbook.sheetNames, ["Sales", "Notes"]);
  const rows = workbook.sheet(0);
  assert.deepEqual(rows.columns, ["#", "A", "B", "C", "D"]);
  assert.deepEqual({...rows[1]}, {A: "north", B: 3, C: 2.5, D: 7.5});
  assert.equal(rows[1]!["#"], 2);
  assert.equal(rows.length, 3);
});

test("Workbook.sheet(name, {headers: true}) names columns by the first row; formulas give their results", async () => {
  const rows = (await FileAttachment("sales.xlsx").xlsx()).sheet("Sales", {headers: true});
  assert.deepEqual(rows.columns, ["#", "region", "units", "price", "total"]);
  assert.deepEqual(
    rows.map((row) => ({...row, "#": row["#"]})),
    [
      {"#": 2, region: "north", units: 3, price: 2.5, total: 7.5},
      {"#": 3, region: "south", units: 4, price: 1.25, total: 5}
    ]
  );
});

test("Workbook.sheet(name, {range}) reads part of a sheet; rich text and links read as text", async () => {
  const workbook = await FileAttachment("sales.xlsx").xlsx();
  assert.deepEqual(
    workbook.sheet("Sales", {range: "B2:C3"}).map((row) => ({...row})),
    [
      {B: 3, C: 2.5},
      {B: 4, C: 1.25}
    ]
  );
  const notes = workbook.sheet("Notes").map((row) => ({...row}));
  assert.deepEqual(notes, [{A: "hello"}, {C: "https://example.com/ site"}, {B: "bold text"}]);
});

test("Workbook.sheet() of a missing sheet or a bad range is an error naming the file", async () => {
  const workbook = await FileAttachment("sales.xlsx").xlsx();
  assert.match(
    await rejection(() => workbook.sheet("Nope"), "sales.xlsx"),
    /no sheet "Nope" in "sales.xlsx"/
  );
  assert.match(await rejection(() => workbook.sheet(5), "sales.xlsx"), /no sheet 5/);
  assert.match(
    await rejection(() => workbook.sheet("Sales", {range: "1A"}), "sales.xlsx"),
    /invalid range: "1A"/
  );
});

test("FileAttachment.zip() lists the archive's files; file(path) reads an entry with every method", async () => {
  const archive = await FileAttachment("archive.zip").zip();
  assert.deepEqual([...archive.filenames].sort(), [
    "data/points.csv",
    "escape.txt",
    "pixel.png",
    "readme.txt"
  ]);
  const readme = archive.file("readme.txt");
  assert.equal(readme.name, "readme.txt");
  assert.equal(readme.mimeType, "text/plain");
  assert.equal(await readme.text(), "inside the zip\n");
  assert.equal(await (await readme.blob()).text(), "inside the zip\n");
  assert.equal(await new Response(await readme.stream()).text(), "inside the zip\n");
  assert.deepEqual(new Uint8Array(await archive.file("pixel.png").arrayBuffer()), makePng());
  assert.match(await archive.file("pixel.png").url(), /^blob:/);
});

test("a zip entry named ../../escape.txt is only a name: it reads the archive's bytes, never a file on disk", async () => {
  const archive = await FileAttachment("archive.zip").zip();
  assert.equal(await archive.file("escape.txt").text(), "just a name\n");
  assert.match(
    await rejection(() => archive.file("../../escape.txt"), "archive.zip"),
    /no file "..\/..\/escape.txt" in zip "archive.zip"/
  );
  assert.match(await rejection(() => archive.file("constructor"), "archive.zip"), /no file "constructor"/);
});

test("a corrupt zip is an error naming the attachment", async () => {
  assert.match(
    await rejection(FileAttachment("corrupt.zip").zip(), "corrupt.zip"),
    /^unable to read zip "corrupt.zip": /
  );
});

test("FileAttachment.sqlite() queries the database with parameters", async () => {
  const db = await FileAttachment("birds.sqlite").sqlite();
  const rows = await db.query("SELECT name, wingspan FROM birds WHERE wingspan > ? ORDER BY wingspan", [1]);
  assert.deepEqual(
    [...rows],
    [
      {name: "owl", wingspan: 1.1},
      {name: "heron", wingspan: 1.8}
    ]
  );
  assert.deepEqual(rows.columns, ["name", "wingspan"]);
  assert.deepEqual(await db.queryRow("SELECT count(*) AS n FROM birds"), {n: 3});
  assert.equal(await db.queryRow("SELECT * FROM birds WHERE id = 99"), null);
});

test("SQLiteDatabaseClient.sql`…` binds each interpolation as a parameter, never as SQL", async () => {
  const db = await FileAttachment("birds.sqlite").sqlite();
  const id = 2;
  assert.deepEqual([...(await db.sql`SELECT name FROM birds WHERE id = ${id}`)], [{name: "wren"}]);
  const hostile = "x' OR '1'='1";
  assert.deepEqual([...(await db.sql`SELECT name FROM birds WHERE name = ${hostile}`)], []);
});

test("SQLiteDatabaseClient describes its tables and their columns", async () => {
  const db = await FileAttachment("birds.sqlite").sqlite();
  assert.deepEqual(
    (await db.describeTables()).map((row) => ({...row})),
    [
      {schema: null, name: "birds"},
      {schema: null, name: "sightings"}
    ]
  );
  assert.deepEqual(await db.describeColumns({table: "birds"}), [
    {name: "id", type: "integer", databaseType: "INTEGER", nullable: true},
    {name: "name", type: "string", databaseType: "TEXT", nullable: false},
    {name: "wingspan", type: "number", databaseType: "REAL", nullable: true}
  ]);
  assert.match(await rejection(db.describeColumns({table: "nope"}), "birds.sqlite"), /no table "nope"/);
});

test("a failing query and a corrupt database are errors naming the attachment", async () => {
  const db = await FileAttachment("birds.sqlite").sqlite();
  assert.match(
    await rejection(db.query("SELECT * FROM nope"), "birds.sqlite"),
    /SQLite "birds.sqlite": no such table: nope/
  );
  assert.match(
    await rejection(FileAttachment("corrupt.sqlite").sqlite(), "corrupt.sqlite"),
    /^unable to read SQLite "corrupt.sqlite": file is not a database/
  );
});
