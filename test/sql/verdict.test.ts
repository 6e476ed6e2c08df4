// 规模性返贫风险研判 (verdict_triggers, verdict): hand-worked on test/fixtures/indicators/extracts-verdict with the
// default thresholds (test/fixtures/indicators/config leaves 规模性返贫研判 out: 村聚集户数 一个月 3/5, 一个季度 5/8;
// 乡镇聚集户数 10/20, 20/40; 致贫率 0.5%/1% and 风险未消除户数增长率 10%/20% per year, scaled to the period).
// Snapshots 2025-05 and 2025-06; monitoring line 2025 = 8,000 元; 甲村 529901001001 and 乙村 529901001002 in
// 一镇 529901001, 丙村 529901002001 in 二乡; 农村户数 140 in all.
//
// id     village  May                          June
// V1–V5  甲       一般农户, not monitored, 9000  identified 2025-06-09, 因自然灾害; V1–V3 income 6000 (< 8000)
// W1     乙       identified 2025-05-12, 因病   the same
// X1     丙       脱贫户, not monitored          the same
//
// June (month): 甲村 has 5 identifications in the month → cluster red (≥ 5), all 因自然灾害 → risk cluster red;
// below-line households 0 → 3 → amber (≥ 3, < 5); 一镇 5 in the month (W1 was in May) → under 10, no row.
// mon_active 1 → 6: growth 500%, red from 20%/12; 致贫率 5 ÷ (140 − 1 脱贫户) = 3.597%, red from 1%/12.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureWarehouse, type FixtureWarehouse } from "./fixture-warehouse.ts";

const JIA = "529901001001";
const TOWN1 = "529901001";
let warehouse: FixtureWarehouse;
beforeAll(async () => {
  warehouse = await buildFixtureWarehouse({ extracts: "extracts-verdict" });
}, 120_000);
afterAll(() => warehouse?.close());

interface Row { trigger: string; area_code: string; area_level: string; area_name: string | null; town_code: string | null;
  window: string; window_start: string; window_end: string; detail: string | null; figure: number; amber: number; red: number;
  level: string; link: string }
const triggers = (period: string) => warehouse.query<Row>(
  `select * from verdict_triggers where period = '${period}' order by trigger, area_code`);

describe("verdict_triggers on a roster with a village cluster", () => {
  it("turns June red and names 甲村 with its figure, threshold, window and link", async () => {
    const rows = await triggers("2025-06");
    const jia = rows.filter((r) => r.area_code === JIA);
    expect(jia.map((r) => [r.trigger, r.level, r.figure, r.window, r.detail])).toEqual([
      ["cluster_below_line", "amber", 3, "month", null],
      ["cluster_identified", "red", 5, "month", null],
      ["cluster_risk", "red", 5, "month", "因自然灾害"],
    ]);
    const cluster = jia.find((r) => r.trigger === "cluster_identified")!;
    expect(cluster).toMatchObject({ area_name: "甲村", area_level: "village", town_code: TOWN1, amber: 3, red: 5,
      window_start: "2025-06", window_end: "2025-06", link: `town/${TOWN1}` });
    // the town stays under its thresholds (5 in June, 6 in April–June)
    expect(rows.filter((r) => r.area_code === TOWN1)).toEqual([]);
    const [verdict] = await warehouse.query<{ level: string; red_triggers: number; amber_triggers: number }>(
      "select level, red_triggers, amber_triggers from verdict where period = '2025-06'");
    // red: 甲村 ×2, 致贫率, growth; amber: 甲村 below line
    expect(verdict).toEqual({ level: "red", red_triggers: 4, amber_triggers: 1 });
  });

  it("judges the county triggers on the period's figures, with yearly thresholds scaled to its months", async () => {
    const county = (await triggers("2025-06")).filter((r) => r.area_level === "county");
    const by = Object.fromEntries(county.map((r) => [r.trigger, r]));
    expect(Object.keys(by).sort()).toEqual(["active_growth", "assist_overdue", "ident_overdue", "new_poverty_rate", "return_rate"]);
    expect(by.active_growth.figure).toBeCloseTo(5, 10);
    expect(by.active_growth.red).toBeCloseTo(0.2 / 12, 10);
    expect(by.active_growth.level).toBe("red");
    expect(by.new_poverty_rate.figure).toBeCloseTo(5 / 139, 10);
    expect(by.new_poverty_rate.amber).toBeCloseTo(0.005 / 12, 10);
    expect(by.new_poverty_rate.level).toBe("red");
    expect([by.return_rate.figure, by.return_rate.level]).toEqual([0, "green"]);
    expect([by.ident_overdue.figure, by.ident_overdue.level, by.ident_overdue.red]).toEqual([0, "green", 10]);
    expect(by.assist_overdue.level).toBe("green");
    expect(by.return_rate.link).toBe("monitoring");
  });

  it("the half-year keeps the worst window and scales the yearly thresholds; May has no cluster", async () => {
    // half-year 2025-H1: thresholds × 6/12; the June month window is still the worst for 甲村
    const half = (await triggers("2025-H1")).filter((r) => r.area_code === JIA && r.trigger === "cluster_identified");
    expect(half.map((r) => [r.level, r.figure, r.window_end])).toEqual([["red", 5, "2025-06"]]);
    const growth = (await triggers("2025-H1")).find((r) => r.trigger === "active_growth")!;
    expect(growth.red).toBeCloseTo(0.2 * 6 / 12, 10);
    // May: one identification in 乙村, no cluster anywhere
    const may = await triggers("2025-05");
    expect(may.filter((r) => r.area_level !== "county")).toEqual([]);
  });
});
