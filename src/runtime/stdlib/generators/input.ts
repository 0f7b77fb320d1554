import {observe, type ObservedGenerator} from "./observe.ts";

/** An element with a value: an Observable Input, a lit view, or a raw form control. */
export type InputLike = EventTarget & {value?: unknown};

/**
 * A generator of an input's value: the current one (unless undefined), then one on each "input" event
 * ("click" for buttons). What backs `viewof`.
 */
export function input<T = unknown>(element: InputLike): ObservedGenerator<T> {
  return observe<T>((notify) => {
    const type = eventOf(element);
    const changed = () => void notify(valueOf(element) as T);
    element.addEventListener(type, changed);
    const value = valueOf(element);
    if (value !== undefined) notify(value as T);
    return () => element.removeEventListener(type, changed);
  });
}

// Raw <input> and <select> elements say what their value means through `type`; Observable Inputs and
// custom elements have no `type` and expose a ready-made `value`.
function valueOf(element: InputLike): unknown {
  const control = element as FormControl;
  switch (control.type) {
    case "range":
    case "number":
      return control.valueAsNumber;
    case "date":
      return control.valueAsDate;
    case "checkbox":
      return control.checked;
    case "file":
      return control.multiple ? control.files : control.files?.[0];
    case "select-multiple":
      return Array.from(control.selectedOptions ?? [], (option) => option.value);
    default:
      return element.value;
  }
}

interface FormControl {
  type?: string;
  valueAsNumber?: number;
  valueAsDate?: Date | null;
  checked?: boolean;
  multiple?: boolean;
  files?: FileList | null;
  selectedOptions?: HTMLCollectionOf<HTMLOptionElement>;
}

function eventOf(element: InputLike): string {
  const {type} = element as FormControl;
  return type === "button" || type === "submit" || type === "reset" ? "click" : "input";
}
