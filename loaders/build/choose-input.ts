import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateSampleCounty } from "../sample/generate-sample-county.ts";

const EXTRACT_FILE = /\.(csv|xlsx)$/i;

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** True when the folder holds at least one file that could be an extract. */
export function hasExtracts(dir: string): boolean {
  if (!existsSync(dir)) return false;
  for (const file of filesUnder(dir)) if (EXTRACT_FILE.test(file)) return true;
  return false;
}

/**
 * The sample county is deterministic, so it is generated again only when the generator's code changed:
 * the key is a hash of the generator's sources.
 */
function sampleKey(generatorDir: string): string {
  const hash = createHash("sha256");
  for (const file of [...filesUnder(generatorDir)].sort()) hash.update(file).update(readFileSync(file));
  return hash.digest("hex");
}

export async function ensureSampleCounty(sampleDir: string, generatorDir: string): Promise<void> {
  const keyFile = join(sampleDir, "_generator-key.txt");
  const key = sampleKey(generatorDir);
  if (hasExtracts(sampleDir) && existsSync(keyFile) && readFileSync(keyFile, "utf-8") === key) return;
  await generateSampleCounty({ outDir: sampleDir });
  writeFileSync(keyFile, key);
}
