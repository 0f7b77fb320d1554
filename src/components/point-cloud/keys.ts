import {fitCamera, orbit, pan, zoomAt, type Camera} from "./camera.ts";

/** CSS pixels an arrow key moves the view, as a drag of that length would. */
const STEP = 40;
const ZOOM_STEP = 1.25;

/** A camera move from the keyboard, given the current camera and the canvas size. */
export type CameraMove = (camera: Camera, width: number, height: number) => Camera;

/**
 * The camera move a key asks for: arrows pan (2-D) or orbit (3-D), + and − zoom about the center; null for
 * any other key. Fit and reset are separate (they need the points).
 */
export function keyMove(key: string): CameraMove | null {
  const arrows: Record<string, [number, number]> = {
    ArrowLeft: [STEP, 0],
    ArrowRight: [-STEP, 0],
    ArrowUp: [0, STEP],
    ArrowDown: [0, -STEP]
  };
  const arrow = arrows[key];
  if (arrow) {
    const [dx, dy] = arrow;
    return (camera, width, height) =>
      camera.kind === "2d" ? pan(camera, dx, dy, width, height) : orbit(camera, dx, dy);
  }
  const factor = key === "+" || key === "=" ? ZOOM_STEP : key === "-" || key === "_" ? 1 / ZOOM_STEP : 0;
  if (!factor) return null;
  return (camera, width, height) => zoomAt(camera, factor, width / 2, height / 2, width, height);
}

/**
 * The camera that fits the points not hidden (all of them if none is visible), keeping a 3-D camera's angles:
 * "zoom to fit" after hiding some, or after wandering off.
 */
export function fitVisible(
  coordinates: Float32Array,
  nComponents: 2 | 3,
  hidden: Uint8Array | undefined,
  camera: Camera
): Camera {
  let visible = coordinates;
  if (hidden?.includes(1)) {
    const kept: number[] = [];
    for (let i = 0; i < hidden.length; ++i)
      if (!hidden[i]) for (let k = 0; k < nComponents; ++k) kept.push(coordinates[i * nComponents + k]!);
    if (kept.length) visible = Float32Array.from(kept);
  }
  const fitted = fitCamera(visible, nComponents);
  return fitted.kind === "3d" && camera.kind === "3d"
    ? {...fitted, yaw: camera.yaw, pitch: camera.pitch}
    : fitted;
}

/** A point diameter in CSS pixels that suits n points: 6 for a hundred, 4 for ten thousand, 2 from a million. */
export const autoPointSize = (n: number): number =>
  Math.max(2, Math.min(6, Math.round(8 - Math.log10(Math.max(1, n)))));
