import {simdKernels} from "../simd-kernel.ts";
import {
  ArrayStore,
  copyRows,
  PAGE,
  paddedStride,
  SIMD_MAX_BYTES,
  SimdStore,
  unitRows,
  type VectorStore
} from "../vector-store.ts";
import type {SharedStoreSpec} from "./messages.ts";

/**
 * The vectors copied once into memory that `threads` threads and this one share: padded rows in shared wasm
 * memory for the SIMD kernels, with one hyperplane row per thread after them (row n is this thread's), or
 * plain rows in a SharedArrayBuffer where SIMD is missing.
 */
export function sharedVectorStore(
  vectors: Float32Array,
  n: number,
  dim: number,
  unit: boolean,
  threads: number
): {store: VectorStore; spec: SharedStoreSpec} {
  const stride = paddedStride(dim);
  const rowCount = n + 1 + threads;
  const bytes = rowCount * stride * 4;
  if (bytes <= SIMD_MAX_BYTES && typeof WebAssembly === "object") {
    const pages = Math.ceil(bytes / PAGE);
    const memory = new WebAssembly.Memory({initial: pages, maximum: pages, shared: true});
    const kernels = simdKernels(memory, true);
    if (kernels) {
      const rows = new Float32Array(memory.buffer, 0, rowCount * stride);
      copyRows(rows, vectors, n, dim, stride, unit);
      return {
        store: new SimdStore(rows, n, dim, stride, n, kernels),
        spec: {kind: "simd", memory, n, dim, stride}
      };
    }
  }
  const data = new Float32Array(new SharedArrayBuffer(n * dim * 4));
  data.set(unit ? unitRows(vectors, n, dim) : vectors);
  return {store: new ArrayStore(data, n, dim), spec: {kind: "array", data, n, dim}};
}

/** Thread `thread`'s view of a shared store: the same rows, its own hyperplane. */
export function threadVectorStore(spec: SharedStoreSpec, thread: number): VectorStore {
  if (spec.kind === "array") return new ArrayStore(spec.data, spec.n, spec.dim);
  const {memory, n, dim, stride} = spec;
  const kernels = simdKernels(memory, true);
  if (!kernels) throw new Error("WebAssembly SIMD is missing in this thread");
  const rows = new Float32Array(memory.buffer, 0, (n + 1 + thread + 1) * stride);
  return new SimdStore(rows, n, dim, stride, n + 1 + thread, kernels);
}
