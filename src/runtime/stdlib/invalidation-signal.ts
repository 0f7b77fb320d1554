import type {CellContext} from "../define/cell-context.ts";

/** An AbortSignal that aborts, with an AbortError naming the cell, when the cell is invalidated. */
export function invalidationSignal(context: CellContext): AbortSignal {
  const controller = new AbortController();
  const cell = context.name === null ? "an anonymous cell" : `cell ${context.name}`;
  void context.invalidation.then(() =>
    controller.abort(new DOMException(`${cell} was invalidated`, "AbortError"))
  );
  return controller.signal;
}
