// The libraries every cell sees, bundled from npm (never a CDN), so that pages work offline.
export * as Arrow from "apache-arrow";
export * as d3 from "d3";
export * as Inputs from "@observablehq/inputs";
export * as Plot from "@observablehq/plot";
export {html, svg} from "htl";
