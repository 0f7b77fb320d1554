import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {serveBundledPage} from "../../browser/support/bundled-page.ts";

/** The components page (page-main.ts, bundled with the components) with the digits results as data.json. */
export function serveComponentsPage(data: string): Promise<{origin: string; close(): Promise<void>}> {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const script = `import ${JSON.stringify(join(root, "test/components/browser/page-main.ts"))};\n`;
  return serveBundledPage(script, {
    body: ` style="margin: 16px; font-family: sans-serif"`,
    files: {"data.json": data}
  });
}
