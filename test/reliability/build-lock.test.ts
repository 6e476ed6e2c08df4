import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { acquireBuildLock, BuildLockedError } from "../../loaders/build/build-lock.ts";
import { PROJECT_ROOT } from "../../loaders/paths.ts";
import { spawnNpm } from "./spawn-build.ts";

const EXTRACTS = join(PROJECT_ROOT, "test", "fixtures", "indicators", "extracts");

function lockFile(path: string, pid: number, command = "npm run build"): void {
  writeFileSync(path, JSON.stringify({ pid, host: hostname(), started: "2026-05-01T02:03:04.000Z", command }));
}

/** A process id that is certainly not running: that of a child that has exited. */
function deadPid(): number {
  return Number(execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).toString());
}

async function indicatorCount(dbPath: string): Promise<number> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  try {
    return Number((await conn.runAndReadAll("select count(*) from indicators")).getRows()[0][0]);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe("build lock", () => {
  it("stops a second build with a message naming the running one (process id, start time, command)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dixian-lock-"));
    const target = join(dir, "dixian.duckdb");
    // The test runner's parent is alive and is not this process: it stands for a running build.
    lockFile(`${target}.lock`, process.ppid, "npm run warehouse -- --in 输入");
    const error = await acquireBuildLock(target, { waitMs: 300, log: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildLockedError);
    expect((error as Error).message).toMatch(new RegExp(`另一个构建正在进行（进程号 ${process.ppid}，开始于 2026-05-01 \\d\\d:03:04，命令：npm run warehouse -- --in 输入）`));
    expect(existsSync(`${target}.lock`)).toBe(true);
  });

  it("takes over, with a note, a lock whose process is gone, and removes it on release", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dixian-lock-"));
    const target = join(dir, "dist");
    const pid = deadPid();
    lockFile(`${target}.lock`, pid);
    const notes: string[] = [];
    const lock = await acquireBuildLock(target, { waitMs: 0, log: (m) => notes.push(m) });
    expect(notes).toEqual([`发现上一次构建留下的锁（进程号 ${pid}，开始于 ${notes[0].match(/开始于 ([^，]+)/)![1]}，命令：npm run build），该进程已不存在，接管此锁`]);
    // Re-entrant inside one process: the build holds it around buildWarehouse, which asks again.
    const inner = await acquireBuildLock(target, { waitMs: 0 });
    inner.release();
    expect(existsSync(lock.path)).toBe(true);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it("takes over a half-written lock left long ago, but waits on one being written now", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dixian-lock-"));
    const target = join(dir, "dixian.duckdb");
    writeFileSync(`${target}.lock`, '{"pid": 12');
    utimesSync(`${target}.lock`, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const lock = await acquireBuildLock(target, { waitMs: 1_000, log: () => {} });
    lock.release();
    expect(readdirSync(dir)).toEqual([]);

    // Half-written just now (on a disk without hard links), then completed by a live build.
    writeFileSync(`${target}.lock`, '{"pid": 12');
    setTimeout(() => lockFile(`${target}.lock`, process.ppid), 150);
    await expect(acquireBuildLock(target, { waitMs: 600, log: () => {} })).rejects.toBeInstanceOf(BuildLockedError);
  });

  it("npm run warehouse twice at once: one good warehouse, and a clear message from the other", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dixian-lock-"));
    const db = join(dir, "dixian.duckdb");
    const resume = join(dir, "resume");
    const args = ["--in", EXTRACTS, "--db", db, "--reports", join(dir, "reports")];
    const first = spawnNpm("warehouse", args, { DIXIAN_PAUSE_AT: "models", DIXIAN_PAUSE_RESUME: resume });
    await first.paused("models");
    const second = spawnNpm("warehouse", args, { DIXIAN_LOCK_WAIT_SECONDS: "0.5" });
    const refused = await second.exited;
    expect(refused.code).toBe(1);
    expect(second.stderr()).toMatch(/错误：另一个构建正在进行（进程号 \d+，开始于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d，命令：npm run warehouse -- --in /);
    writeFileSync(resume, "");
    expect((await first.exited).code).toBe(0);
    expect(await indicatorCount(db)).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(["dixian.duckdb", "dixian.duckdb.check.json", "reports", "resume"]);
  }, 120_000);

  it("two builds started together: the second waits its turn, and the warehouse is whole", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dixian-lock-"));
    const db = join(dir, "dixian.duckdb");
    const args = ["--in", EXTRACTS, "--db", db, "--reports", join(dir, "reports")];
    const both = [spawnNpm("warehouse", args, { DIXIAN_LOCK_WAIT_SECONDS: "60" }), spawnNpm("warehouse", args, { DIXIAN_LOCK_WAIT_SECONDS: "60" })];
    const codes = await Promise.all(both.map((b) => b.exited));
    expect(codes.map((c) => c.code), both.map((b) => b.stderr()).join("\n")).toEqual([0, 0]);
    expect(await indicatorCount(db)).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(["dixian.duckdb", "dixian.duckdb.check.json", "reports"]);
  }, 120_000);
});
