import {orbit, pan, zoomAt} from "./camera.ts";
import type {CameraController} from "./camera-controller.ts";
import type {GestureHandlers} from "./gestures.ts";
import type {PointView} from "./point-view.ts";

/** Hover picks points within this many CSS pixels of the pointer (or the point radius, if larger). */
const PICK_RADIUS = 8;

/**
 * The point under the pointer, and where the pointer is (CSS pixels from the canvas's top-left corner); or
 * the point under the keyboard's point cursor, and where it is drawn.
 */
export interface Hovered {
  readonly index: number;
  readonly x: number;
  readonly y: number;
  /** The point cursor's: the live region says its text, so the tooltip does not too. */
  readonly byKeyboard?: boolean;
}

/** What the pointer reads from, and tells, the point cloud. */
export interface PointerHost {
  readonly camera: CameraController;
  /** The camera and points now drawn (none before a projection). */
  view(): PointView | undefined;
  /** The canvas in CSS pixels ([0, 0] before it is laid out). */
  canvasSize(): [number, number];
  /** The drawn point diameter in CSS pixels. */
  pointSize(): number;
  hover(hovered: Hovered | null): void;
  /** The lasso drawn so far as [x0, y0, x1, y1, …], or null when there is none. */
  lassoPath(path: readonly number[] | null): void;
  /** Selects as the user did (the host fires `input` when the selection changed). */
  select(indices: ArrayLike<number>): void;
}

/**
 * What the pointer does to the point cloud: hover shows the nearest visible point, a click selects it (or
 * clears the selection off the points), Shift+drag lassoes the points inside; a drag pans (2-D) or orbits
 * (3-D) and the wheel zooms at the pointer.
 */
export function pointerHandlers(host: PointerHost): GestureHandlers {
  const pick = (x: number, y: number): number => {
    const view = host.view();
    const [width, height] = host.canvasSize();
    if (!view || !width || !height) return -1;
    return view.nearest(x, y, Math.max(PICK_RADIUS, host.pointSize()), width, height);
  };
  return {
    hover(x, y) {
      const index = pick(x, y);
      host.hover(index < 0 ? null : {index, x, y});
    },
    leave: () => host.hover(null),
    drag: (dx, dy) =>
      host.camera.move((camera, w, h) =>
        camera.kind === "2d" ? pan(camera, dx, dy, w, h) : orbit(camera, dx, dy)
      ),
    zoom: (factor, x, y) => host.camera.move((camera, w, h) => zoomAt(camera, factor, x, y, w, h)),
    click(x, y) {
      const index = pick(x, y);
      host.select(index < 0 ? [] : [index]);
    },
    lasso(polygon, done) {
      host.lassoPath(done ? null : [...polygon]);
      if (!done || polygon.length < 6) return;
      const view = host.view();
      const [width, height] = host.canvasSize();
      if (view && width && height) host.select(view.inside(polygon, width, height));
    }
  };
}
