import { describe, expect, it } from "vitest";
import { contractFor } from "../../loaders/contracts/index.ts";
import { identifyHeaderRow, matchContract, normalizeHeader } from "../../loaders/read/match-header.ts";

describe("normalizeHeader", () => {
  it("splits a unit in brackets of either width and drops spaces and required marks", () => {
    expect(normalizeHeader("合同金额（万元）")).toEqual({ name: "合同金额", unit: "万元" });
    expect(normalizeHeader(" *贷款余额 (元)")).toEqual({ name: "贷款余额", unit: "元" });
    expect(normalizeHeader("Household_ID")).toEqual({ name: "household_id", unit: null });
  });
});

describe("identifyHeaderRow", () => {
  it("recognises each extract from canonical headers", () => {
    expect(identifyHeaderRow(["赔案号", "保单号", "险种", "报案日期", "赔付金额"])?.contract.extract).toBe("claims");
    expect(identifyHeaderRow(["保单号", "险种", "保费", "起保日期", "终止日期"])?.contract.extract).toBe("policies");
    expect(identifyHeaderRow(["年度", "区划代码", "监测线"])?.contract.extract).toBe("monitoring_lines");
    expect(identifyHeaderRow(["年度", "县代码", "常住人口"])?.contract.extract).toBe("county_stats");
  });
  it("accepts aliases and English names", () => {
    const match = identifyHeaderRow(["household_id", "身份证号", "行政区划代码", "家庭人口", "户属性", "是否监测对象", "人均纯收入"]);
    expect(match?.contract.extract).toBe("households");
    expect(match?.missing).toEqual([]);
    expect(match?.missingOneOf).toBeNull();
  });
  it("ignores a title row", () => {
    expect(identifyHeaderRow(["示例县2024年1月户信息", null, null])).toBeNull();
  });
  it("lists missing required columns, and the income alternative for households", () => {
    const match = matchContract(contractFor("households"), ["户编号", "区划代码", "家庭人口数", "户类型", "是否监测对象", "工资性收入"]);
    expect(match.missing.map((f) => f.header)).toEqual(["证件号码"]);
    expect(match.missingOneOf?.map((set) => set.map((f) => f.key))).toEqual([
      ["income_pc"], ["income_wage", "income_business", "income_property", "income_transfer", "cost_business"],
    ]);
  });
  it("converts 元 to 万元 for the one column stored in 万元", () => {
    const match = matchContract(contractFor("county_stats"), ["年度", "县代码", "地区生产总值（元）"]);
    expect(match.columns.find((c) => c.field.key === "gdp_10k_yuan")?.factor).toBe(1e-4);
  });
});
