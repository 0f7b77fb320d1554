import {css, unsafeCSS} from "lit";

/** The look of a view: light (the default) or dark. */
export type Theme = "light" | "dark";

/** The colors of one theme, as CSS hex strings. */
export interface Palette {
  /** The primary (production) dataset. */
  readonly primary: string;
  /** The reference (training) dataset. */
  readonly reference: string;
  /** The view's background. */
  readonly background: string;
  /** Text, lines and marks. */
  readonly foreground: string;
  /** Secondary text and axes. */
  readonly muted: string;
  /** Row rules, bar tracks, hover backgrounds. */
  readonly subtle: string;
  /** Points that belong to no cluster (HDBSCAN noise) or have no value. */
  readonly noise: string;
  /** Error text and invalid fields: 5.0:1 on the light background, 7.0:1 on the dark (WCAG AA is 4.5). */
  readonly error: string;
}

/**
 * The colors of each theme. The datasets' are Phoenix's: #00add0 / #4500d9 on light, #05fbff / #cb8afd on dark.
 */
export const palettes: Readonly<Record<Theme, Palette>> = {
  light: {
    primary: "#00add0",
    reference: "#4500d9",
    background: "#ffffff",
    foreground: "#1b1d22",
    muted: "#646a73",
    subtle: "#e8eaee",
    noise: "#b4b8bf",
    error: "#d62728"
  },
  dark: {
    primary: "#05fbff",
    reference: "#cb8afd",
    background: "#16181d",
    foreground: "#eceef2",
    muted: "#9aa1ad",
    subtle: "#2c3038",
    noise: "#5d636e",
    error: "#ff7a7a"
  }
};

/** The theme a loose value names; anything but "dark" is light. */
export const themeOf = (value: unknown): Theme => (value === "dark" ? "dark" : "light");

const variables = (palette: Palette) =>
  unsafeCSS(
    Object.entries(palette)
      .map(([name, color]) => `--phx-${name}: ${color};`)
      .join(" ")
  );

/** Custom properties (--phx-primary …) for both themes, switched by the host's `theme` attribute. */
export const themeStyles = css`
  :host {
    ${variables(palettes.light)}
    display: block;
    color: var(--phx-foreground);
    background: var(--phx-background);
    font:
      13px/1.4 system-ui,
      -apple-system,
      "Segoe UI",
      sans-serif;
    font-variant-numeric: tabular-nums;
  }
  :host([theme="dark"]) {
    ${variables(palettes.dark)}
  }
  :host([hidden]) {
    display: none;
  }
`;

/**
 * Dark colors for a view whose `theme` is left unset when the reader's system prefers dark
 * (`prefers-color-scheme`); a `theme` attribute, light or dark, wins.
 */
export const preferredThemeStyles = css`
  @media (prefers-color-scheme: dark) {
    :host(:not([theme])) {
      ${variables(palettes.dark)}
    }
  }
`;
