// Framework's client bundle names many optional libraries as `npm:` imports and, while building,
// asks the npm registry for each one's version unless a folder `_npm/<name>@<version>` already
// sits in its cache. Pages here import only from node_modules, so those libraries are never loaded;
// we only need their versions known. This fills the cache with one folder per name: the installed
// version when the package is in node_modules, else a placeholder that nothing will ever request.
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
const clientDir = join(dirname(require.resolve("@observablehq/framework/package.json")), "dist", "client");
const cacheDir = join(root, "src", ".observablehq", "cache", "_npm");

function* jsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsFiles(path);
    else if (entry.name.endsWith(".js")) yield path;
  }
}
function packageName(specifier) {
  const parts = specifier.split("/");
  const head = parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  const at = head.indexOf("@", 1);
  return at > 0 ? head.slice(0, at) : head;
}
function installedVersion(name) {
  const path = join(root, "node_modules", name, "package.json");
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf-8")).version : undefined;
}

const names = new Set();
for (const file of jsFiles(clientDir)) {
  for (const [, specifier] of readFileSync(file, "utf-8").matchAll(/["'`]npm:([@\w][\w./@-]*)/g)) names.add(packageName(specifier));
}
for (const name of [...names].sort()) {
  const version = installedVersion(name) ?? "0.0.0-offline";
  mkdirSync(join(cacheDir, `${name}@${version}`), { recursive: true });
}
process.stderr.write(`offline npm cache: ${names.size} package versions under ${cacheDir}\n`);
