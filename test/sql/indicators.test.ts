// Every monitoring indicator on the hand-made roster (test/fixtures/indicators/extracts), worked out by
// hand below for the county, a town and a village, for month, half-year and year periods.
//
// The roster (village codes: 甲村 529901001001 and 乙村 529901001002 in 一镇 529901001; 丙村 529901002001
// and 丁村 529901002002 in 二乡 529901002; county 529901). 农村户数: 甲 40, 乙 30, 丙 50, 丁 20.
// Snapshots: 2024-06, 2025-05, 2025-06. mon = 是否监测对象 是; "elim" = 风险是否消除 是.
//
// id  village type 人口  2024-06                     2025-05                           2025-06
// H01 甲  脱贫  4    9000                         9800                              10000
// H02 甲  脱贫  3    mon 未消除 6500               mon elim 8500                     mon elim 8600
//                    (发现 2024-03-01, 识别 2024-03-15, 首次帮扶 2024-03-20: 10 and 3 working days)
// H03 甲  脱贫  5    not mon 7200                 mon 脱贫不稳定户 no measure 6000   mon, 就业帮扶 6100
//                    (发现 2025-05-06, 识别 2025-05-20: 10 wd; 首次帮扶 2025-06-16: 19 wd, late, blank in 2025-05)
// H04 乙  一般  2    —                            —                                 mon 边缘易致贫户 5000
//                    (enters the roster in 2025-06; 发现 2025-06-02, 识别 2025-06-25: 17 wd, late; 帮扶 06-27: 2 wd)
// H05 乙  脱贫  1    no-labour mon 7600           no-labour mon 7700                no-labour, file says elim; 7800
//                    (识别 2023-11-01, before every period; counted as not eliminated in 2025-06)
// H06 丙  脱贫  4    11000                        12500                             13000, 住房安全 否
// H07 丙  一般  3    —                            mon 突发严重困难户 9000, 医保 否    same
//                    (enters in 2025-05; 发现 2025-04-28, 识别 2025-05-09: 9 wd; 帮扶 05-12: 1 wd)
// H08 丙  一般  2    —                            —                                 mon 边缘易致贫户 6800, 义务教育 否,
//                    (enters in 2025-06; 识别 2025-06-10, no 发现日期, no measure, no 首次帮扶日期)
// H09 丙  脱贫  2    8000                         8800                              — (left the roster)
// H10 甲  脱贫  3    mon 6800                     mon elim 9500                     mon elim 9700
//                    (发现 2024-05-20, 识别 2024-06-05: 12 wd; 帮扶 2024-06-20: 11 wd)
// H11 甲  脱贫  2    14000                        15000                             15500
// H12 甲  脱贫  6    9500, 饮水 否                 10200, 饮水 否                     10500, 饮水 否
// Everyone else has 住房/义务教育/医保/饮水 all 是 and, if monitored, at least one measure.
//
// Monitoring lines: 2024 province 52 → 7000; 2025 province 7500 but county 529901 → 8000 (wins);
// 2025 county 529902 → 9999 (another county, must not apply). Deadlines 15 working days, no holidays.
//
// Income is per person (DOMAIN.md §7): 脱贫户 sorted by 人均纯收入, each weighing 家庭人口数 (PERSONS):
//   2024-06 county  H02 6500×3 H10 6800×3 H03 7200×5 H05 7600×1 H09 8000×2 H01 9000×4 H12 9500×6 H06 11000×4 H11 14000×2
//           Σ = 19500+20400+36000+7600+16000+36000+57000+44000+28000 = 264500 over 30 persons; persons 15 and 16
//           both in H01 (cumulative 3 6 11 12 14 [18]) → median 9000 (the household median was 8000);
//           town (no H06 H09) 204500/24, persons 12 (H05 7600) and 13 (H01 9000) → 8300; 甲村 (no H05) 196900/23 → person 12 = 9000.
//   2025-05 county  H03 6000×5 H05 7700×1 H02 8500×3 H09 8800×2 H10 9500×3 H01 9800×4 H12 10200×6 H06 12500×4 H11 15000×2
//           289700/30, persons 15–16 in H01 → 9800; town 222100/24, persons 12 (H10 9500) 13 (H01 9800) → 9650; 甲村 214400/23 → 9800.
//   2025-06 county  H03 6100×5 H05 7800×1 H02 8600×3 H10 9700×3 H01 10000×4 H12 10500×6 H06 13000×4 H11 15500×2
//           279200/28, persons 14–15 in H01 (cumulative 5 6 9 12 [16]) → 10000; town 227200/24, persons 12 (H10 9700)
//           and 13 (H01 10000) → 9850; 甲村 219400/23 → person 12 = 10000.
//
// Events (DOMAIN.md §7) are read from each household's latest snapshot (2025-06, H09: 2025-05): H03's 首次帮扶日期
// 2025-06-16, blank in the 2025-05 snapshot, is known now, but at 2025-05-31 its deadline (15 working days
// after 05-20 = 06-10) had not passed, so in 2025-05 H03 is pending (assist_pending), neither on time nor late.
// H05 (发现 2023-10-10, 识别 2023-11-01: 16 wd, late) was identified before the calendar starts (2024-01): in no period.
//
// Periods: end snapshot 2024-06 for 2024-06, 2024-H1, 2024 (no earlier snapshot: start = 2024-06 itself);
// 2025-05 (start 2024-06); 2025-06 (start 2025-05, 12 months earlier 2024-06); 2025-H1 and 2025
// (start 2024-06 = latest before January 2025; 12 months earlier 2024-06).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../loaders/indicators/catalog.ts";
import { buildFixtureWarehouse, type FixtureWarehouse } from "./fixture-warehouse.ts";

