// Insurance indicators (DOMAIN.md §5, §7) worked out by hand on the roster of indicators.test.ts plus the
// policies, claims and county statistics in test/fixtures/indicators/extracts-insurance.
//
// Policies (line class by the default keyword rules; area by 区划代码, else 户编号, else 证件号码):
// P01 防贫返贫保险   个人, only H07's 证件号码 (no 户编号, no area) → 丙村   150 / 150  2025-05-01 … 2026-04-30
// P02 政府统保防贫保险 统保 529901 (county-wide)  → county only       10000 / 10000  2024-01-01 … 2024-12-31
// P03 防返贫综合保险（一镇） 统保 529901001 (town-wide) → 一镇         6000 / 6000  2025-01-01 … 2025-12-31
// P04 防贫保险       个人 H06 丙村, expired 2025-04-30                 200 / 200    2024-05-01 … 2025-04-30
// P05 能繁母猪保险   个人 H10 甲村 → 养殖业保险                        600 / 480    2025-03-01 …
// P06 扶贫特惠保     个人 H06 (no area) → no rule matches: 其他, 丙村  100 / 0      2025-06-10 …
// P07 政策性水稻种植保险 个人 H01 甲村 → 种植业保险                    300 / 240    2025-04-15 …
// Claims (report → paid, days):
// C01 P03 H02 甲村 3000 paid 2025-05-10 (04-20 → 20 days): H02 2025-05 8500/person × 3; line 8000;
//     without the payout 8500 − 1000 = 7500 < 8000, with it 8500 ≥ 8000 → lifted over the line
// C02 P05 H10 甲村 1200 reported 2025-05-25, paid 2025-06-12 (next period; 18 days): outstanding at 2025-05's end
// C03 P01 H07 by 证件号码 only → 丙村: reported 2025-06-05, unpaid, 未决赔款 5000
// C04 P03 H03 (no area → 甲村) 2000 paid 2025-06-20 (06-06 → 14 days): H03 6100 × 5: 5700 without, 6100 with: below either way
// C05 P06 H06 丙村 500 paid 2025-06-25 (06-15 → 10 days), product 其他
// C06 P02 H09 丙村 800 paid 2024-06-13 (06-03 → 10 days)
// County statistics: 2024 常住人口 200000, GDP 500000 万元; 2025 204000, 520000 万元.
// Insurance settings for this test (written below): outstanding claims overdue after 20 days; 防贫保险 warning
// line 1.5 × 5400 = 8100, tiers 3000 @100%, 3000–10000 @70%, above @50%, cap 5000, tolerance 10; 因学 counts
// as a shock covered by 防贫保险 besides the default 因病, 因自然灾害, 因意外事故.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection, type DuckDBInstance as Instance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../loaders/indicators/catalog.ts";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { FIXTURE_DIR } from "./fixture-warehouse.ts";

type Expected = [number | null, number | null, number | null];
const COUNTY = "529901";
const TOWN1 = "529901001"; // 一镇: 甲村 乙村
const TOWN2 = "529901002"; // 二乡: 丙村 丁村
const JIA = "529901001001";
const BING = "529901002001";
const amount = (n: number): Expected => [n, null, n];
const rate = (n: number, d: number): Expected => [n, d, d === 0 ? null : n / d];
const median = (m: number | null, n: number): Expected => [null, n, m];

let dir: string;
let dbPath: string;
let instance: Instance;
let conn: DuckDBConnection;
async function query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];
}
interface Row { code: string; period: string; area_code: string; area_level: string; value: number | null; numerator: number | null; denominator: number | null }
let rows: Row[];

