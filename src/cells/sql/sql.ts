/**
 * SQL text built from fragments, so that no value is ever spliced into it: `sql` templates turn each
 * interpolated value into a `?` and a parameter, and only other fragments (identifiers quoted by `ident`,
 * integers checked by `integer`) are inlined.
 */
export class Sql {
  constructor(
    /** The statement text, `?` for each parameter. */
    readonly text: string,
    /** The parameters' values, in the order of their `?`. */
    readonly params: readonly unknown[]
  ) {}
}

/** A fragment: each `${value}` becomes a bound parameter; a `${fragment}` is inlined with its parameters. */
export function sql(strings: TemplateStringsArray, ...values: readonly unknown[]): Sql {
  let text = strings[0]!;
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (value instanceof Sql) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += "?";
      params.push(value);
    }
    text += strings[i + 1]!;
  });
  return new Sql(text, params);
}

/** Fragments joined by a separator (", ", " + "). */
export function join(parts: readonly Sql[], separator: string): Sql {
  return new Sql(
    parts.map((part) => part.text).join(separator),
    parts.flatMap((part) => part.params)
  );
}

/**
 * A quoted identifier (standard SQL: double quotes, doubled inside), whatever the name holds: a column
 * called `x" FROM secrets --` stays one identifier. NUL cannot be quoted, so it is refused.
 */
export function ident(name: string): Sql {
  if (typeof name !== "string" || name.length === 0 || name.includes("\0"))
    throw new TypeError(`not a usable SQL identifier: ${JSON.stringify(name)}`);
  return new Sql(`"${name.replaceAll('"', '""')}"`, []);
}

/**
 * An integer written into the text, for the places engines take no parameter (a sample's size and seed,
 * an array index): a safe integer only, checked here, so nothing else can pass.
 */
export function integer(value: number): Sql {
  if (!Number.isSafeInteger(value)) throw new TypeError(`not an integer for SQL: ${String(value)}`);
  return new Sql(String(value), []);
}
