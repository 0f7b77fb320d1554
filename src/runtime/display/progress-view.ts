/** A thin bar and a stage line shown in a cell's place while a long computation runs. */
export class ProgressView {
  readonly element: HTMLElement;
  readonly #bar: HTMLElement;
  readonly #stage: HTMLElement;

  constructor() {
    this.element = document.createElement("div");
    this.element.className = "phx-progress";
    this.element.hidden = true;
    this.element.setAttribute("role", "progressbar");
    this.element.setAttribute("aria-valuemin", "0");
    this.element.setAttribute("aria-valuemax", "100");
    const track = this.element.appendChild(document.createElement("div"));
    track.className = "phx-progress-track";
    this.#bar = track.appendChild(document.createElement("div"));
    this.#bar.className = "phx-progress-bar";
    this.#stage = this.element.appendChild(document.createElement("div"));
    this.#stage.className = "phx-progress-stage";
  }

  /** Shows `fraction` (clamped to [0, 1]; NaN reads as 0) and the stage, if any. */
  update(fraction: number, stage?: string): void {
    const percent = Math.round(100 * Math.min(1, Math.max(0, fraction || 0)));
    this.element.hidden = false;
    this.element.setAttribute("aria-valuenow", String(percent));
    this.#bar.style.width = `${percent}%`;
    this.#stage.textContent = stage ? `${stage} · ${percent}%` : `${percent}%`;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
