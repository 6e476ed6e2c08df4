import { existsSync, renameSync, rmSync } from "node:fs";

/** DuckDB keeps a write-ahead log beside the database file; both move and die together. */
export function removeDatabaseFile(path: string): void {
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
}

/**
 * Replaces `target` by `fresh` with one rename, so a reader sees either the old file or the new one,
 * never a half-written one. The old file's stale WAL, if any, would otherwise be replayed into the new one.
 */
export function swapInFile(fresh: string, target: string): void {
  if (existsSync(`${fresh}.wal`)) throw new Error(`${fresh} 仍有未合并的 WAL，拒绝替换`);
  rmSync(`${target}.wal`, { force: true });
  renameSync(fresh, target);
}