function expectRow(code: string, period: string, area: string, [numerator, denominator, value]: Expected) {
  const found = rows.filter((r) => r.code === code && r.period === period && r.area_code === area);
  const where = `${code} ${period} ${area}`;
  expect(found, where).toHaveLength(1);
  const row = found[0]!;
  for (const [name, actual, wanted] of [["numerator", row.numerator, numerator], ["denominator", row.denominator, denominator], ["value", row.value, value]] as const) {
    if (wanted === null) expect(actual, `${where} ${name}`).toBeNull();
    else expect(actual, `${where} ${name}`).toBeCloseTo(wanted, 9);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dixian-insurance-"));
  const input = join(dir, "extracts");
  cpSync(join(FIXTURE_DIR, "extracts"), input, { recursive: true });
  cpSync(join(FIXTURE_DIR, "extracts-insurance"), input, { recursive: true });
  const config = join(dir, "config");
  cpSync(join(FIXTURE_DIR, "config"), config, { recursive: true });
  writeFileSync(join(config, "insurance.json"), JSON.stringify({
    "未决赔案超期天数": 20,
    "防贫保险": { "贫困线": 5400, "每户每年封顶": 5000 },
    "冲击风险对应险种": { "因病": ["防贫保险", "大病补充医疗保险"], "因自然灾害": ["防贫保险", "种植业保险"], "因意外事故": ["防贫保险", "意外伤害保险"], "因学": ["防贫保险"] },
  }));
  dbPath = join(dir, "w.duckdb");
  const result = await buildWarehouse({ inputDir: input, dbPath, reportsDir: join(dir, "reports"), configDir: config });
  expect(result.load.rowsRejected).toBe(0);
  instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  conn = await instance.connect();
  rows = await query<Row>("select code, period, area_code, area_level, value, numerator, denominator from indicators where code like 'ins_%'");
});
afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("insurance product names", () => {
  it("keeps the insurer's own name and classifies it by the first matching keyword; an unknown name is 其他", async () => {
    const products = await query("select product, line_class, matched_keyword from int_insurance_products order by product");
    expect(products).toEqual([
      { product: "扶贫特惠保", line_class: "其他", matched_keyword: null },
      { product: "政府统保防贫保险", line_class: "防贫保险", matched_keyword: "防贫" },
      { product: "政策性水稻种植保险", line_class: "种植业保险", matched_keyword: "种植" },
      { product: "能繁母猪保险", line_class: "养殖业保险", matched_keyword: "母猪" },
      { product: "防贫保险", line_class: "防贫保险", matched_keyword: "防贫" },
      { product: "防贫返贫保险", line_class: "防贫保险", matched_keyword: "防贫" },
      { product: "防返贫综合保险（一镇）", line_class: "防贫保险", matched_keyword: "返贫" },
    ]);
    const lines = await query("select claim_id, line_class from int_claims where claim_id in ('C02', 'C05') order by claim_id");
    expect(lines).toEqual([{ claim_id: "C02", line_class: "养殖业保险" }, { claim_id: "C05", line_class: "其他" }]);
  });

  it("lists the unclassified name for the data administrator with its insurer and amounts", async () => {
    const unknown = await query("select product, insurer, policies::integer as policies, claims::integer as claims, premium from insurance_products where unclassified");
    expect(unknown).toEqual([{ product: "扶贫特惠保", insurer: "县国寿财险", policies: 1, claims: 1, premium: 100 }]);
  });
});

