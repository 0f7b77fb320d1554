import {isPasswordView, secretsOfView} from "./password-view.ts";

/** The page's password views, by the cell that shows each: their values are the secrets its errors hide. */
export class SecretViews {
  readonly #views = new Map<object, unknown>();

  /** Keeps `owner`'s value when it is a password view; forgets the owner's view otherwise. */
  note(owner: object, value: unknown): void {
    if (isPasswordView(value)) this.#views.set(owner, value);
    else this.#views.delete(owner);
  }

  forget(owner: object): void {
    this.#views.delete(owner);
  }

  /** Each view's value now, read from the input: a key typed after the view rendered is covered. */
  values(): string[] {
    return [...this.#views.values()].flatMap((view) => secretsOfView(view));
  }
}
