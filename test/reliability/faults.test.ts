// A build killed at each named point leaves the last good warehouse and site live; the next build
// succeeds and tidies what the killed ones left. The builds run as real processes (plumbing-build.ts:
// the whole build with a stand-in for the site generator) and are stopped with SIGKILL at a pause marker.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../loaders/paths.ts";
import { fileDigest } from "../../loaders/warehouse/live-file.ts";
import { PLUMBING_BUILD, spawnNode } from "./spawn-build.ts";
import { withWarehouse } from "../../src/data/warehouse.ts";

const EXTRACTS = join(PROJECT_ROOT, "test", "fixtures", "indicators", "extracts");

describe("a build killed part-way", () => {
  let dir: string;
  let db: string;
  let out: string;
  let goodDigest: string;
  // A build killed after its warehouse stage leaves its new warehouse live (whole, and recorded in the
  // check file); the site is swapped only by a build that finishes.
  const args = (tag: string) => ["--in", join(dir, "input"), "--db", db, "--out", out, "--reports", join(dir, "reports"), "--tag", tag];
  const site = () => readFileSync(join(out, "index.html"), "utf-8");

  async function build(tag: string): Promise<string> {
    const run = spawnNode(PLUMBING_BUILD, args(tag));
    const { code } = await run.exited;
    expect(code, run.stderr()).toBe(0);
    return run.stderr();
  }

  async function killAt(point: string, tag: string): Promise<string> {
    const run = spawnNode(PLUMBING_BUILD, args(tag), { DIXIAN_PAUSE_AT: point });
    await run.paused(point);
    run.child.kill("SIGKILL");
    expect((await run.exited).signal).toBe("SIGKILL");
    return run.stderr();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dixian-faults-"));
    db = join(dir, "warehouse", "dixian.duckdb");
    out = join(dir, "dist");
    cpSync(EXTRACTS, join(dir, "input"), { recursive: true });
    await build("good");
    goodDigest = await fileDigest(db);
  }, 120_000);

  it.each(["load", "models", "warehouse-swap"])("at %s: the last good warehouse and site stay live", async (point) => {
    await killAt(point, `killed-${point}`);
    expect(await fileDigest(db)).toBe(goodDigest);
    expect(site()).toContain("build good");
  }, 120_000);

  it("during the site build: the last good site stays live beside the new, whole warehouse", async () => {
    await killAt("site", "killed-site");
    expect(site()).toContain("build good");
    // The warehouse stage had finished: its warehouse is live and is the one the check file records.
    const live = await fileDigest(db);
    expect(live).not.toBe(goodDigest);
    expect(JSON.parse(readFileSync(`${db}.check.json`, "utf-8"))).toEqual({ sha256: [live], bytes: [statSync(db).size] });
    goodDigest = live;
  }, 120_000);

  it("between the site swap's two renames: the last good site waits in dist.old and the next build puts it back", async () => {
    await killAt("site-swap", "killed-site-swap");
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(join(`${out}.old`, "index.html"), "utf-8")).toContain("build good");
    // The next build restores it at its start, before any other work (killed again, during loading).
    const stderr = await killAt("load", "killed-again");
    expect(stderr).toContain("上一次构建在替换网站时中断，已恢复上一次的网站");
    expect(site()).toContain("build good");
    // The warehouse the swap-killed build finished is live and recorded as whole.
    expect(JSON.parse(readFileSync(`${db}.check.json`, "utf-8"))).toEqual({ sha256: [await fileDigest(db)], bytes: [statSync(db).size] });
  }, 120_000);

  it("the next build succeeds, takes over the dead builds' locks and removes their leftovers", async () => {
    // Killed builds left locks, temporary warehouses and unfinished sites behind.
    const leftovers = [...readdirSync(dir), ...readdirSync(join(dir, "warehouse"))];
    expect(leftovers.some((name) => name.startsWith("dixian.duckdb.tmp-"))).toBe(true);
    expect(leftovers).toContain("dist.lock");
    const stderr = await build("next");
    expect(stderr).toMatch(/发现上一次构建留下的锁（进程号 \d+/);
    expect(stderr).toContain("已清理上一次中断的构建留下的临时文件");
    expect(site()).toContain("build next");
    expect(readdirSync(dir).sort()).toEqual(["dist", "input", "reports", "warehouse"]);
    expect(readdirSync(join(dir, "warehouse")).sort()).toEqual(["dixian.duckdb", "dixian.duckdb.check.json"]);
  }, 120_000);

  it("a damaged live warehouse is detected at the start, set aside and rebuilt", async () => {
    const bytes = readFileSync(db);
    bytes.fill(0x5a, bytes.length >> 1, (bytes.length >> 1) + 4096);
    writeFileSync(db, bytes);
    const stderr = await build("after-damage");
    expect(stderr).toMatch(/现有数据仓库 .*dixian\.duckdb 已损坏（文件内容与上次构建完成时记录的校验值不符），已移到 .*dixian\.duckdb\.damaged，本次重新构建/);
    expect(readFileSync(`${db}.damaged`).equals(bytes)).toBe(true);
    expect(site()).toContain("build after-damage");
  }, 120_000);
});

describe("the pages' loaders and a damaged warehouse", () => {
  it("refuse a live file whose size is not the one the build recorded", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dixian-loader-"));
    const db = join(dir, "dixian.duckdb");
    const run = spawnNode(join(PROJECT_ROOT, "loaders", "cli", "warehouse.ts"), ["--in", EXTRACTS, "--db", db, "--reports", join(dir, "reports")]);
    expect((await run.exited).code, run.stderr()).toBe(0);
    const previous = process.env.DIXIAN_DB;
    process.env.DIXIAN_DB = db;
    try {
      expect(await withWarehouse((w) => w.query("select count(*) as n from indicators"))).toEqual([{ n: expect.any(Number) }]);
      // A copy cut short: the file ends half-way.
      const bytes = readFileSync(db);
      writeFileSync(db, bytes.subarray(0, bytes.length >> 1));
      await expect(withWarehouse((w) => w.query("select 1"))).rejects.toThrow(/数据仓库文件 .* 不完整或已损坏（大小 \d+ 字节，与构建完成时记录的不符），请重新运行 npm run build/);
    } finally {
      if (previous === undefined) delete process.env.DIXIAN_DB;
      else process.env.DIXIAN_DB = previous;
    }
  }, 120_000);
});