describe("insurance indicators", () => {
  it("has every insurance code for every period and area; density and depth for the county and years only", () => {
    const perArea = CATALOG.filter((c) => c.family === "insurance" && c.code !== "ins_density" && c.code !== "ins_depth");
    // 23 periods (the calendar 2024-01 … 2025-06: 18 months, 3 half-years, 2 years) × 7 areas, plus 2 years × 1
    // county for each of density and depth
    expect(rows).toHaveLength(23 * 7 * perArea.length + 2 * 2);
    for (const code of ["ins_density", "ins_depth"]) {
      expect(rows.filter((r) => r.code === code).map((r) => `${r.period} ${r.area_code}`).sort()).toEqual([`2024 ${COUNTY}`, `2025 ${COUNTY}`]);
    }
  });

  it("coverage: an ID-only individual policy, a county-wide and a town-wide group policy, an expired policy", () => {
    // 2024-06: the county-wide P02 covers all 9 脱贫 households (H07 not yet in the roster)
    for (const period of ["2024-06", "2024-H1", "2024"]) {
      expectRow("ins_coverage_antipoverty", period, COUNTY, rate(9, 9));
      expectRow("ins_coverage_antipoverty", period, TOWN2, rate(2, 2)); // H06 H09
    }
    // 2025-05: P02 has ended; the town-wide P03 covers 一镇's 7 (H01 H02 H03 H05 H10 H11 H12); H07 (monitored
    // 一般农户) by P01 through its 证件号码 alone; H06's own P04 expired 2025-04-30; H09 has nothing → 8 / 10
    expectRow("ins_coverage_antipoverty", "2025-05", COUNTY, rate(8, 10));
    expectRow("ins_coverage_antipoverty", "2025-05", TOWN1, rate(7, 7));
    expectRow("ins_coverage_antipoverty", "2025-05", TOWN2, rate(1, 3));
    expectRow("ins_coverage_antipoverty", "2025-05", BING, rate(1, 3));
    // 2025-06: 一镇 8 (H04 joins), 二乡 H06 H07 H08 of which H07 → 9 / 11; P06 (其他) is no anti-poverty cover
    for (const period of ["2025-06", "2025-H1", "2025"]) {
      expectRow("ins_coverage_antipoverty", period, COUNTY, rate(9, 11));
      expectRow("ins_coverage_antipoverty", period, TOWN1, rate(8, 8));
      expectRow("ins_coverage_antipoverty", period, BING, rate(1, 3));
    }
    // 丁村 has no household: empty, not zero
    expectRow("ins_coverage_antipoverty", "2025-06", "529901002002", rate(0, 0));
  });

  it("premiums and subsidies by 起保日期, attributed by area code, household or ID", () => {
    expectRow("ins_premium", "2024-06", COUNTY, amount(0));
    for (const period of ["2024-H1", "2024"]) {
      expectRow("ins_premium", period, COUNTY, amount(10200)); // P02 + P04
      expectRow("ins_premium", period, TOWN1, amount(0)); // the county-wide P02 is in no town
      expectRow("ins_premium", period, TOWN2, amount(200));
      expectRow("ins_subsidy", period, COUNTY, amount(10200));
    }
    expectRow("ins_premium", "2025-05", COUNTY, amount(150)); // P01
    expectRow("ins_premium", "2025-05", BING, amount(150)); // by H07's ID
    expectRow("ins_premium", "2025-06", TOWN2, amount(100)); // P06 by 户编号 H06
    expectRow("ins_subsidy", "2025-06", COUNTY, amount(0));
    for (const period of ["2025-H1", "2025"]) {
      expectRow("ins_premium", period, COUNTY, amount(7150)); // 6000 + 600 + 300 + 150 + 100
      expectRow("ins_premium", period, TOWN1, amount(6900)); // P03 (town-wide) + P05 + P07
      expectRow("ins_premium", period, JIA, amount(900)); // P05 + P07, not the town-wide P03
      expectRow("ins_premium", period, TOWN2, amount(250));
      expectRow("ins_subsidy", period, COUNTY, amount(6870)); // 6000 + 480 + 240 + 150 + 0
      expectRow("ins_subsidy", period, TOWN1, amount(6720));
    }
  });

  it("payouts by 赔付日期; a claim reported in May and paid in June counts in June", () => {
    expectRow("ins_paid", "2024-06", COUNTY, amount(800));
    expectRow("ins_paid", "2024-06", BING, amount(800));
    expectRow("ins_paid", "2025-05", COUNTY, amount(3000));
    expectRow("ins_paid", "2025-06", COUNTY, amount(3700)); // C02 1200 + C04 2000 + C05 500
    expectRow("ins_paid", "2025-06", JIA, amount(3200));
    expectRow("ins_paid", "2025-06", TOWN2, amount(500)); // C03 is unpaid
    expectRow("ins_paid", "2025-H1", COUNTY, amount(6700));
    expectRow("ins_paid", "2025", TOWN1, amount(6200));
  });

  it("loss ratio: paid plus claims open at the period's end over premiums; a zero premium gives no value", () => {
    expectRow("ins_loss_ratio", "2024-06", COUNTY, rate(800, 0));
    expectRow("ins_loss_ratio", "2024-H1", COUNTY, rate(800, 10200));
    expectRow("ins_loss_ratio", "2024", TOWN2, rate(800, 200));
    expectRow("ins_loss_ratio", "2024", TOWN1, rate(0, 0));
    // 2025-05: paid 3000 + C02 open at 05-31 (paid later: its 1200) over P01's 150
    expectRow("ins_loss_ratio", "2025-05", COUNTY, rate(4200, 150));
    expectRow("ins_loss_ratio", "2025-05", TOWN1, rate(4200, 0));
    // 2025-06: paid 3700 + C03's 未决赔款 5000 (reported, unpaid) over 100
    expectRow("ins_loss_ratio", "2025-06", COUNTY, rate(8700, 100));
    expectRow("ins_loss_ratio", "2025-06", TOWN2, rate(5500, 100));
    expectRow("ins_loss_ratio", "2025-H1", COUNTY, rate(11700, 7150));
    expectRow("ins_loss_ratio", "2025", JIA, rate(6200, 900));
    expectRow("ins_loss_ratio", "2025", TOWN2, rate(5500, 250));
  });

  it("settlement days: the median over claims paid in the period", () => {
    expectRow("ins_settle_days_median", "2024-06", COUNTY, median(10, 1));
    expectRow("ins_settle_days_median", "2024-06", TOWN1, median(null, 0));
    expectRow("ins_settle_days_median", "2025-05", JIA, median(20, 1));
    expectRow("ins_settle_days_median", "2025-06", COUNTY, median(14, 3)); // 10 14 18
    expectRow("ins_settle_days_median", "2025-06", TOWN1, median(16, 2)); // 14 18
    expectRow("ins_settle_days_median", "2025-H1", COUNTY, median(16, 4)); // 10 14 18 20
    expectRow("ins_settle_days_median", "2025", TOWN1, median(18, 3)); // 14 18 20
    expectRow("ins_settle_days_median", "2025", TOWN2, median(10, 1));
  });

  it("density and depth: the year's premiums over residents and over GDP in yuan", () => {
    expectRow("ins_density", "2024", COUNTY, rate(10200, 200000));
    expectRow("ins_depth", "2024", COUNTY, rate(10200, 500000 * 10000));
    expectRow("ins_density", "2025", COUNTY, rate(7150, 204000));
    expectRow("ins_depth", "2025", COUNTY, rate(7150, 520000 * 10000));
  });
});