/** [numerator, denominator, value] */
type Expected = [number | null, number | null, number | null];
type Codes = Record<string, Expected>;

const COUNTY = "529901";
const TOWN = "529901001"; // 一镇: 甲村 + 乙村
const VILLAGE = "529901001001"; // 甲村

const count = (n: number): Expected => [n, null, n];
const rate = (n: number, d: number): Expected => [n, d, d === 0 ? null : n / d];

// Stock indicators depend on the end snapshot only: keyed by end month, then area.
const STOCK: Record<string, Record<string, Codes>> = {
  "2024-06": {
    [COUNTY]: {
      hh_lifted: count(9), // H01 H02 H03 H05 H06 H09 H10 H11 H12
      pop_lifted: count(30), // 4+3+5+1+4+2+3+2+6
      mon_active: count(3), // H02 H05 H10 (H03 not yet monitored)
      mon_active_pop: count(7), // 3+1+3
      mon_share_pop: rate(7, 30),
      risk_elim_rate: rate(0, 3), // nobody eliminated yet
      below_line_share: rate(2, 9), // line 2024 = 7000 (province): H02 6500, H10 6800
      assist_coverage: rate(3, 3),
      guarantee_rate: rate(8, 9), // H12 饮水 否
      housing_ok_rate: rate(9, 9),
      edu_ok_rate: rate(9, 9),
      med_ok_rate: rate(9, 9),
      water_ok_rate: rate(8, 9),
      income_pc_mean: [264500, 30, 264500 / 30], // Σ(人均纯收入 × 人口) ÷ Σ 人口
      income_pc_median: [null, 30, 9000], // person-weighted: see PERSONS below
      income_growth: [264500 / 30, null, null], // no snapshot 12 months earlier
      loan_balance: count(40000), // L001 (H02)
    },
    [TOWN]: {
      hh_lifted: count(7), // H01 H02 H03 H10 H11 H12 + H05
      pop_lifted: count(24), // 4+3+5+3+2+6+1
      mon_active: count(3), // H02 H05 H10
      mon_active_pop: count(7),
      mon_share_pop: rate(7, 24),
      risk_elim_rate: rate(0, 3),
      below_line_share: rate(2, 7), // H02, H10 (H05 7600 ≥ 7000)
      assist_coverage: rate(3, 3),
      guarantee_rate: rate(6, 7),
      housing_ok_rate: rate(7, 7),
      edu_ok_rate: rate(7, 7),
      med_ok_rate: rate(7, 7),
      water_ok_rate: rate(6, 7),
      income_pc_mean: [204500, 24, 204500 / 24], // Σ(人均纯收入 × 人口) ÷ Σ 人口
      income_pc_median: [null, 24, 8300], // person-weighted: see PERSONS below
      income_growth: [204500 / 24, null, null], // no snapshot 12 months earlier
      loan_balance: count(40000),
    },
    [VILLAGE]: {
      hh_lifted: count(6), // H01 H02 H03 H10 H11 H12
      pop_lifted: count(23),
      mon_active: count(2), // H02 H10
      mon_active_pop: count(6),
      mon_share_pop: rate(6, 23),
      risk_elim_rate: rate(0, 2),
      below_line_share: rate(2, 6),
      assist_coverage: rate(2, 2),
      guarantee_rate: rate(5, 6),
      housing_ok_rate: rate(6, 6),
      edu_ok_rate: rate(6, 6),
      med_ok_rate: rate(6, 6),
      water_ok_rate: rate(5, 6),
      income_pc_mean: [196900, 23, 196900 / 23], // Σ(人均纯收入 × 人口) ÷ Σ 人口
      income_pc_median: [null, 23, 9000], // person-weighted: see PERSONS below
      income_growth: [196900 / 23, null, null], // no snapshot 12 months earlier
      loan_balance: count(40000),
    },
  },
  "2025-05": {
    [COUNTY]: {
      hh_lifted: count(9), // same 9 脱贫户; H07 is 一般农户
      pop_lifted: count(30),
      mon_active: count(3), // H03 H05 H07 (H02, H10 eliminated)
      mon_active_pop: count(9), // 5+1+3
      mon_share_pop: rate(9, 30),
      risk_elim_rate: rate(2, 5), // H02 H10 of H02 H03 H05 H07 H10
      below_line_share: rate(2, 10), // line 8000 (county wins over 7500): H03 6000, H05 7700
      assist_coverage: rate(2, 3), // H03 has no measure yet
      guarantee_rate: rate(8, 10), // H12 饮水, H07 医保
      housing_ok_rate: rate(10, 10),
      edu_ok_rate: rate(10, 10),
      med_ok_rate: rate(9, 10),
      water_ok_rate: rate(9, 10),
      income_pc_mean: [289700, 30, 289700 / 30], // Σ(人均纯收入 × 人口) ÷ Σ 人口
      income_pc_median: [null, 30, 9800], // person-weighted: see PERSONS below
      income_growth: [289700 / 30, null, null], // no snapshot 12 months earlier
      loan_balance: count(132000), // L002 32000 + L005 100000 (enterprise, no area: county only)
    },
    [TOWN]: {
      hh_lifted: count(7),
      pop_lifted: count(24),
      mon_active: count(2), // H03 H05
      mon_active_pop: count(6),
      mon_share_pop: rate(6, 24),
      risk_elim_rate: rate(2, 4), // H02 H10 of H02 H03 H05 H10
      below_line_share: rate(2, 7), // H03, H05
      assist_coverage: rate(1, 2), // H05 yes, H03 no
      guarantee_rate: rate(6, 7),
      housing_ok_rate: rate(7, 7),
      edu_ok_rate: rate(7, 7),
      med_ok_rate: rate(7, 7),
      water_ok_rate: rate(6, 7),
      income_pc_mean: [222100, 24, 222100 / 24], // Σ(人均纯收入 × 人口) ÷ Σ 人口
      income_pc_median: [null, 24, 9650], // person-weighted: see PERSONS below
      income_growth: [222100 / 24, null, null], // no snapshot 12 months earlier
      loan_balance: count(32000),
    },
    [VILLAGE]: {
      hh_lifted: count(6),
      pop_lifted: count(23),
      mon_active: count(1), // H03
      mon_active_pop: count(5),
      mon_share_pop: rate(5, 23),
      risk_elim_rate: rate(2, 3),
      below_line_share: rate(1, 6), // H03
      assist_coverage: rate(0, 1),
      guarantee_rate: rate(5, 6),
      housing_ok_rate: rate(6, 6),
      edu_ok_rate: rate(6, 6),
      med_ok_rate: rate(6, 6),
      water_ok_rate: rate(5, 6),
      income_pc_mean: [214400, 23, 214400 / 23], // Σ(人均纯收入 × 人口) ÷ Σ 人口
      income_pc_median: [null, 23, 9800], // person-weighted: see PERSONS below
      income_growth: [214400 / 23, null, null], // no snapshot 12 months earlier
      loan_balance: count(32000),
    },
  },
  "2025-06": {
    [COUNTY]: {
      hh_lifted: count(8), // H09 left
      pop_lifted: count(28),
      mon_active: count(5), // H03 H04 H05 H07 H08 (H05 stays active: no labour)
      mon_active_pop: count(13), // 5+2+1+3+2
      mon_share_pop: rate(13, 28),
      risk_elim_rate: rate(2, 7), // H02 H10 only; H05's 消除 does not count
      below_line_share: rate(4, 11), // H03 6100, H04 5000, H05 7800, H08 6800 < 8000
      assist_coverage: rate(4, 5), // H08 has no measure
      guarantee_rate: rate(7, 11), // H06 住房, H07 医保, H08 教育, H12 饮水
      housing_ok_rate: rate(10, 11),
      edu_ok_rate: rate(10, 11),
      med_ok_rate: rate(10, 11),
      water_ok_rate: rate(10, 11),
      income_pc_mean: [279200, 28, 279200 / 28], // Σ(人均纯收入 × 人口) ÷ Σ 人口
      income_pc_median: [null, 28, 10000], // person-weighted: see PERSONS below
      income_growth: [279200 / 28, 264500 / 30, (279200 / 28) / (264500 / 30) - 1], // per-person means, vs 2024-06
      loan_balance: count(160000), // L002 30000 + L003 20000 + L004 10000 + L005 100000
    },
    [TOWN]: {
      hh_lifted: count(7),
      pop_lifted: count(24),
      mon_active: count(3), // H03 H04 H05
      mon_active_pop: count(8),
      mon_share_pop: rate(8, 24),
      risk_elim_rate: rate(2, 5),
      below_line_share: rate(3, 8), // H03 H04 H05
      assist_coverage: rate(3, 3),
      guarantee_rate: rate(7, 8),
      housing_ok_rate: rate(8, 8),
      edu_ok_rate: rate(8, 8),
      med_ok_rate: rate(8, 8),
      water_ok_rate: rate(7, 8),
      income_pc_mean: [227200, 24, 227200 / 24], // Σ(人均纯收入 × 人口) ÷ Σ 人口
      income_pc_median: [null, 24, 9850], // person-weighted: see PERSONS below
      income_growth: [227200 / 24, 204500 / 24, (227200 / 24) / (204500 / 24) - 1], // per-person means, vs 2024-06
      loan_balance: count(30000), // L002 only; L003 and L004 are in 丙村
    },
    [VILLAGE]: {
      hh_lifted: count(6),
      pop_lifted: count(23),
      mon_active: count(1), // H03
      mon_active_pop: count(5),
      mon_share_pop: rate(5, 23),
      risk_elim_rate: rate(2, 3),
      below_line_share: rate(1, 6),
      assist_coverage: rate(1, 1),
      guarantee_rate: rate(5, 6),
      housing_ok_rate: rate(6, 6),
      edu_ok_rate: rate(6, 6),
      med_ok_rate: rate(6, 6),
      water_ok_rate: rate(5, 6),
      income_pc_mean: [219400, 23, 219400 / 23], // Σ(人均纯收入 × 人口) ÷ Σ 人口
      income_pc_median: [null, 23, 10000], // person-weighted: see PERSONS below
      income_growth: [219400 / 23, 196900 / 23, (219400 / 23) / (196900 / 23) - 1], // per-person means, vs 2024-06
      loan_balance: count(30000),
    },
  },
};

