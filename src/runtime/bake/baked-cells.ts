import {MODULE_RESULT} from "../compile/module-result.ts";
import type {CompiledCell, Definition, VariableSpec} from "../compile/types.ts";
import {builtinCodecs, type BakeCodec} from "./codec.ts";
import {bakeKey, keyBasis} from "./key.ts";
import type {BakedCell, BakeManifest} from "./types.ts";

/** Options of BakedCells. */
export interface BakedCellsOptions {
  /** The page's baked cells. */
  readonly manifest: BakeManifest;
  /** The plugins' codecs, loaded when a baked value is first shown; tried before the runtime's own. */
  readonly codecs?: () => Promise<readonly BakeCodec[]>;
  /** Reads a baked file, named relative to the page. */
  readonly load: (file: string) => Promise<Uint8Array>;
  /** Told when a baked value could not be read (the cell then computes live). Default: console.warn. */
  readonly onError?: (cell: BakedCell, error: unknown) => void;
}

/**
 * The page's side of baking: a baked cell's main variable also takes its upstream views' values, and while
 * they and every source upstream give the key it was baked with, it resolves to the baked value instead of
 * running; under any other key it runs as written. NotebookRuntime asks `specFor` for each variable it defines.
 */
export class BakedCells {
  readonly #cells: ReadonlyMap<number, BakedCell>;
  readonly #options: BakedCellsOptions;
  #codecs?: Promise<ReadonlyMap<string, BakeCodec>>;
  readonly #files = new Map<string, Promise<Uint8Array>>();

  constructor(options: BakedCellsOptions) {
    this.#options = options;
    this.#cells = new Map(options.manifest.cells.map((baked) => [baked.cell, baked]));
    // Fetched now, while the page loads its data: a baked cell waits for its inputs anyway, and then decodes at
    // once. A failure surfaces when the cell reads the file (and computes live).
    void this.#loadCodecs().catch(() => {});
    for (const {parts} of options.manifest.cells)
      for (const {file} of parts) void this.#load(file).catch(() => {});
  }

  /** `spec` as the runtime should define it; `cells()` gives the notebook's cells when the variable runs. */
  specFor(cell: CompiledCell, spec: VariableSpec, cells: () => readonly CompiledCell[]): VariableSpec {
    const baked = this.#cells.get(cell.cell.id);
    if (!baked || spec.role !== "main") return spec;
    const basis = keyBasis(cells(), cell);
    if ("unbakeable" in basis) return spec;
    const {inputs, definition} = spec;
    const decode = (values: readonly unknown[]) =>
      this.#decode(baked, new Map(inputs.map((n, i) => [n, values[i]])));
    const bakedDefinition: Definition = function (this: unknown, ...values: unknown[]) {
      const own = values.slice(0, inputs.length);
      // Recomputed at each run, from the cells as they are now: an upstream cell may have changed since.
      const now = keyBasis(cells(), cell);
      const views = new Map(basis.views.map((name, i) => [name, values[inputs.length + i]]));
      if ("unbakeable" in now || bakeKey(now, views) !== baked.key) return definition.apply(this, own);
      return decode(own).catch(() => definition.apply(this, own));
    };
    return {...spec, inputs: [...inputs, ...basis.views], definition: bakedDefinition};
  }

  async #decode(baked: BakedCell, inputs: ReadonlyMap<string, unknown>): Promise<unknown> {
    try {
      const codecs = await this.#loadCodecs();
      const values = await Promise.all(
        baked.parts.map(async (part) => {
          const codec = codecs.get(part.codec);
          if (!codec) throw new Error(`no bake codec "${part.codec}"`);
          return [part.output, await codec.decode(await this.#load(part.file), {inputs})] as const;
        })
      );
      const value = values.find(([output]) => output === null);
      const outputs = values.filter(([output]) => output !== null);
      if (outputs.length === 0) return value?.[1];
      return {
        [MODULE_RESULT]: true,
        outputs: Object.fromEntries(outputs),
        ...(value ? {value: value[1]} : {})
      };
    } catch (error) {
      (this.#options.onError ?? warn)(baked, error);
      throw error;
    }
  }

  #load(file: string): Promise<Uint8Array> {
    let bytes = this.#files.get(file);
    if (!bytes) this.#files.set(file, (bytes = this.#options.load(file)));
    return bytes;
  }

  #loadCodecs(): Promise<ReadonlyMap<string, BakeCodec>> {
    this.#codecs ??= (this.#options.codecs?.() ?? Promise.resolve([])).then(
      (codecs) => new Map([...builtinCodecs, ...codecs].map((codec) => [codec.name, codec]))
    );
    return this.#codecs;
  }
}

function warn(baked: BakedCell, error: unknown): void {
  console.warn(`cell ${baked.cell}: its baked value could not be read; computing it live`, error);
}
