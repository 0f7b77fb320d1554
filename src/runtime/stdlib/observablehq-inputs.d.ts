// The parts of @observablehq/inputs (which ships no types) that phoenix-notebook relies on. Every input
// is an element with a `value` that dispatches "input" when the value changes; options stay loose.
declare module "@observablehq/inputs" {
  /** An Observable Input: an element exposing `value`, dispatching "input" when it changes. */
  export interface InputElement<T = unknown> extends HTMLElement {
    value: T;
  }
  /** Options common to all inputs (label, value, disabled, width …); see the Inputs documentation. */
  export type InputOptions = Record<string, unknown>;
  type Data = Iterable<unknown> | ArrayLike<unknown>;

  export function range(extent?: [number, number], options?: InputOptions): InputElement<number>;
  export function number(extent?: [number, number], options?: InputOptions): InputElement<number>;
  export function button(content?: unknown, options?: InputOptions): InputElement;
  export function toggle(options?: InputOptions): InputElement<boolean>;
  export function checkbox(data: Data, options?: InputOptions): InputElement<unknown[]>;
  export function radio(data: Data, options?: InputOptions): InputElement;
  export function select(data: Data, options?: InputOptions): InputElement;
  export function text(options?: InputOptions): InputElement<string>;
  export function textarea(options?: InputOptions): InputElement<string>;
  export function email(options?: InputOptions): InputElement<string>;
  export function password(options?: InputOptions): InputElement<string>;
  export function tel(options?: InputOptions): InputElement<string>;
  export function url(options?: InputOptions): InputElement<string>;
  export function color(options?: InputOptions): InputElement<string>;
  export function date(options?: InputOptions): InputElement<Date | null>;
  export function datetime(options?: InputOptions): InputElement<Date | null>;
  export function file(options?: InputOptions): InputElement;
  export function search(data: Data, options?: InputOptions): InputElement<unknown[]>;
  export function table(data: Data, options?: InputOptions): InputElement<unknown[]>;
  export function form(inputs: unknown, options?: InputOptions): InputElement;
  export function input(value: unknown): InputElement;
  export function bind<T extends EventTarget>(
    target: T,
    source: EventTarget,
    invalidation?: Promise<void>
  ): T;
  export function disposal(element: Element): Promise<void>;
  export function searchFilter(query: string): (row: unknown) => boolean;
  export function formatAuto(value: unknown): string;
  export function formatDate(date: Date): string;
  export function formatNumber(value: number): string;
  export function formatTrim(value: number): string;
  export function formatLocaleAuto(locale?: string): (value: unknown) => string;
  export function formatLocaleNumber(locale?: string): (value: number) => string;
}
