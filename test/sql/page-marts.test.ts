// The marts the 监测帮扶, 三保障和收入 and 工作清单 pages read, on two hand-made rosters:
// - test/fixtures/indicators/extracts (the roster tabled in indicators.test.ts: snapshots 2024-06, 2025-05,
//   2025-06; 一镇 529901001 = 甲村 + 乙村, 二乡 529901002 = 丙村 + 丁村; line 7000 in 2024, 8000 in 2025);
// - test/fixtures/indicators/extracts-worklist (one snapshot, 2025-06, tabled below), for the work lists and
//   the cases the first roster lacks (eliminations in the month, no risk, > 60 working days, open top bin).
// Deadlines 15 working days, no holidays, grades red < 5000 ≤ yellow < 10000 ≤ green (config/settings.json).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureWarehouse, type FixtureWarehouse } from "./fixture-warehouse.ts";

const COUNTY = "529901";
const TOWN1 = "529901001"; // 一镇
const TOWN2 = "529901002"; // 二乡

type Row = Record<string, unknown>;
const plain = (rows: Row[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));

describe("main roster", () => {
  let warehouse: FixtureWarehouse;
  beforeAll(async () => {
    warehouse = await buildFixtureWarehouse();
  });
  afterAll(() => warehouse?.close());
  const q = async (sql: string) => plain(await warehouse.query<Row>(sql));

  it("monitoring_flows: identifications by kind and risk, read from the latest snapshot, in the month of the date", async () => {
    // Identified in the month (是否监测对象 是, 识别监测日期 inside the month, read from each household's latest
    // snapshot): 2024-03 H02 (识别 03-15, 甲村, 脱贫不稳定户, 因病) — a back-dated identification: first seen in
    // the 2024-06 snapshot, counted in March (it used to vanish: March has no snapshot); H05 (2023-11) is
    // before the calendar (2024-01 … 2025-06) and in no month;
    // 2024-06 H10 (识别 06-05, 甲村, 脱贫不稳定户, 因自然灾害);
    // 2025-05 H03 (05-20, 甲村, 脱贫不稳定户, 因意外事故) and H07 (05-09, 丙村, 突发严重困难户, 因病);
    // 2025-06 H04 (06-25, 乙村, 边缘易致贫户, 因务工就业不稳) and H08 (06-10, 丙村, 边缘易致贫户, 因学);
    // H03 is still in the 2025-06 snapshot but was identified in May, so it is not counted again.
    const rows = await q(`select month, area_code, dimension, category, households from monitoring_flows
      where dimension in ('identified_kind', 'identified_risk') order by all`);
    expect(rows).toEqual([
      { month: "2024-03", area_code: COUNTY, dimension: "identified_kind", category: "脱贫不稳定户", households: 1 },
      { month: "2024-03", area_code: COUNTY, dimension: "identified_risk", category: "因病", households: 1 },
      { month: "2024-03", area_code: TOWN1, dimension: "identified_kind", category: "脱贫不稳定户", households: 1 },
      { month: "2024-03", area_code: TOWN1, dimension: "identified_risk", category: "因病", households: 1 },
      { month: "2024-06", area_code: COUNTY, dimension: "identified_kind", category: "脱贫不稳定户", households: 1 },
      { month: "2024-06", area_code: COUNTY, dimension: "identified_risk", category: "因自然灾害", households: 1 },
      { month: "2024-06", area_code: TOWN1, dimension: "identified_kind", category: "脱贫不稳定户", households: 1 },
      { month: "2024-06", area_code: TOWN1, dimension: "identified_risk", category: "因自然灾害", households: 1 },
      { month: "2025-05", area_code: COUNTY, dimension: "identified_kind", category: "突发严重困难户", households: 1 },
      { month: "2025-05", area_code: COUNTY, dimension: "identified_kind", category: "脱贫不稳定户", households: 1 },
      { month: "2025-05", area_code: COUNTY, dimension: "identified_risk", category: "因意外事故", households: 1 },
      { month: "2025-05", area_code: COUNTY, dimension: "identified_risk", category: "因病", households: 1 },
      { month: "2025-05", area_code: TOWN1, dimension: "identified_kind", category: "脱贫不稳定户", households: 1 },
      { month: "2025-05", area_code: TOWN1, dimension: "identified_risk", category: "因意外事故", households: 1 },
      { month: "2025-05", area_code: TOWN2, dimension: "identified_kind", category: "突发严重困难户", households: 1 },
      { month: "2025-05", area_code: TOWN2, dimension: "identified_risk", category: "因病", households: 1 },
      { month: "2025-06", area_code: COUNTY, dimension: "identified_kind", category: "边缘易致贫户", households: 2 },
      { month: "2025-06", area_code: COUNTY, dimension: "identified_risk", category: "因务工就业不稳", households: 1 },
      { month: "2025-06", area_code: COUNTY, dimension: "identified_risk", category: "因学", households: 1 },
      { month: "2025-06", area_code: TOWN1, dimension: "identified_kind", category: "边缘易致贫户", households: 1 },
      { month: "2025-06", area_code: TOWN1, dimension: "identified_risk", category: "因务工就业不稳", households: 1 },
      { month: "2025-06", area_code: TOWN2, dimension: "identified_kind", category: "边缘易致贫户", households: 1 },
      { month: "2025-06", area_code: TOWN2, dimension: "identified_risk", category: "因学", households: 1 },
    ]);
  });

  it("monitoring_flows: eliminations in the month of 风险消除日期, even without a snapshot that month (H05 has no labour)", async () => {
    // H10 消除 2025-03-10 自然消除 and H02 2025-04-20 帮扶消除 fall in months without a snapshot: read from the
    // latest snapshot, they count in March and April (they used to vanish). H05's 消除 2025-06-20 is in June
    // but a household with no labour capacity is never counted as eliminated.
    const rows = await q(`select month, area_code, category, households from monitoring_flows
      where dimension = 'eliminated_mode' order by all`);
    expect(rows).toEqual([
      { month: "2025-03", area_code: COUNTY, category: "自然消除", households: 1 },
      { month: "2025-03", area_code: TOWN1, category: "自然消除", households: 1 },
      { month: "2025-04", area_code: COUNTY, category: "帮扶消除", households: 1 },
      { month: "2025-04", area_code: TOWN1, category: "帮扶消除", households: 1 },
    ]);
  });

  it("monitoring_flows: measures of the active monitored households, once per type", async () => {
    // Active: 2024-06 H02 产业, H05 综合保障, H10 产业+金融 (all 一镇); 2025-05 H03 (none), H05 综合保障 (一镇),
    // H07 健康 (二乡); 2025-06 H03 就业, H04 就业, H05 综合保障 (一镇), H07 健康, H08 none (二乡).
    const rows = await q(`select month, area_code, category, households from monitoring_flows
      where dimension = 'active_measure' order by all`);
    expect(rows).toEqual([
      { month: "2024-06", area_code: COUNTY, category: "产业帮扶", households: 2 },
      { month: "2024-06", area_code: COUNTY, category: "综合保障", households: 1 },
      { month: "2024-06", area_code: COUNTY, category: "金融帮扶", households: 1 },
      { month: "2024-06", area_code: TOWN1, category: "产业帮扶", households: 2 },
      { month: "2024-06", area_code: TOWN1, category: "综合保障", households: 1 },
      { month: "2024-06", area_code: TOWN1, category: "金融帮扶", households: 1 },
      { month: "2025-05", area_code: COUNTY, category: "健康帮扶", households: 1 },
      { month: "2025-05", area_code: COUNTY, category: "综合保障", households: 1 },
      { month: "2025-05", area_code: TOWN1, category: "综合保障", households: 1 },
      { month: "2025-05", area_code: TOWN2, category: "健康帮扶", households: 1 },
      { month: "2025-06", area_code: COUNTY, category: "健康帮扶", households: 1 },
      { month: "2025-06", area_code: COUNTY, category: "就业帮扶", households: 2 },
      { month: "2025-06", area_code: COUNTY, category: "综合保障", households: 1 },
      { month: "2025-06", area_code: TOWN1, category: "就业帮扶", households: 2 },
      { month: "2025-06", area_code: TOWN1, category: "综合保障", households: 1 },
      { month: "2025-06", area_code: TOWN2, category: "健康帮扶", households: 1 },
    ]);
  });

  it("monitoring_stocks: active, without measure and no-labour households, every month and area", async () => {
    // [active, without measure, no labour, no labour and the file says 未消除]; H05 (乙村, no labour) says
    // 消除 是 only in 2025-06; 二乡 has nobody active in 2024-06 and still gets a row of zeros.
    const rows = await q(`select month, area_code, area_level, active, active_without_measure, active_no_labour,
      no_labour_file_not_eliminated from monitoring_stocks order by month, area_code`);
    const s = (month: string, area_code: string, area_level: string, [a, w, n, f]: number[]) =>
      ({ month, area_code, area_level, active: a, active_without_measure: w, active_no_labour: n, no_labour_file_not_eliminated: f });
    expect(rows).toEqual([
      s("2024-06", COUNTY, "county", [3, 0, 1, 1]), // H02 H05 H10
      s("2024-06", TOWN1, "town", [3, 0, 1, 1]),
      s("2024-06", TOWN2, "town", [0, 0, 0, 0]),
      s("2025-05", COUNTY, "county", [3, 1, 1, 1]), // H03 (no measure yet) H05 H07
      s("2025-05", TOWN1, "town", [2, 1, 1, 1]), // H03 H05
      s("2025-05", TOWN2, "town", [1, 0, 0, 0]), // H07
      s("2025-06", COUNTY, "county", [5, 1, 1, 0]), // H03 H04 H05 H07 H08 (H08 no measure)
      s("2025-06", TOWN1, "town", [3, 0, 1, 0]), // H03 H04 H05
      s("2025-06", TOWN2, "town", [2, 1, 0, 0]), // H07 H08
    ]);
  });

  it("timeliness: on time, late, pending and overdue per period, as the indicators count them", async () => {
    // H10: 发现 2024-05-20 → 识别 06-05 = 12 working days, → 首次帮扶 06-20 = 11;
    // H03: 05-06 → 05-20 = 10; 首次帮扶 06-16 (19 wd, late) is in the latest snapshot only: at 05-31 it is pending
    //      (due by 06-10), known late by 06-30; H07: 04-28 → 05-09 = 9, → 05-12 = 1;
    // H04: 06-02 → 06-25 = 17 (late: counted on 06-24, the first day past the deadline), → 06-27 = 2;
    // H08: no 发现日期 (out of identification timeliness), 识别 06-10, no 首次帮扶: pending at 06-30 (due 07-01).
    const rows = await q(`select period, area_code, stage, status, workdays, households from timeliness
      where period in ('2024-06', '2025-05', '2025-06', '2025-H1') and area_level = 'county' order by all`);
    const t = (period: string, stage: string, status: string, workdays: number | null) =>
      ({ period, area_code: COUNTY, stage, status, workdays, households: 1 });
    expect(rows).toEqual([
      t("2024-06", "assist", "on_time", 11), t("2024-06", "identification", "on_time", 12),
      t("2025-05", "assist", "on_time", 1), t("2025-05", "assist", "pending", null),
      t("2025-05", "identification", "on_time", 9), t("2025-05", "identification", "on_time", 10),
      t("2025-06", "assist", "on_time", 2), t("2025-06", "assist", "pending", null),
      t("2025-06", "identification", "late", 17),
      // the half-year is read at its own end, not summed: H03 is late by 06-30
      t("2025-H1", "assist", "late", 19), t("2025-H1", "assist", "on_time", 1), t("2025-H1", "assist", "on_time", 2),
      t("2025-H1", "assist", "pending", null),
      t("2025-H1", "identification", "late", 17), t("2025-H1", "identification", "on_time", 9), t("2025-H1", "identification", "on_time", 10),
    ]);
  });

  it("income_distribution: persons (家庭人口数) beside households, as the per-person income codes weigh them", async () => {
    // 2024-06: 6000 H02×3 H10×3; 7000 H03×5 H05×1; 8000 H09×2; 9000 H01×4 H12×6; 11000 H06×4; 14000 H11×2
    const rows = await q("select bin, households, persons from income_distribution where month = '2024-06' order by bin");
    expect(rows).toEqual([
      { bin: 6000, households: 2, persons: 6 }, { bin: 7000, households: 2, persons: 6 }, { bin: 8000, households: 1, persons: 2 },
      { bin: 9000, households: 2, persons: 10 }, { bin: 11000, households: 1, persons: 4 }, { bin: 14000, households: 1, persons: 2 },
    ]);
  });

  it("income_distribution: 脱贫户 in 1,000-yuan bins", async () => {
    // 2024-06: H02 6500, H10 6800 → 6000; H03 7200, H05 7600 → 7000; H09 8000; H01 9000, H12 9500 → 9000;
    //          H06 11000; H11 14000.
    // 2025-05 (H07 is 一般农户, left out): H03 6000; H05 7700; H02 8500, H09 8800 → 8000; H01 9800, H10 9500 → 9000;
    //          H12 10200; H06 12500; H11 15000.
    // 2025-06 (H04 H07 H08 一般农户): H03 6100; H05 7800; H02 8600; H10 9700; H01 10000, H12 10500 → 10000;
    //          H06 13000; H11 15500.
    const rows = await q("select month, bin, bin_width, households from income_distribution order by month, bin");
    const b = (month: string, bin: number, households: number) => ({ month, bin, bin_width: 1000, households });
    expect(rows).toEqual([
      b("2024-06", 6000, 2), b("2024-06", 7000, 2), b("2024-06", 8000, 1), b("2024-06", 9000, 2), b("2024-06", 11000, 1), b("2024-06", 14000, 1),
      b("2025-05", 6000, 1), b("2025-05", 7000, 1), b("2025-05", 8000, 2), b("2025-05", 9000, 2), b("2025-05", 10000, 1), b("2025-05", 12000, 1), b("2025-05", 15000, 1),
      b("2025-06", 6000, 1), b("2025-06", 7000, 1), b("2025-06", 8000, 1), b("2025-06", 9000, 1), b("2025-06", 10000, 2), b("2025-06", 13000, 1), b("2025-06", 15000, 1),
    ]);
  });

  it("monitoring_lines: the line of each snapshot year, county line over the province's", async () => {
    // 2024: province 52 → 7000 for the 4 villages; 2025: county 529901 → 8000 wins over 52's 7500, and
    // 529902's 9999 applies to none of them.
    expect(await q("select year, line, min_line, max_line, villages from monitoring_lines order by year")).toEqual([
      { year: 2024, line: 7000, min_line: 7000, max_line: 7000, villages: 4 },
      { year: 2025, line: 8000, min_line: 8000, max_line: 8000, villages: 4 },
    ]);
  });

  it("town_colour_grades: every household of the snapshot by town", async () => {
    // 一镇 2024-06: red H02 H10 (monitored) H05 (monitored) H12 (饮水 否); yellow H01 9000 H03 7200; green H11.
    // 二乡 2024-06: green H06 11000; yellow H09 8000.
    // 一镇 2025-05: red H03 H05 H12; yellow H01 9800, H02 8500 and H10 9500 (eliminated); green H11.
    // 二乡 2025-05: red H07; yellow H09; green H06.
    // 一镇 2025-06: red H03 H04 H05 H12; yellow H02 8600 H10 9700; green H01 10000 H11.
    // 二乡 2025-06: red H06 (住房 否) H07 H08.
    const rows = await q("select month, town_code, colour_grade, households from town_colour_grades order by all");
    const g = (month: string, town_code: string, colour_grade: string, households: number) => ({ month, town_code, colour_grade, households });
    expect(rows).toEqual([
      g("2024-06", TOWN1, "green", 1), g("2024-06", TOWN1, "red", 4), g("2024-06", TOWN1, "yellow", 2),
      g("2024-06", TOWN2, "green", 1), g("2024-06", TOWN2, "yellow", 1),
      g("2025-05", TOWN1, "green", 1), g("2025-05", TOWN1, "red", 3), g("2025-05", TOWN1, "yellow", 3),
      g("2025-05", TOWN2, "green", 1), g("2025-05", TOWN2, "red", 1), g("2025-05", TOWN2, "yellow", 1),
      g("2025-06", TOWN1, "green", 2), g("2025-06", TOWN1, "red", 4), g("2025-06", TOWN1, "yellow", 2),
      g("2025-06", TOWN2, "red", 3),
    ]);
  });

  it("worklist: nobody qualifies on this roster", async () => {
    // 2025-06 (ref 2025-06-30): H08 is the only active household without a measure, identified 06-10 =
    // 14 working days ago (not past 15); nobody unmonitored is below 8000; no active household was
    // identified by 2024-12-30 except H05, who has no labour capacity (and 7800 is below the line).
    expect(await q("select count(*) as n from worklist")).toEqual([{ n: 0 }]);
  });
});

