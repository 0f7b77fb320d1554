import {css, html, LitElement} from "lit";
import {preferredThemeStyles, themeStyles, type Theme} from "../theme.ts";
import {emitInput, viewSummary, type ViewSummary} from "../view.ts";
import {checkField, SETTINGS_DEFAULTS, SETTINGS_FIELDS, type SettingsField} from "./fields.ts";
import {
  checkSettingsValue,
  settingsFields,
  settingsValue,
  type ProjectionSettings
} from "./settings-value.ts";

/** How long typing pauses before a number is taken, in ms; leaving the field (change) takes it at once. */
const TYPING_DEBOUNCE = 400;

/**
 * `<phx-projection-settings>`: Phoenix's UMAP and HDBSCAN controls with its ranges and defaults. `value` is
 * `{project, cluster}`, ready for px.project and px.cluster; `input` fires when a control changes it. A value
 * out of range shows its message at the control and leaves `value` as it was.
 */
export class PhxProjectionSettings extends LitElement {
  static override properties = {
    value: {attribute: false},
    theme: {reflect: true},
    _errors: {state: true}
  };
  static override styles = [
    themeStyles,
    preferredThemeStyles,
    css`
      form {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11em, 1fr));
        gap: 8px 16px;
      }
      fieldset {
        display: contents;
      }
      legend {
        grid-column: 1 / -1;
        color: var(--phx-muted);
        font-size: 12px;
      }
      label {
        display: grid;
        gap: 2px;
        font-size: 12px;
      }
      input,
      select {
        font: inherit;
        color: inherit;
        background: var(--phx-background);
        border: 1px solid var(--phx-muted);
        border-radius: 3px;
        padding: 2px 4px;
      }
      [aria-invalid="true"] {
        border-color: var(--phx-error);
        outline-color: var(--phx-error);
      }
      .error {
        color: var(--phx-error);
        font-size: 11px;
      }
    `
  ];

  /** The settings in force. Default: Phoenix's (or the `defaults` given to phx.projectionSettings). */
  declare value: ProjectionSettings;
  /** "light" or "dark"; unset follows the reader's prefers-color-scheme. Default: unset. */
  declare theme: Theme | undefined;
  declare private _errors: Readonly<Record<string, string>>;
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor() {
    super();
    this.value = settingsValue(SETTINGS_DEFAULTS);
    this._errors = {};
  }

  /**
   * Checks a value given from outside the controls (the runner's `--set settings=…`, see
   * NotebookRuntime.setValue) as the controls check what is typed: both groups, every field, each in its
   * range. Returns the value; throws a RangeError naming the field and saying why.
   */
  checkValue(value: unknown): ProjectionSettings {
    return checkSettingsValue(value);
  }

  /** The headless runner's summary (see src/runtime/headless/summarize.ts). */
  toJSON(): ViewSummary {
    const f = settingsFields(this.value);
    return viewSummary(
      this,
      `UMAP ${f.nComponents}-D, ${f.nNeighbors} neighbors, min dist ${f.minDist}, ${f.samples} samples; ` +
        `HDBSCAN min cluster size ${f.minClusterSize}, min samples ${f.minSamples}, epsilon ${f.clusterSelectionEpsilon}`
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  protected override render() {
    const group = (name: string, legend: string) =>
      html`<fieldset>
        <legend>${legend}</legend>
        ${SETTINGS_FIELDS.filter((f) => f.group === name).map((f) => this.#control(f))}
      </fieldset>`;
    // The controls' own input events are composed: they would leave the shadow root and tell viewof of a
    // change per keystroke, value unchanged. Only the host's own event (emitInput) goes out.
    return html`<form
      @submit=${(event: Event) => event.preventDefault()}
      @input=${(event: Event) => event.stopPropagation()}
    >
      ${group("project", "projection (UMAP)")} ${group("cluster", "clusters (HDBSCAN)")}
    </form>`;
  }

  #control(field: SettingsField) {
    const current = settingsFields(this.value)[field.name];
    const error = this._errors[field.name];
    if (field.name === "nComponents")
      return html`<label>
        ${field.label}
        <select
          name=${field.name}
          @change=${(event: Event) => this.#take(field, (event.target as HTMLSelectElement).value)}
        >
          ${[2, 3].map((n) => html`<option value=${n} ?selected=${current === n}>${n}-D</option>`)}
        </select>
      </label>`;
    return html`<label>
      ${field.label}
      <input
        type="number"
        name=${field.name}
        .value=${String(current)}
        min=${field.min}
        max=${field.max ?? ""}
        step=${field.step}
        aria-invalid=${error ? "true" : "false"}
        aria-describedby=${`${field.name}-error`}
        @input=${(event: Event) => this.#typed(field, event.target as HTMLInputElement)}
        @change=${(event: Event) => this.#take(field, (event.target as HTMLInputElement).value)}
      />
      <span class="error" id=${`${field.name}-error`} role="alert">${error ?? ""}</span>
    </label>`;
  }

  // Typing: wait for a pause, so that "1" on the way to "15" does not run a projection.
  #typed(field: SettingsField, input: HTMLInputElement): void {
    clearTimeout(this.#timers.get(field.name));
    this.#timers.set(
      field.name,
      setTimeout(() => this.#take(field, input.value), TYPING_DEBOUNCE)
    );
  }

  #take(field: SettingsField, text: string): void {
    clearTimeout(this.#timers.get(field.name));
    this.#timers.delete(field.name);
    const checked = checkField(field, text);
    const {[field.name]: _, ...rest} = this._errors;
    this._errors = checked.ok ? rest : {...rest, [field.name]: checked.message};
    if (!checked.ok) return;
    const fields = settingsFields(this.value);
    if (fields[field.name] === checked.value) return;
    this.value = settingsValue({...fields, [field.name]: checked.value});
    emitInput(this);
  }
}
