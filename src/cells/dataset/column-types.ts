import {Type, type DataType} from "apache-arrow";

/** Text, plain or dictionary-encoded (CSV readers and pandas categoricals give the latter). */
export function isText(type: DataType): boolean {
  if (type.typeId === Type.Dictionary) return isText((type as unknown as {dictionary: DataType}).dictionary);
  return type.typeId === Type.Utf8 || type.typeId === Type.LargeUtf8 || type.typeId === Type.Utf8View;
}

// Decimals are left out: Arrow JS gives their unscaled words, not numbers (our Parquet reader maps DECIMAL to
// Float64; a decimal column in an Arrow file is reported as unsupported where a number is needed).
export function isNumeric(type: DataType): boolean {
  return type.typeId === Type.Int || type.typeId === Type.Float;
}

export function isTemporal(type: DataType): boolean {
  return type.typeId === Type.Timestamp || type.typeId === Type.Date;
}
