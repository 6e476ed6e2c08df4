import { describe, expect, it } from "vitest";
import type { RowContext } from "../../loaders/contracts/contract.ts";
import { contractFor, type ExtractName } from "../../loaders/contracts/index.ts";
import { matchContract } from "../../loaders/read/match-header.ts";
import { makePlan, validateRow } from "../../loaders/load/validate-row.ts";

const ctx: RowContext = {
  villages: new Set(["530101001001"]), towns: new Set(["530101001"]), counties: new Set(["530101"]),
  insurers: null, incomeTolerance: 1,
};

/** Validates one row given as {header: value}; returns the rule codes broken. */
function rules(extract: ExtractName, record: Record<string, string | number | null>, context = ctx, filePeriod: string | null = null): string[] {
  const headers = Object.keys(record);
  const match = matchContract(contractFor(extract), headers);
  const plan = makePlan(match.contract, match.columns, filePeriod);
  return validateRow(plan, Object.values(record), context).defects.map((d) => d.rule);
}

const household = {
  数据期: "2024-01", 户编号: "H1", 证件号码: "11010519491231002X", 区划代码: "530101001001", 家庭人口数: 2, 劳动力人数: 1,
  户类型: "脱贫户", 是否监测对象: "否", 监测对象类别: null, 识别监测日期: null, 风险消除日期: null,
  工资性收入: 10000, 生产经营性收入: 0, 财产性收入: 0, 转移性收入: 2000, 生产经营性支出: 0, 人均纯收入: 6000,
};

describe("household rules", () => {
  it("accepts a consistent row", () => {
    expect(rules("households", household)).toEqual([]);
  });
  it("requires 监测对象类别 exactly when monitored", () => {
    expect(rules("households", { ...household, 是否监测对象: "是" })).toEqual(["monitor_kind_mismatch"]);
    expect(rules("households", { ...household, 监测对象类别: "边缘易致贫户" })).toEqual(["monitor_kind_mismatch"]);
    expect(rules("households", { ...household, 是否监测对象: "是", 监测对象类别: "边缘易致贫户" })).toEqual([]);
  });
  it("rejects elimination before identification, not on the same day", () => {
    expect(rules("households", { ...household, 识别监测日期: "2023-06-01", 风险消除日期: "2023-05-31" })).toEqual(["elimination_before_identification"]);
    expect(rules("households", { ...household, 风险发现日期: "2023-06-02", 识别监测日期: "2023-06-01" })).toEqual(["identification_before_discovery"]);
    expect(rules("households", { ...household, 风险发现日期: "2023-06-01", 识别监测日期: "2023-06-01" })).toEqual([]);
    expect(rules("households", { ...household, 识别监测日期: "2023-06-01", 风险消除日期: "2023-06-01" })).toEqual([]);
  });
  it("rejects more labour than people", () => {
    expect(rules("households", { ...household, 劳动力人数: 3 })).toEqual(["labour_exceeds_size"]);
  });
  it("checks 人均纯收入 against its components with the configured tolerance", () => {
    expect(rules("households", { ...household, 人均纯收入: 6001 })).toEqual([]);
    expect(rules("households", { ...household, 人均纯收入: 6002 })).toEqual(["income_inconsistent"]);
    expect(rules("households", { ...household, 人均纯收入: 6050 }, { ...ctx, incomeTolerance: 100 })).toEqual([]);
  });
  it("computes 人均纯收入 when blank, and rejects when it cannot", () => {
    const match = matchContract(contractFor("households"), Object.keys(household));
    const plan = makePlan(match.contract, match.columns, null);
    const { row } = validateRow(plan, Object.values({ ...household, 人均纯收入: null }), ctx);
    match.contract.complete!(row);
    expect(row.income_pc).toBe(6000);
    expect(rules("households", { ...household, 人均纯收入: null, 转移性收入: null })).toEqual(["income_missing"]);
  });
  it("checks the GB 11643 ID", () => {
    expect(rules("households", { ...household, 证件号码: "110105194912310021" })).toEqual(["id_checksum"]);
    expect(rules("households", { ...household, 证件号码: "110105491231002" })).toEqual(["id_format"]);
    expect(rules("households", { ...household, 证件号码: "11010519491231002x" })).toEqual([]);
  });
  it("checks the village code against the reference, and skips the check without one", () => {
    expect(rules("households", { ...household, 区划代码: "530101001999" })).toEqual(["village_unknown"]);
    expect(rules("households", { ...household, 区划代码: "530101001999" }, { ...ctx, villages: null, towns: null, counties: null })).toEqual([]);
    expect(rules("households", { ...household, 区划代码: "53010100199" })).toEqual(["invalid_code"]);
  });
  it("takes the period from the file name when 数据期 is blank, else rejects the row", () => {
    expect(rules("households", { ...household, 数据期: null }, ctx, "2024-02")).toEqual([]);
    expect(rules("households", { ...household, 数据期: null })).toEqual(["required"]);
    expect(rules("households", { ...household, 数据期: "去年" })).toEqual(["invalid_period"]);
  });
  it("checks enumerations, in lists too, after folding aliases", () => {
    expect(rules("households", { ...household, 户类型: "建档立卡户" })).toEqual([]);
    expect(rules("households", { ...household, 户类型: "贫困户" })).toEqual(["invalid_enum"]);
    expect(rules("households", { ...household, 致贫返贫风险: "因病、因灾" })).toEqual([]);
    expect(rules("households", { ...household, 致贫返贫风险: "因病、懒" })).toEqual(["invalid_enum"]);
  });
  it("reports every broken rule of a row once", () => {
    expect(rules("households", { ...household, 劳动力人数: 5, 证件号码: "110105194912310021", 户类型: "x" }).sort()).toEqual(
      ["id_checksum", "invalid_enum", "labour_exceeds_size"],
    );
  });
});

