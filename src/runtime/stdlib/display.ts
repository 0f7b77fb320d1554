import {cellScoped} from "../define/cell-context.ts";
import * as Generators from "./generators/index.ts";
import type {ObservedGenerator} from "./generators/index.ts";
import type {InputLike} from "./generators/input.ts";

/** `display(value)`: shows `value` in the cell's place, after what the cell displayed before; returns it. */
export const display = cellScoped((context) => <T>(value: T): T => {
  context.display(value);
  return value;
});

/**
 * `view(input)`: shows the input in the cell's place and returns a generator of its value, which the runtime
 * follows: `const n = view(Inputs.range([0, 10]))` makes `n` a reactive output, as in Notebook Kit.
 */
export const view = cellScoped((context) => <T>(input: InputLike): ObservedGenerator<T> => {
  context.display(input);
  return Generators.input<T>(input);
});
