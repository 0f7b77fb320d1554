import {CellError} from "../cell-error.ts";
import {
  DATA_LOADER_BUILTIN,
  loaderSpec,
  type DataLoader,
  type LoaderMode,
  type LoaderSpec
} from "../loaders/loader-cell.ts";
import type {Cell} from "../notebook/types.ts";
import {reservedNameProblem} from "./output-name.ts";
import type {CompiledCell, Definition} from "./types.ts";

const identifier = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/**
 * A data loader cell as one variable named by its `output`: its value is what the host's data loader builtin
 * gives for it (the runner runs the interpreter; a page reads the published output). A bad `output` or
 * `format` is the cell's syntax error.
 */
export function compileLoaderCell(cell: Cell & {readonly mode: LoaderMode}): CompiledCell {
  const name = cell.output ?? null;
  let resolved: LoaderSpec | CellError;
  const reserved = name === null ? undefined : reservedNameProblem(name);
  if (name !== null && !identifier.test(name)) {
    resolved = new CellError("syntax", `output "${name}" is not a name a cell can read`, null, cell.line);
  } else if (reserved) {
    resolved = new CellError("syntax", `invalid output name: "${name}" (${reserved})`, null, cell.line);
  } else {
    try {
      resolved = loaderSpec(cell);
    } catch (error) {
      resolved = new CellError("syntax", (error as Error).message, name, cell.line, {cause: error});
    }
  }
  const base = {cell, name: resolved instanceof CellError ? resolved.cellName : name, fileAttachments: []};
  if (resolved instanceof CellError) {
    const error = resolved;
    const definition: Definition = () => {
      throw error;
    };
    const defines = error.cellName === null ? [] : [error.cellName];
    return {
      ...base,
      defines,
      variables: [{name: error.cellName, inputs: [], definition, role: "main"}],
      error
    };
  }
  const spec = resolved;
  const definition: Definition = (load) => (load as DataLoader)(spec);
  return {
    ...base,
    defines: name === null ? [] : [name],
    variables: [{name, inputs: [DATA_LOADER_BUILTIN], definition, role: "main"}]
  };
}
