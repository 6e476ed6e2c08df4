// household_status on the main hand-made roster (see indicators.test.ts for the table of households).
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildFixtureWarehouse, type FixtureWarehouse } from "./fixture-warehouse.ts";

let warehouse: FixtureWarehouse;
beforeAll(async () => {
  warehouse = await buildFixtureWarehouse();
});
afterAll(() => warehouse?.close());

const status = async (period: string, household: string) => {
  const rows = await warehouse.query(`
    select town_code, is_active, all_ok, line, below_line, colour_grade,
           identify_workdays::integer as identify_workdays, assist_workdays::integer as assist_workdays
    from household_status where period = '${period}' and household_id = '${household}'`);
  expect(rows, `${period} ${household}`).toHaveLength(1);
  return rows[0];
};

it("has one row per household and snapshot month, with the staging fields", async () => {
  const counts = await warehouse.query("select period, count(*)::integer as n from household_status group by 1 order by 1");
  expect(counts).toEqual([{ period: "2024-06", n: 9 }, { period: "2025-05", n: 10 }, { period: "2025-06", n: 11 }]);
  const [h03] = await warehouse.query("select head_name, household_type, monitor_kind, measures from household_status where period = '2025-06' and household_id = 'H03'");
  expect(h03).toEqual({ head_name: "测试户三", household_type: "脱贫户", monitor_kind: "脱贫不稳定户", measures: ["就业帮扶"] });
});

it("grades by colour with the county's thresholds (red < 5000 ≤ yellow < 10000 ≤ green)", async () => {
  // H11: 15500, not monitored, all guarantees → green; H01: exactly 10000 → green
  expect(await status("2025-06", "H11")).toMatchObject({ colour_grade: "green", is_active: false, all_ok: true });
  expect(await status("2025-06", "H01")).toMatchObject({ colour_grade: "green" });
  // H09: 8800, not monitored → yellow
  expect(await status("2025-05", "H09")).toMatchObject({ colour_grade: "yellow" });
  // H12: 10500 but 饮水 否 → red; H05: no labour, file says eliminated, still active → red
  expect(await status("2025-06", "H12")).toMatchObject({ colour_grade: "red", all_ok: false });
  expect(await status("2025-06", "H05")).toMatchObject({ colour_grade: "red", is_active: true });
  // H02: eliminated, 8600, all guarantees → yellow
  expect(await status("2025-06", "H02")).toMatchObject({ colour_grade: "yellow", is_active: false });
});

it("carries the line of the snapshot's year (county over province) and working days", async () => {
  // H05 7700 in 2025-05: county line 8000 applies → below; 7600 in 2024-06 against 7000 → not below
  expect(await status("2025-05", "H05")).toMatchObject({ line: 8000, below_line: true, town_code: "529901001" });
  expect(await status("2024-06", "H05")).toMatchObject({ line: 7000, below_line: false });
  // H07: 发现 2025-04-28 → 识别 2025-05-09 = 9 working days; → 首次帮扶 2025-05-12 = 1
  expect(await status("2025-05", "H07")).toMatchObject({ identify_workdays: 9, assist_workdays: 1 });
  // H08: no 发现日期, no 首次帮扶日期
  expect(await status("2025-06", "H08")).toMatchObject({ identify_workdays: null, assist_workdays: null });
});
