// The `Promises` builtin: promises that resolve at a time, for cells that wait.
export {delay} from "./delay.ts";
export {tick} from "./tick.ts";
export {when} from "./when.ts";
