// A full disk part-way through a build: a clear Chinese message, and the last good warehouse and site
// stay live. As root (where the machine allows a mount) the build runs on a small tmpfs that is filled
// up; elsewhere the file-system error is injected at the SQL models (DIXIAN_FAIL_AT).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../loaders/paths.ts";
import { fileDigest } from "../../loaders/warehouse/live-file.ts";
import { PLUMBING_BUILD, spawnNode } from "./spawn-build.ts";

const EXTRACTS = join(PROJECT_ROOT, "test", "fixtures", "indicators", "extracts");

function tryMountTmpfs(dir: string, size: string): boolean {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("a full disk", () => {
  let dir: string;
  let mounted = false;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "dixian-disk-"));
    mounted = tryMountTmpfs(dir, "160m");
  });

  afterAll(() => {
    if (mounted) execFileSync("umount", [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("stops the build with a clear message and keeps the last good warehouse and site", async () => {
    const input = join(dir, "input");
    const db = join(dir, "warehouse", "dixian.duckdb");
    const out = join(dir, "dist");
    cpSync(EXTRACTS, input, { recursive: true });
    const env = { TMPDIR: join(dir, "tmp") };
    mkdirSync(env.TMPDIR);
    const args = (tag: string) => ["--in", input, "--db", db, "--out", out, "--reports", join(dir, "reports"), "--tag", tag];
    const build = async (tag: string, extra: Record<string, string> = {}) => {
      const run = spawnNode(PLUMBING_BUILD, args(tag), { ...env, ...extra });
      return { ...(await run.exited), stderr: run.stderr() };
    };

    expect((await build("good")).code).toBe(0);
    const good = await fileDigest(db);

    let failed;
    if (mounted) {
      // Leave less room than a warehouse needs.
      const { bavail, bsize } = statfsSync(dir);
      writeFileSync(join(dir, "filler"), Buffer.alloc(Math.max(0, bavail * bsize - 512 * 1024)));
      failed = await build("full");
    } else {
      failed = await build("full", { DIXIAN_FAIL_AT: "models:ENOSPC" });
    }
    expect(failed.code, failed.stderr).toBe(1);
    expect(failed.stderr).toContain("错误：磁盘空间不足，构建未完成。数据仓库和网站保留上一次的结果");
    expect(await fileDigest(db)).toBe(good);
    expect(readFileSync(join(out, "index.html"), "utf-8")).toContain("build good");

    rmSync(join(dir, "filler"), { force: true });
    const next = await build("after");
    expect(next.code, next.stderr).toBe(0);
    expect(readFileSync(join(out, "index.html"), "utf-8")).toContain("build after");
  }, 90_000);
});
