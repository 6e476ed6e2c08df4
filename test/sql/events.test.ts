// Events (DOMAIN.md §7): read from each household's latest snapshot, counted in the period of their date,
// in the village the household lives in at the period's end; timeliness with pending and overdue households.
// Fixture test/fixtures/indicators/extracts-events: snapshots 2025-04, 2025-05, 2025-06 (calendar 2025-01 …
// 2025-06); 甲村 529901001001 in 一镇 529901001, 丙村 529901002001 in 二乡 529901002; deadlines 15 working
// days, no holidays. Working days (Mon–Fri) counted after the first date up to and including the second.
//
// id  village        snapshots: what changes                        dates (latest snapshot)
// A1  甲 一般 3人     May: 识别 2025-05-30; June: corrected to 06-02  发现 05-20 → 识别 06-02 (9 wd) → 帮扶 06-04 (2)
// A2  甲 → 丙 (June)  脱贫不稳定户, the mover                          发现 04-01 → 识别 04-10 (7) → 帮扶 04-15 (3)
// B1  甲 一般        June: 发现 only, not identified                  发现 06-09: 06-10 … 06-30 = exactly 15 wd at 06-30
// B2  甲 一般        June: 发现 only                                  发现 06-06 (Fri): 16 wd at 06-30, deadline passed 06-30
// B3  丙 一般        every month: 发现 only                           发现 04-01: deadline passed 04-23 (16th wd)
// B4  丙 一般 1人     June: identified exactly on the deadline         发现 06-09 → 识别 06-30 (15) → 帮扶 06-30 (0)
// C1  甲 脱贫 3人     June: identified, no measure                     发现 06-02 → 识别 06-09 (5); 15 wd to 06-30: pending
// C2  丙 一般 2人     June: identified, no measure                     发现 06-02 → 识别 06-06 (4); 16 wd to 06-30: overdue
// C3  甲 脱贫 4人     May: identified, no 首次帮扶; June: 帮扶 06-10     发现 05-19 → 识别 05-26 (5) → 帮扶 06-10 (11)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureWarehouse, type FixtureWarehouse } from "./fixture-warehouse.ts";
import { expectFlowsAddUp } from "./flow-additivity.ts";

const COUNTY = "529901";
const TOWN1 = "529901001";
const TOWN2 = "529901002";
const JIA = "529901001001";
const BING = "529901002001";

type Expected = [number | null, number | null];
let warehouse: FixtureWarehouse;
beforeAll(async () => {
  warehouse = await buildFixtureWarehouse({ extracts: "extracts-events" });
});
afterAll(() => warehouse?.close());

async function expectCode(code: string, period: string, area: string, [numerator, denominator]: Expected) {
  const rows = await warehouse.query<{ numerator: number | null; denominator: number | null; value: number | null }>(
    `select numerator, denominator, value from indicators where code = '${code}' and period = '${period}' and area_code = '${area}'`,
  );
  expect(rows, `${code} ${period} ${area}`).toHaveLength(1);
  expect([rows[0]!.numerator, rows[0]!.denominator], `${code} ${period} ${area}`).toEqual([numerator, denominator]);
}

