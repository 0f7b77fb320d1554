import {cellScoped} from "../define/cell-context.ts";

/**
 * `visibility(value)`: a promise that resolves to `value` when the cell's output is on screen, as in
 * Observable (`await visibility()` defers costly work until the reader scrolls to it). In the runner, where
 * nothing is on screen, it resolves at once.
 */
export const visibility = cellScoped((context) => async <T>(value?: T): Promise<T | undefined> => {
  await context.visible();
  return value;
});
