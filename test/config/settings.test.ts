import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { readSettings, SettingsError, writeSettingsTables, type VerdictThreshold } from "../../loaders/config/settings.ts";

let dirs: string[] = [];
function configDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "dixian-config-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

// 规模性返贫研判 defaults (data/config/README.md): rates in the file are %, here fractions per year
const cluster = (areaLevel: "village" | "town", month: [number, number], quarter: [number, number]): VerdictThreshold[] =>
  (["month", "quarter"] as const).flatMap((window) => (["cluster_identified", "cluster_risk", "cluster_below_line"] as const)
    .map((trigger) => ({ trigger, areaLevel, window, amber: (window === "month" ? month : quarter)[0], red: (window === "month" ? month : quarter)[1] })));
const VERDICT: VerdictThreshold[] = [
  { trigger: "return_rate", areaLevel: "county", window: "period", amber: 0.005, red: 0.01 },
  { trigger: "new_poverty_rate", areaLevel: "county", window: "period", amber: 0.005, red: 0.01 },
  { trigger: "active_growth", areaLevel: "county", window: "period", amber: 0.1, red: 0.2 },
  { trigger: "ident_overdue", areaLevel: "county", window: "period", amber: 1, red: 10 },
  { trigger: "assist_overdue", areaLevel: "county", window: "period", amber: 1, red: 10 },
  ...cluster("village", [3, 5], [5, 8]),
  ...cluster("town", [10, 20], [20, 40]),
];

const DEFAULTS = {
  identificationDeadlineDays: 15,
  firstAssistDeadlineDays: 15,
  villageSuppressionMinHouseholds: 5,
  incomeTolerance: 1,
  colourGrades: { redBelow: 5000, greenFrom: 10000 },
  verdictThresholds: VERDICT,
  holidays: [],
};

describe("readSettings", () => {
  it("uses the defaults when the folder has no settings file", () => {
    expect(readSettings(configDir({}))).toEqual(DEFAULTS);
  });

  it("reads the Chinese keys, ignores 说明 comments and fills missing keys with defaults", () => {
    const dir = configDir({
      "settings.json": JSON.stringify({ "说明": "注释", "说明2": "再一条", "识别时限工作日": 20, "颜色分级": { "红色收入低于": 6000 } }),
    });
    expect(readSettings(dir)).toEqual({
      ...DEFAULTS,
      identificationDeadlineDays: 20,
      colourGrades: { redBelow: 6000, greenFrom: 10000 },
    });
  });

  it("accepts a UTF-8 BOM, which Windows Notepad writes", () => {
    const dir = configDir({ "settings.json": "\uFEFF" + JSON.stringify({ "村级小数抑制户数": 0 }) });
    expect(readSettings(dir).villageSuppressionMinHouseholds).toBe(0);
  });

  it("refuses a bad value, naming the key and what it should be", () => {
    const dir = configDir({ "settings.json": JSON.stringify({ "首次帮扶时限工作日": "十五" }) });
    expect(() => readSettings(dir)).toThrow(SettingsError);
    expect(() => readSettings(dir)).toThrow(/“首次帮扶时限工作日”应为 1–120 之间的整数/);
    const fractional = configDir({ "settings.json": JSON.stringify({ "识别时限工作日": 7.5 }) });
    expect(() => readSettings(fractional)).toThrow(/“识别时限工作日”应为 1–120 之间的整数/);
  });

  it("reads the income tolerance (yuan per person, fractions allowed, 0 = exact) and refuses one out of 0–1000", () => {
    expect(readSettings(configDir({ "settings.json": JSON.stringify({ "人均纯收入容差": 50 }) })).incomeTolerance).toBe(50);
    expect(readSettings(configDir({ "settings.json": JSON.stringify({ "人均纯收入容差": 0.5 }) })).incomeTolerance).toBe(0.5);
    expect(readSettings(configDir({ "settings.json": JSON.stringify({ "人均纯收入容差": 0 }) })).incomeTolerance).toBe(0);
    for (const bad of [-1, 1001, "1元"]) {
      const dir = configDir({ "settings.json": JSON.stringify({ "人均纯收入容差": bad }) });
      expect(() => readSettings(dir)).toThrow(/“人均纯收入容差”应为 0–1000 之间的金额（元\/人）/);
    }
  });

  it("refuses a misspelt key instead of silently using the default", () => {
    const dir = configDir({ "settings.json": JSON.stringify({ "识别时限工作天": 10 }) });
    expect(() => readSettings(dir)).toThrow(/不认识的设置项：识别时限工作天/);
  });

  it("refuses colour grades whose red line is above the green one", () => {
    const dir = configDir({ "settings.json": JSON.stringify({ "颜色分级": { "红色收入低于": 12000, "绿色收入不低于": 10000 } }) });
    expect(() => readSettings(dir)).toThrow(/“红色收入低于”不能大于“绿色收入不低于”/);
  });

  it("refuses a file that is not JSON, saying so in Chinese", () => {
    const dir = configDir({ "settings.json": "{ \"识别时限工作日\": 15, }" });
    expect(() => readSettings(dir)).toThrow(/不是有效的 JSON/);
  });

  it("reads holidays.csv in any date form, GB18030 too, sorted and without duplicates", () => {
    const csv = "日期,名称\n2025年10月2日,国庆节\n2025/10/1,国庆节\n20251001,重复\n\n";
    const dir = configDir({ "holidays.csv": iconv.encode(csv, "gb18030") });
    expect(readSettings(dir).holidays).toEqual(["2025-10-01", "2025-10-02"]);
  });

  it("refuses a holiday list without a 日期 column or with an unreadable date, naming the line", () => {
    expect(() => readSettings(configDir({ "holidays.csv": "day\n2025-10-01\n" }))).toThrow(/须有“日期”列/);
    expect(() => readSettings(configDir({ "holidays.csv": "日期\n2025-10-01\n十月一日\n" }))).toThrow(/第 3 行的日期“十月一日”无法识别/);
    expect(() => readSettings(configDir({ "holidays.csv": "日期\n202510\n" }))).toThrow(/第 2 行/);
  });

  it("reads the shipped data/config as valid", () => {
    const settings = readSettings();
    expect(settings.identificationDeadlineDays).toBeGreaterThan(0);
    expect(settings.colourGrades.redBelow).toBeLessThanOrEqual(settings.colourGrades.greenFrom);
  });
});

