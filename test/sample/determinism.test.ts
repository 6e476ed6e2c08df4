import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSampleCounty } from "../../loaders/sample/generate-sample-county.ts";
import type { SampleManifest } from "../../loaders/sample/manifest.ts";
import { readRows } from "./read-extract.ts";

const SIZE = { households: 300, months: 4, end: "2025-12" };
const root = mkdtempSync(join(tmpdir(), "dixian-sample-det-"));
const run = (name: string, seed: number, defectRate = 0.01) => generateSampleCounty({ outDir: join(root, name), seed, defectRate, ...SIZE });
let a: SampleManifest;
let b: SampleManifest;
let c: SampleManifest;
let clean: SampleManifest;

beforeAll(async () => {
  a = await run("a", 11);
  b = await run("b", 11);
  c = await run("c", 12);
  clean = await run("clean", 11, 0);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("determinism", () => {
  it("writes byte-identical files (XLSX included) for the same seed", () => {
    expect(b).toEqual(a);
    expect(a.files.some((f) => f.format === "xlsx")).toBe(true);
    for (const f of a.files) expect(readFileSync(join(root, "b", f.name)).equals(readFileSync(join(root, "a", f.name))), f.name).toBe(true);
    expect(readFileSync(join(root, "b", "_manifest.json"), "utf8")).toBe(readFileSync(join(root, "a", "_manifest.json"), "utf8"));
  });

  it("writes a different county for a different seed", () => {
    const name = a.files[0].name;
    expect(readFileSync(join(root, "c", name)).equals(readFileSync(join(root, "a", name)))).toBe(false);
    expect(c.summary).not.toEqual(a.summary);
  });

  it("leaves the clean rows unchanged when the defect rate changes", async () => {
    expect(clean.defects).toEqual([]);
    const f = a.files[0];
    const broken = new Set(a.defects.filter((d) => d.file === f.name).map((d) => d.row));
    expect(broken.size).toBeGreaterThan(0);
    const kept = (await readRows(join(root, "a"), f)).filter((r) => !broken.has(r.row)).map((r) => r.cells);
    const original = (await readRows(join(root, "clean"), f)).map((r) => r.cells);
    // Duplicated rows add a line; every other defect replaces one — so the kept rows are the clean file minus the broken ones.
    const duplicates = a.defects.filter((d) => d.file === f.name && d.kind === "duplicate_household").length;
    expect(kept.length).toBe(original.length - (broken.size - duplicates));
    const originalSet = new Set(original.map((cells) => cells.join("\u0001")));
    for (const cells of kept) expect(originalSet.has(cells.join("\u0001"))).toBe(true);
  });
});
