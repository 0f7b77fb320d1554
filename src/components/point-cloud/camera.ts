import {lookAt, multiply, perspective, type Mat4} from "./mat4.ts";

/** A 2-D view: the data point at the canvas center, and the zoom (1 = the points fit the canvas). */
export interface OrthoCamera {
  /** Always "2d". */
  readonly kind: "2d";
  /** The data point at the canvas center. */
  readonly center: readonly [number, number];
  /** 1 = the points fit the canvas; larger is closer. */
  readonly zoom: number;
  /** Half the extent of the data along its longer side. */
  readonly radius: number;
}

/** A 3-D view orbiting `target`: yaw around the vertical axis, pitch above the horizon, in radians. */
export interface OrbitCamera {
  /** Always "3d". */
  readonly kind: "3d";
  /** The data point the camera orbits and looks at. */
  readonly target: readonly [number, number, number];
  /** Radians around the vertical axis. */
  readonly yaw: number;
  /** Radians above the horizon. */
  readonly pitch: number;
  /** 1 = the bounding sphere fits the canvas. */
  readonly zoom: number;
  /** The radius of the data's bounding sphere about the box center. */
  readonly radius: number;
}

/** A point cloud's camera: 2-D (orthographic) or 3-D (orbiting). */
export type Camera = OrthoCamera | OrbitCamera;

/** The vertical field of view of the 3-D camera. */
export const FOV_Y = Math.PI / 4;
/** The share of the canvas the fitted points span, leaving a margin for the point disks. */
const FILL = 0.92;
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 1000;
const MAX_PITCH = Math.PI / 2 - 0.01;

/** The camera that shows all points: centered on their bounding box, looking down −z in 3-D. */
export function fitCamera(coordinates: Float32Array, nComponents: 2 | 3): Camera {
  const low = [Infinity, Infinity, Infinity];
  const high = [-Infinity, -Infinity, -Infinity];
  // A point with a coordinate that is not finite (NaN, ±Infinity) is left out of the fit: one such point made
  // the center or the radius NaN and the view empty. (It is not drawn where it cannot be placed.)
  const finite = (i: number) => {
    for (let k = 0; k < nComponents; ++k) if (!Number.isFinite(coordinates[i + k]!)) return false;
    return true;
  };
  for (let i = 0; i < coordinates.length; i += nComponents) {
    if (!finite(i)) continue;
    for (let k = 0; k < nComponents; ++k) {
      const x = coordinates[i + k]!;
      if (x < low[k]!) low[k] = x;
      if (x > high[k]!) high[k] = x;
    }
  }
  const center = [0, 1, 2].map((k) =>
    k < nComponents && low[k]! <= high[k]! ? (low[k]! + high[k]!) / 2 : 0
  );
  const half = [0, 1, 2].map((k) => (k < nComponents && low[k]! <= high[k]! ? (high[k]! - low[k]!) / 2 : 0));
  if (nComponents === 2) {
    const radius = Math.max(half[0]!, half[1]!) || 1;
    return {kind: "2d", center: [center[0]!, center[1]!], zoom: 1, radius};
  }
  // The bounding sphere about the box center: often much tighter than the half diagonal.
  let farthest = 0;
  for (let i = 0; i < coordinates.length; i += 3)
    if (finite(i))
      farthest = Math.max(
        farthest,
        Math.hypot(
          coordinates[i]! - center[0]!,
          coordinates[i + 1]! - center[1]!,
          coordinates[i + 2]! - center[2]!
        )
      );
  const radius = farthest || 1;
  return {kind: "3d", target: [center[0]!, center[1]!, center[2]!], yaw: 0, pitch: 0, zoom: 1, radius};
}

/** CSS pixels per data unit of a 2-D camera on a width × height canvas. */
export const pixelsPerUnit = (camera: OrthoCamera, width: number, height: number): number =>
  ((Math.min(width, height) / 2) * FILL * camera.zoom) / camera.radius;

/** The distance from a 3-D camera to its target. */
export function orbitDistance(camera: OrbitCamera, width: number, height: number): number {
  // The sphere must fit the narrower of the two fields of view.
  const aspect = width / Math.max(1, height);
  const halfFov = Math.min(FOV_Y / 2, Math.atan(Math.tan(FOV_Y / 2) * aspect));
  return camera.radius / Math.sin(halfFov) / FILL / camera.zoom;
}

/** The eye position of a 3-D camera. */
export function orbitEye(camera: OrbitCamera, distance: number): [number, number, number] {
  const {target, yaw, pitch} = camera;
  return [
    target[0] + distance * Math.cos(pitch) * Math.sin(yaw),
    target[1] + distance * Math.sin(pitch),
    target[2] + distance * Math.cos(pitch) * Math.cos(yaw)
  ];
}

/** The clip-from-data matrix the shader and the CPU picking both use. */
export function cameraMatrix(camera: Camera, width: number, height: number): Mat4 {
  if (camera.kind === "2d") {
    const ppu = pixelsPerUnit(camera, width, height);
    const [sx, sy] = [(2 * ppu) / width, (2 * ppu) / height];
    const [cx, cy] = camera.center;
    // prettier-ignore
    return Float32Array.of(sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, 1, 0, -cx * sx, -cy * sy, 0, 1);
  }
  const distance = orbitDistance(camera, width, height);
  const view = lookAt(orbitEye(camera, distance), camera.target, [0, 1, 0]);
  const near = distance / 100;
  const far = distance + camera.radius * 4;
  return multiply(perspective(FOV_Y, width / Math.max(1, height), near, far), view);
}

/** Moves a 2-D view by a drag of (dx, dy) CSS pixels: the data follows the pointer. */
export function pan(camera: OrthoCamera, dx: number, dy: number, width: number, height: number): OrthoCamera {
  const ppu = pixelsPerUnit(camera, width, height);
  return {...camera, center: [camera.center[0] - dx / ppu, camera.center[1] + dy / ppu]};
}

/** Turns a 3-D view by a drag of (dx, dy) CSS pixels: a full canvas width is about half a turn. */
export function orbit(camera: OrbitCamera, dx: number, dy: number): OrbitCamera {
  const pitch = Math.min(MAX_PITCH, Math.max(-MAX_PITCH, camera.pitch + dy * 0.006));
  return {...camera, yaw: camera.yaw - dx * 0.006, pitch};
}

/** Zooms by `factor` (> 1 closer); in 2-D about the point under (x, y) CSS pixels, which stays put. */
export function zoomAt(
  camera: Camera,
  factor: number,
  x: number,
  y: number,
  width: number,
  height: number
): Camera {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, camera.zoom * factor));
  if (camera.kind === "3d") return {...camera, zoom};
  const before = pixelsPerUnit(camera, width, height);
  const after = before * (zoom / camera.zoom);
  const [ox, oy] = [x - width / 2, height / 2 - y];
  const [px, py] = [camera.center[0] + ox / before, camera.center[1] + oy / before];
  return {...camera, zoom, center: [px - ox / after, py - oy / after]};
}
