// data/config/finance.json and lpr.csv: defaults, the shipped file, county overrides and refusals.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_PRODUCT_RULES, DEFAULT_SCORECARD, POLICY_RULES, readFinanceSettings, writeFinanceTables } from "../../loaders/config/finance.ts";
import { SettingsError } from "../../loaders/config/settings.ts";
import { DEFAULT_CONFIG_DIR } from "../../loaders/paths.ts";

let dirs: string[] = [];
function configDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "dixian-finance-config-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe("readFinanceSettings", () => {
  it("the shipped finance.json says what the defaults say", () => {
    const shipped = readFinanceSettings(DEFAULT_CONFIG_DIR);
    const defaults = readFinanceSettings(configDir({}));
    expect(shipped).toEqual(defaults);
    expect(defaults.productRules).toEqual(DEFAULT_PRODUCT_RULES);
    expect(defaults.scorecard.items.reduce((s, i) => s + i.weight, 0)).toBe(100);
    expect(defaults.policyRules.map((r) => r.code)).toEqual(POLICY_RULES.map((r) => r.code));
  });

  it("ships the LPR history from 2019-08 and uses it when the county folder has none", () => {
    const { lpr } = readFinanceSettings(configDir({}));
    expect(lpr[0]).toEqual({ month: "2019-08", oneYear: 4.25, fiveYear: 4.85 });
    expect(lpr.find((r) => r.month === "2024-10")).toEqual({ month: "2024-10", oneYear: 3.1, fiveYear: 3.6 });
    // one row per month, no gaps
    for (let i = 1; i < lpr.length; i++) {
      const [y, m] = lpr[i - 1]!.month.split("-").map(Number) as [number, number];
      expect(lpr[i]!.month).toBe(m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`);
    }
  });

  it("takes a county's rules, thresholds and weights", () => {
    const s = readFinanceSettings(configDir({
      "finance.json": JSON.stringify({
        贷款品种归类: [{ 类别: "脱贫人口小额信贷", 关键词: ["惠农e贷"] }],
        政策规则: { term_over: { 启用: false }, micro_single_over: { 阈值: 60000, 依据: "本县文件第三条" } },
        银行考核: { 周期: "年", 指标: { balance_growth: { 权重: 10 }, reporting: { 权重: 15 } } },
      }),
      "lpr.csv": "月份,一年期LPR,五年期以上LPR\n2025-01,3.10,3.60\n",
    }));
    expect(s.productRules).toEqual([{ productClass: "脱贫人口小额信贷", keywords: ["惠农e贷"] }]);
    expect(s.policyRules.find((r) => r.code === "term_over")?.enabled).toBe(false);
    expect(s.policyRules.find((r) => r.code === "micro_single_over")).toMatchObject({ threshold: 60000, source: "本县文件第三条" });
    expect(s.scorecard.cadence).toBe("year");
    expect(s.lpr).toEqual([{ month: "2025-01", oneYear: 3.1, fiveYear: 3.6 }]);
  });

  it("refuses weights that do not sum to 100, unknown rules and bad LPR rows, saying what to fix", () => {
    const weights = configDir({ "finance.json": JSON.stringify({ 银行考核: { 指标: { reporting: { 权重: 10 } } } }) });
    expect(() => readFinanceSettings(weights)).toThrow(SettingsError);
    expect(() => readFinanceSettings(weights)).toThrow(/权重之和为 105，应为 100/);
    const rule = configDir({ "finance.json": JSON.stringify({ 政策规则: { no_such_rule: { 启用: true } } }) });
    expect(() => readFinanceSettings(rule)).toThrow(/不认识的规则：no_such_rule/);
    const cls = configDir({ "finance.json": JSON.stringify({ 贷款品种归类: [{ 类别: "扶贫贷", 关键词: ["x"] }] }) });
    expect(() => readFinanceSettings(cls)).toThrow(/“类别”须为/);
    const lpr = configDir({ "lpr.csv": "月份,一年期LPR,五年期以上LPR\n2025年1月,3.1,3.6\n" });
    expect(() => readFinanceSettings(lpr)).toThrow(/第 2 行有误/);
  });
});

describe("writeFinanceTables", () => {
  it("writes the rules in file order, so the first matching rule wins", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    await writeFinanceTables(conn, readFinanceSettings(configDir({})));
    const rows = (await conn.runAndReadAll("select priority, keyword, product_class from cfg_loan_product_rules order by priority, keyword limit 2")).getRowObjectsJS();
    expect(rows).toEqual([{ priority: 1, keyword: "创业担保", product_class: "创业担保贷款" }, { priority: 1, keyword: "创业贷", product_class: "创业担保贷款" }]);
    const peer = (await conn.runAndReadAll("select count(*)::integer as n from cfg_bank_peer_groups")).getRowObjectsJS();
    expect(peer).toEqual([{ n: 0 }]);
    const cards = (await conn.runAndReadAll("select sum(weight) as w from cfg_scorecard")).getRowObjectsJS();
    expect(cards).toEqual([{ w: 100 }]);
    conn.closeSync();
    instance.closeSync();
    expect(DEFAULT_SCORECARD.cadence).toBe("half");
    expect(readFileSync(join(DEFAULT_CONFIG_DIR, "lpr.csv"), "utf-8")).toContain("2025-05,3.00,3.50");
  });
});
