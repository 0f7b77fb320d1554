// `phoenix-notebook new` and `open`, as a user runs them: the notebook written for each data set runs with
// `phoenix-notebook run`, every cell fulfilled, and has the cells its data calls for.
import assert from "node:assert/strict";
import {spawn} from "node:child_process";
import {createServer, type AddressInfo} from "node:net";
import {cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {encode as encodePng} from "fast-png";
import {cli} from "../helpers/cli.ts";
import {openDuckDB} from "../helpers/duckdb.ts";
import {mulberry32} from "../helpers/mulberry32.ts";
import {newAndRun as newNotebookAndRun, smallSettings} from "../helpers/new-and-run.ts";

let dir: string;

const settings = smallSettings;
const newAndRun = (notebook: string, args: string[], runArgs?: string[], options?: {with?: object | null}) =>
  newNotebookAndRun(dir, notebook, args, runArgs, options);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "phoenix-new-"));
  await cp("notebooks/data", join(dir, "data"), {recursive: true});
  await writeGenerated(join(dir, "gen"));
});
after(async () => {
  if (dir) await rm(dir, {recursive: true, force: true});
});

const has = (names: Set<string>, expected: string[]) =>
  assert.deepEqual(
    expected.filter((n) => !names.has(n)),
    [],
    `missing cells; the notebook has ${[...names].join(", ")}`
  );
const lacks = (names: Set<string>, unexpected: string[]) =>
  assert.deepEqual(
    unexpected.filter((n) => names.has(n)),
    []
  );

const cloud = [
  "viewof settings",
  "projection",
  "clusters",
  "summary",
  "viewof selection",
  "viewof pickedCluster",
  "viewof pickedRow",
  "quality",
  "exported"
];
const drift = ["drift", "featureDrift", "viewof pickedFeature"];

test("new: the digits pair with its schema.json: every cell in Phoenix's order, the schema read from its file", async () => {
  const {names, source, stdout} = await newAndRun("digits.html", [
    "--primary",
    "data/digits-production.parquet",
    "--reference",
    "data/digits-training.parquet",
    "--schema",
    "data/digits-schema.json"
  ]);
  has(names, [
    "schema",
    "primaryPerformance",
    "referencePerformance",
    ...drift,
    "driftSeries",
    "viewof timeWindow",
    ...cloud
  ]);
  assert.match(source, /schema = FileAttachment\("data\/digits-schema.json"\)\.json\(\)/);
  const order = [
    "px.performance",
    "phx.driftTimeline",
    "phx.projectionSettings",
    "phx.pointCloud",
    "phx.clusterExplorer",
    "phx.linkClusters",
    "phx.selectionTable",
    "phx.featureDriftTable",
    "px.dataQuality",
    "px.exportRows"
  ];
  const at = order.map((call) => source.indexOf(call));
  assert.deepEqual(
    [...at].sort((a, b) => a - b),
    at,
    "cells out of Phoenix's order"
  );
  assert.doesNotMatch(stdout, /Inferred schema/);
  // It returns nothing to show: shown, it was a stray "undefined" on every page (digits-drift.html hides it).
  assert.match(source, /<script [^>]*hidden>\s*phx\.linkClusters\(viewof selection, viewof pickedCluster\)/);
});

test("new: digits.csv.gz alone: one dataset, tabular embedding, no drift and no performance", async () => {
  const {names, source} = await newAndRun("digits-csv.html", ["--primary", "data/digits.csv.gz"]);
  has(names, ["primaryData", "primary", ...cloud]);
  lacks(names, [...drift, "driftSeries", "primaryPerformance", "reference"]);
  assert.match(source, /px\.embed\(primaryData, \{method: "tabular", name: "tabular_embedding"\}\)/);
});

