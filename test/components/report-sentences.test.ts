// The report's sentences from hand-made report_rows: a fall, a rise, no change, a missing comparison, an
// incomplete one, a suppressed one, a half-year not yet over; town rankings and banks whose NPL ratio rose.
import { describe, expect, it } from "vitest";
import { changeCell, indicatorSentence, lowestSentence, nplRiseSentence, valueCell } from "../../src/components/report-sentences.ts";
import type { IndicatorInfo, ReportRow } from "../../src/components/report-sentences.ts";

const RETURN: IndicatorInfo = { code: "return_rate", name_zh: "返贫率", unit: "ratio", higher_is_better: false };
const ACTIVE: IndicatorInfo = { code: "mon_active", name_zh: "风险未消除监测对象户数", unit: "households", higher_is_better: false };
const INCOME: IndicatorInfo = { code: "income_pc_mean", name_zh: "脱贫人口人均纯收入", unit: "yuan", higher_is_better: true };
const TIMELY: IndicatorInfo = { code: "timely_identification_rate", name_zh: "识别及时率", unit: "ratio", higher_is_better: true };

function row(fields: Partial<ReportRow>): ReportRow {
  return {
    period: "2025-H1", code: "return_rate", area_code: "522700", unit: "ratio", value: null, complete: true, suppression: null,
    previous_period: "2024-H2", previous_value: null, previous_suppression: null, previous_status: "missing", change_previous: null, growth_previous: null,
    last_year_period: "2024-H1", last_year_value: null, last_year_suppression: null, last_year_status: "missing", change_last_year: null, growth_last_year: null,
    ...fields,
  };
}

describe("indicatorSentence", () => {
  it("a rate that fell: the value and the fall in percentage points, as the table shows them", () => {
    // 0.12% now, 0.15% a year ago, 0.12% in the half before: fall of 0.03 points, no change against 上年下半年
    const r = row({ value: 0.0012, last_year_value: 0.0015, last_year_status: "ok", change_last_year: -0.03, previous_value: 0.0012, previous_status: "ok", change_previous: 0 });
    expect(indicatorSentence(r, RETURN, "全县")).toBe("2025年上半年全县返贫率为0.12%，较上年同期下降0.03个百分点，与上年下半年持平。");
    expect(changeCell(r, "last_year", RETURN)).toBe("下降0.03个百分点");
    expect(changeCell(r, "previous", RETURN)).toBe("持平");
  });

  it("a count that rose: the difference and the growth", () => {
    const r = row({ code: "mon_active", unit: "households", period: "2025-H2", previous_period: "2025-H1", value: 164, last_year_value: 152, last_year_status: "ok", change_last_year: 12, growth_last_year: 12 / 152, previous_value: 170, previous_status: "ok", change_previous: -6, growth_previous: -6 / 170 });
    expect(indicatorSentence(r, ACTIVE, "青山镇")).toBe("2025年下半年青山镇风险未消除监测对象户数为164户，较上年同期增加12户，增长7.9%，较上半年减少6户，下降3.5%。");
    expect(changeCell(r, "last_year", ACTIVE)).toBe("增加12户（增长7.9%）");
    expect(changeCell(r, "previous", ACTIVE)).toBe("减少6户（下降3.5%）");
  });

  it("no change at the shown precision reads 持平", () => {
    const r = row({ code: "income_pc_mean", unit: "yuan", value: 14300.2, last_year_value: 14300, last_year_status: "ok", change_last_year: 0.2, growth_last_year: 0.2 / 14300, previous_value: 14300.4, previous_status: "ok", change_previous: -0.2, growth_previous: -0.2 / 14300.4 });
    expect(indicatorSentence(r, INCOME, "全县")).toBe("2025年上半年全县脱贫人口人均纯收入为14,300元，与上年同期持平，与上年下半年持平。");
  });

  it("a missing comparison says so instead of a change", () => {
    const r = row({ value: 0.0086 });
    expect(indicatorSentence(r, RETURN, "全县")).toBe("2025年上半年全县返贫率为0.86%，上年同期和上年下半年均无可比数据。");
    expect(changeCell(r, "previous", RETURN)).toBe("无可比数据");
  });

  it("an incomplete comparison is not made, and says which side is incomplete", () => {
    const base = row({ value: 0.0086, previous_value: 0.01, previous_status: "ok", change_previous: -0.14, last_year_value: 0.007, last_year_status: "incomplete", last_year_complete: false } as Partial<ReportRow>);
    expect(indicatorSentence(base, RETURN, "全县")).toBe("2025年上半年全县返贫率为0.86%，上年同期数据不完整，不作比较，较上年下半年下降0.14个百分点。");
    const now = row({ value: 0.0086, complete: false, missing_sources: ["青山镇"], previous_value: 0.01, previous_status: "incomplete", last_year_value: 0.007, last_year_status: "incomplete" });
    expect(indicatorSentence(now, RETURN, "全县")).toBe("2025年上半年全县返贫率为0.86%（本期缺青山镇的数据），本期数据不完整，不与上年同期比较，本期数据不完整，不与上年下半年比较。");
    expect(changeCell(now, "last_year", RETURN)).toBe("数据不完整，不作比较");
  });

  it("a suppressed value stays suppressed, and so does any change it is part of", () => {
    const hidden = row({ area_level: "village", suppression: "primary", previous_status: "suppressed", last_year_status: "suppressed" });
    expect(indicatorSentence(hidden, ACTIVE, "青山村")).toBe("2025年上半年青山村风险未消除监测对象户数按保密规则不予公布。");
    expect(valueCell(null, "primary", ACTIVE, 5)).toBe("<5");
    expect(changeCell(hidden, "last_year", ACTIVE, 5)).toBe("<5");
    const baseHidden = row({ code: "mon_active", unit: "households", area_level: "village", value: 12, previous_value: null, previous_suppression: "secondary", previous_status: "suppressed", last_year_value: 9, last_year_status: "ok", change_last_year: 3, growth_last_year: 1 / 3 });
    expect(changeCell(baseHidden, "previous", ACTIVE, 5)).toBe("×");
    expect(indicatorSentence(baseHidden, ACTIVE, "青山村")).toBe("2025年上半年青山村风险未消除监测对象户数为12户，较上年同期增加3户，增长33.3%，上年下半年数据按保密规则不予公布，不作比较。");
  });

  it("a flow in a half-year whose data end early is not compared with a whole half-year", () => {
    const r = row({ code: "mon_identified", unit: "households", value: 30, partial: true, end_month: "2026-03", period: "2026-H1", previous_status: "partial", last_year_status: "partial", previous_value: 50, last_year_value: 60 });
    expect(indicatorSentence(r, { code: "mon_identified", name_zh: "新识别监测对象户数", unit: "households" }, "全县")).toBe("2026年上半年全县新识别监测对象户数为30户，本期数据截至3月，未满半年，不与上年同期和上年下半年比较。");
  });
});

