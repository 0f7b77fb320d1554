// The kinds of cell the generated notebook mixes. Each returns the cell's OJS (or Markdown) source and the same
// computation written by hand for the baseline; `check.ts` makes sure both compute the same values.
import type {InputElement} from "@observablehq/inputs";
import type {Definition} from "../../src/runtime/compile/types.ts";
import {hand, type GraphCell} from "./graph.ts";

type InputsLike = {range(extent: [number, number], options: Record<string, unknown>): InputElement<number>};
type GeneratorsLike = {input(element: unknown): unknown};
type MdLike = (strings: readonly string[], ...values: unknown[]) => Element;

function named(
  name: string,
  source: string,
  reads: string[],
  definition: Definition,
  code: string
): GraphCell {
  return {
    mode: "ojs",
    source: `${name} = ${source}`,
    name,
    reads,
    variables: [{name, inputs: reads, definition, code}]
  };
}

/** `viewof x = Inputs.range(…)`: the view and, as compileCell makes it, `x = Generators.input(viewof x)`. */
export function rangeInput(name: string, value: number): GraphCell {
  const view = `viewof ${name}`;
  const options = {value, step: 1, label: name};
  return {
    mode: "ojs",
    source: `${view} = Inputs.range([0, 100], {value: ${value}, step: 1, label: "${name}"})`,
    name,
    reads: [],
    variables: [
      {
        name: view,
        inputs: ["Inputs"],
        definition: hand((Inputs: InputsLike) => Inputs.range([0, 100], options)),
        code: `function (Inputs) { return Inputs.range([0, 100], ${JSON.stringify(options)}); }`
      },
      {
        name,
        inputs: ["Generators", view],
        definition: hand((Generators: GeneratorsLike, element: unknown) => Generators.input(element)),
        code: "function (Generators, element) { return Generators.input(element); }"
      }
    ]
  };
}

/** A number from two numbers: a chain link when `a` is the cell above. */
export function blend(name: string, a: string, b: string, k: number): GraphCell {
  return named(
    name,
    `(${a} + ${b}) / 2 + ${k}`,
    [a, b],
    hand((a: number, b: number) => (a + b) / 2 + k),
    `function (a, b) { return (a + b) / 2 + ${k}; }`
  );
}

/** An array from a number. */
export function series(name: string, a: string, length: number, modulus: number): GraphCell {
  return named(
    name,
    `Array.from({length: ${length}}, (_, i) => (i * ${a}) % ${modulus})`,
    [a],
    hand((a: number) => Array.from({length}, (_, i) => (i * a) % modulus)),
    `function (a) { return Array.from({length: ${length}}, (_, i) => (i * a) % ${modulus}); }`
  );
}

/** A number from an array. */
export function mean(name: string, array: string): GraphCell {
  return named(
    name,
    `${array}.reduce((sum, v) => sum + v, 0) / ${array}.length`,
    [array],
    hand((array: number[]) => array.reduce((sum, v) => sum + v, 0) / array.length),
    "function (array) { return array.reduce((sum, v) => sum + v, 0) / array.length; }"
  );
}

/** An array from an array and a number. */
export function scale(name: string, array: string, a: string, step: number): GraphCell {
  return named(
    name,
    `${array}.map((v) => v * ${a}).filter((_, i) => i % ${step} !== 0)`,
    [array, a],
    hand((array: number[], a: number) => array.map((v) => v * a).filter((_, i) => i % step !== 0)),
    `function (array, a) { return array.map((v) => v * a).filter((_, i) => i % ${step} !== 0); }`
  );
}

/** A number from an array, as a block cell with a loop. */
export function maximum(name: string, array: string): GraphCell {
  const source = `{\n  let max = -Infinity;\n  for (const v of ${array}) if (v > max) max = v;\n  return max;\n}`;
  return named(
    name,
    source,
    [array],
    hand((array: number[]) => {
      let max = -Infinity;
      for (const v of array) if (v > max) max = v;
      return max;
    }),
    "function (array) { let max = -Infinity; for (const v of array) if (v > max) max = v; return max; }"
  );
}

/** A number from an array, sorting a copy. */
export function median(name: string, array: string): GraphCell {
  return named(
    name,
    `${array}.length ? ${array}.slice().sort((x, y) => x - y)[${array}.length >> 1] : 0`,
    [array],
    hand((array: number[]) => (array.length ? array.slice().sort((x, y) => x - y)[array.length >> 1] : 0)),
    "function (array) { return array.length ? array.slice().sort((x, y) => x - y)[array.length >> 1] : 0; }"
  );
}

/** An anonymous cell showing an object. */
export function record(a: string, array: string): GraphCell {
  return {
    mode: "ojs",
    source: `({value: ${a}, count: ${array}.length, first: ${array}[0]})`,
    name: null,
    reads: [a, array],
    variables: [
      {
        name: null,
        inputs: [a, array],
        definition: hand((a: number, array: number[]) => ({value: a, count: array.length, first: array[0]})),
        code: "function (a, array) { return {value: a, count: array.length, first: array[0]}; }"
      }
    ]
  };
}

/** A Markdown cell interpolating a number and an array's length. */
export function summary(label: string, a: string, array: string): GraphCell {
  // md receives the template's strings exactly as the compiled md`…` tagged template would pass them.
  const strings = [`**${label}**: ${a} is `, ` over `, ` values.`];
  return {
    mode: "md",
    source: `${strings[0]}\${${a}.toFixed(2)}${strings[1]}\${${array}.length}${strings[2]}`,
    name: null,
    reads: [a, array],
    variables: [
      {
        name: null,
        inputs: ["md", a, array],
        definition: hand((md: MdLike, a: number, array: number[]) => md(strings, a.toFixed(2), array.length)),
        // A tagged template, as one writes md`…` by hand: the engine makes its strings once per call site.
        code: `function (md, a, array) { return md\`${template(strings, ["a.toFixed(2)", "array.length"])}\`; }`
      }
    ]
  };
}

// A template literal's text: the strings, escaped as a literal needs them, around `\${expression}`s.
function template(strings: readonly string[], expressions: readonly string[]): string {
  const text = (s: string) => s.replace(/[`\\]|\$(?=\{)/g, "\\$&");
  return strings.map((s, i) => text(s) + (i < expressions.length ? `\${${expressions[i]}}` : "")).join("");
}
