// The per-town 工作清单 data loader (src/data/worklist/[town].json.ts) on the work-list roster (see
// page-marts.test.ts): it prints only the town's own rows, most overdue first, with names, IDs and the
// helper's name masked, and with DIXIAN_PUBLIC=1 no household row at all.
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

const runLoader = (town: string, env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/data/worklist/[town].json.ts", `--town=${town}`], {
    encoding: "utf8",
    env: { ...process.env, DIXIAN_DB: dbPath, DIXIAN_PUBLIC: "", ...env },
  });
  return { status: result.status, stderr: result.stderr, text: result.stdout, json: result.status === 0 ? JSON.parse(result.stdout) : null };
};
const ids = (rows: Array<{ household_id: string }>) => rows.map((r) => r.household_id);

it("prints 一镇's lists only, masked, most overdue first", () => {
  const { text, json, stderr } = runLoader("529901001");
  expect(json, stderr).not.toBeNull();
  expect(json.public).toBe(false);
  expect(json.asOf).toBe("2025-06");
  expect(json.deadlines).toEqual({ identification: 15, firstAssist: 15 });
  // W10 (丙村, 二乡) and W13 (二乡) are not 一镇's
  expect(ids(json.lists.identOverdue)).toEqual([]);
  expect(ids(json.lists.noMeasure)).toEqual(["W01"]);
  // ② W08 (300) before W02 (7000): furthest below the line first
  expect(ids(json.lists.leads)).toEqual(["W08", "W02"]);
  expect(ids(json.lists.review)).toEqual(["W03"]);
  expect(json.lists.noMeasure[0]).toEqual({
    village_name: "甲村", area_code: "529901001001", household_id: "W01",
    head_name: "清*", id_number: "529901********0014", household_size: 3, helper_name: "帮*", risks: "因病",
    monitor_kind: "脱贫不稳定户", identified_date: "2025-03-03", workdays_since: 85, overdue_workdays: 70,
  });
  expect(json.lists.leads[1]).toMatchObject({ head_name: "清*", household_type: "一般农户", income_pc: 7000, line: 8000 });
  // nothing personal in clear anywhere in the output, and nothing of the other town
  for (const secret of ["清单户一", "清单户二", "清单户三", "清单户十", "529901197001010014", "52990119720303003X", "帮扶干部甲", "W10", "W13", "丙村"]) {
    expect(text).not.toContain(secret);
  }
});

it("prints 二乡's overdue identification and measure lists", () => {
  const { json, text } = runLoader("529901002");
  expect(ids(json.lists.identOverdue)).toEqual(["W13"]);
  expect(json.lists.identOverdue[0]).toMatchObject({ risk_found_date: "2025-05-05", workdays_since_found: 40, overdue_workdays: 25, helper_name: "帮*" });
  expect(ids(json.lists.noMeasure)).toEqual(["W10"]);
  expect(text).not.toContain("甲村");
});

it("refuses a malformed town code and prints no household row in a public build", () => {
  expect(runLoader("1' or '1'='1").status).not.toBe(0);
  expect(runLoader("529901001", { DIXIAN_PUBLIC: "1" }).json).toEqual({ public: true, town: "529901001", asOf: null, lists: null });
});