const loan = { 数据期: "2024-01", 金融机构: "农商银行", 贷款编号: "L1", 借款人类型: "个人", 证件号码: "11010519491231002X", 贷款品种: "脱贫人口小额信贷", 合同金额: 50000, 发放日期: "2023-03-10", 到期日期: "2026-03-10", 贷款余额: 40000, 五级分类: "正常" };

describe("loan rules", () => {
  it("accepts a consistent loan", () => {
    expect(rules("loans", loan)).toEqual([]);
  });
  it("rejects a balance above the contract and a maturity not after issue", () => {
    expect(rules("loans", { ...loan, 贷款余额: 50001 })).toEqual(["balance_exceeds_contract"]);
    expect(rules("loans", { ...loan, 到期日期: "2023-03-10" })).toEqual(["maturity_not_after_issue"]);
  });
  it("checks IDs of persons only", () => {
    expect(rules("loans", { ...loan, 证件号码: "91530101MA6K000000" })).toEqual(["id_format"]);
    expect(rules("loans", { ...loan, 借款人类型: "企业", 证件号码: "91530101MA6K000000" })).toEqual([]);
  });
  it("checks 五级分类; keeps any 贷款品种 a bank writes (it is classified later, never rejected)", () => {
    expect(rules("loans", { ...loan, 五级分类: "很好" })).toEqual(["invalid_enum"]);
    expect(rules("loans", { ...loan, 贷款品种: "扶贫小额信贷" })).toEqual([]);
    expect(rules("loans", { ...loan, 贷款品种: "小额信贷" })).toEqual([]);
    expect(rules("loans", { ...loan, 贷款品种: "惠农e贷（自定义产品）" })).toEqual([]);
  });
});

describe("insurance rules", () => {
  const claim = { 赔案号: "C1", 险种: "防贫保险", 报案日期: "2024-02-10", 赔付日期: "2024-03-01", 赔付金额: 800 };
  it("rejects a payment before the report, allows an unpaid claim", () => {
    expect(rules("claims", claim)).toEqual([]);
    expect(rules("claims", { ...claim, 赔付日期: "2024-02-09" })).toEqual(["paid_before_report"]);
    expect(rules("claims", { ...claim, 赔付日期: null, 赔付金额: null })).toEqual([]);
  });
  const policy = { 保单号: "P1", 险种: "防贫保险", 投保方式: "统保", 区划代码: "530101", 保费: 100, 起保日期: "2024-01-01", 终止日期: "2024-12-31" };
  it("accepts county and town codes for group policies that exist in the reference", () => {
    expect(rules("policies", policy)).toEqual([]);
    expect(rules("policies", { ...policy, 区划代码: "530101001" })).toEqual([]);
    expect(rules("policies", { ...policy, 区划代码: "530102" })).toEqual(["village_unknown"]);
    expect(rules("policies", { ...policy, 终止日期: "2023-12-31" })).toEqual(["end_before_start"]);
    expect(rules("policies", { ...policy, 投保方式: "集体" })).toEqual(["invalid_enum"]);
  });
});

