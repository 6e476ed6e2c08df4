// The 工作清单 data loader on the work-list roster (see page-marts.test.ts): it prints the worklist mart's
// rows with names and ID numbers masked, and with DIXIAN_PUBLIC=1 no household row at all.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { FIXTURE_DIR } from "./fixture-warehouse.ts";

let dir: string;
let dbPath: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dixian-worklist-"));
  dbPath = join(dir, "fixture.duckdb");
  await buildWarehouse({
    inputDir: join(FIXTURE_DIR, "extracts-worklist"),
    dbPath,
    reportsDir: join(dir, "reports"),
    configDir: join(FIXTURE_DIR, "config"),
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runLoader = (env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/data/worklist.json.ts"], {
    encoding: "utf8",
    env: { ...process.env, DIXIAN_DB: dbPath, DIXIAN_PUBLIC: "", ...env },
  });
  expect(result.status, result.stderr).toBe(0);
  return { text: result.stdout, json: JSON.parse(result.stdout) };
};

it("prints the three lists with masked names and IDs", () => {
  const { text, json } = runLoader();
  expect(json.public).toBe(false);
  expect(json.asOf).toBe("2025-06");
  expect(json.deadline).toBe(15);
  const ids = (rows: Array<{ household_id: string }>) => rows.map((r) => r.household_id);
  // ① W01 (甲村) before W10 (丙村); ② W08 (300) before W02 (7000), both 甲村; ③ W03
  expect(ids(json.lists.noMeasure)).toEqual(["W01", "W10"]);
  expect(ids(json.lists.leads)).toEqual(["W08", "W02"]);
  expect(ids(json.lists.review)).toEqual(["W03"]);
  expect(json.lists.noMeasure[0]).toEqual({
    town_name: "一镇", village_name: "甲村", area_code: "529901001001", household_id: "W01",
    head_name: "清*", id_number: "529901********0014", household_size: 3,
    monitor_kind: "脱贫不稳定户", identified_date: "2025-03-03", workdays_since: 85,
  });
  expect(json.lists.leads[1]).toMatchObject({ head_name: "清*", household_type: "一般农户", income_pc: 7000, line: 8000 });
  // maskName keeps the surname and one * (清单户一 → 清*)
  // nothing personal in clear anywhere in the output
  for (const secret of ["清单户一", "清单户二", "清单户三", "清单户十", "529901197001010014", "52990119720303003X"]) {
    expect(text).not.toContain(secret);
  }
});

it("prints no household row in a public build", () => {
  expect(runLoader({ DIXIAN_PUBLIC: "1" }).json).toEqual({ public: true, asOf: null, lists: null });
});
