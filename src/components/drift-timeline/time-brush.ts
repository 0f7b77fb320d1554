/** Pixels a press must move to brush; shorter is a click. */
const CLICK_SLOP = 3;
const SVG = "http://www.w3.org/2000/svg";

/** The horizontal pixel range the brush may cover, and what the user did in it (x in the svg's pixels). */
export interface BrushOptions {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** A drag from x0 to x1 (x0 < x1). */
  brushed(x0: number, x1: number): void;
  clicked(x: number): void;
}

/**
 * A horizontal brush laid over a Plot chart: a transparent rect over the frame that turns a drag into a
 * pixel range (drawn as a band while dragging) and a press without a move into a click. Its listeners live
 * and die with the chart's svg.
 */
export function addTimeBrush(svg: SVGSVGElement, options: BrushOptions): void {
  const {left, right, top, bottom} = options;
  const overlay = document.createElementNS(SVG, "rect");
  const band = document.createElementNS(SVG, "rect");
  for (const [name, value] of Object.entries({x: left, y: top, width: right - left, height: bottom - top}))
    overlay.setAttribute(name, String(value));
  overlay.setAttribute("class", "brush-overlay");
  overlay.setAttribute("fill", "transparent");
  overlay.style.cursor = "crosshair";
  band.setAttribute("class", "brush-band");
  band.setAttribute("y", String(top));
  band.setAttribute("height", String(bottom - top));
  band.setAttribute("visibility", "hidden");
  band.style.pointerEvents = "none";
  svg.append(overlay, band);

  // The svg may be scaled down to fit (Plot's max-width: 100%): map client pixels to the svg's own.
  const xOf = (event: PointerEvent) => {
    const box = svg.getBoundingClientRect();
    const scale = box.width ? svg.width.baseVal.value / box.width : 1;
    return Math.min(right, Math.max(left, (event.clientX - box.left) * scale));
  };
  let start: number | null = null;
  overlay.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    start = xOf(event);
    overlay.setPointerCapture?.(event.pointerId);
  });
  overlay.addEventListener("pointermove", (event) => {
    if (start === null) return;
    const x = xOf(event);
    band.setAttribute("x", String(Math.min(start, x)));
    band.setAttribute("width", String(Math.abs(x - start)));
    band.setAttribute("visibility", Math.abs(x - start) >= CLICK_SLOP ? "visible" : "hidden");
  });
  overlay.addEventListener("pointerup", (event) => {
    if (start === null) return;
    const [from, to] = [start, xOf(event)];
    start = null;
    band.setAttribute("visibility", "hidden");
    if (Math.abs(to - from) < CLICK_SLOP) options.clicked(from);
    else options.brushed(Math.min(from, to), Math.max(from, to));
  });
  overlay.addEventListener("pointercancel", () => {
    start = null;
    band.setAttribute("visibility", "hidden");
  });
}
