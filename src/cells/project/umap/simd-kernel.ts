import {name, section, unsigned} from "../../wasm-bytes.ts";

/**
 * Two WebAssembly SIMD kernels over rows of f32 in an imported memory, hand-assembled (no toolchain): each
 * takes byte offsets `a`, `b` and `end` (= a + row bytes, a multiple of 32, rows zero-padded) and returns
 *   sqdist: Σ (a[i] − b[i])²      dot: Σ a[i] · b[i]
 * in f32, 8 lanes per step (two f32x4 accumulators), lanes summed in a fixed order: deterministic.
 */
export interface SimdKernels {
  readonly sqdist: (a: number, b: number, end: number) => number;
  readonly dot: (a: number, b: number, end: number) => number;
}

const BLOCK = 0x02;
const LOOP = 0x03;
const IF = 0x04;
const BR = 0x0c;
const VOID = 0x40;
const END = 0x0b;
const BR_IF = 0x0d;
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const LOCAL_TEE = 0x22;
const I32_CONST = 0x41;
const I32_LT_U = 0x49;
const I32_GT_U = 0x4b;
const I32_ADD = 0x6a;
/** i32.const 64: its immediate is signed LEB128, where 64 takes two bytes (bit 6 of one byte is the sign). */
const I32_CONST_64 = [I32_CONST, 0xc0, 0x00];
const F32_ADD = 0x92;
const SIMD = 0xfd;
/** v128.load with a 4-byte alignment hint and the given offset (< 128). */
const load = (offset: number) => [SIMD, 0x00, 0x02, offset];
const F32X4_ADD = [SIMD, 0xe4, 0x01];
const F32X4_SUB = [SIMD, 0xe5, 0x01];
const F32X4_MUL = [SIMD, 0xe6, 0x01];
const extractLane = (lane: number) => [SIMD, 0x1f, lane];

// Locals: 0 a, 1 b, 2 end (params); 3 acc0, 4 acc1, 5 t (v128).
const [A, B, E, ACC0, ACC1, T] = [0, 1, 2, 3, 4, 5];

/** acc += combine(a[offset], b[offset]) where combine is (x − y)² or x · y. */
function step(offset: number, accumulator: number, squareOfDifference: boolean): number[] {
  const combine = squareOfDifference ? [...F32X4_SUB, LOCAL_TEE, T, LOCAL_GET, T, ...F32X4_MUL] : F32X4_MUL;
  return [
    ...[LOCAL_GET, A, ...load(offset), LOCAL_GET, B, ...load(offset)],
    ...combine,
    ...[LOCAL_GET, accumulator, ...F32X4_ADD, LOCAL_SET, accumulator]
  ];
}

/**
 * The loop takes 64 bytes a turn (four steps, the two accumulators in turn), then the last 32 if any: the
 * same additions in the same order as one 32-byte step a turn, so the same sums bit for bit. It is unrolled
 * here because V8 unrolls the one-step loop itself over plain memory but not over shared memory, where
 * threads read the rows: the one-step kernel ran 36 % longer there (measured on NN-descent's joins).
 */
function body(squareOfDifference: boolean): number[] {
  const advance = [
    ...[LOCAL_GET, A, ...I32_CONST_64, I32_ADD, LOCAL_SET, A],
    ...[LOCAL_GET, B, ...I32_CONST_64, I32_ADD, LOCAL_SET, B]
  ];
  const code = [
    ...[BLOCK, VOID, LOOP, VOID],
    // Out of the loop when fewer than 64 bytes are left.
    ...[LOCAL_GET, A, ...I32_CONST_64, I32_ADD, LOCAL_GET, E, I32_GT_U, BR_IF, 1],
    ...step(0, ACC0, squareOfDifference),
    ...step(16, ACC1, squareOfDifference),
    ...step(32, ACC0, squareOfDifference),
    ...step(48, ACC1, squareOfDifference),
    ...advance,
    ...[BR, 0, END, END],
    // The last 32 bytes, when the row's length is an odd number of 32-byte steps.
    ...[LOCAL_GET, A, LOCAL_GET, E, I32_LT_U, IF, VOID],
    ...step(0, ACC0, squareOfDifference),
    ...step(16, ACC1, squareOfDifference),
    END,
    ...[LOCAL_GET, ACC0, LOCAL_GET, ACC1, ...F32X4_ADD, LOCAL_TEE, T, ...extractLane(0)],
    ...[LOCAL_GET, T, ...extractLane(1), F32_ADD],
    ...[LOCAL_GET, T, ...extractLane(2), F32_ADD],
    ...[LOCAL_GET, T, ...extractLane(3), F32_ADD],
    END
  ];
  const locals = [0x01, 0x03, 0x7b]; // one group: 3 × v128
  return [...unsigned(locals.length + code.length), ...locals, ...code];
}

/**
 * The module, importing a plain memory (≥ 1 page) or a shared one (limits flag 3: shared, with a maximum of
 * 65,536 pages, the most wasm32 addresses), which threads read the same rows through.
 */
function kernelModule(shared: boolean): Uint8Array<ArrayBuffer> {
  const limits = shared ? [0x03, 0x01, ...unsigned(65536)] : [0x00, 0x01];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 3, 0x7f, 0x7f, 0x7f, 1, 0x7d]), // type 0: (i32, i32, i32) → f32
    ...section(2, [1, ...name("env"), ...name("memory"), 0x02, ...limits]), // import memory
    ...section(3, [2, 0, 0]), // two functions of type 0
    ...section(7, [2, ...name("sqdist"), 0x00, 0, ...name("dot"), 0x00, 1]),
    ...section(10, [2, ...body(true), ...body(false)])
  ]);
}

const compiled = new Map<boolean, WebAssembly.Module | null>();

/**
 * The kernels bound to `memory` (a shared one when `shared`), or null where WebAssembly SIMD (or shared
 * memory) is not available.
 */
export function simdKernels(memory: WebAssembly.Memory, shared = false): SimdKernels | null {
  let module = compiled.get(shared);
  if (module === undefined) {
    const bytes = kernelModule(shared);
    module =
      typeof WebAssembly === "object" && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    compiled.set(shared, module);
  }
  if (!module) return null;
  const {exports} = new WebAssembly.Instance(module, {env: {memory}});
  return exports as unknown as SimdKernels;
}
