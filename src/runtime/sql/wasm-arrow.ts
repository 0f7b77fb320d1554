import {
  DataType,
  DateMillisecond,
  Field,
  FixedSizeList,
  List,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimeUnit,
  makeData,
  type Data
} from "apache-arrow";
import {dateDays, timestampMillis, type TimestampUnit} from "./date-range.ts";

/**
 * duckdb-wasm's result with its dates and timestamps as node-arrow.ts gives them: each TIMESTAMP (any unit, with
 * time zone too) a Date64 of epoch milliseconds and each DATE a Date32, by date-range.ts's rule, in lists too.
 * duckdb-wasm's own `castTimestampToDate` (off, see duckdb-wasm.ts) overflowed on DuckDB's ±infinity: the
 * Date64 of 'infinity' was a number apache-arrow refused to read (the cell failed), a TIMESTAMP_S's was -1000.
 */
export function withJavaScriptDates(table: Table): Table {
  if (!table.schema.fields.some((field) => holdsDates(field.type))) return table;
  const fields = table.schema.fields.map((field) => field.clone({type: jsType(field.type)}));
  const schema = new Schema(fields, table.schema.metadata);
  const batches = table.batches.map(
    (batch) =>
      new RecordBatch(
        schema,
        makeData({
          type: new Struct(fields),
          length: batch.numRows,
          nullCount: 0,
          children: batch.data.children.map(jsData)
        })
      )
  );
  return new Table(schema, batches);
}

function holdsDates(type: DataType): boolean {
  return (
    DataType.isTimestamp(type) || DataType.isDate(type) || type.children?.some((c) => holdsDates(c.type))
  );
}

// A type's JavaScript form: the same object when nothing in it changes.
function jsType(type: DataType): DataType {
  if (DataType.isTimestamp(type)) return new DateMillisecond();
  if (DataType.isList(type) || DataType.isFixedSizeList(type)) {
    const child = type.children[0]!;
    const childType = jsType(child.type);
    if (childType === child.type) return type;
    const field = new Field(child.name, childType, child.nullable, child.metadata);
    return DataType.isList(type) ? new List(field) : new FixedSizeList(type.listSize, field);
  }
  return type;
}

const UNITS: Record<TimeUnit, TimestampUnit> = {
  [TimeUnit.SECOND]: "s",
  [TimeUnit.MILLISECOND]: "ms",
  [TimeUnit.MICROSECOND]: "us",
  [TimeUnit.NANOSECOND]: "ns"
};

function jsData(data: Data): Data {
  const {type} = data;
  if (DataType.isTimestamp(type)) {
    const raw = data.values as BigInt64Array;
    const millis = new BigInt64Array(raw.length);
    for (let i = 0; i < raw.length; ++i) millis[i] = BigInt(timestampMillis(raw[i]!, UNITS[type.unit]));
    return makeData({...nulls(data), type: new DateMillisecond(), data: millis});
  }
  if (DataType.isDate(type) && data.values instanceof Int32Array) {
    return makeData({...nulls(data), type, data: data.values.map(dateDays)});
  }
  if (!DataType.isList(type) && !DataType.isFixedSizeList(type)) return data;
  return data.clone(jsType(type), data.offset, data.length, data.nullCount, data.buffers, [
    jsData(data.children[0]!)
  ]);
}

// What a primitive column's Data keeps when its values change: where it starts, its length and its nulls.
function nulls(data: Data) {
  return {offset: data.offset, length: data.length, nullCount: data.nullCount, nullBitmap: data.nullBitmap};
}
