import type {Plugin, Rollup} from "vite";
import {refuseAssetUrls} from "./asset-urls.ts";
import {realPath} from "../stdlib/module-bounds.ts";
import {fileOf, type ImportBounds} from "./import-bounds.ts";
import {refusedModule} from "./refused-module.ts";

/** What the guard's hooks need of the bundler's plugin context. */
export type GuardContext = Pick<Rollup.PluginContext, "resolve" | "warn">;

/** Options of ImportGuard. */
export interface ImportGuardOptions {
  /** Whether this is a build (else a dev server, which logs each refusal and lets the page's cell tell it). */
  readonly building: () => boolean;
  /**
   * In a build, told each refusal (one line); the build goes on, to tell them all. Default: none, and the
   * first refusal fails the build.
   */
  readonly onRefused?: (message: string) => void;
}

/**
 * Keeps what the notebooks' modules reach within ImportBounds, in the page's bundle and in its workers'. A
 * refused import resolves to a stand-in that throws why (so the cell importing it says it); a refused
 * `new URL(…, import.meta.url)` becomes an expression that throws it. Each message names the notebook whose
 * cells reached the module, the module and the specifier.
 */
export class ImportGuard {
  // Module id → the notebook (page path) whose cells first reached it, for the messages.
  readonly #owners = new Map<string, string>();
  // A refused import's stand-in: id → code.
  readonly #standIns = new Map<string, string>();

  constructor(
    readonly bounds: ImportBounds,
    readonly options: ImportGuardOptions
  ) {}

  /** Notes that the cells of `page` import the module `id` (the page's own imports, resolved by the plugin). */
  reached(id: string, page: string): void {
    if (!this.#owners.has(id)) this.#owners.set(id, page);
  }

  /** resolveId: undefined when `importer` is no module of the notebooks' (another hook decides). */
  async resolveId(
    context: GuardContext,
    id: string,
    importer: string | undefined,
    options: Parameters<GuardContext["resolve"]>[2]
  ): Promise<Rollup.ResolvedId | string | null | undefined> {
    if (importer === undefined || !this.bounds.checks(importer)) return undefined;
    const resolved = await context.resolve(id, importer, {...options, skipSelf: true});
    if (!resolved || resolved.external) return resolved;
    const why = this.bounds.refusal(id, resolved.id);
    const owner = this.#owners.get(importer);
    if (why === undefined) {
      if (owner !== undefined) this.reached(resolved.id, owner);
      return resolved;
    }
    const message = `${this.#where(importer)} cannot import "${id}": ${why}`;
    this.#tell(context, message);
    const standIn = `\0phoenix-notebook-refused-${this.#standIns.size}.js`;
    this.#standIns.set(standIn, refusedModule(message, fileOf(importer) ?? importer, id));
    return standIn;
  }

  /** load: a stand-in's code; undefined for any other module. */
  load(id: string): string | undefined {
    return this.#standIns.get(id);
  }

  /** transform: a module of the notebooks' whose `new URL(path, import.meta.url)` names a file it may not publish. */
  transform(context: GuardContext, code: string, id: string): {code: string; map: null} | undefined {
    const file = fileOf(id);
    if (file === undefined || !code.includes("import.meta.url") || !this.bounds.checks(id)) return undefined;
    const owner = this.#owners.get(id);
    const checked = refuseAssetUrls(code, file, this.bounds, {
      describe: (url, why) => `${this.#where(id)} cannot publish new URL("${url}"): ${why}`,
      // A worker's module, which Vite bundles apart: its imports are told under the same notebook.
      reached: (path) => owner !== undefined && this.reached(realPath(path), owner)
    });
    if (checked === undefined) return undefined;
    for (const message of checked.messages) this.#tell(context, message);
    return {code: checked.code, map: null};
  }

  /** The guard alone, for the bundles of the page's workers (Vite bundles each with worker.plugins). */
  plugin(): Plugin {
    const resolveId = this.resolveId.bind(this);
    const load = this.load.bind(this);
    const transform = this.transform.bind(this);
    return {
      name: "phoenix-notebook:import-guard",
      enforce: "pre",
      resolveId(id, importer, options) {
        return resolveId(this, id, importer, options);
      },
      load,
      transform(code, id) {
        return transform(this, code, id);
      }
    };
  }

  // The notebook whose cells reached the module, then the module, relative to the notebooks' folder.
  #where(id: string): string {
    const module = this.bounds.name(id);
    return `${this.#owners.get(id) ?? module}: ${module}`;
  }

  // A build goes on to tell every refusal, then fails; a dev server logs it, and the page's cell tells it.
  #tell(context: GuardContext, message: string): void {
    if (!this.options.building()) return context.warn(message);
    if (!this.options.onRefused) throw new Error(message);
    this.options.onRefused(message);
  }
}
