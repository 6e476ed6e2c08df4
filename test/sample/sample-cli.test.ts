import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = mkdtempSync(join(tmpdir(), "dixian-sample-cli-"));
const cli = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/sample.ts", ...args], { encoding: "utf8" });

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("sample CLI", () => {
  it("generates the county with the given options and reports in Chinese", () => {
    const out = join(root, "county");
    const result = cli(["--out", out, "--seed", "4", "--households", "80", "--months", "3", "--end", "2024-12", "--defect-rate", "0"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("已生成样例县");
    const manifest = JSON.parse(readFileSync(join(out, "_manifest.json"), "utf8"));
    expect(manifest.options).toEqual({ households: 80, months: 3, end: "2024-12", defectRate: 0 });
    expect(manifest.periods).toEqual({ first: "2024-10", last: "2024-12" });
    expect(existsSync(join(out, "户信息快照_2024-10.csv"))).toBe(true);
  });

  it("fails with a message and a non-zero status on a bad option", () => {
    const result = cli(["--out", join(root, "bad"), "--households", "many"]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("--households 需要数字");
    const badMonth = cli(["--out", join(root, "bad2"), "--end", "2025-13"]);
    expect(badMonth.status).not.toBe(0);
    expect(badMonth.stderr).toContain("YYYY-MM");
  });
});
