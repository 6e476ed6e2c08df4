// The department comparison (DOMAIN.md §10) on a hand-worked fixture: every lead rule fires, does not fire,
// or is silenced because the household is already monitored for the same risk; deadlines in working days;
// outcomes from a later snapshot and from the towns' feedback; an overdue lead; records matching no household;
// and the department family of indicators. Fixture and reasoning: test/fixtures/leads/make-fixtures.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { LEADS } from "../fixtures/leads/make-fixtures.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "leads");

let dir: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;

async function query(sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dixian-leads-"));
  const result = await buildWarehouse({
    inputDir: join(FIXTURES, "extracts"), dbPath: join(dir, "leads.duckdb"), reportsDir: join(dir, "reports"), configDir: join(FIXTURES, "config"),
  });
  if (result.load.rowsRejected > 0 || result.load.refused.length > 0) throw new Error(`fixture rows rejected: ${JSON.stringify(result.load.files)}`);
  instance = await DuckDBInstance.create(join(dir, "leads.duckdb"), { access_mode: "READ_ONLY" });
  conn = await instance.connect();
});
afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe("lead rules", () => {
  // Each rule fires (one lead each, two for disasters), does not fire (below the line, grade, age, status,
  // 住房安全 already 否, a 低保 end for a household not monitored) and is silenced for a household already
  // monitored for the same risk (A3 因病, B2 因学 and any risk for aid, C3 住房, A3 for disability, G1 因自然灾害);
  // A3's disaster lead shows that monitoring for 因病 does not silence a disaster. See make-fixtures.ts.
  it("raise exactly the hand-worked leads, with stable 线索编号", async () => {
    const rows = await query("select lead_id, department, rule, household_id, lead_date::varchar as lead_date from leads order by lead_id");
    expect(rows).toEqual([
      { lead_id: LEADS.L6, department: "残联", rule: "disability_new", household_id: "E1", lead_date: "2025-03-05" },
      { lead_id: LEADS.L5, department: "教育", rule: "school_dropout", household_id: "D1", lead_date: "2025-05-28" },
      { lead_id: LEADS.L2, department: "民政", rule: "aid_new", household_id: "B1", lead_date: "2025-04-01" },
      { lead_id: LEADS.L3, department: "民政", rule: "aid_ended", household_id: "B2", lead_date: "2025-04-15" },
      { lead_id: LEADS.L1, department: "医保", rule: "medical_self_paid", household_id: "A1", lead_date: "2025-03-20" },
      { lead_id: LEADS.L7, department: "应急", rule: "disaster_loss", household_id: "F1", lead_date: "2025-03-14" },
      { lead_id: LEADS.L8, department: "应急", rule: "disaster_loss", household_id: "A3", lead_date: "2025-03-14" },
      { lead_id: LEADS.L4, department: "住建", rule: "dwelling_unsafe", household_id: "C1", lead_date: "2025-05-06" },
    ].sort((a, b) => a.lead_id.localeCompare(b.lead_id)));
  });

  it("medical: the 12-month self-paid sum crosses least(10,000, half the annual net income)", async () => {
    const [a1] = await query(`select cost_12m, line, amount from leads where lead_id = '${LEADS.L1}'`);
    // A1: 2 persons × 6,000 = 12,000 a year, half 6,000; 4,000 + 3,000 = 7,000
    expect(a1).toEqual({ cost_12m: 7000, line: 6000, amount: 3000 });
  });

  it("the lead list carries the household's village, town and the rule's sentence is published", async () => {
    const [l4] = await query(`select village_name, town_name, rule_name from leads where lead_id = '${LEADS.L4}'`);
    expect(l4).toEqual({ village_name: "甲村", town_name: "一镇", rule_name: "鉴定为危房" });
    const rules = await query("select rule, sentence_zh from lead_rules order by sort_order");
    expect(rules.map((r) => r.rule)).toEqual(["medical_self_paid", "aid_new", "aid_ended", "dwelling_unsafe", "school_dropout", "disability_new", "disaster_loss"]);
    expect(rules[0].sentence_zh).toContain("10,000 元");
    expect(rules[0].sentence_zh).toContain("50%");
  });
});

