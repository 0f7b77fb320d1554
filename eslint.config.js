import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {ignores: ["node_modules/", "dist/", "test/fixtures/", "notebooks/"]},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.browser, ...globals.node}},
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", {argsIgnorePattern: "^_", varsIgnorePattern: "^_"}],
      "no-restricted-imports": "off"
    }
  },
  {
    // The cells layer is a library on its own: it never reaches up into the runtime or the components.
    files: ["src/cells/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/runtime/**", "**/components/**"],
              message: "src/cells imports neither runtime nor components"
            }
          ]
        }
      ]
    }
  }
);
