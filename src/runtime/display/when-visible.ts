/**
 * Resolves when any part of `element` is in the viewport (at once if it is already). Stops watching when
 * `invalidation` resolves first: the run that asked is over, and its promise is left pending, as Observable
 * leaves it. Without IntersectionObserver (a DOM that lays nothing out) the element counts as visible.
 */
export function whenVisible(element: Element, invalidation: Promise<void>): Promise<void> {
  if (typeof IntersectionObserver === "undefined") return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(element);
    void invalidation.then(() => observer.disconnect());
  });
}