// Flow indicators depend on the period's dates and start snapshot: keyed by period, then area.
const FLOW_2024_H1: Record<string, Codes> = {
  // identified: H02 (2024-03-15), H10 (2024-06-05); start snapshot 2024-06 (earliest inside)
  [COUNTY]: {
    mon_identified: count(2),
    return_rate: rate(2, 9),
    return_rate_pop: rate(6, 30),
    new_poverty_rate: rate(0, 131), // 140 − 9
    timely_identification_rate: rate(2, 2), // 10 and 12 wd
    timely_assist_rate: rate(2, 2), // 3 and 11 wd
    ident_pending: count(0), ident_overdue: count(0), assist_pending: count(0), assist_overdue: count(0),
  },
  [TOWN]: {
    mon_identified: count(2),
    return_rate: rate(2, 7),
    return_rate_pop: rate(6, 24),
    new_poverty_rate: rate(0, 63), // 70 − 7
    timely_identification_rate: rate(2, 2),
    timely_assist_rate: rate(2, 2),
    ident_pending: count(0), ident_overdue: count(0), assist_pending: count(0), assist_overdue: count(0),
  },
  [VILLAGE]: {
    mon_identified: count(2),
    return_rate: rate(2, 6),
    return_rate_pop: rate(6, 23),
    new_poverty_rate: rate(0, 34), // 40 − 6
    timely_identification_rate: rate(2, 2),
    timely_assist_rate: rate(2, 2),
    ident_pending: count(0), ident_overdue: count(0), assist_pending: count(0), assist_overdue: count(0),
  },
};
const FLOW_2025_H1: Record<string, Codes> = {
  // identified: H07 (05-09), H03 (05-20), H08 (06-10), H04 (06-25); start snapshot 2024-06
  [COUNTY]: {
    mon_identified: count(4),
    return_rate: rate(1, 9), // H03
    return_rate_pop: rate(5, 30),
    new_poverty_rate: rate(3, 131), // H04 H07 H08
    timely_identification_rate: rate(2, 3), // H03, H07 timely; H04 late; H08 has no 发现日期
    timely_assist_rate: rate(2, 3), // H04, H07 timely; H03 late; H08 (识别 06-10, due 07-01) still pending at 06-30
    ident_pending: count(0), ident_overdue: count(0),
    assist_pending: count(1), // H08
    assist_overdue: count(0),
  },
  [TOWN]: {
    mon_identified: count(2), // H03 H04
    return_rate: rate(1, 7),
    return_rate_pop: rate(5, 24),
    new_poverty_rate: rate(1, 63), // H04
    timely_identification_rate: rate(1, 2),
    timely_assist_rate: rate(1, 2),
    ident_pending: count(0), ident_overdue: count(0), assist_pending: count(0), assist_overdue: count(0),
  },
  [VILLAGE]: {
    mon_identified: count(1), // H03
    return_rate: rate(1, 6),
    return_rate_pop: rate(5, 23),
    new_poverty_rate: rate(0, 34),
    timely_identification_rate: rate(1, 1),
    timely_assist_rate: rate(0, 1),
    ident_pending: count(0), ident_overdue: count(0), assist_pending: count(0), assist_overdue: count(0),
  },
};
const FLOW: Record<string, Record<string, Codes>> = {
  "2024-06": {
    // identified: H10 only; no snapshot before June 2024, so the start snapshot is 2024-06 itself
    [COUNTY]: {
      mon_identified: count(1),
      return_rate: rate(1, 9),
      return_rate_pop: rate(3, 30),
      new_poverty_rate: rate(0, 131),
      timely_identification_rate: rate(1, 1),
      timely_assist_rate: rate(1, 1),
      ident_pending: count(0), ident_overdue: count(0), assist_pending: count(0), assist_overdue: count(0),
    },
    [TOWN]: {
      mon_identified: count(1),
      return_rate: rate(1, 7),
      return_rate_pop: rate(3, 24),
      new_poverty_rate: rate(0, 63),
      timely_identification_rate: rate(1, 1),
      timely_assist_rate: rate(1, 1),
      ident_pending: count(0), ident_overdue: count(0), assist_pending: count(0), assist_overdue: count(0),
    },
    [VILLAGE]: {
      mon_identified: count(1),
      return_rate: rate(1, 6),
      return_rate_pop: rate(3, 23),
      new_poverty_rate: rate(0, 34),
      timely_identification_rate: rate(1, 1),
      timely_assist_rate: rate(1, 1),
      ident_pending: count(0), ident_overdue: count(0), assist_pending: count(0), assist_overdue: count(0),
    },
  },
  "2024-H1": FLOW_2024_H1,
  "2024": FLOW_2024_H1,
  "2025-05": {
    // identified: H07 (一般农户, 9 wd; assisted after 1 wd), H03 (脱贫不稳定户, 10 wd; no 首次帮扶 yet)
    [COUNTY]: {
      mon_identified: count(2),
      return_rate: rate(1, 9),
      return_rate_pop: rate(5, 30),
      new_poverty_rate: rate(1, 131),
      timely_identification_rate: rate(2, 2),
      timely_assist_rate: rate(1, 1), // H07 1 wd; H03 pending at 05-31 (was 1/2 when the blank 2025-05 date read as late)
      ident_pending: count(0), ident_overdue: count(0),
      assist_pending: count(1), // H03
      assist_overdue: count(0), // H03 has no measure in 2025-05 but is not yet due
    },
    [TOWN]: {
      mon_identified: count(1),
      return_rate: rate(1, 7),
      return_rate_pop: rate(5, 24),
      new_poverty_rate: rate(0, 63),
      timely_identification_rate: rate(1, 1),
      timely_assist_rate: rate(0, 0), // H03 pending
      ident_pending: count(0), ident_overdue: count(0), assist_pending: count(1), assist_overdue: count(0),
    },
    [VILLAGE]: {
      mon_identified: count(1),
      return_rate: rate(1, 6),
      return_rate_pop: rate(5, 23),
      new_poverty_rate: rate(0, 34),
      timely_identification_rate: rate(1, 1),
      timely_assist_rate: rate(0, 0),
      ident_pending: count(0), ident_overdue: count(0), assist_pending: count(1), assist_overdue: count(0),
    },
  },
  "2025-06": {
    // identified: H08 (06-10), H04 (06-25), both 一般农户; start snapshot 2025-05 (9 脱贫户, 30 persons)
    [COUNTY]: {
      mon_identified: count(2),
      return_rate: rate(0, 9),
      return_rate_pop: rate(0, 30),
      new_poverty_rate: rate(2, 131),
      timely_identification_rate: rate(0, 1), // H04 17 wd; H08 excluded (no 发现日期)
      timely_assist_rate: rate(1, 1), // H04 2 wd; H08 (no 首次帮扶, due 07-01) pending (was 1/2)
      ident_pending: count(0), ident_overdue: count(0), assist_pending: count(1), assist_overdue: count(0),
    },
    [TOWN]: {
      mon_identified: count(1), // H04
      return_rate: rate(0, 7),
      return_rate_pop: rate(0, 24),
      new_poverty_rate: rate(1, 63),
      timely_identification_rate: rate(0, 1),
      timely_assist_rate: rate(1, 1),
      ident_pending: count(0), ident_overdue: count(0), assist_pending: count(0), assist_overdue: count(0),
    },
    [VILLAGE]: {
      mon_identified: count(0),
      return_rate: rate(0, 6),
      return_rate_pop: rate(0, 23),
      new_poverty_rate: rate(0, 34),
      timely_identification_rate: rate(0, 0), // nobody identified: empty, not 0
      timely_assist_rate: rate(0, 0),
      ident_pending: count(0), ident_overdue: count(0), assist_pending: count(0), assist_overdue: count(0),
    },
  },
  "2025-H1": FLOW_2025_H1,
  "2025": FLOW_2025_H1,
};

