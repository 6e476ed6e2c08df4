// @vitest-environment jsdom
// The report's layout from hand-made page data: seven sections in order, a town report's village table with
// withheld cells as "<N" / "×", a section without delivered data saying so, and the workbook's sheets.
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/components/report-view.ts";
import type { PackedReportRow, ReportData } from "../../src/components/report-view.ts";

const CATALOG = [
  { code: "mon_active", name_zh: "风险未消除监测对象户数", unit: "households", higher_is_better: false },
  { code: "return_rate", name_zh: "返贫率", unit: "ratio", higher_is_better: false },
  { code: "risk_elim_rate", name_zh: "风险消除率", unit: "ratio", higher_is_better: true },
  { code: "ins_coverage_antipoverty", name_zh: "防贫保险覆盖率", unit: "ratio", higher_is_better: true },
];
const AREAS = [
  { area_code: "529901", area_level: "county", name: "示例县", parent_code: null },
  { area_code: "529901001", area_level: "town", name: "一镇", parent_code: "529901" },
  { area_code: "529901001001", area_level: "village", name: "甲村", parent_code: "529901001" },
  { area_code: "529901001002", area_level: "village", name: "乙村", parent_code: "529901001" },
];

function row(code: string, area_code: string, fields: Partial<PackedReportRow> = {}): PackedReportRow {
  return {
    code, area_code, area_level: area_code.length === 12 ? "village" : area_code.length === 9 ? "town" : "county",
    value: 10, complete: true, suppression: null,
    previous_value: 8, previous_suppression: null, previous_status: "ok", change_previous: 2, growth_previous: 0.25,
    last_year_value: null, last_year_suppression: null, last_year_status: "missing", change_last_year: null, growth_last_year: null,
    ...fields,
  };
}

const DATA: ReportData = {
  period: "2025-H2", previous_period: "2025-H1", last_year_period: "2024-H2", end_month: "2025-12", partial: false,
  rows: [
    row("mon_active", "529901"), row("mon_active", "529901001"),
    row("return_rate", "529901001", { value: 0.0086, previous_value: 0.0101, change_previous: -0.15, growth_previous: null }),
    row("ins_coverage_antipoverty", "529901001", { value: 0, previous_value: 0, change_previous: 0, growth_previous: null }),
    row("mon_active", "529901001001", { value: null, suppression: "primary", previous_status: "suppressed", last_year_status: "suppressed", change_previous: null, growth_previous: null }),
    row("mon_active", "529901001002", { value: null, suppression: "secondary", previous_status: "suppressed", last_year_status: "suppressed", change_previous: null, growth_previous: null }),
  ],
  banks: [],
  deliveries: [{ source_type: "town_roster", source_key: "529901001", source_name: "一镇", months: 6, delivered_months: 5, rows: 100, undelivered: ["2025-09"] }],
};

describe("buildReport", () => {
  const report = buildReport({ data: DATA, catalog: CATALOG, areas: AREAS, areaCode: "529901001", threshold: 5, built: "数据构建于 2026年1月5日 08:00" });

  it("lays out the seven sections in order for a town", () => {
    expect(report.title).toBe("一镇2025年下半年巩固脱贫成果考核数据报告");
    expect(report.sections.map((s) => s.querySelector("h2")?.textContent)).toEqual([
      "一、防止返贫监测帮扶", "二、部门比对预警", "三、三保障和饮水安全", "四、收入", "五、金融帮扶", "六、保险保障", "七、数据质量",
    ]);
    const text = report.sections[0].textContent ?? "";
    expect(text).toContain("2025年下半年一镇返贫率为0.86%，上年同期无可比数据，较上半年下降0.15个百分点。");
  });

  it("shows the villages' withheld figures and changes as withheld", () => {
    const village = report.sections[0].querySelector('table[data-table-name="各村主要指标"]');
    const cells = [...(village?.querySelectorAll("tbody tr") ?? [])].map((tr) => [...tr.querySelectorAll("td")].slice(0, 3).map((td) => td.textContent));
    expect(cells).toEqual([["甲村", "<5", "<5"], ["乙村", "×", "×"]]);
  });

  it("says a section has no data when its source delivered nothing, and leaves it out of the workbook", () => {
    expect(report.sections[5].textContent).toContain("本期没有保险保障的数据");
    expect(report.sections[5].querySelector("table")).toBeNull();
    expect(report.sheets.map((s) => s.options.sheet)).not.toContain("保险保障");
    expect(report.sections[6].textContent).toContain("一镇（缺9月）");
  });
});
