import {Type, type DataType} from "apache-arrow";

/** Text, plain or dictionary-encoded (CSV readers and pandas categoricals give the latter). */
export function isText(type: DataType): boolean {
  if (type.typeId === Type.Dictionary) return isText((type as unknown as {dictionary: DataType}).dictionary);
  return type.typeId === Type.Utf8 || type.typeId === Type.LargeUtf8 || type.typeId === Type.Utf8View;
}

export function isNumeric(type: DataType): boolean {
  return type.typeId === Type.Int || type.typeId === Type.Float || type.typeId === Type.Decimal;
}

export function isTemporal(type: DataType): boolean {
  return type.typeId === Type.Timestamp || type.typeId === Type.Date;
}