// Loan indicators (DOMAIN.md §7) on the base ledgers (extracts/loans.csv): L001 NS 甲村 H02 micro 50,000 issued
// 2024-04-01 (2024-06 only: balance 40,000, 贴息 100); L002 NS 甲村 H01 micro 50,000 issued 2025-01-10 (2025-05
// 32,000, 2025-06 30,000, 贴息 120 each); L005 NH 企业 产业 100,000 issued 2025-02-01, no area (county only; 2025-05
// and 2025-06); L003 NH 丙村 by 户编号 H06 个人精准 20,000 issued 2025-06-03; L004 NS 丙村 by ID only (H07) micro
// 10,000 issued 2025-06-05. Ledger months 2024-06, 2025-05, 2025-06: only 2025-06 has a ledger 12 months before.
// Coverage denominators (脱贫户 or monitored, end snapshot): 2024-06 county 9 / 一镇 7 / 甲村 6; 2025-05 10 / 7 / 6
// (H07 monitored joins); 2025-06 11 / 8 / 6 (H04, H08 join, H09 left).
const LOAN_STOCK: Record<string, Record<string, Codes>> = {
  "2024-06": {
    [COUNTY]: { loan_balance_yoy: [40000, null, null], loan_coverage: rate(1, 9), npl_ratio: rate(0, 40000), overdue_ratio: rate(0, 40000) },
    [TOWN]: { loan_balance_yoy: [40000, null, null], loan_coverage: rate(1, 7), npl_ratio: rate(0, 40000), overdue_ratio: rate(0, 40000) },
    [VILLAGE]: { loan_balance_yoy: [40000, null, null], loan_coverage: rate(1, 6), npl_ratio: rate(0, 40000), overdue_ratio: rate(0, 40000) },
  },
  "2025-05": {
    // L001 is gone (repaid): H02 no longer counts; H01 borrows on L002
    [COUNTY]: { loan_balance_yoy: [132000, null, null], loan_coverage: rate(1, 10), npl_ratio: rate(0, 132000), overdue_ratio: rate(0, 132000) },
    [TOWN]: { loan_balance_yoy: [32000, null, null], loan_coverage: rate(1, 7), npl_ratio: rate(0, 32000), overdue_ratio: rate(0, 32000) },
    [VILLAGE]: { loan_balance_yoy: [32000, null, null], loan_coverage: rate(1, 6), npl_ratio: rate(0, 32000), overdue_ratio: rate(0, 32000) },
  },
  "2025-06": {
    // yoy against 2024-06; coverage H01 (L002), H06 (L003 by 户编号), H07 (L004 by 证件号码 only)
    [COUNTY]: { loan_balance_yoy: [160000, 40000, 3], loan_coverage: rate(3, 11), npl_ratio: rate(0, 160000), overdue_ratio: rate(0, 160000) },
    [TOWN]: { loan_balance_yoy: [30000, 40000, -0.25], loan_coverage: rate(1, 8), npl_ratio: rate(0, 30000), overdue_ratio: rate(0, 30000) },
    [VILLAGE]: { loan_balance_yoy: [30000, 40000, -0.25], loan_coverage: rate(1, 6), npl_ratio: rate(0, 30000), overdue_ratio: rate(0, 30000) },
  },
};
const noLoansIssued: Codes = { loan_issued: count(0), loan_issued_count: count(0), loan_avg: rate(0, 0) };
const LOAN_FLOW_2024_H1: Record<string, Codes> = {
  // L001 (2024-04-01) only; 贴息 of the 2024-06 ledger
  [COUNTY]: { loan_issued: count(50000), loan_issued_count: count(1), loan_avg: rate(50000, 1), interest_subsidy: count(100) },
  [TOWN]: { loan_issued: count(50000), loan_issued_count: count(1), loan_avg: rate(50000, 1), interest_subsidy: count(100) },
  [VILLAGE]: { loan_issued: count(50000), loan_issued_count: count(1), loan_avg: rate(50000, 1), interest_subsidy: count(100) },
};
const LOAN_FLOW_2025_H1: Record<string, Codes> = {
  // L002 50,000 + L005 100,000 + L003 20,000 + L004 10,000; personal: L002, L003, L004 by H01, H06, H07
  [COUNTY]: { loan_issued: count(180000), loan_issued_count: count(4), loan_avg: rate(80000, 3), interest_subsidy: count(240) },
  [TOWN]: { loan_issued: count(50000), loan_issued_count: count(1), loan_avg: rate(50000, 1), interest_subsidy: count(240) },
  [VILLAGE]: { loan_issued: count(50000), loan_issued_count: count(1), loan_avg: rate(50000, 1), interest_subsidy: count(240) },
};
const LOAN_FLOW: Record<string, Record<string, Codes>> = {
  "2024-06": {
    [COUNTY]: { ...noLoansIssued, interest_subsidy: count(100) },
    [TOWN]: { ...noLoansIssued, interest_subsidy: count(100) },
    [VILLAGE]: { ...noLoansIssued, interest_subsidy: count(100) },
  },
  "2024-H1": LOAN_FLOW_2024_H1,
  "2024": LOAN_FLOW_2024_H1,
  "2025-05": {
    [COUNTY]: { ...noLoansIssued, interest_subsidy: count(120) },
    [TOWN]: { ...noLoansIssued, interest_subsidy: count(120) },
    [VILLAGE]: { ...noLoansIssued, interest_subsidy: count(120) },
  },
  "2025-06": {
    [COUNTY]: { loan_issued: count(30000), loan_issued_count: count(2), loan_avg: rate(30000, 2), interest_subsidy: count(120) },
    [TOWN]: { ...noLoansIssued, interest_subsidy: count(120) },
    [VILLAGE]: { ...noLoansIssued, interest_subsidy: count(120) },
  },
  "2025-H1": LOAN_FLOW_2025_H1,
  "2025": LOAN_FLOW_2025_H1,
};

