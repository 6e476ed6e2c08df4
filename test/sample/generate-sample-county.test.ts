import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkIdNumber } from "../../loaders/contracts/gb11643.ts";
import { DEFAULT_LINE_RULES } from "../../loaders/config/insurance.ts";
import { generateSampleCounty } from "../../loaders/sample/generate-sample-county.ts";
import { HEADERS, type ExtractName } from "../../loaders/sample/headers.ts";
import type { ManifestFile, SampleManifest } from "../../loaders/sample/manifest.ts";
import { readRecords, readRows } from "./read-extract.ts";

const SIZE = { households: 600, months: 6, end: "2026-06", defectRate: 0.02 };
const root = mkdtempSync(join(tmpdir(), "dixian-sample-"));
const dirA = join(root, "a");
let manifest: SampleManifest;
type Records = { row: number; values: Record<string, string> }[];
const records = new Map<string, Records>();

const filesOf = (extract: ExtractName) => manifest.files.filter((f) => f.extract === extract);
const recordsOf = (extract: ExtractName) => filesOf(extract).flatMap((f) => records.get(f.name)!.map((r) => ({ file: f, ...r })));
const defectAt = (file: string, row: number) => manifest.defects.find((d) => d.file === file && d.row === row);

beforeAll(async () => {
  manifest = await generateSampleCounty({ outDir: dirA, seed: 7, ...SIZE });
  for (const f of manifest.files) records.set(f.name, await readRecords(dirA, f));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("extract files", () => {
  it("writes every extract, one households file per month and one ledger per bank per month", () => {
    const extracts = new Set(manifest.files.map((f) => f.extract));
    expect([...extracts].sort()).toEqual([
      "claims", "county_stats", "disaster_losses", "households", "lead_feedback", "loans", "medical_costs", "monitoring_lines", "policies", "villages",
    ]);
    expect(filesOf("households").map((f) => f.period)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
    const banks = new Set(filesOf("loans").map((f) => f.source));
    expect(banks.size).toBeGreaterThanOrEqual(4);
    expect(banks.size).toBeLessThanOrEqual(6);
    // one bank misses one month on purpose (manifest.missingLedgers)
    expect(manifest.missingLedgers).toHaveLength(1);
    expect(filesOf("loans")).toHaveLength(banks.size * SIZE.months - 1);
    const { bank, period } = manifest.missingLedgers[0]!;
    expect(filesOf("loans").some((f) => f.source === bank && f.period === period)).toBe(false);
    expect(new Set(manifest.files.map((f) => f.format))).toEqual(new Set(["csv-utf8-bom", "csv-gb18030", "xlsx"]));
  });

  it("writes exactly the canonical headers (a bank may drop 数据期 or state 万元)", async () => {
    for (const f of manifest.files) {
      const rows = await readRows(dirA, f);
      const header = rows.find((r) => r.row === f.headerRow)!.cells;
      expect(header, f.name).toEqual(f.headers);
      const canonical = header.map((h) => h.replace(/\(万元\)$/, (m) => (f.amountUnit === "万元" ? "" : m)));
      const expected = f.periodInName ? HEADERS[f.extract].filter((h) => h !== "数据期") : HEADERS[f.extract];
      expect(canonical, f.name).toEqual(expected);
      if (f.titleRows > 0) {
        expect(rows[0].row).toBe(1);
        expect(rows[0].cells[0]).toMatch(/台账|信息表/);
      }
    }
  });

  it("varies the forms like real offices: no 数据期 with the period in the file name, 万元 headers, titles and 合计 rows", () => {
    const noPeriod = filesOf("loans").filter((f) => f.periodInName);
    expect(noPeriod.length).toBeGreaterThan(0);
    for (const f of noPeriod) expect(f.name).toContain(f.period!.replace("-", ""));
    expect(filesOf("loans").some((f) => f.headers.includes("合同金额(万元)"))).toBe(true);
    expect(filesOf("loans").some((f) => f.format === "csv-gb18030")).toBe(true);
    expect(filesOf("households").some((f) => f.format === "csv-gb18030")).toBe(true);
    expect(filesOf("villages")[0].titleRows).toBe(1);
    const titled = filesOf("loans").filter((f) => f.titleRows > 0);
    expect(titled.length).toBeGreaterThan(0);
    for (const f of titled) expect(f.totalRow).toBe(f.headerRow + f.dataRows + 1);
  });

  it("encodes each CSV as the manifest says: UTF-8 with BOM, or GB18030 that is not UTF-8", () => {
    for (const f of manifest.files.filter((x) => x.format !== "xlsx")) {
      const bytes = readFileSync(join(dirA, f.name));
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      expect(bom, f.name).toBe(f.format === "csv-utf8-bom");
      if (f.format === "csv-gb18030") expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes), f.name).toThrow();
    }
  });

  it("has as many data rows in each file as the manifest says, with the 合计 row after them", async () => {
    for (const f of manifest.files) {
      const rows = await readRows(dirA, f);
      const data = rows.filter((r) => r.row > f.headerRow && r.row !== f.totalRow);
      expect(data.length, f.name).toBe(f.dataRows);
      if (f.totalRow !== null) expect(rows.find((r) => r.row === f.totalRow)!.cells[0]).toBe("合计");
    }
    expect(manifest.summary.dataRows).toBe(manifest.files.reduce((n, f) => n + f.dataRows, 0));
  });
});

describe("areas", () => {
  it("nests 12-digit village codes under 9-digit towns and the 6-digit county", () => {
    const villages = recordsOf("villages");
    expect(villages.length).toBe(manifest.summary.villages);
    for (const { values: v } of villages) {
      expect(v["区划代码"]).toMatch(/^\d{12}$/);
      expect(v["乡镇代码"]).toMatch(/^\d{9}$/);
      expect(v["区划代码"].startsWith(v["乡镇代码"])).toBe(true);
      expect(v["乡镇代码"].startsWith(v["县代码"])).toBe(true);
      expect(v["县代码"]).toBe(manifest.county.code);
    }
    expect(new Set(villages.map((v) => v.values["区划代码"])).size).toBe(villages.length);
  });

  it("places every roster row in a known village, except rows recorded as unknown_village defects", () => {
    const known = new Set(recordsOf("villages").map((v) => v.values["区划代码"]));
    for (const r of recordsOf("households")) {
      const defect = defectAt(r.file.name, r.row);
      expect(known.has(r.values["区划代码"]), `${r.file.name}:${r.row}`).toBe(defect?.kind !== "unknown_village");
    }
  });

  it("gives each village at least as many rural households as roster households", () => {
    const last = records.get(filesOf("households").at(-1)!.name)!;
    const roster = new Map<string, number>();
    for (const r of last) roster.set(r.values["区划代码"], (roster.get(r.values["区划代码"]) ?? 0) + 1);
    let rural = 0;
    for (const { values: v } of recordsOf("villages")) {
      expect(Number(v["农村户数"])).toBeGreaterThanOrEqual(roster.get(v["区划代码"]) ?? 0);
      rural += Number(v["农村户数"]);
    }
    expect(rural / SIZE.households).toBeGreaterThan(2.4);
    expect(rural / SIZE.households).toBeLessThan(3.6);
  });
});

describe("people", () => {
  it("writes valid GB 11643 IDs everywhere, except the recorded bad_id_checksum defects", () => {
    let checked = 0;
    for (const extract of ["households", "loans", "policies", "claims"] as const) {
      for (const r of recordsOf(extract)) {
        const id = r.values["证件号码"];
        if (!id || (extract === "loans" && r.values["借款人类型"] !== "个人")) continue;
        const bad = defectAt(r.file.name, r.row)?.kind === "bad_id_checksum";
        expect(checkIdNumber(id), `${r.file.name}:${r.row}`).toBe(bad ? "checksum" : "ok");
        if (!bad) expect(id.slice(0, 6)).toBe(manifest.county.code);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(SIZE.households * SIZE.months);
  });

  it("matches personal loans and individual policies to the roster by 户编号 and 证件号码", () => {
    const roster = new Map(recordsOf("households").filter((r) => !defectAt(r.file.name, r.row)).map((r) => [r.values["户编号"], r.values["证件号码"]]));
    const personal = [...recordsOf("loans").filter((r) => r.values["借款人类型"] === "个人"), ...recordsOf("policies").filter((r) => r.values["投保方式"] === "个人")];
    expect(personal.length).toBeGreaterThan(0);
    // household members borrowing in their own name (the 18- and 66-year-old cases) carry their own ID
    const members = new Set(manifest.loanCases.filter((c) => c.case === "age_18" || c.case === "age_66").map((c) => c.loanId));
    for (const r of personal) {
      if (defectAt(r.file.name, r.row)?.kind === "bad_id_checksum") continue;
      if (members.has(r.values["贷款编号"]!)) continue;
      expect(roster.get(r.values["户编号"]), `${r.file.name}:${r.row}`).toBe(r.values["证件号码"]);
    }
  });

  it("writes mobile numbers 1[3-9] followed by 9 digits", () => {
    const phones = recordsOf("households").map((r) => r.values["联系电话"]).filter((p) => p !== "");
    expect(phones.length).toBeGreaterThan(SIZE.households * SIZE.months * 0.9);
    for (const p of phones) expect(p).toMatch(/^1[3-9]\d{9}$/);
  });
});

describe("monitoring", () => {
  const clean = () => recordsOf("households").filter((r) => !defectAt(r.file.name, r.row));

  it("keeps kinds consistent with household type and labour consistent with size", () => {
    for (const { values: v } of clean()) {
      const size = Number(v["家庭人口数"]);
      const labour = Number(v["劳动力人数"]);
      expect(size).toBeGreaterThanOrEqual(1);
      expect(size).toBeLessThanOrEqual(7);
      expect(labour).toBeLessThanOrEqual(size);
      expect(v["整户无劳动能力"] === "是").toBe(labour === 0);
      if (v["监测对象类别"] === "脱贫不稳定户") expect(v["户类型"]).toBe("脱贫户");
      if (v["监测对象类别"] === "边缘易致贫户") expect(v["户类型"]).toBe("一般农户");
      expect(v["是否监测对象"] === "是").toBe(v["监测对象类别"] !== "");
    }
  });

  it("never eliminates the risk of a household without labour, and eliminates others only after six months", () => {
    let eliminated = 0;
    for (const { values: v } of clean()) {
      if (v["风险是否消除"] !== "是") continue;
      eliminated++;
      expect(v["整户无劳动能力"]).toBe("否");
      expect(["帮扶消除", "自然消除"]).toContain(v["风险消除方式"]);
      const months = (Date.parse(v["风险消除日期"]) - Date.parse(v["识别监测日期"])) / 86_400_000 / 30.4;
      expect(months).toBeGreaterThanOrEqual(6);
      expect(v["帮扶措施"]).not.toBe("");
    }
    expect(eliminated).toBeGreaterThan(0);
    const noLabourMonitored = clean().filter((r) => r.values["整户无劳动能力"] === "是" && r.values["是否监测对象"] === "是");
    expect(noLabourMonitored.length).toBeGreaterThan(0);
  });

  it("keeps 是否监测对象 at 是 once a household was identified", () => {
    const seen = new Map<string, boolean>();
    for (const f of filesOf("households")) {
      for (const r of records.get(f.name)!) {
        const id = r.values["户编号"];
        const now = r.values["是否监测对象"] === "是";
        if (seen.get(id)) expect(now, `${f.name} ${id}`).toBe(true);
        seen.set(id, now || (seen.get(id) ?? false));
      }
    }
  });

  it("computes 人均纯收入 from the income components", () => {
    for (const { values: v } of clean()) {
      const net = ["工资性收入", "生产经营性收入", "财产性收入", "转移性收入"].reduce((s, k) => s + Number(v[k]), 0) - Number(v["生产经营性支出"]);
      expect(Math.abs(net / Number(v["家庭人口数"]) - Number(v["人均纯收入"]))).toBeLessThan(0.01);
    }
  });

  it("has county-like proportions: ~70% 脱贫户, ~3.2 persons per household, 5–14% of 脱贫 people under active monitoring", () => {
    const last = records.get(filesOf("households").at(-1)!.name)!.map((r) => r.values);
    const lifted = last.filter((v) => v["户类型"] === "脱贫户");
    expect(lifted.length / last.length).toBeGreaterThan(0.6);
    expect(lifted.length / last.length).toBeLessThan(0.8);
    const meanSize = last.reduce((s, v) => s + Number(v["家庭人口数"]), 0) / last.length;
    expect(meanSize).toBeGreaterThan(2.8);
    expect(meanSize).toBeLessThan(3.6);
    const pop = (vs: typeof last) => vs.reduce((s, v) => s + Number(v["家庭人口数"]), 0);
    const active = last.filter((v) => v["是否监测对象"] === "是" && v["风险是否消除"] === "否");
    const share = pop(active) / pop(lifted);
    expect(share).toBeGreaterThan(0.04);
    expect(share).toBeLessThan(0.16);
    const pcLifted = lifted.map((v) => Number(v["人均纯收入"]));
    const mean = pcLifted.reduce((a, b) => a + b, 0) / pcLifted.length;
    expect(mean).toBeGreaterThan(12_000);
    expect(mean).toBeLessThan(18_000);
  });
});

const MICRO_NAMES = ["脱贫人口小额信贷", "扶贫小额信贷", "脱贫人口小额贷款"];

describe("loans and insurance", () => {
  it("records a loan for every policy and finance case, each written in the ledgers", () => {
    const kinds = new Set(manifest.loanCases.map((c) => c.case));
    expect([...kinds].sort()).toEqual([
      "age_18", "age_66", "cooperative", "household_over", "not_eligible", "past_maturity", "project", "rate_over_cap",
      "repeated_rollover", "single_over", "subsidy_on_overdue", "term_over", "top_up",
    ]);
    const written = new Set(recordsOf("loans").map((r) => `${r.file.source}/${r.values["贷款编号"]}`));
    for (const c of manifest.loanCases) expect(written.has(`${c.bank}/${c.loanId}`), `${c.case} ${c.loanId}`).toBe(true);
  });

  it("writes the banks' own product names", () => {
    const names = new Set(recordsOf("loans").map((r) => r.values["贷款品种"]));
    for (const name of ["扶贫小额信贷", "脱贫人口小额贷款", "脱贫人口小额信贷", "产业精准扶贫贷款", "项目精准扶贫贷款"]) expect(names.has(name), name).toBe(true);
  });

  it("grades loans consistently with their arrears", () => {
    for (const r of recordsOf("loans")) {
      if (defectAt(r.file.name, r.row)) continue;
      const v = r.values;
      const days = Number(v["逾期天数"]);
      const overdue = Number(v["逾期本金"] ?? v["逾期本金(万元)"]);
      expect(days > 0).toBe(overdue > 0);
      const grade = v["五级分类"];
      if (days > 90) expect(["次级", "可疑", "损失"]).toContain(grade);
      else if (days > 0) expect(grade).toBe("关注");
      else expect(["正常", "关注"]).toContain(grade);
      // microcredit (each bank's own name for it) stays within 50,000 except the loan made to break that rule
      const overCap = manifest.loanCases.some((c) => c.case === "single_over" && c.loanId === v["贷款编号"]);
      if (MICRO_NAMES.includes(v["贷款品种"]!) && !overCap) expect(Number(v["合同金额"] ?? Number(v["合同金额(万元)"]) * 10_000)).toBeLessThanOrEqual(50_000);
    }
  });

  it("writes product names in each insurer's own wording, some that no keyword rule knows", () => {
    const policies = recordsOf("policies").map((r) => r.values);
    expect(new Set(policies.map((v) => v["保险机构"])).size).toBe(3);
    const products = [...new Set(policies.map((v) => v["险种"]))];
    expect(products.length).toBeGreaterThanOrEqual(8);
    // classified as the warehouse does: the first default rule whose keyword the name contains
    const classOf = (name: string) => DEFAULT_LINE_RULES.find((r) => name.includes(r.keyword))?.lineClass ?? null;
    expect(new Set(products.map(classOf))).toEqual(new Set(["防贫保险", "种植业保险", "养殖业保险", "意外伤害保险", null]));
    // every claim names its policy's product
    const productOf = new Map(policies.map((v) => [v["保单号"], v["险种"]]));
    for (const { values: v } of recordsOf("claims")) expect(v["险种"]).toBe(productOf.get(v["保单号"]));
  });

  it("buys 防贫保险 for the towns in the last year (9-digit codes), all but the last town", () => {
    // the window (2026-01 … 2026-06) is one year: the last; earlier years are county-wide (6 digits)
    const group = recordsOf("policies").map((r) => r.values).filter((v) => v["投保方式"] === "统保");
    const towns = new Set(recordsOf("villages").map((r) => r.values["乡镇代码"]));
    expect(group.every((v) => v["区划代码"].length === 9)).toBe(true);
    expect(group).toHaveLength(towns.size - 1);
  });

  it("leaves outstanding claims without 赔付日期 and with 未决赔款", () => {
    const claims = recordsOf("claims");
    for (const { values: v } of claims) {
      if (v["赔付日期"] === "") expect(Number(v["未决赔款"])).toBeGreaterThan(0);
      else expect(Number(v["未决赔款"])).toBe(0);
    }
  });
});

describe("deliberate defects", () => {
  it("records at least one defect of every kind", () => {
    for (const [kind, n] of Object.entries(manifest.summary.defectsByKind)) expect(n, kind).toBeGreaterThan(0);
    expect(manifest.defects.length).toBe(Object.values(manifest.summary.defectsByKind).reduce((a, b) => a + b, 0));
  });

  it("puts each recorded defect at its file, row and column, and the value there is really wrong", async () => {
    const villages = new Set(recordsOf("villages").map((v) => v.values["区划代码"]));
    for (const d of manifest.defects) {
      const file = manifest.files.find((f) => f.name === d.file) as ManifestFile;
      expect(d.sheet).toBe(file.sheet);
      const r = records.get(d.file)!.find((x) => x.row === d.row)!;
      expect(r, `${d.file}:${d.row}`).toBeDefined();
      const where = `${d.file}:${d.row}:${d.column}`;
      expect(r.values[d.column], where).toBe(d.value);
      // rows the loader cannot use are rejected; secondary errors are kept with a warning (DOMAIN §11)
      if (["bad_id_checksum", "unknown_village", "duplicate_household"].includes(d.kind)) expect(d.severity, where).toBe("reject");
      switch (d.kind) {
        case "bad_id_checksum":
          expect(checkIdNumber(d.value), where).toBe("checksum");
          break;
        case "unknown_village":
          expect(villages.has(d.value), where).toBe(false);
          break;
        case "duplicate_household": {
          const original = records.get(d.file)!.find((x) => x.row === d.row - 1)!;
          expect(original.values, where).toEqual(r.values);
          break;
        }
        case "negative_amount":
          expect(Number(d.value), where).toBeLessThan(0);
          expect(d.severity, where).toBe(d.extract === "loans" ? "reject" : "warn");
          break;
        case "income_mismatch": {
          const net = ["工资性收入", "生产经营性收入", "财产性收入", "转移性收入"].reduce((sum, k) => sum + Number(r.values[k]), 0) - Number(r.values["生产经营性支出"]);
          expect(Number(d.value) - net / Number(r.values["家庭人口数"]), where).toBeGreaterThan(100);
          expect(d.severity, where).toBe("warn");
          break;
        }
        case "date_order": {
          const before = { 风险消除日期: "识别监测日期", 到期日期: "发放日期", 赔付日期: "报案日期" }[d.column as "到期日期"];
          expect(before, where).toBeDefined();
          expect(Date.parse(r.values[before].replaceAll("/", "-")), where).toBeGreaterThan(Date.parse(d.value.replaceAll("/", "-")));
          expect(d.severity, where).toBe("warn");
          break;
        }
      }
    }
  });
});
