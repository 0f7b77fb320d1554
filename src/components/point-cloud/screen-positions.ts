import type {Mat4} from "./mat4.ts";

/**
 * Where each point lands on a width × height canvas, in CSS pixels from its top-left corner, and its depth:
 * n × 3 (x, y, depth in −1…1). Points behind the camera get NaN. The same matrix as the shader's, on the CPU,
 * so that hover, click and lasso find the points the user sees.
 */
export function screenPositions(
  coordinates: Float32Array,
  nComponents: 2 | 3,
  matrix: Mat4,
  width: number,
  height: number,
  out: Float32Array = new Float32Array((coordinates.length / nComponents) * 3)
): Float32Array {
  const m = matrix;
  const n = coordinates.length / nComponents;
  for (let i = 0; i < n; ++i) {
    const x = coordinates[i * nComponents]!;
    const y = coordinates[i * nComponents + 1]!;
    const z = nComponents === 3 ? coordinates[i * nComponents + 2]! : 0;
    const w = m[3]! * x + m[7]! * y + m[11]! * z + m[15]!;
    if (!(w > 0)) {
      out[i * 3] = out[i * 3 + 1] = out[i * 3 + 2] = NaN;
      continue;
    }
    const cx = (m[0]! * x + m[4]! * y + m[8]! * z + m[12]!) / w;
    const cy = (m[1]! * x + m[5]! * y + m[9]! * z + m[13]!) / w;
    const cz = (m[2]! * x + m[6]! * y + m[10]! * z + m[14]!) / w;
    out[i * 3] = ((cx + 1) / 2) * width;
    out[i * 3 + 1] = ((1 - cy) / 2) * height;
    out[i * 3 + 2] = cz;
  }
  return out;
}