// This fixture has no department records: no leads, so counts read 0 and rates are empty (hand-worked lead
// figures are in test/sql/leads.test.ts).
const NO_LEADS: Codes = { lead_count: count(0), lead_checked_timely_rate: rate(0, 0), lead_identified_rate: rate(0, 0) };

const END_MONTH: Record<string, string> = {
  "2024-06": "2024-06", "2024-H1": "2024-06", "2024": "2024-06",
  "2025-05": "2025-05",
  "2025-06": "2025-06", "2025-H1": "2025-06", "2025": "2025-06",
};

interface Row {
  code: string;
  period: string;
  area_code: string;
  area_level: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string | null;
}

// Insurance codes are worked out by hand in insurance.test.ts, on this roster plus policies and claims.
const COVERED = CATALOG.filter((c) => c.family !== "insurance");

let warehouse: FixtureWarehouse;
let rows: Row[];
const find = (code: string, period: string, area: string) =>
  rows.filter((r) => r.code === code && r.period === period && r.area_code === area);

function expectRow(code: string, period: string, area: string, [numerator, denominator, value]: Expected) {
  const found = find(code, period, area);
  const where = `${code} ${period} ${area}`;
  expect(found, where).toHaveLength(1);
  const row = found[0]!;
  for (const [name, actual, wanted] of [["numerator", row.numerator, numerator], ["denominator", row.denominator, denominator], ["value", row.value, value]] as const) {
    if (wanted === null) expect(actual, `${where} ${name}`).toBeNull();
    else expect(actual, `${where} ${name}`).toBeCloseTo(wanted, 9);
  }
}