describe("the closed loop", () => {
  it("gives each lead its deadline (5 working days), checked date, status and outcome", async () => {
    const rows = await query(`select lead_id, deadline::varchar d, checked_date::varchar c, closed_date::varchar x, status, checked_timely t
      from leads order by lead_date, lead_id`);
    const byLead = Object.fromEntries(rows.map((r) => [r.lead_id, [r.d, r.c, r.x, r.status, r.t]]));
    expect(byLead).toEqual({
      // 03-05 (Wed) + 5 → 03-12; risk found (checked) 03-10, identified 04-20
      [LEADS.L6]: ["2025-03-12", "2025-03-10", "2025-04-20", "已纳入监测", true],
      // 03-14 (Fri) + 5 → 03-21; nothing recorded by 05-31: overdue
      [LEADS.L7]: ["2025-03-21", null, null, "逾期未核查", false],
      // feedback 纳入监测 on 03-18, the roster does not show it yet: checked, not closed
      [LEADS.L8]: ["2025-03-21", "2025-03-18", null, "已核查待办结", true],
      // 03-20 (Thu) + 5 → 03-27; identified 03-27 by the snapshot: closed on the deadline day
      [LEADS.L1]: ["2025-03-27", "2025-03-27", "2025-03-27", "已纳入监测", true],
      // 04-01 (Tue) + 5 → 04-08; feedback 不符合 on 04-03: closed by feedback
      [LEADS.L2]: ["2025-04-08", "2025-04-03", "2025-04-03", "核查不符合", true],
      // 04-15 (Tue) + 5 → 04-22; overdue
      [LEADS.L3]: ["2025-04-22", null, null, "逾期未核查", false],
      // 05-06 (Tue) + 5 → 05-13; feedback 其他 on 05-09
      [LEADS.L4]: ["2025-05-13", "2025-05-09", null, "已核查待办结", true],
      // 05-28 (Wed) + 5 → 06-04, after the as-of date 05-31: not due yet
      [LEADS.L5]: ["2025-06-04", null, null, "待核查", false],
    });
    const [l1] = await query(`select discovery_workdays, is_overdue, is_due from leads where lead_id = '${LEADS.L1}'`);
    expect(l1).toEqual({ discovery_workdays: 5, is_overdue: false, is_due: true });
    const [l5] = await query(`select is_overdue, is_due from leads where lead_id = '${LEADS.L5}'`);
    expect(l5).toEqual({ is_overdue: false, is_due: false });
  });

  it("counts records matching no household, records before the roster, and feedback naming no lead", async () => {
    const rows = await query("select * from department_matches order by department");
    const byDept = Object.fromEntries(rows.map((r) => [r.department, [r.records, r.matched_by_id, r.matched_by_household_id, r.unmatched, r.not_judged, r.leads]]));
    expect(byDept).toEqual({
      医保: [5, 4, 0, 1, 0, 1], // the member's record matches no head
      民政: [5, 5, 0, 0, 1, 2], // B1's 临时救助 of 2024-12 predates the first snapshot
      住建: [4, 3, 1, 0, 0, 1], // C1 by 户编号
      教育: [4, 4, 0, 0, 0, 1], // by the guardian's ID
      残联: [3, 3, 0, 0, 0, 1], // the certificate number's first 18 characters
      应急: [5, 4, 0, 1, 0, 2], // the village-only record
      核查反馈: [4, 3, 0, 1, 0, 0], // the blank row is not a check; one 线索编号 names no lead
    });
  });
});

describe("department indicators", () => {
  const COUNTY = "529901";
  const TOWN1 = "529901001";
  const TOWN2 = "529901002";
  const JIA = "529901001001";
  const BING = "529901002001";
  async function ind(table: string, code: string, period: string, area: string, department?: string) {
    const where = department ? `and department = '${department}'` : "";
    const rows = await query(`select numerator n, denominator d, value v from ${table} where code = '${code}' and period = '${period}' and area_code = '${area}' ${where}`);
    expect(rows, `${code} ${period} ${area}`).toHaveLength(1);
    return [rows[0].n, rows[0].d, rows[0].v];
  }

  it("lead_count: leads dated in the period, by the household's village", async () => {
    expect(await ind("indicators", "lead_count", "2025-03", COUNTY)).toEqual([4, null, 4]); // L1 L6 L7 L8
    expect(await ind("indicators", "lead_count", "2025-03", TOWN1)).toEqual([3, null, 3]);
    expect(await ind("indicators", "lead_count", "2025-03", BING)).toEqual([1, null, 1]);
    expect(await ind("indicators", "lead_count", "2025-05", COUNTY)).toEqual([2, null, 2]); // L4 L5
    expect(await ind("indicators", "lead_count", "2025-H1", COUNTY)).toEqual([8, null, 8]);
    expect(await ind("indicators", "lead_count", "2025", JIA)).toEqual([4, null, 4]);
  });

  it("lead_checked_timely_rate: of the leads due in the period, those checked by the deadline", async () => {
    // 2025-03 deadlines: L1 ✓, L6 ✓ (risk found 03-10), L7 ✗, L8 ✓
    expect(await ind("indicators", "lead_checked_timely_rate", "2025-03", COUNTY)).toEqual([3, 4, 0.75]);
    expect(await ind("indicators", "lead_checked_timely_rate", "2025-03", TOWN2)).toEqual([1, 1, 1]);
    expect(await ind("indicators", "lead_checked_timely_rate", "2025-05", BING)).toEqual([0, 0, null]);
    // H1: 7 due (L5 not yet), checked in time L1 L2 L4 L6 L8
    expect(await ind("indicators", "lead_checked_timely_rate", "2025-H1", COUNTY)).toEqual([5, 7, 5 / 7]);
    expect(await ind("indicators", "lead_checked_timely_rate", "2025-H1", TOWN1)).toEqual([3, 4, 0.75]);
  });

  it("lead_identified_rate: of the leads closed in the period, those closed by identification", async () => {
    expect(await ind("indicators", "lead_identified_rate", "2025-03", COUNTY)).toEqual([1, 1, 1]); // L1
    expect(await ind("indicators", "lead_identified_rate", "2025-05", COUNTY)).toEqual([0, 0, null]);
    expect(await ind("indicators", "lead_identified_rate", "2025-H1", COUNTY)).toEqual([2, 3, 2 / 3]); // L1 L6 of L1 L2 L6
    expect(await ind("indicators", "lead_identified_rate", "2025-H1", TOWN2)).toEqual([1, 2, 0.5]);
  });

  it("breaks the figures down by department", async () => {
    expect(await ind("lead_indicators_by_department", "lead_count", "2025-03", COUNTY, "应急")).toEqual([2, null, 2]);
    expect(await ind("lead_indicators_by_department", "lead_count", "2025-03", COUNTY, "医保")).toEqual([1, null, 1]);
    expect(await ind("lead_indicators_by_department", "lead_count", "2025-03", COUNTY, "民政")).toEqual([0, null, 0]);
    expect(await ind("lead_indicators_by_department", "lead_identified_rate", "2025-H1", COUNTY, "民政")).toEqual([0, 1, 0]);
    const departments = await query("select distinct department from lead_indicators_by_department order by department");
    expect(departments.map((d) => d.department).sort()).toEqual(["住建", "医保", "应急", "残联", "教育", "民政"].sort());
  });
});
