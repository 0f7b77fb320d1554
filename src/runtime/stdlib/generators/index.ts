// The `Generators` builtin: generators of values that change over time, for cells and views.
export {input, type InputLike} from "./input.ts";
export {now} from "./now.ts";
export {observe, type Initialize, type ObservedGenerator} from "./observe.ts";
export {queue} from "./queue.ts";
export {width} from "./width.ts";
