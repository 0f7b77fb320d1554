/**
 * What a bench suite reports: tables of figures, never pass/fail. A suite is a folder `bench/NAME/` whose
 * `index.ts` exports `run(): Promise<BenchReport>`; `bench/run.ts` finds it and prints the report. A suite
 * that prints its own figures may resolve to nothing instead.
 */
export interface BenchReport {
  /** One line saying what was measured (workload, runs, machine-independent facts). */
  readonly title: string;
  readonly tables: readonly BenchTable[];
  /** Lines printed after the tables: how to read them, what the aim is. */
  readonly notes?: readonly string[];
}

export interface BenchTable {
  readonly columns: readonly string[];
  /** Cells already formatted; numbers are right-aligned when printed. */
  readonly rows: readonly (readonly string[])[];
}

/** The module shape `bench/run.ts` expects of `bench/NAME/index.ts`. */
export interface BenchSuite {
  run(): Promise<BenchReport | void>;
}

export function isBenchSuite(module: unknown): module is BenchSuite {
  return typeof module === "object" && module !== null && typeof (module as BenchSuite).run === "function";
}

export function isBenchReport(value: unknown): value is BenchReport {
  return typeof value === "object" && value !== null && Array.isArray((value as BenchReport).tables);
}