describe("reference rules", () => {
  it("checks villages' code hierarchy", () => {
    const village = { 区划代码: "530101001001", 村名称: "东山村", 乡镇代码: "530101001", 乡镇名称: "城关镇", 县代码: "530101", 县名称: "示例县", 农村户数: 10 };
    expect(rules("villages", village)).toEqual([]);
    expect(rules("villages", { ...village, 乡镇代码: "530101002" })).toEqual(["code_hierarchy"]);
  });
  it("checks monitoring-line area codes and years", () => {
    expect(rules("monitoring_lines", { 年度: "2024年", 区划代码: "53", 监测线: "7,300" })).toEqual([]);
    expect(rules("monitoring_lines", { 年度: 1880, 区划代码: "53", 监测线: 7300 })).toEqual(["out_of_range"]);
    expect(rules("monitoring_lines", { 年度: 2024, 区划代码: "5301", 监测线: 7300 })).toEqual(["invalid_code"]);
  });
});

/** Validates one row; returns whether it is rejected, its defects as rule:severity:action, and the row as staged. */
function judge(extract: ExtractName, record: Record<string, string | number | null>, context = ctx) {
  const match = matchContract(contractFor(extract), Object.keys(record));
  const plan = makePlan(match.contract, match.columns, null);
  const { row, defects, rejected } = validateRow(plan, Object.values(record), context);
  return { rejected, row, defects: defects.map((d) => `${d.rule}:${d.severity}:${d.action ?? "-"}`) };
}

