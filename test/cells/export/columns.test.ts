import assert from "node:assert/strict";
import {test} from "node:test";
import {Float64, Null, Table, Utf8, vectorFromArray} from "apache-arrow";
import {DatasetError} from "../../../src/cells/dataset/errors.ts";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {exportRows} from "../../../src/cells/export/export-rows.ts";
import {readBack} from "./support.ts";

const primary = fromTable(
  new Table({
    id: vectorFromArray(["p0", "p1"], new Utf8()),
    score: vectorFromArray([0.5, 1.5], new Float64()),
    note: vectorFromArray([null, null], new Null())
  }),
  "prod.arrow",
  {name: "production"}
);

test("exportRows() exports the union of columns: primary's order, then reference-only columns, nulls between", async () => {
  const reference = fromTable(
    new Table({
      extra: vectorFromArray(["x"], new Utf8()),
      score: vectorFromArray([9], new Float64()),
      note: vectorFromArray(["kept"], new Utf8())
    }),
    "train.arrow",
    {name: "training"}
  );
  const file = await exportRows([primary, reference], {primary: [1], reference: [0]}, {format: "arrow"});
  const {fields, columns} = await readBack(file);
  // `note` holds only nulls in the primary (type Null): it takes the reference's type.
  assert.deepEqual(fields, [
    "id: Utf8",
    "score: Float64",
    "note: Utf8",
    "extra: Utf8",
    "__phoenix_dataset_name__: Utf8"
  ]);
  assert.deepEqual(columns, {
    id: ["p1", null],
    score: [1.5, 9],
    note: [null, "kept"],
    extra: [null, "x"],
    __phoenix_dataset_name__: ["production", "training"]
  });
});

test("exportRows() of primary rows only leaves out the reference's own columns", async () => {
  const reference = fromTable(new Table({extra: vectorFromArray(["x"], new Utf8())}), "train.arrow");
  const file = await exportRows([primary, reference], {primary: [0]}, {format: "arrow"});
  assert.deepEqual((await readBack(file)).fields, ["id: Utf8", "score: Float64", "note: Null"]);
});

test("exportRows() refuses a column of different types in the two datasets, naming it and both types", async () => {
  const reference = fromTable(new Table({score: vectorFromArray(["high"], new Utf8())}), "train.arrow", {
    name: "training"
  });
  await assert.rejects(
    exportRows([primary, reference], {primary: [0], reference: [0]}, {format: "csv"}),
    (error: unknown) =>
      error instanceof DatasetError &&
      error.problems[0]!.column === "score" &&
      error.message ===
        'prod.arrow and train.arrow: column "score": cannot export: Float64 in production but Utf8 in training'
  );
});

test("exportRows() refuses to add __phoenix_dataset_name__ over a column of that name", async () => {
  const named = fromTable(
    new Table({__phoenix_dataset_name__: vectorFromArray(["mine"], new Utf8())}),
    "named.arrow"
  );
  await assert.rejects(
    exportRows([named, named], {primary: [0], reference: [0]}, {format: "csv"}),
    /named\.arrow: column "__phoenix_dataset_name__": is the name of a column that exportRows adds/
  );
});
