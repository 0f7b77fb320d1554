import {fitCamera} from "./camera.ts";
import {fitVisible, keyMove, type CameraMove} from "./keys.ts";
import type {PointView} from "./point-view.ts";

/** What the camera controller reads from, and tells, the point cloud. */
export interface CameraHost {
  /** The camera and points now drawn (none before a projection). */
  view(): PointView | undefined;
  /** Per point, 1 where a legend click hid it: fitting leaves those out. */
  hidden(): Uint8Array | undefined;
  /** The canvas in CSS pixels ([0, 0] before it is laid out). */
  canvasSize(): [number, number];
  /** The camera moved: drop the hover, draw again. */
  moved(): void;
}

/**
 * The point cloud's camera from the pointer and the keyboard: moves (pan, orbit, zoom) applied to the view at
 * the canvas's size, fit to the visible points (F), reset to the first view (0 or Home), arrows and + / −.
 */
export class CameraController {
  readonly #host: CameraHost;

  constructor(host: CameraHost) {
    this.#host = host;
  }

  move(move: CameraMove): void {
    const view = this.#host.view();
    const [width, height] = this.#host.canvasSize();
    if (!view || !width || !height) return;
    view.move(move(view.camera, width, height));
    this.#host.moved();
  }

  /** Zoom to fit the visible points (keeping a 3-D view's angles), or reset to the first view. */
  fit(reset: boolean): void {
    const data = this.#host.view()?.data;
    if (!data) return;
    const {coordinates, nComponents} = data;
    const hidden = this.#host.hidden();
    this.move((camera) =>
      reset ? fitCamera(coordinates, nComponents) : fitVisible(coordinates, nComponents, hidden, camera)
    );
  }

  /** Applies a camera key; false for any other key (the caller leaves its default alone). */
  key(key: string): boolean {
    if (key === "f" || key === "F") this.fit(false);
    else if (key === "0" || key === "Home") this.fit(true);
    else {
      const move = keyMove(key);
      if (!move) return false;
      this.move(move);
    }
    return true;
  }
}