describe("does insurance hold the line", () => {
  interface Lift { period: string; households_paid: number; lifted: number; below_with_payout: number; above_without_payout: number; antipoverty_households: number; antipoverty_rule_payout: number | null; rule_matches: number; rule_paid_less: number; rule_paid_more: number; rule_not_triggered: number }
  let lift: Map<string, Lift>;
  beforeAll(async () => {
    const found = await query<Lift & { area_code: string }>(`select period, area_code, households_paid::integer as households_paid, lifted::integer as lifted,
      below_with_payout::integer as below_with_payout, above_without_payout::integer as above_without_payout,
      antipoverty_households::integer as antipoverty_households, antipoverty_rule_payout, rule_matches::integer as rule_matches,
      rule_paid_less::integer as rule_paid_less, rule_paid_more::integer as rule_paid_more, rule_not_triggered::integer as rule_not_triggered
      from insurance_lift`);
    lift = new Map(found.map((r) => [`${r.period} ${r.area_code}`, r]));
  });

  it("a payout that lifts a household over the line, and payouts that do not", () => {
    // 2025-05: H02 8500 with, 7500 without its 3000 ÷ 3 (line 8000) → lifted
    expect(lift.get(`2025-05 ${COUNTY}`)).toMatchObject({ households_paid: 1, lifted: 1, below_with_payout: 0, above_without_payout: 0 });
    // 2025-06: H03 6100 / 5700 → below either way; H10 9700 / 9300 and H06 13000 / 12875 → above without
    expect(lift.get(`2025-06 ${COUNTY}`)).toMatchObject({ households_paid: 3, lifted: 0, below_with_payout: 1, above_without_payout: 2 });
    expect(lift.get(`2025-06 ${TOWN2}`)).toMatchObject({ households_paid: 1, lifted: 0, above_without_payout: 1 });
    // 2025-H1 (end snapshot 2025-06): H02 8600 / 7600 → still lifted; 4 households in all
    expect(lift.get(`2025-H1 ${COUNTY}`)).toMatchObject({ households_paid: 4, lifted: 1, below_with_payout: 1, above_without_payout: 2 });
  });

  it("checks 防贫保险 payouts against the county's trigger, tiers and cap", () => {
    // warning line 8100. 2025-05 H02: gap (8100 − 7500) × 3 = 1800 → rule 1800, paid 3000 → more than the rule
    expect(lift.get(`2025-05 ${COUNTY}`)).toMatchObject({ antipoverty_households: 1, antipoverty_rule_payout: 1800, rule_paid_more: 1 });
    // 2025-06 H03: gap (8100 − 5700) × 5 = 12000 → 3000 + 4900 + 1000 = 8900, capped at 5000; paid 2000 → less
    expect(lift.get(`2025-06 ${COUNTY}`)).toMatchObject({ antipoverty_households: 1, antipoverty_rule_payout: 5000, rule_paid_less: 1 });
    // 2024-06 H09 (line 2024 irrelevant here): gap (8100 − 7600) × 2 = 1000, paid 800 → less
    expect(lift.get(`2024-06 ${COUNTY}`)).toMatchObject({ antipoverty_households: 1, antipoverty_rule_payout: 1000, rule_paid_less: 1, rule_matches: 0 });
  });

  it("claims by cause against the households' risk types", async () => {
    const rows = await query("select cause_group, risk, claims::integer as claims, consistent_claims::integer as consistent from insurance_cause_risk where period = '2025-06' order by cause_group, risk");
    expect(rows).toEqual([
      { cause_group: "因意外", risk: "因意外事故", claims: 1, consistent: 1 }, // C04 H03
      { cause_group: "因灾", risk: "因自然灾害", claims: 1, consistent: 1 }, // C02 疫病 H10
      { cause_group: "因病", risk: "未登记风险", claims: 1, consistent: 0 }, // C05 H06 has no risk recorded
    ]);
  });

  it("lists active monitored households with a shock risk and no cover for it, names and IDs in the mart", async () => {
    // 2025-06: H03 因意外事故 (一镇's 统保 P03 covers it), H07 因病 (P01 by ID) are covered; H08 因学 has none
    const rows = await query("select household_id, town_code, uncovered_risks, month from insurance_worklist");
    expect(rows).toEqual([{ household_id: "H08", town_code: TOWN2, uncovered_risks: ["因学"], month: "2025-06" }]);
  });
});

