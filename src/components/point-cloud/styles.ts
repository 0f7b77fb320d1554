import {css} from "lit";

export const pointCloudStyles = css`
  /* Focus (for Escape) comes from clicks too: ring only the points, and only for keyboard focus. */
  :host(:focus) {
    outline: none;
  }
  :host(:focus-visible) .surface {
    outline: 2px solid var(--phx-primary);
    outline-offset: 1px;
  }
  .surface {
    position: relative;
    overflow: hidden;
    border: 1px solid var(--phx-subtle);
    border-radius: 4px;
    touch-action: none;
    user-select: none;
  }
  canvas {
    display: block;
    width: 100%;
    height: 100%;
    cursor: crosshair;
  }
  .fallback {
    margin: 0;
    padding: 1em;
    color: var(--phx-muted);
  }
  svg.lasso {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
  }
  svg.lasso polygon {
    fill: color-mix(in srgb, var(--phx-foreground) 8%, transparent);
    stroke: var(--phx-foreground);
    stroke-dasharray: 4 3;
  }
  /* Placed by placeTooltip inside the surface: at most its size, so that it never is clipped. */
  .tooltip {
    position: absolute;
    left: 0;
    top: 0;
    box-sizing: border-box;
    max-width: min(260px, 100%);
    max-height: 100%;
    overflow: hidden;
    padding: 6px 8px;
    border-radius: 4px;
    background: var(--phx-background);
    border: 1px solid var(--phx-subtle);
    box-shadow: 0 2px 8px rgb(0 0 0 / 18%);
    pointer-events: none;
    overflow-wrap: anywhere;
  }
  .tooltip .title {
    font-weight: 600;
  }
  .tooltip .cluster {
    color: var(--phx-muted);
  }
  /* Six lines at most, the last ending in an ellipsis: a long text stays a tooltip, not a page. */
  .tooltip .raw {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 6;
    line-clamp: 6;
    overflow: hidden;
    margin-top: 4px;
    white-space: pre-wrap;
    font-family: ui-monospace, monospace;
    font-size: 12px;
  }
  /* The keyboard's point cursor: a ring that placeCursor puts around its point (hidden when off the canvas). */
  .point-cursor {
    position: absolute;
    left: 0;
    top: 0;
    box-sizing: border-box;
    border: 2px solid var(--phx-foreground);
    border-radius: 50%;
    box-shadow:
      0 0 0 2px var(--phx-background),
      inset 0 0 0 1px var(--phx-background);
    pointer-events: none;
  }
  .point-cursor[hidden] {
    display: none;
  }
  /* Read by screen readers, not shown. */
  .announce {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    margin-top: 4px;
    color: var(--phx-muted);
    font-size: 12px;
  }
  .state {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    margin: 0;
    padding: 1em;
    color: var(--phx-muted);
    text-align: center;
    pointer-events: none;
  }
  .state.error {
    color: var(--phx-error);
  }
  .tools {
    position: absolute;
    top: 6px;
    right: 6px;
    display: flex;
    gap: 4px;
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--phx-background);
    border: 1px solid var(--phx-subtle);
    border-radius: 4px;
    padding: 1px 8px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--phx-primary);
    outline-offset: 1px;
  }
  .legend-title {
    font-weight: 600;
  }
  /* A long value is cut with an ellipsis (the title has all of it), within the status bar; the count stays. */
  button.key {
    display: inline-flex;
    align-items: center;
    box-sizing: border-box;
    max-width: 100%;
    border-color: transparent;
    color: var(--phx-foreground);
    font-size: 12px;
  }
  .key bdi {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .key .count {
    flex: none;
    margin-left: 0.3em;
  }
  button.key.bucket {
    font-style: italic;
  }
  /* Hidden, it is still a toggle to read and press: struck through in the muted text color (AA in both
     themes), only its swatch faded. Opacity on the whole button made its text 2.8:1. */
  button.key[aria-pressed="false"] {
    color: var(--phx-muted);
    text-decoration: line-through;
  }
  button.key[aria-pressed="false"] i {
    opacity: 0.45;
  }
  .key .count,
  .more {
    color: var(--phx-muted);
  }
  .more {
    font-size: 12px;
  }
  .key i {
    flex: none;
    display: inline-block;
    width: 9px;
    height: 9px;
    margin-right: 4px;
    border-radius: 50%;
  }
  .key i.ramp {
    width: 60px;
    height: 8px;
    margin: 0 4px;
    border-radius: 2px;
    background: linear-gradient(to right, #440154, #3b528b, #21918c, #5ec962, #fde725);
  }
  .hint {
    margin-left: auto;
  }
`;