describe("events from the latest snapshot", () => {
  it("a date corrected across a month boundary counts once, in the month it names now", async () => {
    // A1: the May snapshot said 识别 05-30, the June snapshot says 06-02. Read from the latest: June only.
    // May: C3 (05-26); June: A1, B4 (06-30), C1 (06-09), C2 (06-06); April: A2 (04-10).
    await expectCode("mon_identified", "2025-04", COUNTY, [1, null]);
    await expectCode("mon_identified", "2025-05", COUNTY, [1, null]);
    await expectCode("mon_identified", "2025-06", COUNTY, [4, null]);
    await expectCode("mon_identified", "2025-H1", COUNTY, [6, null]);
    const flows = await warehouse.query<{ month: string; category: string; households: number }>(
      `select month, category, households from monitoring_flows
        where dimension = 'identified_kind' and area_level = 'county' order by month, category`,
    );
    expect(flows).toEqual([
      { month: "2025-04", category: "脱贫不稳定户", households: 1 }, // A2
      { month: "2025-05", category: "脱贫不稳定户", households: 1 }, // C3 (A1 is no longer in May)
      { month: "2025-06", category: "脱贫不稳定户", households: 1 }, // C1
      { month: "2025-06", category: "边缘易致贫户", households: 3 }, // A1 B4 C2
    ]);
  });

  it("a first assistance that appears only in the end snapshot: pending in May, on time in the half-year", async () => {
    // C3: identified 05-26; the May snapshot has no 首次帮扶日期, the June one says 06-10 (11 wd, on time).
    // At 05-31 the deadline (06-16) has not passed and no assistance was given by then: pending, not late.
    await expectCode("timely_assist_rate", "2025-05", COUNTY, [0, 0]);
    await expectCode("assist_pending", "2025-05", COUNTY, [1, null]);
    // 2025-H1 (read at 06-30): A2 (3), C3 (11), A1 (2), B4 (0) on time; C2 late (no assistance, deadline
    // passed 06-30); C1 pending (due 07-01) → 4 ÷ 5. The page's chart reads the same period, not summed months.
    await expectCode("timely_assist_rate", "2025-H1", COUNTY, [4, 5]);
    const chart = await warehouse.query<{ status: string; households: number }>(
      `select status, sum(households)::integer as households from timeliness
        where period = '2025-H1' and area_level = 'county' and stage = 'assist' group by status order by status`,
    );
    expect(chart).toEqual([
      { status: "late", households: 1 }, // C2
      { status: "on_time", households: 4 },
      { status: "overdue", households: 1 }, // C2, still without a measure at 06-30
      { status: "pending", households: 1 }, // C1
    ]);
  });

  it("identification: on time, late once, pending and overdue, one exactly on the deadline", async () => {
    // April: A2 on time (7 wd); B3's deadline passed 04-23 without identification → late, counted once → 1 ÷ 2.
    await expectCode("timely_identification_rate", "2025-04", COUNTY, [1, 2]);
    await expectCode("ident_overdue", "2025-04", COUNTY, [1, null]); // B3
    await expectCode("ident_pending", "2025-04", COUNTY, [0, null]);
    // May: C3 on time (5); B3 stays overdue but is not counted late again. A1 (latest: identified 06-02,
    // found 05-20, due 06-10) was not yet identified at 05-31: pending.
    await expectCode("timely_identification_rate", "2025-05", COUNTY, [1, 1]);
    await expectCode("ident_overdue", "2025-05", COUNTY, [1, null]);
    await expectCode("ident_pending", "2025-05", COUNTY, [1, null]); // A1
    // June: A1 (9), B4 (exactly 15: on time), C1 (5), C2 (4) on time; B2's deadline passed on 06-30 (16 wd) → late;
    // B1 found 06-09 is at exactly 15 wd on 06-30: pending, not late.
    await expectCode("timely_identification_rate", "2025-06", COUNTY, [4, 5]);
    await expectCode("ident_pending", "2025-06", COUNTY, [1, null]); // B1
    await expectCode("ident_overdue", "2025-06", COUNTY, [2, null]); // B2 B3
    // the half-year is the sum of its months: 6 ÷ 8
    await expectCode("timely_identification_rate", "2025-H1", COUNTY, [6, 8]);
    await expectCode("ident_overdue", "2025-H1", COUNTY, [2, null]);
    await expectCode("ident_pending", "2025-H1", TOWN1, [1, null]); // B1 in 甲村
    await expectCode("ident_overdue", "2025-H1", TOWN1, [1, null]); // B2 (B3 is in 丙村)
  });

  it("first assistance: pending exactly on the deadline, overdue the day after", async () => {
    // June cohort: A1 (2 wd) and B4 (0) on time, C2 (16 wd at 06-30, none) late, C1 (15 wd at 06-30) pending.
    await expectCode("timely_assist_rate", "2025-06", COUNTY, [2, 3]);
    await expectCode("assist_pending", "2025-06", COUNTY, [1, null]); // C1
    await expectCode("assist_overdue", "2025-06", COUNTY, [1, null]); // C2: active, no measure, past the deadline
    await expectCode("assist_overdue", "2025-06", TOWN2, [1, null]);
    await expectCode("assist_pending", "2025-06", TOWN1, [1, null]);
    // May: C3 and A1 (monitored in the May snapshot) have no measure, but neither is past the deadline at 05-31
    // (A1 is not even identified by then according to the latest snapshot)
    await expectCode("assist_overdue", "2025-05", COUNTY, [0, null]);
    // months without a snapshot have no end snapshot for assist_overdue: empty, not 0
    await expectCode("assist_overdue", "2025-03", COUNTY, [null, null]);
  });

  it("a household that moves village is counted where it lives at each period's end", async () => {
    // A2 lives in 甲村 in the April and May snapshots, in 丙村 in June; identified 2025-04-10.
    await expectCode("mon_identified", "2025-04", JIA, [1, null]); // April's end: 甲村
    await expectCode("mon_identified", "2025-04", BING, [0, null]);
    await expectCode("mon_identified", "2025-H1", JIA, [3, null]); // A1 C1 C3 (A2 lives in 丙村 at the half-year's end)
    await expectCode("mon_identified", "2025-H1", BING, [3, null]); // A2 B4 C2
    await expectCode("mon_identified", "2025-H1", TOWN2, [3, null]);
    await expectCode("mon_active", "2025-05", JIA, [3, null]); // A1 A2 C3
    await expectCode("mon_active", "2025-06", BING, [3, null]); // A2 B4 C2
    await expectCode("mon_active", "2025-06", JIA, [3, null]); // A1 C1 C3
  });

  it("months add up to the half-year and the year at county level (a mover shifts villages, not the county)", async () => {
    expect(await expectFlowsAddUp(warehouse, ["county"])).toBeGreaterThan(20);
  });
});

describe("every flow code and flow mart adds up on the main hand-made roster, at every level", () => {
  let main: FixtureWarehouse;
  beforeAll(async () => {
    main = await buildFixtureWarehouse();
  });
  afterAll(() => main?.close());
  it("months → half-years and years; page marts = indicators", async () => {
    expect(await expectFlowsAddUp(main)).toBeGreaterThan(100);
  });
});
