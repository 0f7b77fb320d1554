import {setFlagsFromString} from "node:v8";
import {runInNewContext} from "node:vm";

// `npm run bench` runs node without --expose-gc; the flag can still be set at run time, and a fresh context
// then sees `gc`.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as (options?: {type: "minor" | "major"}) => void;

/**
 * Collects the young generation now, so that a timed run does not pay for the garbage of the one before.
 * Minor only: a forced full collection also flushes compiled code, so every run after it would start cold
 * (in V8's interpreter, re-parsing lazily) and time the engine's warm-up instead of the code under test.
 */
export function collectGarbage(): void {
  gc({type: "minor"});
}