test("new: penguins.csv: tabular embedding of the features; the inferred schema is printed with how to change it", async () => {
  const {names, stdout} = await newAndRun("penguins.html", ["--primary", "data/penguins.csv"]);
  has(names, ["primary", ...cloud]);
  assert.match(stdout, /"feature_column_names": \[\n\s+"species",/);
  assert.match(stdout, /pass --schema schema.json to new/);
});

test("new: topic-sentences.csv: the text column embedded with words, the topic a feature", async () => {
  const {names, source} = await newAndRun("topics.html", ["--primary", "data/topic-sentences.csv"]);
  has(names, ["primary", ...cloud]);
  assert.match(
    source,
    /px\.embed\(primaryData, \{method: "words", column: "text", name: "text_embedding"\}\)/
  );
  assert.match(source, /"feature_column_names": \[\n\s+"topic"\n/);
});

test("new: images by data-URL link, two datasets without timestamps: pixels, drift without a timeline, classification", async () => {
  const {names, source} = await newAndRun("images.html", [
    "--primary",
    "gen/images-production.csv",
    "--reference",
    "gen/images-training.csv"
  ]);
  has(names, ["referenceData", "reference", "primaryPerformance", ...drift, ...cloud]);
  lacks(names, ["driftSeries", "viewof timeWindow"]);
  assert.match(source, /method: "pixels", column: "image_url"/);
  // data: URLs are the page's own: no remote fetch to consent to.
  assert.doesNotMatch(source, /remoteImages/);
  assert.match(source, /accuracy: p\.accuracy/);
});

test("new: images linked on another site: the embed says remoteImages: true, and new says who will fetch them", async () => {
  // Written only, not run: nothing may be fetched from 127.0.0.2.
  const rows = ["id,image_url", ...[0, 1, 2].map((i) => `r${i},http://127.0.0.2:9/img/${i}.png`)];
  await writeFile(join(dir, "gen", "linked.csv"), `${rows.join("\n")}\n`);
  const {code, stdout, stderr} = await cli(["new", "linked.html", "--primary", "gen/linked.csv"], {cwd: dir});
  assert.equal(code, 0, stderr);
  const source = await readFile(join(dir, "linked.html"), "utf8");
  assert.match(
    source,
    /px\.embed\(primaryData, \{method: "pixels", column: "image_url", name: "image_url_embedding", remoteImages: true\}\)/
  );
  assert.match(
    stdout,
    /the images of image_url are links to other sites: .*everyone who opens a page built from it/
  );
});

test("new: text only, one dataset: words", async () => {
  const {names, source} = await newAndRun("reviews.html", ["--primary", "gen/reviews.csv"]);
  has(names, ["primary", ...cloud]);
  assert.match(source, /method: "words", column: "review"/);
});

test("new: tabular regression with timestamps, two datasets: regression metrics, the drift timeline; export writes", async () => {
  const {names, source} = await newAndRun(
    "regression.html",
    ["--primary", "gen/regression-production.jsonl", "--reference", "gen/regression-training.jsonl"],
    ["--set", "exportClicks=1"]
  );
  has(names, ["primaryPerformance", ...drift, "driftSeries", "viewof timeWindow", ...cloud]);
  assert.match(source, /mae: p\.regression\?\.mae/);
  assert.match(source, /"prediction_score_column_name": "prediction"/);
  assert.equal((await readdir(join(dir, "exports"))).filter((f) => f.endsWith(".parquet")).length, 1);
});

test("new on 10 + 10 rows, the settings left at their defaults: 30 neighbours truncated to 19, every cell fulfilled", async () => {
  // Before, the projection refused 20 points for nNeighbors 30 and 12 of the cells failed with it.
  const {names} = await newAndRun(
    "small.html",
    ["--primary", "gen/small-production.csv", "--reference", "gen/small-training.csv"],
    [],
    {with: null}
  );
  has(names, ["reference", ...drift, ...cloud]);
});

test("new: export clicked when no cluster forms and nothing is lassoed: a 'nothing to export' message, not an error", async () => {
  // Before, the export cell failed: "exportRows: empty selection: no rows to export".
  const {values} = await newAndRun(
    "no-clusters.html",
    ["--primary", "gen/small-production.csv", "--reference", "gen/small-training.csv"],
    ["--set", "exportClicks=1"],
    {with: {...settings, cluster: {...settings.cluster, minClusterSize: 1000}}}
  );
  assert.deepEqual(values.get("summary"), []);
  assert.match(
    (values.get("exported") as {text: string}).text,
    /^Nothing to export: no points are lassoed and no cluster formed/
  );
});

test("new: --set settings out of the panel's ranges is refused at the settings cell, naming the field", async () => {
  const made = await cli(
    [
      "new",
      "bad-settings.html",
      "--primary",
      "gen/small-production.csv",
      "--reference",
      "gen/small-training.csv"
    ],
    {cwd: dir}
  );
  assert.equal(made.code, 0, made.stderr);
  for (const [change, message] of [
    [
      {project: {...settings.project, nComponents: 4}},
      "project.nComponents: dimensions must be from 2 to 3, not 4"
    ],
    [
      {project: {...settings.project, nComponents: 2}, cluster: {...settings.cluster, minClusterSize: 1}},
      "cluster.minClusterSize: min cluster size must be at least 2, not 1"
    ]
  ] as const) {
    const report = join(dir, "bad-settings.json");
    const ran = await cli(
      [
        "run",
        "bad-settings.html",
        "--json",
        report,
        "--set",
        `settings=${JSON.stringify({...settings, ...change})}`
      ],
      {cwd: dir, timeoutMs: 180_000}
    );
    assert.equal(ran.code, 1, ran.stderr);
    const {cells} = JSON.parse(await readFile(report, "utf8")) as {
      cells: {name: string | null; status: string; error?: string}[];
    };
    const errors = new Map(cells.map((c) => [c.name, c.error]));
    assert.match(
      errors.get("viewof settings") ?? "",
      new RegExp(`--set settings: ${message.replace(/\./g, "\\.")}$`)
    );
    // Before, the settings were taken as given and the projection or clustering failed deep inside.
    assert.match(errors.get("projection") ?? "", /waits on settings, which failed/);
    assert.match(errors.get("clusters") ?? "", /waits on (settings|projection), which failed/);
  }
});

test("new: a reference with other features than the primary's: drift on the features both have, the rest named", async () => {
  // p.csv has f1, f2, f3; r.csv f1, f3, f4. The schema was the primary's alone: r.csv failed on f2.
  const csv = (columns: string[], shift: number) =>
    [
      columns.join(","),
      ...Array.from({length: 60}, (_, i) => columns.map((_, c) => (i * (c + 3) + shift) % 17).join(","))
    ].join("\n");
  await writeFile(join(dir, "gen", "p.csv"), csv(["f1", "f2", "f3"], 2));
  await writeFile(join(dir, "gen", "r.csv"), csv(["f1", "f3", "f4"], 0));
  const {names, source, stdout} = await newAndRun("features.html", [
    "--primary",
    "gen/p.csv",
    "--reference",
    "gen/r.csv"
  ]);
  has(names, ["reference", ...drift, ...cloud]);
  assert.match(source, /"feature_column_names": \[\n\s+"f1",\n\s+"f3"\n\s+\]/);
  assert.match(
    stdout,
    /left out of the schema and of the drift: f2 only in gen\/p\.csv; f4 only in gen\/r\.csv/
  );
  assert.match(source, /`f2` only in `gen\/p\.csv`; `f4` only in `gen\/r\.csv`/);
});

test("new: a list column is no feature (new says why), and one a given schema names is left out of the drift with a warning", async () => {
  // Before, the inferred schema made tags (VARCHAR[]) a feature and the feature drift cell failed on it:
  // `prod.parquet: column "tags": cannot measure drift of a List<Utf8> column`, and the cells after it waited.
  const db = await openDuckDB();
  for (const [name, shift] of [
    ["prod", 1],
    ["train", 0]
  ] as const)
    await db.run(`COPY (SELECT 'id' || i AS prediction_id, TIMESTAMP '2024-01-01' + INTERVAL (i) HOUR AS prediction_ts,
      (i % 17) * 1.5 + ${shift} AS amount, ['red', 'green', 'blue'][1 + i % 3] AS color,
      ['a', 'b'][1:(1 + i % 2)] AS tags, CASE WHEN i % 2 = 0 THEN 'cat' ELSE 'dog' END AS prediction_label,
      CASE WHEN i % 5 = 0 THEN 'dog' WHEN i % 2 = 0 THEN 'cat' ELSE 'dog' END AS actual_label,
      [i % 7, i % 3 + ${shift}, i % 11]::FLOAT[3] AS vector
      FROM range(60) AS t(i)) TO '${join(dir, "gen", `${name}.parquet`)}' (FORMAT parquet)`);
  db.close();
  const files = ["--primary", "gen/prod.parquet", "--reference", "gen/train.parquet"];
  const inferred = await newAndRun("tags.html", files);
  assert.match(inferred.source, /"feature_column_names": \[\n\s+"amount",\n\s+"color"\n\s+\]/);
  assert.match(
    inferred.stdout,
    /gen\/prod\.parquet: column "tags" left out of the features: drift cannot bin List<Utf8>/
  );
  const features = (inferred.values.get("featureDrift") as {feature: string}[]).map((d) => d.feature);
  assert.deepEqual(features, ["amount", "color", "prediction_label", "actual_label"]);
  // A schema that names it (Phoenix's own inference would): the drift of the others, and a warning.
  await writeFile(
    join(dir, "gen", "tags-schema.json"),
    JSON.stringify({
      prediction_id_column_name: "prediction_id",
      timestamp_column_name: "prediction_ts",
      feature_column_names: ["amount", "color", "tags"],
      prediction_label_column_name: "prediction_label",
      actual_label_column_name: "actual_label",
      embedding_feature_column_names: {vector_embedding: {vector_column_name: "vector"}}
    })
  );
  const given = await newAndRun("tags-given.html", [...files, "--schema", "gen/tags-schema.json"]);
  assert.deepEqual(given.warnings.get("featureDrift"), [
    'column "tags" left out: gen/prod.parquet: cannot measure drift of a List<Utf8> column'
  ]);
});

test("new never overwrites a file: exit 2, one line, the file as it was", async () => {
  await writeFile(join(dir, "mine.html"), "mine");
  const {code, stderr} = await cli(["new", "mine.html", "--primary", "data/penguins.csv"], {cwd: dir});
  assert.equal(code, 2);
  assert.match(stderr, /^phoenix-notebook: mine.html exists: new never overwrites a file/);
  assert.equal(await readFile(join(dir, "mine.html"), "utf8"), "mine");
});

test("new refuses data outside the notebook's folder, saying why, and writes nothing", async () => {
  await mkdir(join(dir, "sub"));
  const {code, stderr} = await cli(["new", "sub/nb.html", "--primary", "data/penguins.csv"], {cwd: dir});
  assert.equal(code, 2);
  assert.match(
    stderr,
    /--primary data\/penguins.csv lies outside the notebook's folder .*a built page refuses/
  );
  assert.deepEqual(await readdir(join(dir, "sub")), []);
});

test("new gives bad data px.load's DatasetError before anything is written", async () => {
  await writeFile(join(dir, "gen", "bad.csv"), "a,b\n1,2\n3,4,5\n");
  const {code, stderr} = await cli(["new", "bad.html", "--primary", "gen/bad.csv"], {cwd: dir});
  assert.equal(code, 1);
  assert.match(
    stderr,
    /gen\/bad\.csv: rows with more fields than the header's 2 \(the extra fields would be lost\): "3,4,5" \(row 1\)/
  );
  await assert.rejects(readFile(join(dir, "bad.html")));
});

test("new writes a data file's hostile name into the title as text: no HTML, no link", async () => {
  // A name a page would otherwise render as an element with a handler, or as a javascript: link.
  const name = "<img src=x onerror=alert(9)>[a](javascript:alert(1)).csv";
  await cp(join(dir, "data", "penguins.csv"), join(dir, "gen", name));
  const {code, stderr} = await cli(["new", "hostile-name.html", "--primary", `gen/${name}`], {cwd: dir});
  assert.equal(code, 0, stderr);
  const source = await readFile(join(dir, "hostile-name.html"), "utf8");
  const title = /# (.*)/.exec(source)![1]!;
  assert.equal(title, "&lt;img src=x onerror=alert(9)&gt;&#91;a&#93;(javascript:alert(1)).csv");
  // In the code span beside it the name stays as written: Markdown shows a code span's text as it is.
  assert.ok(source.includes(`(\`gen/${name}\`)`));
});

test("new keeps a data name with blank lines inside its code span: the rest never reads as HTML", async () => {
  // A blank line ended the paragraph and the code span with it; the <img> after it rendered, handler and all.
  const name = "n\n\n<img src=x onerror=alert(1)>.csv";
  await cp(join(dir, "data", "penguins.csv"), join(dir, "gen", name));
  const {code, stderr} = await cli(["new", "blank-lines.html", "--primary", `gen/${name}`], {cwd: dir});
  assert.equal(code, 0, stderr);
  const source = await readFile(join(dir, "blank-lines.html"), "utf8");
  assert.ok(source.includes("(`gen/n <img src=x onerror=alert(1)>.csv`)"), source.slice(0, 600));
  assert.doesNotMatch(source, /^\s*<img/m);
});

test("new: usage mistakes are one line and exit 2", async () => {
  for (const [args, message] of [
    [["new", "nb.html"], /new needs --primary FILE/],
    [["new", "nb.txt", "--primary", "data/penguins.csv"], /must be an \.html file/],
    [["new", "nb.html", "--primary", "data/missing.csv"], /--primary: no such file: data\/missing.csv/]
  ] as const) {
    const {code, stderr} = await cli([...args], {cwd: dir});
    assert.equal(code, 2, stderr);
    assert.match(stderr.split("\n")[0]!, message);
  }
});

test("open writes the notebook next to the data, numbered when the name is taken, and serves it", async () => {
  await writeFile(join(dir, "gen", "reviews.html"), "mine");
  const env = {...process.env, DISPLAY: "", WAYLAND_DISPLAY: ""};
  const child = spawn(
    process.execPath,
    ["bin/phoenix-notebook.js", "open", join(dir, "gen", "reviews.csv"), "--port", "0"],
    {env}
  );
  let output = "";
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk;
        const match = /serving .* at (http:\S+)/.exec(output);
        if (match) resolve(match[1]!);
      };
      child.stdout.on("data", read);
      child.stderr.on("data", read);
      child.on("exit", (code) => reject(new Error(`open exited with ${code}:\n${output}`)));
    });
    assert.equal(await readFile(join(dir, "gen", "reviews.html"), "utf8"), "mine");
    const page = await fetch(new URL("reviews%20(1).html", url));
    assert.equal(page.status, 200);
    assert.match(await page.text(), /phoenix-notebook-data/);
    assert.match(output, /wrote .*reviews \(1\)\.html/);
  } finally {
    child.kill("SIGKILL");
  }
});