// extracts-worklist, snapshot 2025-06 (month's last day 2025-06-30; line 8000; 甲村 in 一镇, 丙村 in 二乡;
// villages.csv also names 戊村 of another county 529902, line 9999, with no household):
// id  village type  monitored                      识别        measures (首次帮扶)  income  notes
// W01 甲 脱贫   是 脱贫不稳定户 因病                 2025-03-03  none                 6000    85 wd to 06-30 → ① no_measure
// W02 甲 一般   否                                                                   7000    below 8000 → ② lead
// W03 甲 脱贫   是 脱贫不稳定户 因残                 2024-10-08  产业 (2024-10-10)     9000    → ③ review
// W04 丙 脱贫   是 脱贫不稳定户 缺劳动力, no labour  2024-10-08  综合保障              9000    no labour: not ③
// W05 丙 一般   是 边缘易致贫户, no risk             2025-06-02  健康 (2025-06-04)     7500    发现 2025-03-03: 65 wd
// W06 甲 脱贫   是, 消除 2025-06-15 帮扶消除          2024-05-06  产业                 12000
// W07 丙 脱贫   是, 消除 2025-06-03, no mode          2024-05-06  教育                 45000
// W08 甲 脱贫   否                                                                     300    below 8000 → ② lead
// W10 丙 一般   是 边缘易致贫户 因病                 2025-06-06  none                 6500    16 wd to 06-30 → ①
// W11 甲 脱贫   是 脱贫不稳定户 因病、因学           2025-06-09  none                 7000    15 wd: not past 15
// W12 甲 脱贫   是 脱贫不稳定户 因病                 2024-10-08  产业                  7900    below the line: not ③
// W13 丙 一般   否, 风险发现 2025-05-05 (Mon), not identified                        9000    40 wd to 06-30 → ⓪ ident_overdue
// W14 甲 一般   否, 风险发现 2025-06-20 (Fri), not identified                        9500    6 wd: still pending, not listed
// W10 and W11 were found on 2025-06-02 (4 and 5 working days); all guarantees 是 for everyone.
describe("work-list roster", () => {
  let warehouse: FixtureWarehouse;
  beforeAll(async () => {
    warehouse = await buildFixtureWarehouse({ extracts: "extracts-worklist" });
  });
  afterAll(() => warehouse?.close());
  const q = async (sql: string) => plain(await warehouse.query<Row>(sql));

  it("worklist: the three lists with names, IDs in clear, working days and line", async () => {
    const rows = await q(`select list, month, town_code, town_name, village_name, household_id, head_name, id_number,
      household_size, household_type, monitor_kind, identified_date::varchar as identified_date, workdays_since, income_pc, line
      from worklist order by list, household_id`);
    expect(rows).toEqual([
      // 2025-05-06 … 05-30: 19 working days, 06-02 … 06-30: 21 → 40 since discovery, 25 past the 15-day deadline
      { list: "ident_overdue", month: "2025-06", town_code: TOWN2, town_name: "二乡", village_name: "丙村", household_id: "W13", head_name: "清单户十三",
        id_number: "529901198505050102", household_size: 3, household_type: "一般农户", monitor_kind: null, identified_date: null,
        workdays_since: null, income_pc: 9000, line: 8000 },
      { list: "lead", month: "2025-06", town_code: TOWN1, town_name: "一镇", village_name: "甲村", household_id: "W02", head_name: "清单户二",
        id_number: "529901197102020027", household_size: 2, household_type: "一般农户", monitor_kind: null, identified_date: null,
        workdays_since: null, income_pc: 7000, line: 8000 },
      { list: "lead", month: "2025-06", town_code: TOWN1, town_name: "一镇", village_name: "甲村", household_id: "W08", head_name: "清单户八",
        id_number: "529901197808080080", household_size: 2, household_type: "脱贫户", monitor_kind: null, identified_date: null,
        workdays_since: null, income_pc: 300, line: 8000 },
      // 2025-03-03 (Mon) → 2025-06-30 (Mon): 17 weeks = 85 working days
      { list: "no_measure", month: "2025-06", town_code: TOWN1, town_name: "一镇", village_name: "甲村", household_id: "W01", head_name: "清单户一",
        id_number: "529901197001010014", household_size: 3, household_type: "脱贫户", monitor_kind: "脱贫不稳定户", identified_date: "2025-03-03",
        workdays_since: 85, income_pc: 6000, line: 8000 },
      // 2025-06-06 (Fri) → 06-30: 3 full weeks + Monday 30th = 16 > 15 (W11 from Monday 06-09: 15, not listed)
      { list: "no_measure", month: "2025-06", town_code: TOWN2, town_name: "二乡", village_name: "丙村", household_id: "W10", head_name: "清单户十",
        id_number: "529901198010100104", household_size: 2, household_type: "一般农户", monitor_kind: "边缘易致贫户", identified_date: "2025-06-06",
        workdays_since: 16, income_pc: 6500, line: 8000 },
      // identified 2024-10-08 ≤ 2024-12-30, 产业帮扶, 9000 ≥ 8000, guarantees met, has labour. Working days
      // 2024-10-08 (Tue) → 2025-06-30: 265 days = 37 weeks (185) to Tue 06-24, then 25 26 27 30 June (4) = 189
      { list: "review", month: "2025-06", town_code: TOWN1, town_name: "一镇", village_name: "甲村", household_id: "W03", head_name: "清单户三",
        id_number: "52990119720303003X", household_size: 4, household_type: "脱贫户", monitor_kind: "脱贫不稳定户", identified_date: "2024-10-08",
        workdays_since: 189, income_pc: 9000, line: 8000 },
    ]);
  });

  it("worklist: urgency (working days past the deadline), risks and the helper for every list", async () => {
    const rows = await q(`select list, household_id, workdays_since_found, overdue_workdays, risks, helper_name,
      risk_found_date::varchar as risk_found_date from worklist where list in ('ident_overdue', 'no_measure') order by list, overdue_workdays desc`);
    expect(rows).toEqual([
      { list: "ident_overdue", household_id: "W13", workdays_since_found: 40, overdue_workdays: 25, risks: ["因病"], helper_name: "帮扶干部乙", risk_found_date: "2025-05-05" },
      // W01: 85 − 15; W10: 16 − 15
      { list: "no_measure", household_id: "W01", workdays_since_found: 90, overdue_workdays: 70, risks: ["因病"], helper_name: "帮扶干部甲", risk_found_date: "2025-02-24" },
      { list: "no_measure", household_id: "W10", workdays_since_found: 20, overdue_workdays: 1, risks: ["因病"], helper_name: "帮扶干部乙", risk_found_date: "2025-06-02" },
    ]);
  });

  it("monitoring_flows: eliminations by mode, a missing risk, two risks of one household", async () => {
    // identified in June: W05 (丙, 边缘易致贫户, no risk), W10 (丙, 边缘易致贫户, 因病), W11 (甲, 脱贫不稳定户, 因病、因学);
    // eliminated in June: W06 (甲, 帮扶消除), W07 (丙, mode blank). (W01, identified 2025-03-03, counts in March.)
    const rows = await q(`select area_code, dimension, category, households from monitoring_flows
      where dimension <> 'active_measure' and month = '2025-06' order by all`);
    expect(rows).toEqual([
      { area_code: COUNTY, dimension: "eliminated_mode", category: "帮扶消除", households: 1 },
      { area_code: COUNTY, dimension: "eliminated_mode", category: "未填方式", households: 1 },
      { area_code: COUNTY, dimension: "identified_kind", category: "脱贫不稳定户", households: 1 },
      { area_code: COUNTY, dimension: "identified_kind", category: "边缘易致贫户", households: 2 },
      { area_code: COUNTY, dimension: "identified_risk", category: "因学", households: 1 },
      { area_code: COUNTY, dimension: "identified_risk", category: "因病", households: 2 },
      { area_code: COUNTY, dimension: "identified_risk", category: "未填风险", households: 1 },
      { area_code: TOWN1, dimension: "eliminated_mode", category: "帮扶消除", households: 1 },
      { area_code: TOWN1, dimension: "identified_kind", category: "脱贫不稳定户", households: 1 },
      { area_code: TOWN1, dimension: "identified_risk", category: "因学", households: 1 },
      { area_code: TOWN1, dimension: "identified_risk", category: "因病", households: 1 },
      { area_code: TOWN2, dimension: "eliminated_mode", category: "未填方式", households: 1 },
      { area_code: TOWN2, dimension: "identified_kind", category: "边缘易致贫户", households: 2 },
      { area_code: TOWN2, dimension: "identified_risk", category: "因病", households: 1 },
      { area_code: TOWN2, dimension: "identified_risk", category: "未填风险", households: 1 },
    ]);
  });

  it("monitoring_stocks: zeros for the other county's areas", async () => {
    // active: W01 W03 W11 W12 (甲) and W04 W05 W10 (丙); without measure W01 W11 / W10; no labour W04 (file: 未消除)
    const rows = await q(`select area_code, active, active_without_measure, active_no_labour, no_labour_file_not_eliminated
      from monitoring_stocks order by area_code`);
    expect(rows).toEqual([
      { area_code: COUNTY, active: 7, active_without_measure: 3, active_no_labour: 1, no_labour_file_not_eliminated: 1 },
      { area_code: TOWN1, active: 4, active_without_measure: 2, active_no_labour: 0, no_labour_file_not_eliminated: 0 },
      { area_code: TOWN2, active: 3, active_without_measure: 1, active_no_labour: 1, no_labour_file_not_eliminated: 1 },
      { area_code: "529902", active: 0, active_without_measure: 0, active_no_labour: 0, no_labour_file_not_eliminated: 0 },
      { area_code: "529902001", active: 0, active_without_measure: 0, active_no_labour: 0, no_labour_file_not_eliminated: 0 },
    ]);
  });

  it("timeliness: late once in the month the deadline passed; overdue and pending first assistance at 06-30", async () => {
    // W05: 发现 2025-03-03 → 识别 06-02 = 65 working days: late, counted once in March (the deadline passed on
    //      03-25, the 16th working day), not again in June; → 06-04 = 2 (identified in June, on time);
    // W10: 06-02 → 06-06 = 4; no 首次帮扶 and 16 wd by 06-30: late (outcome known), and 已超期 (no measure);
    // W11: 06-02 → 06-09 = 5; no 首次帮扶, exactly 15 wd by 06-30 = on the deadline: pending, not late;
    // W01: identified 2025-03-03, no measure, 85 wd by 06-30: 已超期;
    // W13: found 2025-05-05, not identified, 40 wd by 06-30: 已超期 (its late count fell in May, the deadline's month);
    // W14: found 2025-06-20, not identified, 6 wd by 06-30: 未到期.
    const rows = await q(`select period, stage, status, workdays, households from timeliness
      where area_level = 'county' and period in ('2025-03', '2025-06') order by all`);
    expect(rows).toEqual([
      { period: "2025-03", stage: "assist", status: "late", workdays: null, households: 1 }, // W01, due 03-25
      // W05, late as unidentified backlog (no working days yet), and still 已超期 at 03-31
      { period: "2025-03", stage: "identification", status: "late", workdays: null, households: 1 },
      { period: "2025-03", stage: "identification", status: "on_time", workdays: 5, households: 1 }, // W01 02-24 → 03-03
      { period: "2025-03", stage: "identification", status: "overdue", workdays: null, households: 1 },
      { period: "2025-06", stage: "assist", status: "late", workdays: null, households: 1 }, // W10
      { period: "2025-06", stage: "assist", status: "on_time", workdays: 2, households: 1 }, // W05
      { period: "2025-06", stage: "assist", status: "overdue", workdays: null, households: 2 }, // W01 W10
      { period: "2025-06", stage: "assist", status: "pending", workdays: null, households: 1 }, // W11
      { period: "2025-06", stage: "identification", status: "on_time", workdays: 4, households: 1 }, // W10
      { period: "2025-06", stage: "identification", status: "on_time", workdays: 5, households: 1 }, // W11
      { period: "2025-06", stage: "identification", status: "overdue", workdays: null, households: 1 }, // W13
      { period: "2025-06", stage: "identification", status: "pending", workdays: null, households: 1 }, // W14
    ]);
  });

  it("income_distribution: bin 0 from 0 yuan, 40,000 and above in the open top bin", async () => {
    // 脱贫户: W08 300 → 0 (the contract refuses negative incomes); W01 6000; W11 7000, W12 7900 → 7000; W03 W04 9000; W06 12000; W07 45000 → 40000
    const rows = await q("select bin, bin_width, households from income_distribution order by bin");
    expect(rows).toEqual([
      { bin: 0, bin_width: 1000, households: 1 },
      { bin: 6000, bin_width: 1000, households: 1 },
      { bin: 7000, bin_width: 1000, households: 2 },
      { bin: 9000, bin_width: 1000, households: 2 },
      { bin: 12000, bin_width: 1000, households: 1 },
      { bin: 40000, bin_width: null, households: 1 },
    ]);
  });

  it("monitoring_lines: the most common village line, with the lowest and highest", async () => {
    // 2025 only (no 2024 snapshot): 甲乙丙丁 8000 (county 529901), 戊村 9999 (county 529902)
    expect(await q("select year, line, min_line, max_line, villages from monitoring_lines")).toEqual([
      { year: 2025, line: 8000, min_line: 8000, max_line: 9999, villages: 5 },
    ]);
  });

  it("town_colour_grades: red for active or below 5,000, green for eliminated households from 10,000", async () => {
    // 一镇: red W01 W03 W11 W12 (active) W08 (300); yellow W02 7000, W14 9500; green W06 12000 (eliminated)
    // 二乡: red W04 W05 W10 (active); yellow W13 9000; green W07 45000 (eliminated)
    const rows = await q("select town_code, colour_grade, households from town_colour_grades order by all");
    expect(rows).toEqual([
      { town_code: TOWN1, colour_grade: "green", households: 1 },
      { town_code: TOWN1, colour_grade: "red", households: 5 },
      { town_code: TOWN1, colour_grade: "yellow", households: 2 },
      { town_code: TOWN2, colour_grade: "green", households: 1 },
      { town_code: TOWN2, colour_grade: "red", households: 3 },
      { town_code: TOWN2, colour_grade: "yellow", households: 1 },
    ]);
  });
});
