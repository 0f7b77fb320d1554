import {createHash} from "node:crypto";
import {readdir, readFile} from "node:fs/promises";
import {join, posix} from "node:path";
import {attachmentHref} from "../../stdlib/file-source.ts";
import {escapeHtml, policyMeta} from "../shell.ts";
import {rewriteScript, rewriteStyle, type AssetRefs} from "./asset-refs.ts";
import {bootstrapScript, FILE_BLOCK_TYPE} from "./bootstrap.ts";
import type {BundleGraph} from "./bundle-graph.ts";
import {pageFiles} from "./page-files.ts";
import type {LazyModule} from "./lazy-module.ts";
import type {PageUse} from "./page-use.ts";
import {singleFilePolicy} from "./policy.ts";
import {mimeType} from "./mime.ts";

/** One page of a built site to make self-contained. */
export interface SinglePageInput {
  /** The built site (a staging folder): the page, `assets/`, attachments and baked files. */
  readonly site: string;
  /** The page's path in the site (`digits-drift.html`, `sub/x.html`). */
  readonly page: string;
  /** Files beside the page it fetches (attachments, loader outputs, baked values), by path in the site. */
  readonly files: readonly string[];
  /** What its cells can load: the page carries only those of the lazily loaded chunks and workers. */
  readonly use: PageUse;
  /** Origins of embedding providers its cells name (see providerOrigins). */
  readonly connect: readonly string[];
}

/** What the build knows of its bundle, for every page. */
export interface SingleSite {
  /** The bundle's graph, as the build recorded it (bundle-graph.ts). */
  readonly graph: BundleGraph;
  /** The modules pages load on first use, the runtime's and the plugins' (see pageFiles). */
  readonly lazy: readonly LazyModule[];
}

// duckdb-wasm's bundle for browsers without WebAssembly exceptions (every current browser has them, and
// duckdb-wasm picks the "eh" bundle there): 40 MB a single file need not carry.
const NEVER = /^duckdb-(?:mvp|browser-mvp)/;

/** The page as one HTML file: the files it can load inlined (see pageFiles), under its own policy. */
export async function inlinePage(input: SinglePageInput, site: SingleSite): Promise<string> {
  const html = await readFile(join(input.site, ...input.page.split("/")), "utf8");
  const entry = /<script type="module"[^>]*\ssrc="[^"]*assets\/([^"/]+)"[^>]*><\/script>/.exec(html)?.[1];
  if (!entry) throw new Error(`${input.page}: the built page has no module script`);
  const styles = [...html.matchAll(/<link rel="stylesheet"[^>]*\shref="[^"]*assets\/([^"/]+)"[^>]*>/g)].map(
    (match) => match[1]!
  );
  const assets = await readAssets(input.site);
  const reached = pageFiles(
    {entry, styles},
    {...site, use: input.use, textRefs: (name) => assets.get(name)?.refs?.refs ?? []}
  );
  // Named but not carried: duckdb-wasm's bundle for browsers without WebAssembly exceptions (see NEVER).
  for (const name of reached) if (!assets.has(name)) reached.delete(name);

  const blocks: string[] = [];
  for (const name of reached) {
    const asset = assets.get(name)!;
    const attributes = [
      `data-name="${escapeHtml(name)}"`,
      `data-type="${mimeType(name)}"`,
      ...(asset.refs
        ? [`data-refs="${escapeHtml(asset.refs.refs.filter((ref) => reached.has(ref)).join(" "))}"`]
        : []),
      ...(asset.worker && asset.refs && asset.refs.refs.length > 0 ? ["data-worker"] : [])
    ];
    const bytes = asset.refs ? Buffer.from(asset.refs.text) : asset.bytes;
    blocks.push(fileBlock(attributes, bytes));
  }
  const folder = posix.dirname(input.page);
  for (const file of input.files) {
    // Encoded as the page's FileAttachment encodes a name, so that the bootstrap's URL of it is the same.
    const path = attachmentHref(posix.relative(folder, file));
    const bytes = await readFile(join(input.site, ...file.split("/")));
    blocks.push(fileBlock([`data-path="${escapeHtml(path)}"`, `data-type="${mimeType(file)}"`], bytes));
  }
  // Every stylesheet it carries is linked when the page starts, those a chunk loads later too (KaTeX's, with
  // `tex`): Vite's preload helper tells a stylesheet by a URL path ending in `.css`, which a blob: URL's never
  // does, so it would preload one as a script and never apply it; it skips a URL the page already links.
  const later = [...reached].filter((name) => name.endsWith(".css") && !styles.includes(name));
  const boot = bootstrapScript(entry, [...styles, ...later]);
  const hash = createHash("sha256").update(boot).digest("base64");
  const favicon = await readFile(join(input.site, "favicon.svg")).catch(() => undefined);
  const head = html
    .replace(
      /<meta http-equiv="Content-Security-Policy"[^>]*>/,
      policyMeta(singleFilePolicy(hash, input.connect))
    )
    .replace(/\s*<script type="module"[^>]*><\/script>/, "")
    .replace(/\s*<link rel="(?:stylesheet|modulepreload)"[^>]*>/g, "")
    .replace(/<link rel="icon" href="[^"]*"/, () =>
      favicon
        ? `<link rel="icon" href="data:image/svg+xml;base64,${favicon.toString("base64")}"`
        : `<link rel="icon" href="data:,"`
    );
  // The file blocks go before the bootstrap, which reads them when it runs (as the parser reaches it).
  return head.replace("</body>", `${blocks.join("\n")}\n<script>${boot}</script>\n</body>`);
}

function fileBlock(attributes: readonly string[], bytes: Uint8Array): string {
  return `<script type="${FILE_BLOCK_TYPE}" ${attributes.join(" ")}>${Buffer.from(bytes).toString("base64")}</script>`;
}

interface Asset {
  readonly bytes: Buffer;
  /** For JavaScript and CSS: the text with its references rewritten. */
  readonly refs?: AssetRefs;
  /** Referenced other than by import somewhere: may start as a worker. */
  worker: boolean;
}

/** The files of assets/ a single-file page may carry, with their references found and rewritten. */
async function readAssets(site: string): Promise<Map<string, Asset>> {
  // Every name is rewritten, those left out too: `new URL(name, import.meta.url)` would throw in a blob: chunk.
  const known = new Set(await readdir(join(site, "assets")));
  const assets = new Map<string, Asset>();
  for (const name of known) {
    if (NEVER.test(name)) continue;
    const bytes = await readFile(join(site, "assets", name));
    const others = new Set([...known].filter((other) => other !== name));
    const refs = /\.m?js$/.test(name)
      ? rewriteScript(bytes.toString("utf8"), others)
      : name.endsWith(".css")
        ? rewriteStyle(bytes.toString("utf8"), others)
        : undefined;
    assets.set(name, {bytes, ...(refs ? {refs} : {}), worker: false});
  }
  for (const asset of assets.values())
    for (const name of asset.refs?.urlRefs ?? []) {
      const target = assets.get(name);
      if (target && /\.m?js$/.test(name)) target.worker = true;
    }
  return assets;
}
