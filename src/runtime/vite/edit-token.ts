import {createHmac, randomBytes, timingSafeEqual} from "node:crypto";

/** Tokens that tie a save to the notebook file its page was served for. */
export interface EditTokens {
  /** The token a page served for `file` carries. */
  token(file: string): string;
  /** Whether `token` is the one for `file` (compared in constant time). */
  verify(file: string, token: string): boolean;
}

/**
 * Tokens under a key made per server: an HMAC of the file's page path, so a page can write only the file it was
 * served for, and a page of another origin, which cannot read ours, cannot make one.
 */
export function createEditTokens(): EditTokens {
  const key = randomBytes(32);
  const token = (file: string) => createHmac("sha256", key).update(file).digest("base64url");
  return {
    token,
    verify(file, given) {
      const expected = Buffer.from(token(file));
      const actual = Buffer.from(given);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    }
  };
}
