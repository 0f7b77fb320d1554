import {DataType} from "apache-arrow";

/**
 * Integers, floats, dates, times and timestamps: one typed-array element per value. A leaf module that both
 * the cells (px.load) and the runtime (FileAttachment.parquet()) use, since neither layer may import the other.
 */
export function isFixedWidth(type: DataType): boolean {
  return (
    DataType.isInt(type) ||
    DataType.isFloat(type) ||
    DataType.isDate(type) ||
    DataType.isTime(type) ||
    DataType.isTimestamp(type)
  );
}
