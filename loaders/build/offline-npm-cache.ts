// Framework's client bundle names many optional libraries as `npm:` imports and, while building, asks
// the npm registry for each one's version unless a folder `_npm/<name>@<version>` already sits in its
// cache. Pages here import only from node_modules, so those libraries are never loaded; Framework only
// needs their versions known. This fills the cache with one folder per name: the installed version when
// the package is in node_modules, else a placeholder version that no page ever requests.
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

function* jsFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsFiles(path);
    else if (entry.name.endsWith(".js")) yield path;
  }
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  const head = parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  const at = head.indexOf("@", 1);
  return at > 0 ? head.slice(0, at) : head;
}

/** The package names that Framework's client code imports with `npm:`. */
export function frameworkNpmImports(projectRoot: string): string[] {
  const require = createRequire(join(projectRoot, "package.json"));
  const clientDir = join(dirname(require.resolve("@observablehq/framework/package.json")), "dist", "client");
  const names = new Set<string>();
  for (const file of jsFiles(clientDir)) {
    for (const match of readFileSync(file, "utf-8").matchAll(/["'`]npm:([@\w][\w./@-]*)/g)) names.add(packageName(match[1]));
  }
  return [...names].sort();
}

export function fillOfflineNpmCache(projectRoot: string, srcRoot = join(projectRoot, "src")): string[] {
  const cacheDir = join(srcRoot, ".observablehq", "cache", "_npm");
  return frameworkNpmImports(projectRoot).map((name) => {
    const pkg = join(projectRoot, "node_modules", name, "package.json");
    const version = existsSync(pkg) ? (JSON.parse(readFileSync(pkg, "utf-8")).version as string) : "0.0.0-offline";
    mkdirSync(join(cacheDir, `${name}@${version}`), { recursive: true });
    return `${name}@${version}`;
  });
}
