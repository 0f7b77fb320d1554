import {name, section, unsigned} from "../wasm-bytes.ts";

/**
 * Four WebAssembly SIMD functions over rows in an imported memory, hand-assembled; the source is
 * row-sums-kernel.wat beside this file. Each adds n rows (or n groups of four rows), `stride` bytes apart
 * from `rows`, to the f64 sums at `sums` (16-byte aligned), `width` bytes of each row: f32 rows widened to
 * f64 (width a multiple of 16) or f64 rows (a multiple of 32). Each sum takes its rows one after the other,
 * as a plain loop does, so the sums are the same to the last bit.
 */
export interface RowSumsKernel {
  readonly add1: (sums: number, rows: number, n: number, stride: number, width: number) => void;
  readonly add4: (sums: number, rows: number, n: number, stride: number, width: number) => void;
  readonly add1f64: (sums: number, rows: number, n: number, stride: number, width: number) => void;
  readonly add4f64: (sums: number, rows: number, n: number, stride: number, width: number) => void;
}

const [LOOP, VOID, END, BR_IF, LOCAL_GET, LOCAL_SET, LOCAL_TEE, I32_CONST] = [
  0x03, 0x40, 0x0b, 0x0d, 0x20, 0x21, 0x22, 0x41
];
const [I32_LT_U, I32_ADD, I32_SUB, I32_SHL] = [0x49, 0x6a, 0x6b, 0x74];
const SIMD = 0xfd;
/** v128.load / v128.store with an alignment hint (log2 bytes) and an offset (< 128). */
const load = (offset: number, align: number) => [SIMD, 0x00, align, offset];
const store = (offset: number) => [SIMD, 0x0b, 4, offset];
const PROMOTE_LOW = [SIMD, 0x5f]; // f64x2.promote_low_f32x4
const F64X2_ADD = [SIMD, 0xf0, 0x01];
const HIGH_HALF = [SIMD, 0x0d, ...[8, 9, 10, 11, 12, 13, 14, 15], ...[8, 9, 10, 11, 12, 13, 14, 15]];

// Params 0 sums, 1 rows, 2 n, 3 stride, 4 width; locals i32 5 s, 6 q, 7 end, 8 stride2, 9 stride3; v128
// 10 lo, 11 hi, 12 v.
const [SUMS, ROWS, N, STRIDE, WIDTH, S, Q, END_AT, STRIDE2, STRIDE3, LO, HI, V] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
];

/** lo += the row's first two values at `address` as f64, hi += the next two. */
function addRow(address: number[], f64: boolean): number[] {
  if (f64) {
    return [
      ...[LOCAL_GET, LO, ...address, ...load(0, 3), ...F64X2_ADD, LOCAL_SET, LO],
      ...[LOCAL_GET, HI, ...address, ...load(16, 3), ...F64X2_ADD, LOCAL_SET, HI]
    ];
  }
  return [
    ...[...address, ...load(0, 2), LOCAL_SET, V],
    ...[LOCAL_GET, LO, LOCAL_GET, V, ...PROMOTE_LOW, ...F64X2_ADD, LOCAL_SET, LO],
    ...[LOCAL_GET, HI, LOCAL_GET, V, LOCAL_GET, V, ...HIGH_HALF, ...PROMOTE_LOW, ...F64X2_ADD, LOCAL_SET, HI]
  ];
}

function body(rowsPerStep: 1 | 4, f64: boolean): number[] {
  const addresses = [
    [LOCAL_GET, Q],
    [LOCAL_GET, Q, LOCAL_GET, STRIDE, I32_ADD],
    [LOCAL_GET, Q, LOCAL_GET, STRIDE2, I32_ADD],
    [LOCAL_GET, Q, LOCAL_GET, STRIDE3, I32_ADD]
  ].slice(0, rowsPerStep);
  const nextRows = rowsPerStep === 4 ? [LOCAL_GET, STRIDE, I32_CONST, 2, I32_SHL] : [LOCAL_GET, STRIDE];
  const code = [
    ...[LOCAL_GET, STRIDE, I32_CONST, 1, I32_SHL, LOCAL_SET, STRIDE2],
    ...[LOCAL_GET, STRIDE2, LOCAL_GET, STRIDE, I32_ADD, LOCAL_SET, STRIDE3],
    ...[LOOP, VOID],
    ...[LOCAL_GET, SUMS, LOCAL_SET, S],
    ...[LOCAL_GET, ROWS, LOCAL_TEE, Q, LOCAL_GET, WIDTH, I32_ADD, LOCAL_SET, END_AT],
    ...[LOOP, VOID],
    ...[LOCAL_GET, S, ...load(0, 4), LOCAL_SET, LO, LOCAL_GET, S, ...load(16, 4), LOCAL_SET, HI],
    ...addresses.flatMap((address) => addRow(address, f64)),
    ...[LOCAL_GET, S, LOCAL_GET, LO, ...store(0), LOCAL_GET, S, LOCAL_GET, HI, ...store(16)],
    ...[LOCAL_GET, S, I32_CONST, 32, I32_ADD, LOCAL_SET, S],
    ...[LOCAL_GET, Q, I32_CONST, f64 ? 32 : 16, I32_ADD, LOCAL_TEE, Q, LOCAL_GET, END_AT, I32_LT_U, BR_IF, 0],
    END,
    ...[LOCAL_GET, ROWS, ...nextRows, I32_ADD, LOCAL_SET, ROWS],
    ...[LOCAL_GET, N, I32_CONST, 1, I32_SUB, LOCAL_TEE, N, BR_IF, 0],
    END,
    END
  ];
  const locals = [2, 5, 0x7f, 3, 0x7b]; // two groups: 5 × i32, 3 × v128
  return [...unsigned(locals.length + code.length), ...locals, ...code];
}

const exported = (text: string, index: number) => [...name(text), 0x00, index];

const MODULE = Uint8Array.from([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, [1, 0x60, 5, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0]), // type 0: (i32 × 5) → ()
  ...section(2, [1, ...name("env"), ...name("memory"), 0x02, 0x00, 0x01]), // import memory, ≥ 1 page
  ...section(3, [4, 0, 0, 0, 0]), // four functions of type 0
  ...section(7, [
    4,
    ...exported("add1", 0),
    ...exported("add4", 1),
    ...exported("add1f64", 2),
    ...exported("add4f64", 3)
  ]),
  ...section(10, [4, ...body(1, false), ...body(4, false), ...body(1, true), ...body(4, true)])
]);

let compiled: WebAssembly.Module | null | undefined;

/** The functions bound to `memory`, or null where WebAssembly SIMD is not available. */
export function rowSumsKernel(memory: WebAssembly.Memory): RowSumsKernel | null {
  if (compiled === undefined) {
    compiled =
      typeof WebAssembly === "object" && WebAssembly.validate(MODULE) ? new WebAssembly.Module(MODULE) : null;
  }
  if (!compiled) return null;
  return new WebAssembly.Instance(compiled, {env: {memory}}).exports as unknown as RowSumsKernel;
}
