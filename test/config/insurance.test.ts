import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_LINE_RULES, readInsuranceSettings, writeInsuranceTables } from "../../loaders/config/insurance.ts";
import { SettingsError } from "../../loaders/config/settings.ts";

let dirs: string[] = [];
function configDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "dixian-insurance-config-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

const SHIPPED = join(import.meta.dirname, "..", "..", "data", "config");

describe("readInsuranceSettings", () => {
  it("the shipped files say what the defaults say", () => {
    expect(readInsuranceSettings(SHIPPED)).toEqual(readInsuranceSettings(configDir({})));
    expect(readInsuranceSettings(SHIPPED).lineRules).toEqual(DEFAULT_LINE_RULES);
  });

  it("reads keyword rules in file order from a GB18030 CSV, skipping blank lines", () => {
    const csv = iconv.encode("关键词,险种大类\r\n特惠保,防贫保险\r\n,\r\n牛,养殖业保险\r\n", "gb18030");
    expect(readInsuranceSettings(configDir({ "insurance-lines.csv": csv })).lineRules).toEqual([
      { keyword: "特惠保", lineClass: "防贫保险" },
      { keyword: "牛", lineClass: "养殖业保险" },
    ]);
  });

  it("refuses a rule whose class is not a 险种大类, naming the row", () => {
    const dir = configDir({ "insurance-lines.csv": "关键词,险种大类\n猪,养猪保险\n" });
    expect(() => readInsuranceSettings(dir)).toThrow(SettingsError);
    expect(() => readInsuranceSettings(dir)).toThrow(/第 2 行的险种大类“养猪保险”不认识/);
  });

  it("refuses tiers whose bounds do not grow, and unknown keys; comments at any depth are ignored", () => {
    const bad = { "防贫保险": { "分档": [{ "缺口不超过": 5000, "赔付比例": 1 }, { "缺口不超过": 3000, "赔付比例": 0.5 }] } };
    expect(() => readInsuranceSettings(configDir({ "insurance.json": JSON.stringify(bad) }))).toThrow(/应逐档增大/);
    expect(() => readInsuranceSettings(configDir({ "insurance.json": JSON.stringify({ "超期天数": 5 }) }))).toThrow(/不认识的设置项：超期天数/);
    const ok = { "说明": "x", "未决赔案超期天数": 30, "防贫保险": { "说明": "y", "贫困线": 4500 } };
    const settings = readInsuranceSettings(configDir({ "insurance.json": JSON.stringify(ok) }));
    expect(settings.outstandingOverdueDays).toBe(30);
    expect(settings.antipoverty).toMatchObject({ povertyLine: 4500, warningMultiple: 1.5, capPerHousehold: 30000 });
  });

  it("writes the rules in order and the tiers with their lower bounds", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    await writeInsuranceTables(conn, readInsuranceSettings(configDir({})));
    const tiers = (await conn.runAndReadAll("select tier, gap_from, gap_to, ratio from cfg_antipoverty_tiers order by tier")).getRowsJS();
    expect(tiers).toEqual([[1, 0, 3000, 1], [2, 3000, 10000, 0.7], [3, 10000, null, 0.5]]);
    const first = (await conn.runAndReadAll("select keyword, line_class from cfg_insurance_line_rules where rule_order = 1")).getRowsJS();
    expect(first).toEqual([["防贫", "防贫保险"]]);
    const cfg = (await conn.runAndReadAll("select warning_line, outstanding_overdue_days from cfg_insurance")).getRowsJS();
    expect(cfg).toEqual([[6000, 60]]);
    conn.closeSync();
    instance.closeSync();
  });
});