describe("reject only what cannot be used (DOMAIN §11)", () => {
  it("keeps a row whose income components do not add up, with a warning and 人均纯收入 as stated", () => {
    // (10000 + 0 + 0 + 2000 − 0) ÷ 2 = 6000, stated 6500: off by 500 > 1
    const { rejected, row, defects } = judge("households", { ...household, 人均纯收入: 6500 });
    expect(rejected).toBe(false);
    expect(defects).toEqual(["income_inconsistent:warn:keep"]);
    expect(row.income_pc).toBe(6500);
  });
  it("keeps a row with 识别监测日期 before 风险发现日期 and nulls the discovery date, so it is not 'timely'", () => {
    const { rejected, row, defects } = judge("households", {
      ...household, 是否监测对象: "是", 监测对象类别: "边缘易致贫户", 风险发现日期: "2023-06-10", 识别监测日期: "2023-06-01",
    });
    expect(rejected).toBe(false);
    expect(defects).toEqual(["identification_before_discovery:warn:null"]);
    expect([row.risk_found_date, row.identified_date]).toEqual([null, "2023-06-01"]);
  });
  it("keeps a row with 风险消除日期 before 识别监测日期 and nulls the elimination date", () => {
    const { rejected, row, defects } = judge("households", {
      ...household, 是否监测对象: "是", 监测对象类别: "边缘易致贫户", 识别监测日期: "2023-06-01", 风险是否消除: "是", 风险消除日期: "2023-05-31",
    });
    expect([rejected, defects]).toEqual([false, ["elimination_before_identification:warn:null"]]);
    expect([row.identified_date, row.elimination_date, row.risk_eliminated]).toEqual(["2023-06-01", null, true]);
  });
  it("nulls an enum value off the list in an optional column, and rejects one in a required column", () => {
    const optional = judge("households", { ...household, 是否监测对象: "是", 监测对象类别: "困难户" });
    expect(optional.rejected).toBe(false);
    expect(optional.defects).toEqual(["invalid_enum:warn:null"]);
    expect([optional.row.is_monitored, optional.row.monitor_kind]).toEqual([true, null]);
    const list = judge("households", { ...household, 致贫返贫风险: "因病、懒" });
    expect([list.rejected, list.defects, list.row.risks]).toEqual([false, ["invalid_enum:warn:null"], null]);
    const required = judge("households", { ...household, 户类型: "贫困户" });
    expect([required.rejected, required.defects]).toEqual([true, ["invalid_enum:reject:-"]]);
  });
  it("rejects a value that cannot be parsed in a required column, and nulls one in an optional column", () => {
    expect(judge("households", { ...household, 家庭人口数: "三" }).defects).toEqual(["invalid_integer:reject:-"]);
    expect(judge("households", { ...household, 家庭人口数: "三" }).rejected).toBe(true);
    expect(judge("loans", { ...loan, 贷款余额: "四万" })).toMatchObject({ rejected: true, defects: ["invalid_number:reject:-"] });
    const optional = judge("households", { ...household, 劳动力人数: "两个" });
    expect([optional.rejected, optional.defects, optional.row.labour_count]).toEqual([false, ["invalid_integer:warn:null"], null]);
    const negative = judge("households", { ...household, 工资性收入: -10000 });
    // a negative component is nulled; 人均纯收入 is stated, so the income check has nothing to compare
    expect([negative.rejected, negative.defects, negative.row.income_wage, negative.row.income_pc]).toEqual([false, ["out_of_range:warn:null"], null, 6000]);
  });
  it("keeps monitor_kind when monitored without a kind, nulls it when not monitored", () => {
    expect(judge("households", { ...household, 是否监测对象: "是" })).toMatchObject({ rejected: false, defects: ["monitor_kind_mismatch:warn:keep"] });
    const notMonitored = judge("households", { ...household, 监测对象类别: "边缘易致贫户" });
    expect([notMonitored.rejected, notMonitored.defects, notMonitored.row.monitor_kind]).toEqual([false, ["monitor_kind_mismatch:warn:null"], null]);
  });
  it("keeps labour > size with labour nulled, and a balance above the contract as reported", () => {
    const labour = judge("households", { ...household, 劳动力人数: 3 });
    expect([labour.rejected, labour.defects, labour.row.labour_count]).toEqual([false, ["labour_exceeds_size:warn:null"], null]);
    const balance = judge("loans", { ...loan, 贷款余额: 50001 });
    expect([balance.rejected, balance.defects, balance.row.balance]).toEqual([false, ["balance_exceeds_contract:warn:keep"], 50001]);
    const maturity = judge("loans", { ...loan, 到期日期: "2023-03-10" });
    expect([maturity.rejected, maturity.defects, maturity.row.maturity_date]).toEqual([false, ["maturity_not_after_issue:warn:null"], null]);
  });
  it("still rejects a bad ID, an unknown area code and a blank key", () => {
    expect(judge("households", { ...household, 证件号码: "110105194912310021" })).toMatchObject({ rejected: true, defects: ["id_checksum:reject:-"] });
    expect(judge("households", { ...household, 区划代码: "530101001999" })).toMatchObject({ rejected: true, defects: ["village_unknown:reject:-"] });
    expect(judge("households", { ...household, 户编号: null })).toMatchObject({ rejected: true, defects: ["required:reject:-"] });
  });
  it("rejects a row whose only income value is unusable, though each income column is optional", () => {
    const { 人均纯收入: _stated, ...noStated } = household;
    expect(judge("households", noStated)).toMatchObject({ rejected: false, defects: [] });
    const unusable = judge("households", { ...noStated, 工资性收入: "一万" });
    expect(unusable.rejected).toBe(true);
    expect(unusable.defects).toEqual(["invalid_number:warn:null", "income_missing:reject:-"]);
    // with 人均纯收入 stated, an unusable component is only nulled
    expect(judge("households", { ...household, 工资性收入: "一万" })).toMatchObject({ rejected: false, defects: ["invalid_number:warn:null"] });
  });
  it("rejects a row with one rejection among warnings, and reports both", () => {
    const { rejected, defects } = judge("households", { ...household, 劳动力人数: 5, 证件号码: "110105194912310021" });
    expect(rejected).toBe(true);
    expect(defects.sort()).toEqual(["id_checksum:reject:-", "labour_exceeds_size:warn:null"]);
  });
});
