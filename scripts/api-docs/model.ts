// The API reference as data: what extract.ts reads from the public indexes, what markdown.ts renders and
// what gaps.ts checks. Type texts are as written in the source, whitespace collapsed.

/** A public index and what it exports, in groups. */
export interface ApiEntry {
  /** The index file, relative to the repository root. */
  readonly file: string;
  readonly title: string;
  /** One paragraph under the title. */
  readonly intro: string;
  readonly groups: readonly ApiGroup[];
}

/** An area of the API (load, embed, …): the exports under one `// area: description` comment of an index. */
export interface ApiGroup {
  readonly name: string;
  readonly description: string;
  readonly items: readonly ApiItem[];
}

export type ApiItem = FunctionItem | ClassItem | TypeItem | ConstItem;

interface ItemBase {
  /** The public name (an export may rename its declaration: `timeWindow as window`). */
  readonly name: string;
  /** Where it is declared, relative to the repository root. */
  readonly source: string;
  readonly doc: string;
  /** Null when exported by the index; else the export, parameter or property it is reached through. */
  readonly reachedFrom: string | null;
}

export interface FunctionItem extends ItemBase {
  readonly kind: "function";
  readonly signatures: readonly Signature[];
}

export interface ClassItem extends ItemBase {
  readonly kind: "class";
  readonly constructors: readonly Signature[];
  readonly members: readonly Member[];
  /** Custom element classes: their reactive properties are the view's options. */
  readonly element: boolean;
  /** The tag the index defines the element under (`phx-point-cloud`), if it does. */
  readonly tag: string | null;
}

export interface TypeItem extends ItemBase {
  readonly kind: "interface" | "type";
  /** The type as written, for aliases that are no object type (unions, functions, mapped types). */
  readonly text: string | null;
  readonly typeParameters: string;
  readonly members: readonly Member[];
  /** An options (or hooks) type: its optional properties must state their default. */
  readonly options: boolean;
}

export interface ConstItem extends ItemBase {
  readonly kind: "const";
  readonly type: string;
}

export interface Signature {
  /** `name<T>(a: A, b?: B): R`, on one line. */
  readonly text: string;
  readonly doc: string;
  readonly parameters: readonly Parameter[];
  readonly returns: string;
  /** The `@returns` text, if any. */
  readonly returnsDoc: string;
  /** Properties of a return type written inline (`{value: number; count: number}`). */
  readonly returnMembers: readonly Member[];
}

export interface Parameter {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
  /** The `@param` text. */
  readonly doc: string;
  /** An optional parameter that is no options object: its doc must state the default. */
  readonly needsDefault: boolean;
}

export interface Member {
  readonly name: string;
  readonly kind: "property" | "method";
  /** The property's type, or the method's signature `(a: A): R`. */
  readonly type: string;
  readonly optional: boolean;
  readonly doc: string;
  /** Whether its absence is defined by a default: an optional option, or an element property never undefined. */
  readonly needsDefault: boolean;
}
