import {
  Runtime,
  type Module,
  type Variable,
  type Definition as RuntimeDefinition
} from "@observablehq/runtime";
import {CellError} from "../cell-error.ts";
import {cellKey} from "../compile/cell-plan.ts";
import type {CellCompiler, CompiledCell, Definition, VariableSpec} from "../compile/types.ts";
import type {Cell, CellId, Notebook} from "../notebook/types.ts";
import type {BakedCells} from "../bake/baked-cells.ts";
import {isCellScoped, type CellContext, type CellScoped} from "./cell-context.ts";
import {downstreamOf} from "./downstream.ts";
import type {NotebookHost} from "./observer.ts";
import {VariableObserver, type CellRecord} from "./variable-observer.ts";

export interface NotebookRuntimeOptions {
  /** Values every cell sees. A function is a definition (called, possibly returning a generator); wrap plain
   * functions as `() => fn`. A `CellScoped` value is created per referencing cell. */
  readonly builtins: Readonly<Record<string, unknown>>;
  readonly host: NotebookHost;
  /**
   * Compiles the cells that are new or changed: compileCells (compile-cell.ts, with the parser) where cells
   * are edited or run headless, the plans a build wrote (precompiledCells) in a published page.
   */
  readonly compile: CellCompiler;
  /** Resolves names that neither a cell nor a builtin defines. Default: globalThis, then "not defined". */
  readonly global?: (name: string) => unknown;
  /** The values baked at build time, shown while their keys hold (a built page). Default: none. */
  readonly bake?: BakedCells;
}

/** How an update changed the notebook's cells. */
export interface UpdateSummary {
  readonly kept: number;
  readonly added: number;
  readonly redefined: number;
  readonly removed: number;
}

/** A notebook on @observablehq/runtime: defines its cells and, on update, redefines only those that changed. */
export class NotebookRuntime {
  readonly #runtime: Runtime;
  readonly #module: Module;
  readonly #host: NotebookHost;
  readonly #compile: CellCompiler;
  readonly #bake: BakedCells | undefined;
  readonly #scoped = new Map<string, CellScoped<unknown, never>>();
  #records: CellRecord[] = [];
  #shadowed = new Set<string>();

