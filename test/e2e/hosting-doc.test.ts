// The nginx sample must send exactly the policy the browser tests pass under, and compress what they compress.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { CONTENT_SECURITY_POLICY } from "./csp.ts";

const doc = readFileSync(new URL("../../docs/intranet-hosting.md", import.meta.url), "utf-8");

test("docs/intranet-hosting.md sends the tested Content-Security-Policy, word for word", () => {
  const headers = [...doc.matchAll(/add_header Content-Security-Policy "([^"]*)"/g)].map((m) => m[1]);
  expect(headers).toEqual([CONTENT_SECURITY_POLICY]);
  expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'self';/);
  expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-eval");
});

test("docs/intranet-hosting.md gzips html (always), js, css, json and csv", () => {
  expect(doc).toMatch(/^\s*gzip on;/m);
  const types = /gzip_types ([^;]+);/.exec(doc)?.[1].split(/\s+/) ?? [];
  for (const type of ["text/css", "application/javascript", "text/javascript", "application/json", "text/csv"]) expect(types).toContain(type);
});
