// FileAttachment.zip(): Observable's ZipArchive over jszip, loaded with the first archive.
import type JSZip from "jszip";
import type {FileBody} from "./file-body.ts";
import {FileAttachmentError} from "./file-source.ts";
import type {FileAttachment} from "./file-attachment.ts";
import {guessMimeType} from "./mime-type.ts";

/** The archive an entry comes from, as its attachment knows it. */
export interface ArchiveOrigin {
  readonly name: string;
  readonly href: string;
  readonly headless: boolean;
}

/** Makes the attachment of an entry (FileAttachment's own class, with its methods). */
export type EntryAttachment = (path: string, body: FileBody) => FileAttachment;

/**
 * A zip archive, as Observable's. An entry's path is only a name in the archive: jszip drops `..` and leading
 * `/` from it (a `../../x` entry is `x`), and reading an entry never touches the file system.
 */
export class ZipArchive {
  /** The paths of the archive's files (folders left out), in the archive's order. */
  readonly filenames: readonly string[];
  readonly #zip: JSZip;
  readonly #origin: ArchiveOrigin;
  readonly #entry: EntryAttachment;

  constructor(zip: JSZip, origin: ArchiveOrigin, entry: EntryAttachment) {
    this.#zip = zip;
    this.#origin = origin;
    this.#entry = entry;
    this.filenames = Object.values(zip.files)
      .filter((file) => !file.dir)
      .map((file) => file.name);
  }

  /** The entry at `path`, as an attachment; a path not in the archive is an error naming the archive. */
  file(path: string): FileAttachment {
    const {files} = this.#zip;
    const object = Object.hasOwn(files, String(path)) ? files[String(path)] : undefined;
    const {name, href, headless} = this.#origin;
    if (!object || object.dir) throw new FileAttachmentError(name, `no file "${path}" in zip "${name}"`);
    const type = guessMimeType(object.name);
    const where = `"${object.name}" in zip "${name}"`;
    const bytes = async (): Promise<ArrayBuffer> => {
      try {
        return await object.async("arraybuffer");
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new FileAttachmentError(name, `unable to read ${where}: ${why}`, {cause: error});
      }
    };
    const blob = async () => new Blob([await bytes()], {type});
    return this.#entry(object.name, {
      href: `${href}#${encodeURIComponent(object.name)}`,
      headless,
      bytes,
      open: async () => new Response(await blob(), {headers: {"content-type": type}}),
      // As Observable's: an object URL of the entry (a page may load it: img-src allows blob:).
      url: async () => URL.createObjectURL(await blob())
    });
  }
}

/** Opens the archive in `buffer`; `entry` makes its entries' attachments. */
export async function openZip(
  buffer: ArrayBuffer,
  origin: ArchiveOrigin,
  entry: EntryAttachment
): Promise<ZipArchive> {
  const module = await import("jszip");
  const JSZipClass = (module as {default?: typeof JSZip}).default ?? (module as unknown as typeof JSZip);
  return new ZipArchive(await JSZipClass.loadAsync(buffer), origin, entry);
}
