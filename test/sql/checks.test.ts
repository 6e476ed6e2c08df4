// 疑点核查 (issue 17 point 4) on a hand-made roster (test/fixtures/indicators/extracts-checks): for every rule, a
// household that fires and one that does not, worked out by hand from the CSV rows (line 2025 for 529901 = 8,000).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECK_RULES, readCheckRules } from "../../loaders/config/checks.ts";
import { SettingsError } from "../../loaders/config/settings.ts";
import { DEFAULT_CONFIG_DIR, DEFAULT_MODELS_DIR } from "../../loaders/paths.ts";
import { DuckDBInstance } from "@duckdb/node-api";
import { gb11643CheckDigit } from "../../loaders/contracts/gb11643.ts";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { runSqlModels } from "../../loaders/warehouse/run-sql-models.ts";
import { buildFixtureWarehouse, FIXTURE_DIR, type FixtureWarehouse } from "./fixture-warehouse.ts";

interface Hit { rule: string; snapshot_month: string; household_id: string; person_ref: string | null; figure: number | null; threshold: number | null; detail: string | null; flagged_value: string | null }

const hitsOf = (hits: Hit[], rule: string, month = "2025-06") =>
  hits.filter((h) => h.rule === rule && h.snapshot_month === month).map((h) => h.household_id).sort();

describe("疑点核查 rules with the default catalogue", () => {
  let w: FixtureWarehouse;
  let hits: Hit[];
  beforeAll(async () => {
    w = await buildFixtureWarehouse({ extracts: "extracts-checks" });
    hits = await w.query<Hit>("select * from int_check_hits order by rule, snapshot_month, household_id");
  });
  afterAll(() => w?.close());
  const one = (rule: string, household: string, month = "2025-06") =>
    hits.find((h) => h.rule === rule && h.household_id === household && h.snapshot_month === month);

  it("income below the line, not monitored: H01 (7,000 < 8,000) fires, H02 (8,000, not below) does not", () => {
    expect(hitsOf(hits, "below_line_not_monitored")).toEqual(["H01"]);
    expect(one("below_line_not_monitored", "H01")).toMatchObject({ figure: 7000, threshold: 8000 });
    expect(hitsOf(hits, "below_line_not_monitored", "2025-05")).toEqual(["H01"]);
  });

  it("eliminated under 6 whole months after identification: H03 (4), H05 and H06 (1) fire; H04 (exactly 6) does not", () => {
    expect(hitsOf(hits, "quick_elimination")).toEqual(["H03", "H05", "H06"]);
    expect(one("quick_elimination", "H03")).toMatchObject({ figure: 4, threshold: 6 });
  });

  it("帮扶消除 in the identification month or the next: H05 (March → April) fires; H06 (March → May) and H03 (自然消除) do not", () => {
    expect(hitsOf(hits, "early_assisted_elimination")).toEqual(["H05"]);
    expect(one("early_assisted_elimination", "H05")).toMatchObject({ figure: 1, threshold: 1 });
  });

  it("no measure a month after identification: H07 (05-20, June snapshot) fires; H08 (06-05) and H07 in May do not", () => {
    expect(hitsOf(hits, "no_measure_after_identification")).toEqual(["H07"]);
    expect(hitsOf(hits, "no_measure_after_identification", "2025-05")).toEqual([]);
  });

  it("eliminated with income below the line: H09 (7,000) fires; H04 (9,000) does not", () => {
    expect(hitsOf(hits, "eliminated_below_line")).toEqual(["H09"]);
    expect(one("eliminated_below_line", "H09")).toMatchObject({ figure: 7000, threshold: 8000, detail: "帮扶消除" });
  });

  it("identified with income ≥ 20,000: H10 (25,000 in its identification snapshot, 18,000 now) fires in both months; H11 (19,999) does not", () => {
    expect(hitsOf(hits, "identified_income_high", "2025-05")).toEqual(["H10"]);
    expect(hitsOf(hits, "identified_income_high")).toEqual(["H10"]);
    expect(one("identified_income_high", "H10")).toMatchObject({ figure: 25000, threshold: 20000 });
  });

  it("因病 with 合规自付支出 0: H11 fires; H10 (3,000) and H03 (因病, no value) do not", () => {
    expect(hitsOf(hits, "illness_no_self_paid")).toEqual(["H11"]);
  });

  it("公益岗位 or 就业帮扶 with no wage: H12 (公益岗位, 0) fires; H13 (就业帮扶, 12,000) and H04 (15,000) do not", () => {
    expect(hitsOf(hits, "job_measure_no_wage")).toEqual(["H12"]);
    expect(one("job_measure_no_wage", "H12")).toMatchObject({ figure: 0, threshold: 0, detail: "公益岗位" });
  });

  it("eliminated with a guarantee 否: H14 (住房安全 否) fires; H04 (all 是) and H09 (饮水安全 empty) do not", () => {
    expect(hitsOf(hits, "eliminated_guarantee_unmet")).toEqual(["H14"]);
    expect(one("eliminated_guarantee_unmet", "H14")?.detail).toBe("住房安全 为“否”");
  });

  it("one head for two households: H15 and H16 fire, naming each other; no other household does", () => {
    expect(hitsOf(hits, "duplicate_head")).toEqual(["H15", "H16"]);
    expect(one("duplicate_head", "H15")).toMatchObject({ person_ref: "户主", figure: 2, detail: "同一证件号码还是户 H16 的户主", flagged_value: "529901196001010618" });
  });

  it("invalid or placeholder IDs that pass the load's check digit: H17 (birth 19000230), H18 (zeros), H20 (province 99) fire; valid IDs do not", () => {
    expect(hitsOf(hits, "id_invalid")).toEqual(["H17", "H18", "H20"]);
    expect(one("id_invalid", "H17")?.detail).toBe("户主证件号码：出生日期部分不是有效日期");
    expect(one("id_invalid", "H18")?.detail).toBe("户主证件号码为占位号码");
    expect(one("id_invalid", "H20")?.detail).toBe("户主证件号码：前两位不是省级代码");
  });

  it("phones not 11 digits: H19 (landline) and H20 (13800000001.0) fire; H21 (138 0000 0021, spaces) does not", () => {
    expect(hitsOf(hits, "phone_invalid")).toEqual(["H19", "H20"]);
    expect(one("phone_invalid", "H20")).toMatchObject({ figure: 12, threshold: 11, flagged_value: "13800000001.0" });
  });

  it("every rule fires on the fixture, except duplicate_person, which has no member data to run on", async () => {
    const fired = new Set(hits.map((h) => h.rule));
    expect(CHECK_RULES.map((r) => r.code).filter((code) => !fired.has(code))).toEqual(["duplicate_person"]);
    const rules = await w.query<{ rule: string; status: string; status_note: string | null; hits: number }>("select rule, status, status_note, hits::integer as hits from check_rules");
    expect(rules.find((r) => r.rule === "duplicate_person")).toMatchObject({ status: "skipped", hits: 0 });
    expect(rules.find((r) => r.rule === "illness_no_self_paid")).toMatchObject({ status: "run", hits: 1 });
    expect(rules.find((r) => r.rule === "quick_elimination")).toMatchObject({ status: "run", hits: 3 });
  });

  it("counts per rule and town add up to the county, and the list holds the latest snapshot", async () => {
    const counts = await w.query<{ rule: string; area_code: string; hits: number; households: number }>(
      "select rule, area_code, hits::integer as hits, households::integer as households from check_counts where snapshot_month = '2025-06' order by rule, area_code");
    expect(counts.filter((c) => c.rule === "quick_elimination")).toEqual([
      { rule: "quick_elimination", area_code: "529901", hits: 3, households: 3 },
      { rule: "quick_elimination", area_code: "529901001", hits: 3, households: 3 },
      { rule: "quick_elimination", area_code: "529901002", hits: 0, households: 0 },
    ]);
    const list = await w.query<{ rule: string; household_id: string; snapshot_month: string; town_name: string; title: string }>("select * from check_list");
    expect(new Set(list.map((r) => r.snapshot_month))).toEqual(new Set(["2025-06"]));
    expect(list).toHaveLength(hits.filter((h) => h.snapshot_month === "2025-06").length);
    expect(list.find((r) => r.household_id === "H01")).toMatchObject({ town_name: "一镇", title: "收入低于监测线未纳入监测" });
  });
});