test("open on a --port in use refuses before writing anything; a --port that is not digits is refused", async () => {
  const busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
  const port = (busy.address() as AddressInfo).port;
  try {
    const before = await readdir(join(dir, "gen"));
    const {code, stderr} = await cli(["open", join(dir, "gen", "reviews.csv"), "--port", String(port)]);
    assert.equal(code, 2, stderr);
    assert.match(stderr, new RegExp(`--port ${port}: the port is in use`));
    // Before, reviews (n).html was written first, one more on every retry.
    assert.deepEqual(await readdir(join(dir, "gen")), before);
  } finally {
    busy.close();
  }
  for (const value of ["", " ", "0x50", "80.0"]) {
    const {code, stderr} = await cli(["open", join(dir, "gen", "reviews.csv"), "--port", value]);
    assert.equal(code, 2, value);
    assert.match(stderr, /--port: ".*" is not a port number/);
  }
});

test("open refuses files whose only common folder is the root or the home folder, before writing anything", async () => {
  // Two folders of a home folder (HOME set for the command): serving their common folder would serve all of it.
  const home = join(dir, "home");
  for (const folder of ["data", "Downloads"]) {
    await mkdir(join(home, folder), {recursive: true});
    await cp(join(dir, "gen", "reviews.csv"), join(home, folder, "reviews.csv"));
  }
  const {code, stderr} = await cli(
    ["open", join(home, "data", "reviews.csv"), join(home, "Downloads", "reviews.csv"), "--port", "0"],
    {env: {HOME: home}, timeoutMs: 30_000}
  );
  assert.equal(code, 2, stderr);
  assert.match(stderr, /whose only common folder is .*home: serving it would serve everything in it/);
  assert.equal(stderr.trim().split("\n").length, 1);
  assert.deepEqual((await readdir(home)).sort(), ["Downloads", "data"], "nothing written");
});

