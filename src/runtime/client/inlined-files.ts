import type {FileSource} from "../stdlib/file-source.ts";

/**
 * The global a single-file page's bootstrap defines (vite/single-file/bootstrap.ts): the absolute URL of a file
 * beside the page → a blob: URL of the copy the page carries, or undefined for a file it does not carry.
 */
export const INLINED_FILE_URL = "__phxSingleFile";

type InlinedFileUrl = (href: string) => string | undefined;

/**
 * `resolve`, but a file the page carries inline resolves to its blob: URL: from file:// the file beside the
 * page is not there (nor may the page's policy fetch it), so FileAttachment's `url()` (an <img>'s src) and
 * its reads must name the copy. On any other page, `resolve` itself.
 */
export function inlinedFiles(resolve: (name: string) => FileSource): (name: string) => FileSource {
  const lookup = (globalThis as Record<string, unknown>)[INLINED_FILE_URL];
  if (typeof lookup !== "function") return resolve;
  return (name) => {
    const source = resolve(name);
    const inlined = "url" in source ? (lookup as InlinedFileUrl)(source.url) : undefined;
    return inlined === undefined ? source : {url: inlined};
  };
}