beforeAll(async () => {
  warehouse = await buildFixtureWarehouse();
  rows = await warehouse.query<Row>("select * from indicators");
});
afterAll(() => warehouse?.close());

describe("indicators mart on the hand-worked roster", () => {
  for (const period of Object.keys(END_MONTH)) {
    for (const area of [COUNTY, TOWN, VILLAGE]) {
      it(`${period} ${area}: every stock and flow code`, () => {
        const expected = { ...STOCK[END_MONTH[period]!]![area]!, ...LOAN_STOCK[END_MONTH[period]!]![area]!, ...FLOW[period]![area]!, ...LOAN_FLOW[period]![area]!, ...NO_LEADS };
        // the expectations cover every code of the catalog, so a new code without a hand-worked value fails here
        expect(Object.keys(expected).sort()).toEqual(COVERED.map((c) => c.code).sort());
        for (const [code, want] of Object.entries(expected)) expectRow(code, period, area, want);
      });
    }
  }

  it("has one row per code × period × area and the catalog's unit on each", () => {
    // 23 periods (the calendar 2024-01 … 2025-06: 18 months, 2024-H1, 2024-H2, 2025-H1, 2024, 2025) × 7 areas
    // (1 county, 2 towns, 4 villages) × every catalog code, except ins_density and ins_depth: county × the 2 years
    // only (insurance.test.ts works the insurance codes by hand)
    const countyYearOnly = CATALOG.filter((c) => c.code === "ins_density" || c.code === "ins_depth").length;
    expect(rows).toHaveLength(23 * 7 * (CATALOG.length - countyYearOnly) + 2 * countyYearOnly);
    const keys = new Set(rows.map((r) => `${r.code}|${r.period}|${r.area_code}`));
    expect(keys.size).toBe(rows.length);
    for (const item of CATALOG) {
      const units = new Set(rows.filter((r) => r.code === item.code).map((r) => r.unit));
      expect([...units], item.code).toEqual([item.unit]);
    }
    const levels = Object.fromEntries(rows.map((r) => [r.area_code, r.area_level]));
    expect(levels).toEqual({
      "529901": "county", "529901001": "town", "529901002": "town",
      "529901001001": "village", "529901001002": "village", "529901002001": "village", "529901002002": "village",
    });
  });

  it("a county monitoring line overrides the province's for that year only (乙村: H05 alone)", () => {
    // 2024: province 7000, H05 7600 → not below. 2025: county 8000 over province 7500, H05 7700 → below.
    expectRow("below_line_share", "2024-06", "529901001002", rate(0, 1));
    expectRow("below_line_share", "2025-05", "529901001002", rate(1, 1));
  });

  it("a household with no labour capacity stays monitored even when its record says eliminated", () => {
    // 乙村 2025-06: H04 and H05 monitored; H05's file row says 风险是否消除 是 but 整户无劳动能力 是
    expectRow("mon_active", "2025-06", "529901001002", count(2));
    expectRow("risk_elim_rate", "2025-06", "529901001002", rate(0, 2));
  });

  it("zero denominators give empty values; an area without households reads 0 for counts", () => {
    // 丙村 2024-06: H06 and H09, nobody monitored
    expectRow("risk_elim_rate", "2024-06", "529901002001", rate(0, 0));
    expectRow("assist_coverage", "2024-06", "529901002001", rate(0, 0));
    // 丁村 has no roster household at all
    expectRow("hh_lifted", "2025-06", "529901002002", count(0));
    expectRow("guarantee_rate", "2025-06", "529901002002", rate(0, 0));
    expectRow("income_pc_median", "2025-06", "529901002002", [null, 0, null]);
    expectRow("new_poverty_rate", "2025-06", "529901002002", rate(0, 20));
  });

  it("loans are attributed by 区划代码, else 户编号, else 证件号码; unmatched loans count at county level only", () => {
    // 2025-06: L003 (户编号 H06) 20000 + L004 (证件号码 of H07) 10000 → 丙村 and 二乡
    expectRow("loan_balance", "2025-06", "529901002001", count(30000));
    expectRow("loan_balance", "2025-06", "529901002", count(30000));
    expectRow("loan_balance", "2025-H1", "529901002", count(30000));
    // L005 (enterprise, no area, no household) is in the county's 160000 but in no town
    const towns = rows.filter((r) => r.code === "loan_balance" && r.period === "2025-06" && r.area_level === "town");
    expect(towns.reduce((sum, r) => sum + (r.value ?? 0), 0)).toBe(60000);
  });
});

