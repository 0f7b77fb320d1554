import {cameraMatrix, fitCamera, orbitDistance, type Camera} from "./camera.ts";
import type {Mat4} from "./mat4.ts";
import {
  nearestInDirection,
  nearestOnCanvas,
  nearestPoint,
  onCanvas,
  pointsInPolygon,
  type ScreenDirection
} from "./picking.ts";
import {screenPositions} from "./screen-positions.ts";
import type {PointCloudData} from "./types.ts";

/**
 * The camera over one set of points and where they land on a canvas: the positions are projected on the CPU
 * once per camera and canvas size, then shared by hover, click and lasso.
 */
export class PointView {
  readonly data: PointCloudData;
  #camera: Camera;
  #screen: {positions: Float32Array; camera: Camera; width: number; height: number} | undefined;

  /** Per point, 1 where a legend click hid it: picking skips it. */
  hidden: Uint8Array | undefined;

  constructor(data: PointCloudData, camera?: Camera) {
    this.data = data;
    this.#camera = camera ?? fitCamera(data.coordinates, data.nComponents);
  }

  get camera(): Camera {
    return this.#camera;
  }

  /** Replaces the camera (after a pan, orbit or zoom). */
  move(camera: Camera): void {
    this.#camera = camera;
  }

  matrix(width: number, height: number): Mat4 {
    return cameraMatrix(this.#camera, width, height);
  }

  /** 3-D: the eye's distance to the orbit target; 0 in 2-D. */
  focusDistance(width: number, height: number): number {
    return this.#camera.kind === "3d" ? orbitDistance(this.#camera, width, height) : 0;
  }

  /** The point drawn nearest (x, y) within `radius` CSS pixels, or −1. */
  nearest(x: number, y: number, radius: number, width: number, height: number): number {
    return nearestPoint(this.#positions(width, height), x, y, radius, this.hidden);
  }

  /** The point drawn on the canvas nearest its centre, or −1 (the keyboard's point cursor starts there). */
  nearestToCenter(width: number, height: number): number {
    return nearestOnCanvas(this.#positions(width, height), width / 2, height / 2, width, height, this.hidden);
  }

  /** Where the point cursor goes from point `from` towards `direction` (see nearestInDirection), or −1. */
  step(from: number, direction: ScreenDirection, width: number, height: number): number {
    const screen = this.#positions(width, height);
    const [x, y] = [screen[from * 3]!, screen[from * 3 + 1]!];
    return nearestInDirection(screen, x, y, direction, width, height, this.hidden);
  }

  /**
   * Where point i is drawn (CSS pixels) if it is, on the canvas and not hidden; else null. Projects that one
   * point, so that following it as the camera moves does not project them all each frame.
   */
  drawnAt(i: number, width: number, height: number): [number, number] | null {
    const {coordinates, nComponents} = this.data;
    if (this.hidden?.[i] || i < 0 || i * nComponents >= coordinates.length) return null;
    const point = coordinates.subarray(i * nComponents, (i + 1) * nComponents);
    const [x, y, depth] = screenPositions(point, nComponents, this.matrix(width, height), width, height);
    return onCanvas(x!, y!, depth!, width, height) ? [x!, y!] : null;
  }

  /** The points drawn inside a polygon [x0, y0, x1, y1, …], ascending. */
  inside(polygon: readonly number[], width: number, height: number): Int32Array {
    return pointsInPolygon(this.#positions(width, height), polygon, this.hidden);
  }

  #positions(width: number, height: number): Float32Array {
    const cached = this.#screen;
    const camera = this.#camera;
    if (cached?.camera === camera && cached.width === width && cached.height === height)
      return cached.positions;
    const {coordinates, nComponents} = this.data;
    const matrix = cameraMatrix(camera, width, height);
    // Reuse the last buffer: a camera drag would otherwise allocate n × 3 floats per frame.
    const positions = screenPositions(coordinates, nComponents, matrix, width, height, cached?.positions);
    this.#screen = {positions, camera, width, height};
    return positions;
  }
}
