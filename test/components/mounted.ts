/** `element` appended to the document (headless or not) once it has rendered. */
export async function mounted<T extends HTMLElement & {updateComplete: Promise<boolean>}>(
  element: T
): Promise<T> {
  document.body.append(element);
  await element.updateComplete;
  return element;
}
