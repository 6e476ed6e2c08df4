// The project's ESLint rules: typescript-eslint's recommended set (syntax only, no type information, so the
// lint stays fast enough for every `npm run test:unit`). Lives here because typescript-eslint parses with the
// classic TypeScript API, which TypeScript 7 (the project's compiler) no longer ships: this folder pins
// TypeScript 6 for the parser alone. The root eslint.config.js re-exports this.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "dist/**", "dist.*/**", "src/.observablehq/**", "data/**", "bench/tmp/**", "test-output/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        // Node (loaders, tests, scripts) and the browser (components) share the code base
        process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", performance: "readonly",
        setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly",
        document: "readonly", window: "readonly", navigator: "readonly", Blob: "readonly", HTMLElement: "readonly",
      },
    },
    rules: {
      // `_name` marks a parameter that must exist for the signature but is not used
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // tests read untyped JSON from loaders and DuckDB rows; `any` there is a reading aid, not a type hole
    files: ["test/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
