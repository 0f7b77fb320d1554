import {fileURLToPath} from "node:url";
import {createFileAttachment} from "../../../src/runtime/stdlib/file-attachment.ts";
import {notebookFileResolver} from "../../../src/runtime/stdlib/file-node.ts";

/** The folder of the stdlib fixtures. */
export const fixtures = fileURLToPath(new URL("../../fixtures/stdlib/", import.meta.url));

/** FileAttachment as seen by a notebook that sits in the fixtures folder. */
export const FileAttachment = createFileAttachment(notebookFileResolver(`${fixtures}notebook.html`));
