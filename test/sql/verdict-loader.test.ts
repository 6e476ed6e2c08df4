// The 研判 data loader (src/data/verdict.json.ts) on test/fixtures/indicators/extracts-verdict: with the default
// threshold of 5 roster households 甲村 (5 in June) is named with its count; with 6 (config-verdict-withheld)
// its figures are withheld on every page, so its cluster keeps town, level and thresholds but loses name and count.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { FIXTURE_DIR } from "./fixture-warehouse.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function loaderOutput(config: string) {
  const dir = mkdtempSync(join(tmpdir(), "dixian-verdict-"));
  dirs.push(dir);
  const dbPath = join(dir, "fixture.duckdb");
  await buildWarehouse({ inputDir: join(FIXTURE_DIR, "extracts-verdict"), dbPath, reportsDir: join(dir, "reports"), configDir: join(FIXTURE_DIR, config) });
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/data/verdict.json.ts"], {
    encoding: "utf8",
    env: { ...process.env, DIXIAN_DB: dbPath },
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as {
    suppressionThreshold: number;
    verdicts: Array<{ period: string; level: string }>;
    triggers: Array<{ period: string; trigger: string; area_level: string; area_code: string | null; area_name: string | null; town_name: string | null; figure: number | null; level: string; red: number; suppressed: boolean }>;
  };
}

const june = (rows: Awaited<ReturnType<typeof loaderOutput>>["triggers"]) =>
  rows.filter((r) => r.period === "2025-06" && r.trigger === "cluster_identified" && r.area_level === "village");

describe("verdict.json", () => {
  it("names 甲村 and its count when the village is published", async () => {
    const out = await loaderOutput("config");
    expect(out.suppressionThreshold).toBe(5);
    expect(out.verdicts.find((v) => v.period === "2025-06")!.level).toBe("red");
    expect(june(out.triggers)).toMatchObject([{ area_code: "529901001001", area_name: "甲村", town_name: "一镇", figure: 5, level: "red", suppressed: false }]);
  }, 120_000);

  it("withholds 甲村's name and count when its figures are suppressed, keeping the red level", async () => {
    const out = await loaderOutput("config-verdict-withheld");
    expect(out.suppressionThreshold).toBe(6);
    expect(out.verdicts.find((v) => v.period === "2025-06")!.level).toBe("red");
    expect(june(out.triggers)).toMatchObject([{ area_code: null, area_name: null, town_name: "一镇", figure: null, level: "red", red: 5, suppressed: true }]);
    expect(JSON.stringify(out.triggers)).not.toContain("甲村");
  }, 120_000);
});
