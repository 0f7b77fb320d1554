import {defaultFileName, FORMATS, type ExportFormat} from "./formats.ts";

/**
 * The name an export is saved or downloaded under. A name is only a name: a separator or `..` would let a
 * notebook write outside `exports/` (`../../x`), and another format's extension would let it put CSV under
 * `nb.html` beside the notebook. So a separator, `..` or a control character is an error, a name without an
 * extension gets the format's, and one with another extension is an error saying which the format needs.
 * No name (undefined or "") is Phoenix's local-time name.
 */
export function exportFileName(fileName: unknown, format: ExportFormat): string {
  if (fileName === undefined || fileName === "") return defaultFileName(format);
  if (typeof fileName !== "string")
    throw new TypeError(`exportRows: fileName ${String(fileName)} is not a string`);
  // eslint-disable-next-line no-control-regex -- control characters are what this rejects
  if (/[/\\\u0000-\u001f\u007f]|\.\./.test(fileName) || fileName === ".")
    throw new RangeError(
      `exportRows: fileName ${JSON.stringify(fileName)} is not a file name (no / or \\, no .., no control characters)`
    );
  const {extension} = FORMATS[format];
  const dot = fileName.lastIndexOf(".");
  if (dot <= 0) return `${fileName}.${extension}`; // ".env" is a stem, as node's extname reads it
  const given = fileName.slice(dot + 1);
  if (given.toLowerCase() === extension) return fileName;
  throw new RangeError(
    `exportRows: fileName ${JSON.stringify(fileName)} ends in .${given}; the ${format} format needs .${extension} (say ${JSON.stringify(`${fileName.slice(0, dot)}.${extension}`)})`
  );
}
