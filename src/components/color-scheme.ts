import type {ReactiveController, ReactiveControllerHost} from "lit";
import type {Theme} from "./theme.ts";

const QUERY = "(prefers-color-scheme: dark)";

/**
 * The reader's color scheme (`prefers-color-scheme`), for a view that draws colors itself (WebGL, canvas) and
 * so cannot leave the choice to CSS alone: asks the host to update when the system switches.
 */
export class ColorSchemeController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #query: MediaQueryList | undefined;
  readonly #changed = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** "dark" when the system prefers it, else "light" (also where matchMedia is missing, headless). */
  get preferred(): Theme {
    return this.#query?.matches ? "dark" : "light";
  }

  hostConnected(): void {
    if (typeof matchMedia !== "function") return;
    this.#query = matchMedia(QUERY);
    this.#query.addEventListener?.("change", this.#changed);
  }

  hostDisconnected(): void {
    this.#query?.removeEventListener?.("change", this.#changed);
  }
}
