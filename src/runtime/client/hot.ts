import type {ViteHotContext} from "vite/types/hot.d.ts";
import type {Banner} from "./banner.ts";
import type {NotebookPage} from "./notebook-page.ts";
import {HOT_ERROR_EVENT, HOT_UPDATE_EVENT, type EditData, type HotUpdate} from "./protocol.ts";

/**
 * Applies the dev server's notebook updates to the page instead of reloading it: the server sends the
 * re-parsed notebook, and NotebookPage.update recomputes only what changed, so inputs keep their values. With
 * `editing` (a dev server's page of a notebook that is not readonly), the cells become editable: the editor
 * loads (CodeMirror with it) and takes the updates from then on, weighing them against the page's own edits.
 */
export function acceptNotebookUpdates(
  hot: ViteHotContext,
  file: string,
  page: NotebookPage,
  banner: Banner,
  editing?: EditData
) {
  let receive = (update: HotUpdate) => {
    const {kept, added, redefined, removed} = page.update(update.notebook);
    console.info(
      `[phoenix-notebook] ${file}: ${redefined + added} cells changed, ${removed} removed, ${kept} kept`
    );
  };
  let latest: HotUpdate | undefined;
  hot.on(HOT_UPDATE_EVENT, (update) => {
    if (update.file !== file) return;
    banner.hide();
    latest = update;
    receive(update);
  });
  hot.on(HOT_ERROR_EVENT, (error) => {
    if (error.file === file) banner.show(error.message);
  });
  if (!editing) return;
  void import("./edit/start-editing.ts").then(({startEditing}) => {
    // An update that came while the editor loaded is where its edits start.
    const start = latest ? {text: latest.text, token: editing.token} : editing;
    const served = latest?.notebook ?? page.notebook;
    receive = startEditing({
      page,
      file,
      editing: start,
      served,
      statusParent: banner.element.parentElement!
    }).receive;
  });
}