describe("indicators_published", () => {
  const published = async (code: string) => {
    const list = await warehouse.query<Row & { suppressed: boolean; suppression: string | null }>(
      `select * from indicators_published where code = '${code}' and period = '2025-06' order by area_code`,
    );
    return Object.fromEntries(list.map((r) => [r.area_code, r]));
  };

  it("withholds small village counts (primary) and the smallest other village of the town (secondary)", async () => {
    const lifted = await published("hh_lifted");
    // 一镇 = 7 脱贫户: 乙村 has 1 (H05) → "<5"; 甲村's 6 would give it away (7 − 6) → withheld too, as "×"
    expect(lifted["529901001002"]).toMatchObject({ suppression: "primary", value: null, numerator: null, denominator: null });
    expect(lifted["529901001001"]).toMatchObject({ suppression: "secondary", suppressed: true, value: null });
    // 二乡 = 1: 丙村 has 1 (H06) → "<5"; 丁村's 0 would give it away → withheld too, and a 0 reads "<5"
    expect(lifted["529901002001"]).toMatchObject({ suppression: "primary", value: null });
    expect(lifted["529901002002"]).toMatchObject({ suppression: "primary", value: null });
    // towns and the county are never withheld, even 二乡 with a single 脱贫户
    expect(lifted["529901002"]).toMatchObject({ suppressed: false, suppression: null, value: 1 });
    expect(lifted["529901"]).toMatchObject({ suppressed: false, value: 8 });
    const all = await warehouse.query<{ n: number }>("select count(*)::integer as n from indicators_published");
    expect(all[0]!.n).toBe(rows.length);
  });

  it("withholds a rate whose numerator or denominator is a small count", async () => {
    const elim = await published("risk_elim_rate");
    // 甲村: 2 eliminated of 3 monitored → both small
    expect(elim["529901001001"]).toMatchObject({ suppression: "primary", value: null, numerator: null, denominator: null });
    // 乙村: 0 eliminated of 2 monitored → the base is a small count
    expect(elim["529901001002"]).toMatchObject({ suppression: "primary", value: null });
  });
});

