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
    expect(manifest.options).toEqual({ households: 80, months: 3, end: "2024-12", defectRate: 0, format: "canonical" });
    expect(manifest.periods).toEqual({ first: "2024-10", last: "2024-12" });
    expect(existsSync(join(out, "户信息快照_2024-10.csv"))).toBe(true);
  });

  it("writes the roster in the national system's layout with --format national", () => {
    const out = join(root, "national");
    const result = cli(["--out", out, "--seed", "4", "--households", "80", "--months", "2", "--end", "2024-12", "--format", "national"]);
    expect(result.status, result.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "_manifest.json"), "utf8"));
    expect(manifest.options.format).toBe("national");
    const roster = manifest.files.filter((f: { extract: string }) => f.extract === "households").map((f: { name: string }) => f.name);
    expect(roster).toHaveLength(4);
    expect(roster.filter((n: string) => /^脱贫人口信息_20241231-脱贫人口\d+人\.xlsx$/.test(n))).toHaveLength(1);
    expect(roster.filter((n: string) => /^防止返贫致贫监测对象信息_20241130-风险未消除\d+人\.xlsx$/.test(n))).toHaveLength(1);
    expect(existsSync(join(out, "户信息快照_2024-12.csv"))).toBe(false);
    const bad = cli(["--out", join(root, "bad3"), "--format", "province"]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("格式只能是");
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
