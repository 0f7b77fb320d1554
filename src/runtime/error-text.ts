// What a cell threw, as text, for the page and the runner alike. A thrown value is the notebook's, so reading
// it may run its code (a getter, a toString, a toJSON) and that code may throw: nothing here lets it through,
// or the error would escape the boundary that reports it (the runner showed the cell as never settling).

const MAX_THROWN = 120;

/**
 * The message of what was thrown: an Error's message (its name when the message is empty), or the `message`
 * of a thrown object that has a string one (`{message: "quota exceeded", code: 429}`); undefined for any
 * other value. An Error whose message cannot be read is named by its name and why.
 */
export function errorMessage(error: unknown): string | undefined {
  if (isError(error)) {
    const name = read(() => error.name);
    const message = read(() => error.message);
    if (!message.ok)
      return `${name.ok ? String(name.value) : "Error"} (its message could not be read: ${message.why})`;
    if (typeof message.value === "string" && message.value) return message.value;
    return name.ok && typeof name.value === "string" && name.value ? name.value : "Error";
  }
  if (typeof error !== "object" || error === null) return undefined;
  const message = read(() => (error as {message?: unknown}).message);
  return message.ok && typeof message.value === "string" && message.value ? message.value : undefined;
}

/**
 * A thrown value that is no error, in short: a string as it is, an object as JSON, cut at 120 characters
 * (`{"code":429,…}`); what cannot be written so is named by its type (`[object Foo]`).
 */
export function thrownValue(value: unknown): string {
  const text = read(() =>
    typeof value === "object" && value !== null ? JSON.stringify(value) : String(value)
  );
  const shown = text.ok && typeof text.value === "string" ? text.value : `[object ${typeName(value)}]`;
  return shown.length > MAX_THROWN ? `${shown.slice(0, MAX_THROWN - 1)}…` : shown;
}

/** An error's message, else `${verb} ${the value}`: `threw {"code":429}`, `rejected with oops`. */
export function errorText(error: unknown, verb = "threw"): string {
  return errorMessage(error) ?? `${verb} ${thrownValue(error)}`;
}

/** An Error's stack when it is a string that can be read, else undefined. */
export function errorStack(error: unknown): string | undefined {
  if (!isError(error)) return undefined;
  const stack = read(() => error.stack);
  return stack.ok && typeof stack.value === "string" ? stack.value : undefined;
}

/** The constructor's name of an object (`Object` for one without a prototype), else its typeof. */
export function typeName(value: unknown): string {
  if (typeof value !== "object" || value === null) return value === null ? "null" : typeof value;
  const name = read(() => (value as {constructor?: {name?: unknown}}).constructor?.name);
  return name.ok && typeof name.value === "string" && name.value ? name.value : "Object";
}

// `instanceof` itself throws on a revoked proxy.
function isError(value: unknown): value is Error {
  const is = read(() => value instanceof Error);
  return is.ok && is.value === true;
}

function read(get: () => unknown): {ok: true; value: unknown} | {ok: false; why: string} {
  try {
    return {ok: true, value: get()};
  } catch (error) {
    // One level only: the reason's own message is read plainly, so a getter that throws getters ends here.
    const why = error instanceof Error ? read1(() => error.message) : undefined;
    return {ok: false, why: why ?? "it threw"};
  }
}

function read1(get: () => unknown): string | undefined {
  try {
    const value = get();
    return typeof value === "string" && value ? value : undefined;
  } catch {
    return undefined;
  }
}