  constructor({builtins, host, compile, global, bake}: NotebookRuntimeOptions) {
    this.#compile = compile;
    this.#bake = bake;
    const plain: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(builtins)) {
      if (!isCellScoped(value)) plain[name] = value;
      else {
        this.#scoped.set(name, value);
        // What it loads is a runtime variable of the same name: computed once, awaited by the cells that use it.
        const {load} = value;
        if (load) plain[name] = () => load();
      }
    }
    this.#runtime = global ? new Runtime(plain, global) : new Runtime(plain);
    this.#module = this.#runtime.module();
    this.#host = host;
  }

  /** The cells in notebook order, as compiled. */
  get cells(): readonly CompiledCell[] {
    return this.#records.map((record) => record.compiled);
  }

  /** Replaces the notebook's cells: unchanged sources keep their variables and state. */
  update(notebook: Notebook): UpdateSummary {
    const unused = new Map<string, CellRecord[]>();
    for (const record of this.#records) {
      const key = cellKey(record.compiled.cell);
      unused.set(key, [...(unused.get(key) ?? []), record]);
    }
    const kept = new Map<Cell, CellRecord>();
    // A first update (a page opening) has nothing to keep: no key is computed for any of its cells.
    if (unused.size > 0)
      for (const cell of notebook.cells) {
        const candidates = unused.get(cellKey(cell));
        // A syntax error bakes its line into the error, so a failing cell that moved is recompiled instead.
        const index =
          candidates?.findIndex((r) => !r.compiled.error || r.compiled.cell.line === cell.line) ?? -1;
        if (index < 0) continue;
        const [record] = candidates!.splice(index, 1);
        record!.compiled = {...record!.compiled, cell};
        record!.observer.moved?.(record!.compiled);
        kept.set(cell, record!);
      }
    const leftover = new Map<number, CellRecord>();
    for (const records of unused.values())
      for (const record of records) leftover.set(record.compiled.cell.id, record);
    let added = 0;
    let redefined = 0;
    const compiled = new Map<Cell, CompiledCell>();
    const changed = notebook.cells.filter((cell) => !kept.has(cell));
    this.#compile(changed).forEach((c, i) => compiled.set(changed[i]!, c));
    const records = notebook.cells.map((cell) => {
      const record = kept.get(cell);
      if (record) return record;
      const compiledCell = compiled.get(cell)!;
      const previous = leftover.get(cell.id);
      if (previous) {
        leftover.delete(cell.id);
        ++redefined;
        release(previous);
        previous.compiled = compiledCell;
        previous.hiddenError = undefined;
        previous.observer.redefined?.(compiledCell);
        return previous;
      }
      ++added;
      return {
        compiled: compiledCell,
        observer: this.#host.observe(compiledCell),
        variables: [],
        generation: 0
      };
    });
    for (const record of leftover.values()) {
      release(record);
      record.observer.removed?.();
    }
    this.#records = records;
    const defined = new Set(records.flatMap((record) => record.compiled.defines));
    // Whether `worker` (or another cell-scoped builtin) means the builtin or a cell is decided when a cell is
    // defined; when a cell starts or stops shadowing one, the kept cells that read it are defined anew.
    const shadowed = new Set([...this.#scoped.keys()].filter((name) => defined.has(name)));
    const flipped = [...this.#scoped.keys()].filter(
      (name) => shadowed.has(name) !== this.#shadowed.has(name)
    );
    this.#shadowed = shadowed;
    if (flipped.length) {
      for (const record of kept.values()) {
        if (!record.compiled.variables.some((spec) => spec.inputs.some((input) => flipped.includes(input))))
          continue;
        release(record);
      }
    }
    for (const record of records) {
      if (record.variables.length === 0) record.variables = this.#defineCell(record, defined);
    }
    this.#host.order?.(records.map((record) => record.observer));
    return {kept: kept.size, added, redefined, removed: leftover.size};
  }

  /**
   * Gives the cell defining `name` a constant value (the runner's `--set`); false when no cell defines it. A
   * view's value (`viewof name`) is checked first by the view's `checkValue(value)` where it has one, as its
   * controls would check it: a value it refuses fails the view's cell with its message. `viewof n` and
   * `mutable n` (the cell as the runner names it) set `n`, the value other cells read: never the view itself.
   */
  setValue(cellName: string, value: unknown): boolean {
    const name = cellName.replace(/^(?:viewof|mutable)\s+/, "");
    for (const record of this.#records) {
      const index = record.compiled.variables.findIndex(
        (spec) => spec.name === name && spec.role !== "hidden"
      );
      if (index < 0) continue;
      const spec = record.compiled.variables[index]!;
      const view = spec.role === "view-value" ? spec.inputs.at(-1) : undefined;
      if (view === undefined) record.variables[index]!.define(name, [], () => value);
      else
        record.variables[index]!.define(name, [view], (element: unknown) =>
          checkedViewValue(name, element, value)
        );
      return true;
    }
    return false;
  }

  /** Runs a cell again from its definition (after `interrupt`, say); false when no cell has that id. */
  rerun(id: CellId): boolean {
    const record = this.#records.find((r) => r.compiled.cell.id === id);
    if (record) this.#redefine(record);
    return record !== undefined;
  }

  /**
   * Stops a cell's run (the page's Stop button): its variables are deleted, so their invalidation fires and a
   * worker the run started ends, and its names fail as "interrupted" until it runs again (`rerun`, or an update
   * that changes its source). False when no cell has that id.
   */
  interrupt(id: CellId): boolean {
    const record = this.#records.find((r) => r.compiled.cell.id === id);
    if (!record) return false;
    release(record);
    const {cell, name} = record.compiled;
    const error = new CellError("runtime", "interrupted: run the cell again to restart it", name, cell.line);
    const fail = () => {
      throw error;
    };
    record.variables = record.compiled.variables.map((spec) =>
      this.#module.variable().define(spec.name, [], fail)
    );
    record.observer.rejected(error);
    // The runtime chains a variable's next value onto its last one, so a dependent still waiting on the stopped
    // run would wait for ever: the cells downstream get fresh variables, which wait on the stand-ins instead.
    for (const i of downstreamOf(this.cells, this.#records.indexOf(record)))
      this.#redefine(this.#records[i]!);
    return true;
  }

  /** Gives a cell fresh variables from its compiled definition: it computes anew, its old run invalidated. */
  #redefine(record: CellRecord): void {
    release(record);
    record.hiddenError = undefined;
    record.variables = this.#defineCell(record, new Set(this.#records.flatMap((r) => r.compiled.defines)));
  }

  /** The current value of a named variable (waits for it to compute). */
  value(name: string): Promise<unknown> {
    return this.#module.value(name);
  }

  dispose(): void {
    this.#runtime.dispose();
  }

  #defineCell(record: CellRecord, defined: ReadonlySet<string>): Variable[] {
    return record.compiled.variables.map((spec) => {
      const variable = this.#module.variable(new VariableObserver(record, spec, this.#definersOf));
      const baked = this.#bake?.specFor(record.compiled, spec, () => this.cells) ?? spec;
      const {inputs, definition} = this.#withScopedBuiltins(baked, record, defined);
      return variable.define(spec.name, inputs, definition as RuntimeDefinition);
    });
  }

  readonly #definersOf = (name: string): CompiledCell[] =>
    this.cells.filter((compiled) => compiled.defines.includes(name));

  // A cell-scoped builtin (e.g. `worker`) is created for each run of the cell that references it, tied to that
  // run's invalidation. It is no runtime variable: the cell takes `invalidation` instead and gets the builtin
  // spliced back into its arguments. One that loads something keeps its input, whose value is what it loaded.
  #withScopedBuiltins(spec: VariableSpec, record: CellRecord, defined: ReadonlySet<string>) {
    // Most variables read no cell-scoped builtin: checked without allocating, as every cell is defined so.
    const isScoped = (name: string) => this.#scoped.has(name) && !defined.has(name);
    if (!spec.inputs.some(isScoped)) return spec;
    const scoped = spec.inputs.map((name) => (isScoped(name) ? this.#scoped.get(name) : undefined));
    const {definition} = spec;
    const {observer} = record;
    const name = record.compiled.name;
    const wrapped: Definition = function (this: unknown, ...values: unknown[]) {
      const invalidation = values.pop() as Promise<void>;
      // What a run displays after it was invalidated (an async cell still going) belongs to no run shown.
      let current = true;
      void invalidation.then(() => (current = false));
      const context: CellContext = {
        name,
        invalidation,
        progress: (f, stage) => observer.progress?.(f, stage),
        display: (value) => void (current && observer.displayed?.(value)),
        visible: () => observer.visible?.(invalidation) ?? Promise.resolve()
      };
      const args = scoped.map((builtin) =>
        builtin
          ? builtin.cellScoped(context, (builtin.load ? values.shift() : undefined) as never)
          : values.shift()
      );
      return definition.apply(this, args);
    };
    const inputs = spec.inputs.filter((_, i) => !scoped[i] || scoped[i].load);
    return {inputs: [...inputs, "invalidation"], definition: wrapped};
  }
}

/** Deletes a cell's variables, and silences their observers: what they report after this is stale. */
function release(record: CellRecord): void {
  ++record.generation;
  for (const variable of record.variables) variable.delete();
  record.variables = [];
}

// A data loader's output name and format change its value as its source does.

/** A view that checks a value given from outside its controls: returns it (or its normal form), or throws. */
interface CheckingView {
  checkValue(value: unknown): unknown;
}

const isCheckingView = (element: unknown): element is CheckingView =>
  typeof element === "object" &&
  element !== null &&
  typeof (element as Partial<CheckingView>).checkValue === "function";

/** `value` set on the view `name`, as the view's own check takes it; its refusal says which `--set` it was. */
function checkedViewValue(name: string, element: unknown, value: unknown): unknown {
  if (!isCheckingView(element)) return value;
  try {
    return element.checkValue(value);
  } catch (error) {
    throw new RangeError(`--set ${name}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error
    });
  }
}
