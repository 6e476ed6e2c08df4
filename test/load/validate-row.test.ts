import { describe, expect, it } from "vitest";
import type { RowContext } from "../../loaders/contracts/contract.ts";
import { contractFor, type ExtractName } from "../../loaders/contracts/index.ts";
import { matchContract } from "../../loaders/read/match-header.ts";
import { makePlan, validateRow } from "../../loaders/load/validate-row.ts";

const ctx: RowContext = {
  villages: new Set(["530101001001"]), towns: new Set(["530101001"]), counties: new Set(["530101"]),
  insurers: null, incomeTolerance: 1,
};

const BASE: Record<string, Record<string, string | number | null>> = {
  households: {
    数据期: "2024-01", 户编号: "H1", 户主姓名: "张三", 证件号码: "11010519491231002X", 联系电话: "13812345678", 区划代码: "530101001001",
    家庭人口数: "2", 劳动力人数: "1", 户类型: "脱贫户", 是否监测对象: "是", 监测对象类别: "边缘易致贫户", 风险发现日期: "2023-05-03",
    识别监测日期: "2023-06-01", 致贫返贫风险: "因病、因学", 风险是否消除: "否", 风险消除方式: null, 风险消除日期: null, 整户无劳动能力: "否",
    帮扶措施: "产业帮扶,小额信贷", 首次帮扶日期: "20230701", 工资性收入: "10000", 生产经营性收入: "0", 财产性收入: "0", 转移性收入: "2000",
    生产经营性支出: "0", 人均纯收入: "6000", 住房安全: "是", 义务教育保障: "是", 基本医疗保险: "是", 饮水安全: "是", 帮扶责任人: "李四",
  },
  loans: {
    数据期: "2024-01", 金融机构: "农商银行", 贷款编号: "L1", 借款人类型: "个人", 证件号码: "11010519491231002X", 区划代码: "530101",
    贷款品种: "脱贫人口小额信贷", "合同金额(万元)": "5", 发放日期: "2023-03-10", 到期日期: "2026-03-10", 贷款余额: "40000", 年利率: "3.45%",
    五级分类: "正常", 逾期天数: "0", 是否续贷: "N",
  },
  policies: { 保单号: "P1", 险种: "防贫保险", 投保方式: "统保", 区划代码: "530101", 被保险人数: "3", 保费: "100", 起保日期: "2024-01-01", 终止日期: "2024-12-31" },
  claims: { 赔案号: "C1", 险种: "防贫保险", 报案日期: "2024-02-10", 赔付日期: "2024-03-01", 赔付金额: "800", 未决赔款: null },
  villages: { 区划代码: "530101001001", 村名称: "东山村", 乡镇代码: "530101001", 乡镇名称: "城关镇", 县代码: "530101", 县名称: "示例县", 农村户数: "10", 是否脱贫村: "是" },
  monitoring_lines: { 年度: "2024年", 区划代码: "53", 监测线: "7,300" },
  county_stats: { 年度: "2024", 县代码: "530101", 常住人口: "100000", "地区生产总值(万元)": "12.5" },
};

/** Raw cells an office might type, good and bad, tried in every column. */
const CELLS: (string | number | null)[] = [
  null, "", " ", "是", "否", "y", "0", "1", "-1", "3.5", "1,234", "１２", "¥300", "2", "99", "1989", "2024", "2024年",
  "2024-01", "2024-1", "202402", "2024-13", "2024-02-30", "2024-02-29", "2023/5/3", "2023年6月1日", "20230701", "45292",
  "530101001001", "530101001", "530101", "53", "5301010010", " 530101001001 ", "53010119800101001x", "11010519491231002X",
  "110105194912310021", "脱贫户", "建档立卡户", "边缘户", "因病", "因病、懒", "帮扶消除", "个人", "统保", "正常", "很好",
  "脱贫人口小额信贷", "防贫保险", "x", "constructor", 3, 2.5, 45292,
];

function planFor(extract: ExtractName, record: Record<string, unknown>, filePeriod: string | null = null) {
  const match = matchContract(contractFor(extract), Object.keys(record));
  return makePlan(match.contract, match.columns, filePeriod);
}

describe("validateRow fast path", () => {
  it("uses the compiled checks for every contract", () => {
    for (const extract of Object.keys(BASE) as ExtractName[]) expect(planFor(extract, BASE[extract]).checks).not.toBeNull();
  });
  it("gives the same row and the same defects as zod on the whole row, for every cell in every column", () => {
    let rejected = 0;
    let warned = 0;
    let accepted = 0;
    for (const extract of Object.keys(BASE) as ExtractName[]) {
      const record = BASE[extract];
      const plan = planFor(extract, record, extract === "households" ? "2024-03" : null);
      const viaZod = { ...plan, checks: null };
      const headers = Object.keys(record);
      for (let col = 0; col < headers.length; col++) {
        for (const cell of CELLS) {
          const cells = Object.values(record);
          cells[col] = cell;
          const fast = validateRow(plan, cells, ctx);
          expect({ extract, header: headers[col], cell, ...fast }).toEqual({ extract, header: headers[col], cell, ...validateRow(viaZod, cells, ctx) });
          if (fast.rejected) rejected++;
          else if (fast.defects.length > 0) warned++;
          else accepted++;
        }
      }
    }
    // Every outcome occurs often, so the comparison covers accepted, warned and rejected rows alike.
    expect(rejected).toBeGreaterThan(200);
    expect(warned).toBeGreaterThan(200);
    expect(accepted).toBeGreaterThan(300);
  });
  it("applies the cross-field rules to rows that pass every field check", () => {
    const plan = planFor("households", BASE.households);
    const { defects } = validateRow(plan, Object.values({ ...BASE.households, 劳动力人数: "3", 证件号码: "110105194912310021" }), ctx);
    expect(defects.map((d) => [d.rule, d.column, d.value])).toEqual([["id_checksum", "证件号码", "110105194912310021"], ["labour_exceeds_size", "劳动力人数", "3"]]);
    expect(defects[1].message).toBe("劳动力人数 3 大于家庭人口数 2，请核对");
  });
  it("takes a blank period from the file name on the fast path", () => {
    const plan = planFor("households", BASE.households, "2024-03");
    expect(validateRow(plan, Object.values({ ...BASE.households, 数据期: "" }), ctx).row.period).toBe("2024-03");
  });
});
