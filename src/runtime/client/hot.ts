import type {ViteHotContext} from "vite/types/hot.d.ts";
import type {Banner} from "./banner.ts";
import type {NotebookPage} from "./notebook-page.ts";
import {HOT_ERROR_EVENT, HOT_UPDATE_EVENT} from "./protocol.ts";

/**
 * Applies the dev server's notebook updates to the page instead of reloading it: the server sends the
 * re-parsed notebook, and NotebookPage.update recomputes only what changed, so inputs keep their values.
 */
export function acceptNotebookUpdates(hot: ViteHotContext, file: string, page: NotebookPage, banner: Banner) {
  hot.on(HOT_UPDATE_EVENT, (update) => {
    if (update.file !== file) return;
    banner.hide();
    const {kept, added, redefined, removed} = page.update(update.notebook);
    console.info(
      `[phoenix-notebook] ${file}: ${redefined + added} cells changed, ${removed} removed, ${kept} kept`
    );
  });
  hot.on(HOT_ERROR_EVENT, (error) => {
    if (error.file === file) banner.show(error.message);
  });
}