describe("report_rows (半年考核报告)", () => {
  it("carries the published cells: a withheld village figure stays withheld, and so does every change it is part of", async () => {
    const list = await warehouse.query<{ code: string; area_code: string; value: number | null; suppression: string | null; published: string | null; previous_status: string; change_previous: number | null; last_year_status: string; change_last_year: number | null }>(
      `select r.code, r.area_code, r.value, r.suppression, p.suppression as published, r.previous_status, r.change_previous, r.last_year_status, r.change_last_year
         from report_rows r join indicators_published p using (code, period, area_code) where r.period = '2025-H1'`,
    );
    expect(list.length).toBeGreaterThan(0);
    const withheld = list.filter((r) => r.published !== null);
    expect(withheld.length).toBeGreaterThan(0);
    for (const r of withheld) {
      expect(r).toMatchObject({ suppression: r.published, value: null, previous_status: "suppressed", change_previous: null, last_year_status: "suppressed", change_last_year: null });
    }
  });

  it("compares 2025-H1 with 2024-H1 (snapshot 2024-06) and says 2024-H2 (no snapshot) is missing; rates change in percentage points", async () => {
    const list = await warehouse.query<{ code: string; value: number; previous_period: string; previous_status: string; change_previous: number | null; last_year_period: string; last_year_status: string; change_last_year: number | null; growth_last_year: number | null }>(
      `select code, value, previous_period, previous_status, change_previous, last_year_period, last_year_status, change_last_year, growth_last_year
         from report_rows where period = '2025-H1' and code in ('hh_lifted', 'risk_elim_rate', 'mon_active') and area_code = '529901' order by code`,
    );
    const by = Object.fromEntries(list.map((r) => [r.code, r]));
    // 脱贫户 8 at 2025-06 (H09 left) against 9 at 2024-06: a fall of 1, −1/9
    expect(by.hh_lifted).toMatchObject({ value: 8, previous_period: "2024-H2", previous_status: "missing", change_previous: null, last_year_period: "2024-H1", last_year_status: "ok", change_last_year: -1 });
    expect(by.hh_lifted.growth_last_year).toBeCloseTo(-1 / 9, 12);
    // 风险消除率 2/7 against 0/3: a rise of 28.57 percentage points, no relative growth for a rate
    expect(by.risk_elim_rate.change_last_year).toBeCloseTo((2 / 7 - 0) * 100, 9);
    expect(by.risk_elim_rate.growth_last_year).toBeNull();
    // 风险未消除监测对象 5 against 3: a rise of 2, +2/3
    expect(by.mon_active).toMatchObject({ value: 5, last_year_status: "ok", change_last_year: 2 });
    expect(by.mon_active.growth_last_year).toBeCloseTo(2 / 3, 12);
  });
});

describe("areas and periods marts", () => {
  it("lists every area with its name, parent and 农村户数", async () => {
    const areas = await warehouse.query("select area_code, area_level, name, parent_code, households::integer as households from areas order by area_code");
    expect(areas).toEqual([
      { area_code: "529901", area_level: "county", name: "示例县", parent_code: null, households: 140 },
      { area_code: "529901001", area_level: "town", name: "一镇", parent_code: "529901", households: 70 },
      { area_code: "529901001001", area_level: "village", name: "甲村", parent_code: "529901001", households: 40 },
      { area_code: "529901001002", area_level: "village", name: "乙村", parent_code: "529901001", households: 30 },
      { area_code: "529901002", area_level: "town", name: "二乡", parent_code: "529901", households: 70 },
      { area_code: "529901002001", area_level: "village", name: "丙村", parent_code: "529901002", households: 50 },
      { area_code: "529901002002", area_level: "village", name: "丁村", parent_code: "529901002", households: 20 },
    ]);
  });

  it("lists the periods that have data with their bounds and end month", async () => {
    const periods = await warehouse.query("select * from periods order by period");
    expect(periods).toEqual([
      { period: "2024", period_type: "year", first_month: "2024-01", last_month: "2024-12", end_month: "2024-06" },
      { period: "2024-06", period_type: "month", first_month: "2024-06", last_month: "2024-06", end_month: "2024-06" },
      { period: "2024-H1", period_type: "half", first_month: "2024-01", last_month: "2024-06", end_month: "2024-06" },
      { period: "2025", period_type: "year", first_month: "2025-01", last_month: "2025-12", end_month: "2025-06" },
      { period: "2025-05", period_type: "month", first_month: "2025-05", last_month: "2025-05", end_month: "2025-05" },
      { period: "2025-06", period_type: "month", first_month: "2025-06", last_month: "2025-06", end_month: "2025-06" },
      { period: "2025-H1", period_type: "half", first_month: "2025-01", last_month: "2025-06", end_month: "2025-06" },
    ]);
  });
});