describe("规模性返贫研判 thresholds", () => {
  it("reads the thresholds, % as fractions, and keeps the defaults of what the file leaves out", () => {
    const dir = configDir({ "settings.json": JSON.stringify({ "规模性返贫研判": {
      "返贫率（%）": { "黄色": 0.2, "红色": 0.8 }, "村聚集户数": { "一个季度": { "红色": 12 } },
    } }) });
    const rows = readSettings(dir).verdictThresholds;
    const returnRate = rows.find((r) => r.trigger === "return_rate")!;
    expect(returnRate.amber).toBeCloseTo(0.002, 12);
    expect(returnRate.red).toBeCloseTo(0.008, 12);
    expect(rows.filter((r) => r.areaLevel === "village" && r.window === "quarter").map((r) => [r.amber, r.red]))
      .toEqual([[5, 12], [5, 12], [5, 12]]);
    expect(rows.filter((r) => r.areaLevel === "village" && r.window === "month").map((r) => [r.amber, r.red]))
      .toEqual([[3, 5], [3, 5], [3, 5]]);
  });

  it("refuses 黄色 above 红色, an unknown key or a negative number, naming it", () => {
    const swapped = configDir({ "settings.json": JSON.stringify({ "规模性返贫研判": { "超期未识别户数": { "黄色": 5, "红色": 2 } } }) });
    expect(() => readSettings(swapped)).toThrow(/“超期未识别户数”的“黄色”不能大于“红色”/);
    const unknown = configDir({ "settings.json": JSON.stringify({ "规模性返贫研判": { "返贫率": { "黄色": 1 } } }) });
    expect(() => readSettings(unknown)).toThrow(/“规模性返贫研判”中有不认识的项：返贫率/);
    const negative = configDir({ "settings.json": JSON.stringify({ "规模性返贫研判": { "乡镇聚集户数": { "一个月": { "黄色": -1 } } } }) });
    expect(() => readSettings(negative)).toThrow(/“乡镇聚集户数 → 一个月”的“黄色”“红色”应为不小于0的数/);
  });
});

describe("writeSettingsTables", () => {
  it("writes cfg_settings (one row) and cfg_holidays", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    await writeSettingsTables(conn, { ...DEFAULTS, villageSuppressionMinHouseholds: 3, incomeTolerance: 2.5, holidays: ["2025-10-01", "2025-10-02"] });
    const settings = (await conn.runAndReadAll("select * from cfg_settings")).getRowObjectsJS();
    expect(settings).toEqual([{
      identification_deadline_days: 15, first_assist_deadline_days: 15, village_suppression_min_households: 3,
      grade_red_below: 5000, grade_green_from: 10000, income_tolerance: 2.5,
    }]);
    const holidays = (await conn.runAndReadAll("select strftime(holiday, '%Y-%m-%d') as d from cfg_holidays order by 1")).getRowObjectsJS();
    expect(holidays.map((h) => h.d)).toEqual(["2025-10-01", "2025-10-02"]);
    const verdict = (await conn.runAndReadAll(
      `select trigger, area_level, "window", amber, red from cfg_verdict_thresholds where trigger = 'cluster_risk' order by 2, 3`)).getRowObjectsJS();
    expect(verdict).toEqual([
      { trigger: "cluster_risk", area_level: "town", window: "month", amber: 10, red: 20 },
      { trigger: "cluster_risk", area_level: "town", window: "quarter", amber: 20, red: 40 },
      { trigger: "cluster_risk", area_level: "village", window: "month", amber: 3, red: 5 },
      { trigger: "cluster_risk", area_level: "village", window: "quarter", amber: 5, red: 8 },
    ]);
    // a second write replaces: no holidays left
    await writeSettingsTables(conn, DEFAULTS);
    const none = (await conn.runAndReadAll("select count(*)::integer as n from cfg_holidays")).getRowObjectsJS();
    expect(none[0]!.n).toBe(0);
    conn.closeSync();
    instance.closeSync();
  });
});
