// ESLint flat config: see tools/lint/eslint-config.js (why it lives there).
export { default } from "./tools/lint/eslint-config.js";
