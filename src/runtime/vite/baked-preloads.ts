import type {HtmlTagDescriptor} from "vite";
import type {BakeManifest} from "../bake/types.ts";
import type {CellPlan} from "../compile/cell-plan.ts";

/**
 * What a baked page must fetch before it can show its baked values, as URLs relative to the page: the baked
 * files, and the files that the baked cells and every cell upstream of them attach (a baked projection still
 * waits for the datasets it refers to, loaded from their attachments). Preloaded from the page's <head>, they
 * arrive while the scripts load, not once the cells that read them have run (the parquet files of the digits
 * page were requested ~1.4 s after navigation under load, after its schema and the px chunk). Attachments
 * elsewhere in the notebook are left alone: a file behind a button need not be fetched at all.
 */
export function bakedPreloads(plans: readonly CellPlan[], manifest: BakeManifest): string[] {
  const definers = new Map<string, CellPlan>();
  for (const plan of plans) for (const name of plan.defines) definers.set(name, plan);
  const byId = new Map(plans.map((plan) => [Number(plan.id), plan]));
  const upstream = new Set(manifest.cells.flatMap(({cell}) => byId.get(cell) ?? []));
  for (const plan of upstream) {
    // A Set visits what is added while it is iterated: this walks every cell upstream.
    for (const {inputs} of plan.variables)
      for (const input of inputs) {
        const definer = definers.get(input);
        if (definer) upstream.add(definer);
      }
  }
  const baked = manifest.cells.flatMap(({parts}) => parts.map(({file}) => file));
  // In notebook order, so that what the first cells read is requested first.
  const attached = plans.filter((plan) => upstream.has(plan)).flatMap((plan) => plan.fileAttachments);
  // The attachments first: the baked values are read only once the datasets they refer to have loaded.
  return [...new Set([...attached, ...baked])];
}

/** The <link rel=preload> tags of bakedPreloads, for the page's <head>. */
export function bakedPreloadTags(plans: readonly CellPlan[], manifest: BakeManifest): HtmlTagDescriptor[] {
  return bakedPreloads(plans, manifest).map((href) => ({
    tag: "link",
    // As the page's fetch() asks (CORS mode, same-origin credentials), so that it takes the preloaded response.
    attrs: {rel: "preload", as: "fetch", crossorigin: "anonymous", href},
    injectTo: "head"
  }));
}