describe("timeliness and gaps", () => {
  it("lists the claim reported and unpaid, overdue past the county's days", async () => {
    const open = await query("select claim_id, days_open, overdue, outstanding, town_code from insurance_open_claims");
    expect(open).toEqual([{ claim_id: "C03", days_open: 25, overdue: true, outstanding: 5000, town_code: TOWN2 }]);
  });

  it("breaks the indicators down by line and insurer", async () => {
    const rows = await query(`select line_class, insurer, premium, paid, claims_open::integer as open, claims_overdue::integer as overdue, loss_ratio, settle_days_median
      from insurance_breakdown where period = '2025-06' and area_code = '${COUNTY}' and (line_class = '全部' or insurer = '全部') order by line_class, insurer`);
    expect(rows).toEqual([
      { line_class: "全部", insurer: "全部", premium: 100, paid: 3700, open: 1, overdue: 1, loss_ratio: 87, settle_days_median: 14 },
      { line_class: "全部", insurer: "县人保财险", premium: 0, paid: 2000, open: 1, overdue: 1, loss_ratio: null, settle_days_median: 14 },
      { line_class: "全部", insurer: "县国寿财险", premium: 100, paid: 1700, open: 0, overdue: 0, loss_ratio: 17, settle_days_median: 14 },
      { line_class: "其他", insurer: "全部", premium: 100, paid: 500, open: 0, overdue: 0, loss_ratio: 5, settle_days_median: 10 },
      { line_class: "养殖业保险", insurer: "全部", premium: 0, paid: 1200, open: 0, overdue: 0, loss_ratio: null, settle_days_median: 18 },
      { line_class: "防贫保险", insurer: "全部", premium: 0, paid: 2000, open: 1, overdue: 1, loss_ratio: null, settle_days_median: 14 },
    ]);
  });

  it("counts 脱贫 and monitored households without basic medical insurance by town", async () => {
    // H07 (丙村, monitored 一般农户, 3 persons) has 基本医疗保险 否 from 2025-05
    const rows = await query(`select period, area_code, households_without::integer as households, persons_without::integer as persons
      from insurance_med_gap where period in ('2024-06', '2025-06') order by period, area_code`);
    expect(rows).toEqual([
      { period: "2024-06", area_code: COUNTY, households: 0, persons: 0 },
      { period: "2024-06", area_code: TOWN1, households: 0, persons: 0 },
      { period: "2024-06", area_code: TOWN2, households: 0, persons: 0 },
      { period: "2025-06", area_code: COUNTY, households: 1, persons: 3 },
      { period: "2025-06", area_code: TOWN1, households: 0, persons: 0 },
      { period: "2025-06", area_code: TOWN2, households: 1, persons: 3 },
    ]);
  });
});

