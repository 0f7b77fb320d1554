import {observe, type ObservedGenerator} from "./observe.ts";

/**
 * A generator of an element's content width in pixels, yielding again whenever it changes. Uses a
 * ResizeObserver (which reports the initial size too), else the window's resize event.
 */
export function width(element: Element): ObservedGenerator<number> {
  return observe((notify) => {
    let current: number | undefined;
    const update = (value: number) => {
      if (value !== current) notify((current = value));
    };
    if (typeof ResizeObserver === "function") {
      const observer = new ResizeObserver(([entry]) => entry && update(entry.contentRect.width));
      observer.observe(element);
      return () => observer.disconnect();
    }
    const resized = () => update(element.clientWidth);
    resized();
    window.addEventListener("resize", resized);
    return () => window.removeEventListener("resize", resized);
  });
}