describe("疑点核查 with the county's own settings", () => {
  it("a changed threshold, a disabled rule and a renamed rule reach the SQL", async () => {
    const w = await buildFixtureWarehouse({ extracts: "extracts-checks", config: "config-checks" });
    try {
      const hits = await w.query<Hit>("select * from int_check_hits");
      expect(hitsOf(hits, "identified_income_high")).toEqual(["H10", "H11"]);
      expect(hitsOf(hits, "phone_invalid")).toEqual([]);
      const rules = await w.query<{ rule: string; status: string; title: string; severity: string }>("select rule, status, title, severity from check_rules");
      expect(rules.find((r) => r.rule === "phone_invalid")?.status).toBe("disabled");
      expect(rules.find((r) => r.rule === "quick_elimination")).toMatchObject({ title: "识别后不到6个月就消除", severity: "错误" });
      expect(rules.find((r) => r.rule === "identified_income_high")?.title).toBe("识别时人均纯收入高于19,000元");
      const counts = await w.query("select * from check_counts where rule = 'phone_invalid'");
      expect(counts).toEqual([]);
    } finally {
      w.close();
    }
  });

  describe("a wrong checks.json is refused with a message saying what to fix", () => {
    const dir = mkdtempSync(join(tmpdir(), "dixian-checks-config-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const refused = (content: string) => {
      writeFileSync(join(dir, "checks.json"), content);
      try {
        readCheckRules(dir);
      } catch (error) {
        expect(error).toBeInstanceOf(SettingsError);
        return (error as Error).message;
      }
      throw new Error("not refused");
    };
    it.each([
      ['{"no_such_rule": {"启用": false}}', "不认识的规则：no_such_rule"],
      ['{"phone_invalid": {"阈值": 10}}', "没有阈值"],
      ['{"quick_elimination": {"阈值": 6.5}}', "应为整数"],
      ['{"quick_elimination": {"严重程度": "高"}}', "须为 错误 或 疑点"],
      ['{"quick_elimination": {"开启": true}}', "不认识的项：开启"],
      ['{"quick_elimination": {"阈值": -1}}', "不小于 0"],
      ["{", "不是有效的 JSON"],
    ])("%s", (content, message) => {
      expect(refused(content)).toContain(message);
    });
    it("no file: every rule at its default", () => {
      rmSync(join(dir, "checks.json"), { force: true });
      const rules = readCheckRules(dir);
      expect(rules.map((r) => r.code)).toEqual(CHECK_RULES.map((r) => r.code));
      expect(rules.find((r) => r.code === "identified_income_high")).toMatchObject({ threshold: 20000, enabled: true, severity: "疑点" });
      expect(rules.find((r) => r.code === "quick_elimination")?.threshold).toBe(6);
      // the file shipped in data/config is the defaults
      expect(readCheckRules(DEFAULT_CONFIG_DIR)).toEqual(rules);
    });
  });
});

describe("疑点核查 on person-level members (stg_household_members, as an export profile writes it)", () => {
  // H01 and H02 get member rows in June: their people are checked from the members, the other households' heads
  // from the roster as before. H01's 长子 is H02's 长女 (one person in two households); H02's 配偶 has a mistyped
  // check digit (kept by the members table, unlike a head's) and a 7-digit phone.
  const valid = (first17: string) => first17 + gb11643CheckDigit(first17);
  const son = valid("52990119900101123");
  const spouseFirst17 = "52990119710501021";
  const wrongCheck = spouseFirst17 + (gb11643CheckDigit(spouseFirst17) === "0" ? "1" : "0");
  let hits: Hit[];
  let status: string;
  const dir = mkdtempSync(join(tmpdir(), "dixian-checks-members-"));
  beforeAll(async () => {
    const dbPath = join(dir, "w.duckdb");
    await buildWarehouse({ inputDir: join(FIXTURE_DIR, "extracts-checks"), dbPath, reportsDir: join(dir, "reports"), configDir: join(FIXTURE_DIR, "config") });
    const instance = await DuckDBInstance.create(dbPath);
    const conn = await instance.connect();
    try {
      const members = [
        ["H01", "P011", "529901196503120112", "户主", "13800000001", 2],
        ["H01", "P012", son, "长子", "13900000012", 3],
        ["H02", "P021", "529901197005010214", "户主", "13800000002", 4],
        ["H02", "P022", wrongCheck, "配偶", "1380000", 5],
        ["H02", "P023", son, "长女", null, 6],
      ];
      for (const [household, person, id, relation, phone, row] of members) {
        await conn.run(`insert into stg_household_members (period, household_id, person_id, id_number, relation, phone, source_file, source_row)
          values ('2025-06', $1, $2, $3, $4, $5, '监测对象信息_20250630.xlsx', $6)`, [household, person, id, relation, phone, row]);
      }
      await runSqlModels(conn, DEFAULT_MODELS_DIR);
      hits = (await conn.runAndReadAll("select * from int_check_hits where snapshot_month = '2025-06'")).getRowObjectsJS() as unknown as Hit[];
      status = String((await conn.runAndReadAll("select status from check_rules where rule = 'duplicate_person'")).getRowObjectsJS()[0].status);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("one person in two households: H01's 长子 and H02's 长女 fire, the heads of H01 and H02 do not", () => {
    const dup = hits.filter((h) => h.rule === "duplicate_person").map((h) => `${h.household_id}/${h.person_ref}`).sort();
    expect(dup).toEqual(["H01/P012", "H02/P023"]);
    expect(hits.find((h) => h.rule === "duplicate_person" && h.household_id === "H01")?.detail).toBe("长子的证件号码还在户 H02 中");
    expect(status).toBe("run");
  });

  it("a member's ID with a wrong check digit and a member's short phone fire; the heads' rows are not checked twice", () => {
    const ids = hits.filter((h) => h.rule === "id_invalid").map((h) => `${h.household_id}/${h.person_ref}`).sort();
    expect(ids).toEqual(["H02/P022", "H17/户主", "H18/户主", "H20/户主"]);
    expect(hits.find((h) => h.rule === "id_invalid" && h.household_id === "H02")).toMatchObject({ detail: "配偶证件号码：校验位不对", flagged_value: wrongCheck });
    const phones = hits.filter((h) => h.rule === "phone_invalid").map((h) => `${h.household_id}/${h.person_ref}`).sort();
    expect(phones).toEqual(["H02/P022", "H19/户主", "H20/户主"]);
    expect(hits.filter((h) => h.household_id === "H01" || h.household_id === "H02").map((h) => h.rule).sort())
      .toEqual(["below_line_not_monitored", "duplicate_person", "duplicate_person", "id_invalid", "phone_invalid"]);
  });
});
