/** A line above the notebook for problems that belong to no cell (a saved file that does not parse). */
export class Banner {
  readonly element: HTMLElement;

  constructor() {
    this.element = document.createElement("div");
    this.element.className = "phx-banner";
    this.element.setAttribute("role", "alert");
    this.element.hidden = true;
  }

  show(message: string): void {
    this.element.textContent = message;
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
    this.element.textContent = "";
  }
}
