import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { CATALOG, indicatorByCode } from "../../loaders/indicators/catalog.ts";
import { writeCatalogTable } from "../../loaders/indicators/write-catalog-table.ts";

// The monitoring codes of DOMAIN.md §7 that issue "Monitoring indicators" requires, the loan codes (issue 10), the
// insurance codes (issue 11) and the department-comparison codes of DOMAIN.md §10.
const REQUIRED = [
  "hh_lifted", "pop_lifted", "mon_active", "mon_active_pop", "mon_identified", "mon_share_pop", "risk_elim_rate",
  "return_rate", "return_rate_pop", "new_poverty_rate", "below_line_share", "assist_coverage", "guarantee_rate",
  "housing_ok_rate", "edu_ok_rate", "med_ok_rate", "water_ok_rate", "income_pc_median", "income_growth",
  "timely_identification_rate", "timely_assist_rate", "income_pc_mean",
  "ident_pending", "ident_overdue", "assist_pending", "assist_overdue",
  "loan_balance", "loan_issued", "loan_issued_count", "loan_balance_yoy", "loan_coverage", "loan_avg", "npl_ratio",
  "overdue_ratio", "interest_subsidy",
  // insurance (issue 11)
  "ins_coverage_antipoverty", "ins_premium", "ins_subsidy", "ins_paid", "ins_loss_ratio", "ins_settle_days_median",
  "ins_density", "ins_depth",
  "lead_count", "lead_checked_timely_rate", "lead_identified_rate",
];

describe("indicator catalog", () => {
  it("defines each required code exactly once", () => {
    const codes = CATALOG.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...REQUIRED].sort());
  });

  it("gives every entry Chinese and English names, a formula and source fields", () => {
    for (const item of CATALOG) {
      expect(item.name_zh, item.code).toMatch(/[\u4e00-\u9fff]/);
      expect(item.name_en, item.code).toMatch(/^[A-Z]/);
      expect(item.formula_zh.length, item.code).toBeGreaterThan(8);
      // formulas are read by county staff on 指标说明: no indicator codes or English words (codes have their own column)
      expect(item.formula_zh, item.code).not.toMatch(/[A-Za-z]{2,}/);
      expect(item.source_fields.length, item.code).toBeGreaterThan(0);
    }
  });

  it("uses units that match the code's meaning", () => {
    for (const item of CATALOG) {
      if (item.code.endsWith("_rate") || item.code.endsWith("_share") || item.code.endsWith("_coverage")) {
        expect(item.unit, item.code).toBe("ratio");
      }
    }
    expect(indicatorByCode("pop_lifted")?.unit).toBe("persons");
    expect(indicatorByCode("mon_active_pop")?.unit).toBe("persons");
    expect(indicatorByCode("hh_lifted")?.unit).toBe("households");
    expect(indicatorByCode("loan_balance")?.unit).toBe("yuan");
    expect(indicatorByCode("assist_coverage")?.target).toBe(1);
    expect(indicatorByCode("nope")).toBeUndefined();
  });

  it("has each family computed by its own SQL model that names every code of the family, unioned into indicators", () => {
    const sqlDir = join(import.meta.dirname, "..", "..", "loaders", "sql");
    const models = readdirSync(join(sqlDir, "intermediate"));
    const mart = readFileSync(join(sqlDir, "marts", "indicators.sql"), "utf-8");
    for (const family of new Set(CATALOG.map((c) => c.family))) {
      const file = models.find((name) => new RegExp(`^\\d+_ind_${family}\\.sql$`).test(name));
      expect(file, family).toBeDefined();
      const sql = readFileSync(join(sqlDir, "intermediate", file!), "utf-8");
      for (const item of CATALOG.filter((c) => c.family === family)) expect(sql, item.code).toContain(`'${item.code}'`);
      expect(mart, family).toMatch(new RegExp(`from ind_${family}\\b`));
    }
  });

  it("is written to the warehouse as indicator_catalog in catalog order", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    await writeCatalogTable(conn);
    const rows = (await conn.runAndReadAll("select * from indicator_catalog order by sort_order")).getRowObjectsJS();
    expect(rows.map((r) => r.code)).toEqual(CATALOG.map((c) => c.code));
    const assist = rows.find((r) => r.code === "assist_coverage")!;
    expect(assist).toMatchObject({ unit: "ratio", higher_is_better: true, target: 1, kind: "stock", family: "monitoring" });
    expect(assist.source_fields).toEqual(["是否监测对象", "风险是否消除", "帮扶措施"]);
    expect(rows.find((r) => r.code === "hh_lifted")).toMatchObject({ higher_is_better: null, target: null });
    // writing twice replaces rather than duplicates
    await writeCatalogTable(conn);
    const n = (await conn.runAndReadAll("select count(*)::integer as n from indicator_catalog")).getRowObjectsJS();
    expect(n[0]!.n).toBe(CATALOG.length);
    conn.closeSync();
    instance.closeSync();
  });
});
