// Working days skip the county's holiday list: with config-holidays (识别时限 8 working days, 2025-05-01
// and 2025-05-02 off) H07, found 2025-04-28 and identified 2025-05-09, took 9 Monday–Friday days but only
// 7 working days, so it becomes timely; H03 (2025-05-06 → 2025-05-20, 10 working days, no holiday in
// between) stays late. Without the holiday list the county figure would be 0/2, with the default 15-day
// deadline 2/2 (see indicators.test.ts): only 1/2 shows both settings were read.
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildFixtureWarehouse, type FixtureWarehouse } from "./fixture-warehouse.ts";

let warehouse: FixtureWarehouse;
beforeAll(async () => {
  warehouse = await buildFixtureWarehouse({ config: "config-holidays" });
});
afterAll(() => warehouse?.close());

it("subtracts listed holidays and applies the configured deadline", async () => {
  const [row] = await warehouse.query<{ numerator: number; denominator: number; value: number }>(
    "select numerator, denominator, value from indicators where code = 'timely_identification_rate' and period = '2025-05' and area_code = '529901'",
  );
  expect(row).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  const holidays = await warehouse.query<{ day: string }>("select strftime(holiday, '%Y-%m-%d') as day from cfg_holidays order by holiday");
  expect(holidays.map((h) => h.day)).toEqual(["2025-05-01", "2025-05-02"]);
  // the first-assistance deadline was left out of that settings file: the default 15 applies
  const [settings] = await warehouse.query<{ identification_deadline_days: number; first_assist_deadline_days: number }>(
    "select identification_deadline_days, first_assist_deadline_days from cfg_settings",
  );
  expect(settings).toEqual({ identification_deadline_days: 8, first_assist_deadline_days: 15 });
});

it("keeps a working-day calendar up to the last snapshot month's end, past the roster's last date", async () => {
  // the roster's latest date is 2025-06-27 (a Friday); pages count working days up to 2025-06-30 (a Monday)
  const [row] = await warehouse.query<{ days: number }>(`
    select (b.workday_seq - a.workday_seq)::integer as days
    from int_workdays a, int_workdays b
    where a.day = date '2025-06-27' and b.day = date '2025-06-30'`);
  expect(row).toEqual({ days: 1 });
  // 2025-05-01 is a Thursday, off by the holiday list
  const [may] = await warehouse.query<{ is_workday: boolean }>("select is_workday from int_workdays where day = date '2025-05-01'");
  expect(may).toEqual({ is_workday: false });
});