describe("site loaders", () => {
  const spawnLoader = (file: string, env: Record<string, string> = {}, args: string[] = []) =>
    spawnSync(process.execPath, ["--import", "tsx", file, ...args], {
      encoding: "utf8",
      env: { ...process.env, DIXIAN_DB: dbPath, DIXIAN_PUBLIC: "", ...env },
    });
  const runLoader = (file: string, env: Record<string, string> = {}, args: string[] = []) => {
    const result = spawnLoader(file, env, args);
    expect(result.status, result.stderr).toBe(0);
    return { text: result.stdout, json: JSON.parse(result.stdout) };
  };
  const WORKLIST = "src/data/insurance-worklist/[town].json.ts";

  it("the insurance work list of a town holds that town's households only, names and IDs masked", () => {
    const { text, json } = runLoader(WORKLIST, {}, [`--town=${TOWN2}`]);
    expect(json.public).toBe(false);
    expect(json.town).toBe(TOWN2);
    expect(json.asOf).toBe("2025-06");
    expect(json.rows).toEqual([{
      month: "2025-06", town_code: TOWN2, town_name: "二乡", village_name: "丙村", area_code: BING, household_id: "H08",
      head_name: "测*", id_number: "529901********0810", household_size: 2, household_type: "一般农户",
      monitor_kind: "边缘易致贫户", risks: "因学", uncovered_risks: "因学",
    }]);
    expect(text).not.toContain("测试户八");
    expect(text).not.toContain("529901199006060810");
    // H08 is 二乡's: 一镇's list is empty
    const town1 = runLoader(WORKLIST, {}, [`--town=${TOWN1}`]);
    expect(town1.json.rows).toEqual([]);
    expect(town1.text).not.toContain("H08");
  });

  it("the insurance work list: nothing in a public build, and a malformed town code is refused", () => {
    expect(runLoader(WORKLIST, { DIXIAN_PUBLIC: "1" }, [`--town=${TOWN2}`]).json).toEqual({ public: true, town: TOWN2, asOf: null, rows: null });
    const bad = spawnLoader(WORKLIST, {}, ["--town=1' or '1'='1"]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("乡镇代码应为 9 位数字");
    expect(spawnLoader(WORKLIST).status).not.toBe(0);
  });

  it("the insurance page data has no claim list in a public build", () => {
    expect(runLoader("src/data/insurance.json.ts").json.openClaims).toHaveLength(1);
    const pub = runLoader("src/data/insurance.json.ts", { DIXIAN_PUBLIC: "1" }).json;
    expect(pub.openClaims).toBeNull();
    expect(pub.lift.length).toBeGreaterThan(0);
  });
});
