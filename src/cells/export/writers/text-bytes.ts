/** Text in pieces of about this many characters is encoded as it grows, so no one string gets huge. */
const CHUNK = 1 << 20;

/**
 * Collects text and encodes it to UTF-8 a megabyte at a time: a large export as one string would pass V8's
 * maximum string length (2^29 characters) long before memory runs out.
 */
export class TextBytes {
  readonly #encoder = new TextEncoder();
  readonly #chunks: Uint8Array[] = [];
  #text = "";

  append(text: string): void {
    this.#text += text;
    if (this.#text.length >= CHUNK) this.#flush();
  }

  /** Everything appended, as one byte array. */
  finish(): Uint8Array<ArrayBuffer> {
    this.#flush();
    const bytes = new Uint8Array(this.#chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let at = 0;
    for (const chunk of this.#chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }

  #flush(): void {
    if (this.#text) this.#chunks.push(this.#encoder.encode(this.#text));
    this.#text = "";
  }
}
