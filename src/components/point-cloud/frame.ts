import {hexToRgb} from "../colors.ts";
import type {Palette} from "../theme.ts";
import {drawsDensity, type DensityImage} from "./density.ts";
import type {GlPoints} from "./gl-points.ts";
import type {PointView} from "./point-view.ts";

/** What one frame of the point cloud is drawn from, besides the GPU buffers. */
export interface FrameInputs {
  readonly view: PointView;
  /** The canvas in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** Device pixels per CSS pixel. */
  readonly ratio: number;
  /** Point diameter in CSS pixels. */
  readonly pointSize: number;
  readonly palette: Palette;
  /** The points' colors (n × 3 bytes) and flags, as uploaded; binned frames read them on the CPU. */
  readonly colors: Uint8Array | undefined;
  readonly flags: Uint8Array | undefined;
  readonly hasSelection: boolean;
  /** Draw the background alone: an error shows in place of the points, not over the last coloring's. */
  readonly blank: boolean;
}

/**
 * Draws one frame: the points by WebGL, or, for hundreds of thousands of small 2-D points, one image binned on
 * the CPU (density.ts) — a few milliseconds of script where a software renderer takes a second to rasterize.
 */
export function drawFrame(points: GlPoints, density: DensityImage, inputs: FrameInputs): void {
  const {view, width, height, ratio, palette, colors} = inputs;
  const [w, h] = [Math.round(width * ratio), Math.round(height * ratio)];
  const parameters = {
    matrix: view.matrix(width, height),
    pointSize: inputs.pointSize * ratio,
    layered: view.data.nComponents === 2,
    hasSelection: inputs.hasSelection,
    focusDistance: view.focusDistance(width, height),
    background: hexToRgb(palette.background),
    outline: hexToRgb(palette.foreground)
  };
  if (inputs.blank) return points.clear(w, h, parameters.background);
  const {coordinates, nComponents} = view.data;
  if (colors && drawsDensity(colors.length / 3, nComponents, parameters.pointSize)) {
    const frame = {...parameters, coordinates, colors, flags: inputs.flags, width: w, height: h};
    if (points.drawImage(w, h, density.draw(frame))) return;
  }
  points.draw(w, h, parameters);
}
