// The live warehouse file and what surrounds it: leftovers of killed builds, and a check file
// (`dixian.duckdb.check.json`) holding the SHA-256 of the file each successful build put live, so a build
// can tell a damaged live file (a disk error, a copy cut short) from the last good one.
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { removeDatabaseFile } from "./swap-file.ts";

export const checkFilePath = (dbPath: string) => `${dbPath}.check.json`;

interface CheckFile {
  /** Digests a live file may have: during a swap both the old and the new one. */
  sha256: string[];
}

export async function fileDigest(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Writes the check file in one rename, so it is never half-written. */
export function writeCheckFile(dbPath: string, digests: string[]): void {
  const path = checkFilePath(dbPath);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ sha256: [...new Set(digests)] } satisfies CheckFile)}\n`);
  renameSync(tmp, path);
}

function readCheckFile(dbPath: string): CheckFile | null {
  try {
    const parsed = JSON.parse(readFileSync(checkFilePath(dbPath), "utf-8")) as CheckFile;
    return Array.isArray(parsed?.sha256) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Removes what killed builds left beside the warehouse: `<db>.tmp*` files (and their WALs) and
 * half-written check files. Only called while holding the build lock, so none of them is in use.
 */
export function removeWarehouseLeftovers(dbPath: string): string[] {
  const dir = dirname(dbPath);
  if (!existsSync(dir)) return [];
  const stem = basename(dbPath);
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith(`${stem}.tmp`) || (name.startsWith(`${stem}.check.json.`) && name.endsWith(".tmp"))) {
      rmSync(join(dir, name), { force: true, recursive: true });
      removed.push(name);
    }
  }
  return removed;
}

export type LiveCheck = { state: "missing" } | { state: "ok"; sha256: string } | { state: "damaged"; reason: string };

/**
 * Whether the live warehouse is one a build put there, unchanged: its digest is in the check file. A file
 * from before check files existed is opened and its indicators mart counted instead.
 */
export async function checkLiveWarehouse(dbPath: string): Promise<LiveCheck> {
  if (!existsSync(dbPath)) return { state: "missing" };
  const check = readCheckFile(dbPath);
  if (check) {
    const digest = await fileDigest(dbPath);
    return check.sha256.includes(digest) ? { state: "ok", sha256: digest } : { state: "damaged", reason: "文件内容与上次构建完成时记录的校验值不符" };
  }
  try {
    const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
    try {
      const conn = await instance.connect();
      try {
        await conn.run("select count(*) from indicators");
      } finally {
        conn.closeSync();
      }
    } finally {
      instance.closeSync();
    }
  } catch (error) {
    return { state: "damaged", reason: `无法打开或读取：${(error as Error).message.split("\n")[0]}` };
  }
  return { state: "ok", sha256: await fileDigest(dbPath) };
}

/** Moves a damaged live warehouse to `<db>.damaged` (replacing an older one), so nothing reads it. */
export function setAsideDamaged(dbPath: string): string {
  const aside = `${dbPath}.damaged`;
  removeDatabaseFile(aside);
  renameSync(dbPath, aside);
  rmSync(`${dbPath}.wal`, { force: true });
  rmSync(checkFilePath(dbPath), { force: true });
  return aside;
}
