/**
 * Registers a custom element unless the name is taken: a page may load the components twice (a notebook and
 * an embed, or hot reload), and customElements.define throws on the second definition.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
