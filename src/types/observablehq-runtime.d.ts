// The parts of @observablehq/runtime (which ships no types) that phoenix-notebook uses.
declare module "@observablehq/runtime" {
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }
  export type Definition = (this: unknown, ...inputs: never[]) => unknown;
  export class Variable {
    define(name: string | null, inputs: readonly string[], definition: Definition): this;
    delete(): void;
  }
  export class Module {
    variable(observer?: Observer): Variable;
    value(name: string): Promise<unknown>;
  }
  export class Runtime {
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
  }
  export class RuntimeError extends Error {
    constructor(message: string, input?: string);
    /** The input that failed or is not defined, when the error comes from one. */
    input?: string;
  }
}