describe("cells", () => {
  it("write a negative figure with a minus sign, never a leading hyphen or plus (the CSV would quote it as a formula)", () => {
    const yoy: IndicatorInfo = { code: "loan_balance_yoy", name_zh: "贷款余额同比增速", unit: "ratio" };
    expect(valueCell(-0.027, null, yoy)).toBe("−2.7%");
    const r = row({ code: "loan_balance_yoy", value: -0.027, last_year_value: 0.05, last_year_status: "ok", change_last_year: -7.7 });
    expect(changeCell(r, "last_year", yoy)).toBe("下降7.7个百分点");
  });
});

describe("lowestSentence and nplRiseSentence", () => {
  it("names the lowest towns with the table's figures and counts the ones left out", () => {
    const text = lowestSentence([
      { name: "甲镇", value: 0.625, complete: true },
      { name: "乙乡", value: 0.9, complete: true },
      { name: "丙镇", value: 0.7, complete: true },
      { name: "丁镇", value: 0.5, complete: false },
      { name: "戊镇", value: null, complete: true },
    ], TIMELY, 2);
    expect(text).toBe("识别及时率排名靠后的乡镇：甲镇（62.5%）、丙镇（70.0%）。另有2个乡镇无数据或数据不完整，未参与排名。");
  });

  it("names the banks whose NPL ratio rose, not those that fell or lack a base", () => {
    const text = nplRiseSentence([
      { institution: "甲银行", value: 0.0185, previous_value: 0.012 },
      { institution: "乙银行", value: 0.01, previous_value: 0.02 },
      { institution: "丙银行", value: 0.03, previous_value: null },
    ], "上期");
    expect(text).toBe("与上期相比，不良贷款率上升的银行：甲银行（1.20%→1.85%，上升0.65个百分点）。另有1家银行上期或本期无不良贷款率数据，不作比较。");
    expect(nplRiseSentence([{ institution: "乙银行", value: 0.01, previous_value: 0.02 }], "上期")).toBe("与上期相比，各银行不良贷款率均未上升。");
  });
});
