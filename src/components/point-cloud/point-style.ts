import type {PropertyValues} from "lit";
import {palettes, type Theme} from "../theme.ts";
import type {GlPoints} from "./gl-points.ts";
import {keptHiddenEntries} from "./legend.ts";
import {pointColoring, pointFlags, type PointColoring} from "./point-colors.ts";
import {pointCount, type ColorBy, type PointCloudData, type PointClusters} from "./types.ts";

/** The element's properties the coloring, and the flag buffer, are computed from. */
const COLOR_INPUTS = ["projection", "colorBy", "clusters"];
const FLAG_INPUTS = ["projection", "highlight", "value", "hiddenEntries"];
const changedAny = (changed: PropertyValues, keys: readonly string[]) => keys.some((key) => changed.has(key));

/** What the point cloud's look is computed from, as the element has it at an update. */
export interface StyleInputs {
  readonly data: PointCloudData;
  readonly colorBy: ColorBy;
  readonly clusters: PointClusters | undefined;
  /** Point indices drawn larger and ringed. */
  readonly highlight: ArrayLike<number> | undefined;
  /** The selected point indices. */
  readonly value: Int32Array;
  /** Indices of the legend entries whose points are hidden. */
  readonly hiddenEntries: ReadonlySet<number>;
  readonly theme: Theme;
}

/**
 * The point cloud's per-point look: the coloring (colors, legend, each point's legend entry) in the theme's
 * palette, the points a legend click hid, and the flag buffer (highlighted, selected, hidden). Each is
 * recomputed only when its inputs change, and the buffers the GL points need again stay marked until uploaded,
 * so a hover re-renders without touching them.
 */
export class PointStyle {
  #coloring: PointColoring | undefined;
  #coloredWith: Theme | undefined;
  #hidden: Uint8Array | undefined;
  #flags: Uint8Array | undefined;
  readonly #upload = {colors: false, flags: false};

  /** The coloring; undefined before the first update with points. */
  get coloring(): PointColoring | undefined {
    return this.#coloring;
  }

  /** Per point, 1 where a legend click hid it. */
  get hidden(): Uint8Array | undefined {
    return this.#hidden;
  }

  /** Per point: 1 highlighted, 2 selected, 4 hidden (see gl-points.ts). */
  get flags(): Uint8Array | undefined {
    return this.#flags;
  }

  /**
   * Recomputes what the element's `changed` properties (or a new theme) call for, and returns the hidden legend
   * entries: after a recoloring, the new entries of the labels hidden before (reclustering keeps "noise"
   * hidden). Throws, changing nothing, where the data cannot give the coloring.
   */
  update(inputs: StyleInputs, changed: PropertyValues): ReadonlySet<number> {
    let hiddenEntries = inputs.hiddenEntries;
    const recolor = changedAny(changed, COLOR_INPUTS) || this.#coloredWith !== inputs.theme;
    if (recolor) {
      const before = this.#coloring?.legend;
      const palette = palettes[inputs.theme] ?? palettes.light;
      this.#coloring = pointColoring(inputs.data, inputs.colorBy, inputs.clusters, palette);
      this.#coloredWith = inputs.theme;
      this.#upload.colors = true;
      hiddenEntries = keptHiddenEntries(before, this.#coloring.legend, hiddenEntries);
    }
    if (recolor || changedAny(changed, FLAG_INPUTS)) {
      const {codes} = this.#coloring!;
      this.#hidden = Uint8Array.from(codes, (code) => (hiddenEntries.has(code) ? 1 : 0));
      this.#flags = pointFlags(pointCount(inputs.data), inputs.highlight, inputs.value, this.#hidden);
      this.#upload.flags = true;
    }
    return hiddenEntries;
  }

  /** Uploads the buffers changed since the last upload, or all of them to `fresh` points. */
  upload(points: GlPoints, fresh: boolean): void {
    if (this.#coloring && (fresh || this.#upload.colors)) points.setColors(this.#coloring.colors);
    if (this.#flags && (fresh || this.#upload.flags)) points.setFlags(this.#flags);
    this.#upload.colors = this.#upload.flags = false;
  }
}
