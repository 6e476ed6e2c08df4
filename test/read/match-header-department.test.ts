// Header detection keeps every extract apart once the department extracts (DOMAIN.md §10) are contracts too:
// each canonical header row, and the minimal one of required columns, is recognised as its own extract.
import { describe, expect, it } from "vitest";
import { CONTRACTS } from "../../loaders/contracts/index.ts";
import { identifyHeaderRow } from "../../loaders/read/match-header.ts";
import { leadFeedback } from "../../loaders/contracts/department.ts";
import { LEAD_LIST_COLUMNS } from "../../src/components/lead-list.ts";
import { exportLabel } from "../../src/components/table-model.ts";

describe("identifyHeaderRow with the department extracts", () => {
  it("recognises every extract from its full canonical header row", () => {
    for (const contract of CONTRACTS) {
      const headers = contract.fields.map((f) => f.header);
      expect(identifyHeaderRow(headers)?.contract.extract, contract.extract).toBe(contract.extract);
    }
  });
  it("recognises the department extracts from their DOMAIN headers and common variants", () => {
    const cases: [string[], string][] = [
      [["证件号码", "姓名", "就诊日期", "医疗总费用", "医保报销", "个人自付"], "medical_costs"],
      [["身份证号", "患者姓名", "结算日期", "自付金额"], "medical_costs"],
      [["证件号码", "姓名", "救助类型", "起始日期", "终止日期", "金额"], "social_aid"],
      [["证件号码", "户编号", "区划代码", "鉴定日期", "鉴定等级"], "dwelling_appraisals"],
      [["户编号", "区划代码", "鉴定日期", "鉴定等级"], "dwelling_appraisals"],
      [["学生证件号码", "监护人证件号码", "区划代码", "状态", "日期"], "school_dropouts"],
      [["证件号码", "残疾类别", "残疾等级", "发证日期"], "disability_certificates"],
      [["残疾人证号", "残疾等级", "发证日期"], "disability_certificates"],
      [["证件号码", "区划代码", "灾害日期", "灾害类型", "损失金额"], "disaster_losses"],
      [["线索编号", "核查日期", "核查结论", "说明"], "lead_feedback"],
      // the downloaded lead list sent back: it carries 户编号 and 区划代码-like columns yet stays feedback
      [["线索编号", "部门", "预警规则", "线索日期", "核查期限", "乡镇", "村", "户编号", "户主(脱敏)", "证件号码(脱敏)", "状态", "核查日期", "核查结论", "说明"], "lead_feedback"],
    ];
    for (const [headers, extract] of cases) {
      const match = identifyHeaderRow(headers);
      expect(match?.contract.extract, headers.join(",")).toBe(extract);
      expect(match?.missing, headers.join(",")).toEqual([]);
    }
  });
  it("still tells the older extracts apart", () => {
    expect(identifyHeaderRow(["赔案号", "保单号", "险种", "证件号码", "户编号", "区划代码", "报案日期", "赔付金额"])?.contract.extract).toBe("claims");
    expect(identifyHeaderRow(["数据期", "户编号", "户主姓名", "证件号码", "区划代码", "家庭人口数", "户类型", "是否监测对象", "人均纯收入"])?.contract.extract).toBe("households");
    expect(identifyHeaderRow(["保单号", "险种", "证件号码", "保费", "起保日期", "终止日期"])?.contract.extract).toBe("policies");
  });
  it("reads the page's downloaded lead list back as 核查反馈, every column a field of the contract", () => {
    const labels = LEAD_LIST_COLUMNS.map(exportLabel);
    const match = identifyHeaderRow(labels);
    expect(match?.contract.extract).toBe("lead_feedback");
    expect(match?.columns.map((c) => c.header)).toEqual(labels);
    expect(labels).toEqual(leadFeedback.fields.map((f) => f.header).sort((a, b) => labels.indexOf(a) - labels.indexOf(b)));
  });
});
