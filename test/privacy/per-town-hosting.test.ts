// Every per-town household list the build renders (PER_TOWN_LISTS, observablehq.config.ts's dynamicPaths) is one
// that docs/intranet-hosting.md's nginx sample restricts per town, page and data file alike: a list added to the
// site but not to the sample would be served to everyone on the intranet.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { PER_TOWN_LISTS } from "../../src/data/household-list.ts";

const doc = readFileSync(new URL("../../docs/intranet-hosting.md", import.meta.url), "utf-8");
const [server] = [...doc.matchAll(/```nginx\n([\s\S]*?)```/g)].map((m) => m[1]);

it("the nginx sample restricts exactly the per-town lists' pages and data files", () => {
  const alternations = [...server.matchAll(/location ~ "\^\/(?:_file\/data\/)?\((?:\?<list>)?([a-z|-]+)\)\/\(\?<town>\[0-9\]\{9\}\)/g)].map((m) => m[1]);
  expect(alternations).toHaveLength(2); // the pages and the data files
  for (const alternation of alternations) expect(alternation.split("|").sort()).toEqual([...PER_TOWN_LISTS].sort());
});

it("the restricted locations come before the cached _file location (nginx takes the first matching regex)", () => {
  const fileLocation = server.indexOf("location ~ ^/_(observablehq|node|file|import|npm)/");
  expect(fileLocation).toBeGreaterThan(0);
  expect(server.indexOf('location ~ "^/_file/data/(')).toBeLessThan(fileLocation);
  expect(server.indexOf('location ~ "^/(?<list>')).toBeLessThan(fileLocation);
});
