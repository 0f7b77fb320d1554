import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";

/** The path of a file in test/fixtures/datasets/. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../fixtures/datasets/${name}`, import.meta.url));
}

/** A fixture's bytes. */
export function fixtureBytes(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(fixture(name)));
}
