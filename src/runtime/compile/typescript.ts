import type {Notebook} from "../notebook/types.ts";

/** Turns a TypeScript cell's source into JavaScript; throws a SyntaxError (with `loc`) when it does not compile. */
export type StripTypes = (source: string) => string;

let stripper: StripTypes | undefined;

/**
 * Gives the compiler its TypeScript transform. Node hosts (the runner, the dev server and the build) install
 * one (typescript-node.ts); a page has none: the server hands it TypeScript cells already compiled
 * (forPage), so no compiler ships to readers.
 */
export function useTypeScript(strip: StripTypes): void {
  stripper = strip;
}

/** A TypeScript cell's source as JavaScript, line for line where the transform keeps lines. */
export function stripTypes(source: string): string {
  if (!stripper)
    throw new SyntaxError(
      "this TypeScript cell did not compile when the page was served (run the notebook to see why)"
    );
  return stripper(source);
}

/**
 * The notebook as a page receives it: TypeScript cells compiled to JavaScript cells here, on the server, so the
 * page needs no TypeScript compiler. A cell that does not compile stays TypeScript and says so in the page.
 */
export function forPage(notebook: Notebook): Notebook {
  if (!notebook.cells.some((cell) => cell.mode === "ts")) return notebook;
  return {
    ...notebook,
    cells: notebook.cells.map((cell) => {
      if (cell.mode !== "ts") return cell;
      try {
        return {...cell, mode: "js", source: stripTypes(cell.source)};
      } catch {
        return cell;
      }
    })
  };
}
