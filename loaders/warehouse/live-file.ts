// The live warehouse file and what surrounds it: leftovers of killed builds, and a check file
// (`dixian.duckdb.check.json`) holding the SHA-256 of the file each successful build put live, so a build
// can tell a damaged live file (a disk error, a copy cut short) from the last good one.
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { removeDatabaseFile } from "./swap-file.ts";

export const checkFilePath = (dbPath: string) => `${dbPath}.check.json`;

/** Digests and sizes a live file may have: during a swap both the old file's and the new one's. */
interface CheckFile {
  sha256: string[];
  bytes: number[];
}

export interface Fingerprint {
  sha256: string;
  bytes: number;
}

export async function fileDigest(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function fingerprint(path: string): Promise<Fingerprint> {
  return { sha256: await fileDigest(path), bytes: statSync(path).size };
}

/** Writes the check file in one rename, so it is never half-written. */
export function writeCheckFile(dbPath: string, prints: Fingerprint[]): void {
  const path = checkFilePath(dbPath);
  const tmp = `${path}.${process.pid}.tmp`;
  const check: CheckFile = { sha256: prints.map((p) => p.sha256), bytes: prints.map((p) => p.bytes) };
  writeFileSync(tmp, `${JSON.stringify(check)}\n`);
  renameSync(tmp, path);
}

function readCheckFile(dbPath: string): CheckFile | null {
  try {
    const parsed = JSON.parse(readFileSync(checkFilePath(dbPath), "utf-8")) as CheckFile;
    return Array.isArray(parsed?.sha256) && Array.isArray(parsed?.bytes) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The cheap check the pages' loaders make before opening the warehouse: with a check file, the live file's
 * size must be one it records (a copy cut short, a file truncated by a disk error); null when fine. The
 * full digest is compared at the start of every build, which rebuilds the warehouse before any page.
 */
export function liveSizeProblem(dbPath: string): string | null {
  const check = readCheckFile(dbPath);
  if (check === null) return null;
  const size = statSync(dbPath).size;
  return check.bytes.includes(size) ? null : `数据仓库文件 ${dbPath} 不完整或已损坏（大小 ${size} 字节，与构建完成时记录的不符），请重新运行 npm run build`;
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

export type LiveCheck = { state: "missing" } | { state: "ok"; print: Fingerprint } | { state: "damaged"; reason: string };

/**
 * Whether the live warehouse is one a build put there, unchanged: its digest is in the check file. A file
 * from before check files existed is opened and its indicators mart counted instead.
 */
export async function checkLiveWarehouse(dbPath: string): Promise<LiveCheck> {
  if (!existsSync(dbPath)) return { state: "missing" };
  const check = readCheckFile(dbPath);
  if (check) {
    const print = await fingerprint(dbPath);
    return check.sha256.includes(print.sha256) ? { state: "ok", print } : { state: "damaged", reason: "文件内容与上次构建完成时记录的校验值不符" };
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
  return { state: "ok", print: await fingerprint(dbPath) };
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
