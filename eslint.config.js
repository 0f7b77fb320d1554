import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {ignores: ["node_modules/", "dist/", "site/", "test/fixtures/", "notebooks/"]},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.browser, ...globals.node}},
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", {argsIgnorePattern: "^_", varsIgnorePattern: "^_"}],
      "no-restricted-imports": "off"
    }
  },
  ...layerRules()
);

/**
 * The layers and which way their imports point (README, "Architecture"):
 * - src/cells is a library on its own: it imports no other layer.
 * - src/runtime knows nothing of ML: neither the cells (nor their index, src/index.ts) nor the components.
 * - src/components render what cells produce, reaching the cells through their public index only.
 * - src/bindings joins cells and components to the runtime, through their public indexes only.
 * - src/cli composes runtime and bindings; nothing imports it. src/arrow is a leaf both cells and runtime use.
 */
function layerRules() {
  const layers = ["cells", "runtime", "components", "bindings", "cli"];
  const forbid = (...names) =>
    names.map((name) => ({group: [`**/${name}/**`], message: `${name}/ is out of bounds here`}));
  // The cells' public indexes (src/index.ts, src/node.ts), as a file at `depth` folders under src/ imports them.
  const cellsIndex = (depth) => ({
    regex: `^${"\\.\\./".repeat(depth)}(index|node)\\.ts$`,
    message: "src/runtime knows nothing of the cells, their index included"
  });
  const deepComponents = {
    group: ["**/components/*/**"],
    message: "reach the components through src/components/index.ts"
  };
  const rule = (files, patterns) => ({files, rules: {"no-restricted-imports": ["error", {patterns}]}});
  return [
    rule(["src/cells/**/*.ts"], forbid(...layers.filter((l) => l !== "cells"))),
    rule(["src/arrow/**/*.ts"], forbid(...layers)),
    ...[1, 2, 3, 4].map((depth) =>
      rule(
        [`src/runtime/${"*/".repeat(depth - 1)}*.ts`],
        [...forbid("cells", "components", "bindings", "cli"), cellsIndex(depth)]
      )
    ),
    rule(["src/components/**/*.ts"], forbid("cells", "runtime", "bindings", "cli")),
    rule(["src/bindings/**/*.ts"], [...forbid("cells", "cli"), deepComponents]),
    rule(["src/index.ts", "src/node.ts"], forbid("runtime", "components", "bindings", "cli"))
  ];
}
