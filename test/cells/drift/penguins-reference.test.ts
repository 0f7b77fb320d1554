import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {test} from "node:test";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {readTable} from "../../../src/cells/dataset/formats/index.ts";
import {featureDrift} from "../../../src/cells/drift/feature-drift.ts";
import {dataQuality} from "../../../src/cells/metrics/data-quality.ts";
import {tableFromArrays, type Table} from "apache-arrow";

// Expected values recorded with NumPy and SciPy by scripts/drift-reference/record.py on the same file.
interface Reference {
  drift: Record<
    string,
    {labels?: string[]; primary: number[]; reference: number[]; kl: number; psi: number; js: number}
  >;
  quality: Record<string, Record<string, number>>;
}
const reference = JSON.parse(
  await readFile(new URL("../../fixtures/drift/penguins-reference.json", import.meta.url), "utf8")
) as Reference;
const {table} = await readTable(new URL("../../../notebooks/data/penguins.csv", import.meta.url).pathname);

function subset(where: (island: string) => boolean): Table {
  const island = table.getChild("island")!;
  const rows = [...Array(table.numRows).keys()].filter((i) => where(island.get(i) as string));
  const columns = Object.fromEntries(
    table.schema.fields.map((f) => [f.name, rows.map((i) => table.getChild(f.name)!.get(i) as unknown)])
  );
  return tableFromArrays(columns as Parameters<typeof tableFromArrays>[0]) as unknown as Table;
}

const primary = fromTable(
  subset((island) => island === "Biscoe"),
  "Biscoe penguins",
  {name: "primary"}
);
const baseline = fromTable(
  subset((island) => island !== "Biscoe"),
  "other penguins",
  {name: "reference"}
);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

for (const metric of ["psi", "kl", "js"] as const) {
  test(`featureDrift() ${metric} equals SciPy's on the penguins (continuous and discrete, with nulls)`, () => {
    const drift = featureDrift(primary, baseline, {
      metric,
      features: ["body_mass_g", "flipper_length_mm", "sex", "species"]
    });
    for (const {feature, value} of drift) {
      const expected = reference.drift[feature]![metric];
      assert.ok(close(value, expected), `${feature}: ${value} vs SciPy ${expected}`);
    }
  });
}

test("featureDrift() bins continuous columns on the reference deciles, as NumPy does", () => {
  const [mass] = featureDrift(primary, baseline, {features: ["body_mass_g"]});
  assert.deepEqual([...mass!.bins.primary], reference.drift["body_mass_g"]!.primary);
  assert.deepEqual([...mass!.bins.reference], reference.drift["body_mass_g"]!.reference);
});

test("featureDrift() counts discrete values per label, nulls in their own bin", () => {
  const [sex] = featureDrift(primary, baseline, {features: ["sex"]});
  const expected = reference.drift["sex"]!;
  for (const [i, label] of [...expected.labels!, "null"].entries()) {
    const at = sex!.bins.labels.indexOf(label);
    assert.equal(sex!.bins.primary[at], expected.primary[i], label);
    assert.equal(sex!.bins.reference[at], expected.reference[i], label);
  }
});

test("dataQuality() equals NumPy's count, percent empty, cardinality, mean, sum, extremes and percentiles", () => {
  const all = fromTable(table, "penguins.csv");
  const {columns} = dataQuality(all, {features: ["body_mass_g", "beak_length_mm", "sex"]});
  for (const quality of columns) {
    for (const [key, expected] of Object.entries(reference.quality[quality.column]!)) {
      const actual = quality[key as keyof typeof quality] as number;
      assert.ok(close(actual, expected), `${quality.column} ${key}: ${actual} vs NumPy ${expected}`);
    }
  }
});