// Small shapes the example data does not have: images by link, text alone, a regression over time.
async function writeGenerated(folder: string): Promise<void> {
  await mkdir(folder);
  const random = mulberry32(7);
  const image = (digit: number, shift: number) => {
    const data = new Uint8Array(64);
    for (let y = 1; y < 7; ++y) data[y * 8 + ((digit + shift + y) % 8)] = 255;
    for (let i = 0; i < 64; ++i) data[i] = Math.max(data[i]!, Math.floor(random() * 40));
    const png = encodePng({width: 8, height: 8, data, channels: 1, depth: 8});
    return `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
  };
  const images = (shift: number) =>
    ["image_url,prediction_label,actual_label"]
      .concat(
        Array.from(
          {length: 60},
          (_, i) => `"${image(i % 4, shift)}",${i % 4},${random() < 0.8 ? i % 4 : (i + 1) % 4}`
        )
      )
      .join("\n");
  await writeFile(join(folder, "images-production.csv"), images(2));
  await writeFile(join(folder, "images-training.csv"), images(0));
  const words = ["good", "bad", "slow", "fast", "cheap", "broken", "lovely", "battery", "screen", "delivery"];
  const sentence = () => Array.from({length: 6}, () => words[Math.floor(random() * words.length)]).join(" ");
  await writeFile(
    join(folder, "reviews.csv"),
    ["review", ...Array.from({length: 60}, () => `The ${sentence()}.`)].join("\n")
  );
  const regression = (start: number, drift: number) =>
    Array.from({length: 80}, (_, i) => {
      const x1 = random() * 10 + drift;
      const x2 = random() * 5;
      const actual = 2 * x1 + x2 + random();
      const timestamp = new Date(start + i * 3_600_000).toISOString();
      const category = ["a", "b", "c"][i % 3];
      return JSON.stringify({timestamp, x1, x2, category, prediction: actual + random() - 0.5, actual});
    }).join("\n");
  const small = (shift: number) =>
    ["x1,x2,x3,prediction_label,actual_label"]
      .concat(
        Array.from({length: 10}, (_, i) => {
          const x = [random() + shift, random() * 2, random() * 3].map((v) => v.toFixed(3));
          return `${x.join(",")},${i % 2 ? "a" : "b"},${random() < 0.7 === Boolean(i % 2) ? "a" : "b"}`;
        })
      )
      .join("\n");
  await writeFile(join(folder, "small-production.csv"), small(1));
  await writeFile(join(folder, "small-training.csv"), small(0));
  await writeFile(join(folder, "regression-production.jsonl"), regression(Date.UTC(2024, 0, 8), 2));
  await writeFile(join(folder, "regression-training.jsonl"), regression(Date.UTC(2024, 0, 1), 0));
}
