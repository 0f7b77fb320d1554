// The parts of @observablehq/inspector (which ships no types) that the display uses.
declare module "@observablehq/inspector" {
  /** Renders one value into `node`: elements as they are, anything else as an expandable inspection. */
  export class Inspector {
    constructor(node: Element);
    pending(): void;
    fulfilled(value: unknown, name?: string | null): void;
    rejected(error: unknown, name?: string | null): void;
  }
}
