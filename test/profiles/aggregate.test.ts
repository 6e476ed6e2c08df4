import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aggregatePeriod, cleanText, personId, type ProfileFile } from "../../loaders/profiles/aggregate.ts";
import { AreaIndex, aliasList } from "../../loaders/profiles/area-names.ts";
import { readProfiles } from "../../loaders/profiles/profile.ts";
import { id } from "./hand-county.ts";

const [NATIONAL] = readProfiles(join(import.meta.dirname, "..", "..", "data", "config"));

const AREAS = new AreaIndex([
  { code: "420101001001", village: "青山村", town: "城关镇", county: "示例县", aliases: [] },
  { code: "420101001002", village: "红星村", town: "城关镇", county: "示例县", aliases: aliasList("老红星村、红光村") },
  { code: "420101002001", village: "青山村", town: "河口乡", county: "示例县", aliases: [] },
]);

const HEADER = ["县", "乡(镇)", "行政村", "户编号", "人编号", "姓名", "证件号码", "与户主关系", "性别", "劳动技能", "联系电话",
  "户类型", "监测对象类别", "识别监测时间", "人均纯收入（元）", "是否危房户", "是否解决安全饮用水", "是否参加城乡居民基本医疗保险",
  "致贫/返贫风险1", "致贫/返贫风险2", "就业帮扶", "公益性岗位帮扶", "基础设施建设", "风险消除后合规自付支出"];

type Cells = (string | number | null)[];
const person = (over: Partial<Record<string, string | number | null>>): Cells => {
  const base: Record<string, string | number | null> = {
    县: "示例县", "乡(镇)": "城关镇", 行政村: "青山村", 户编号: "H1", 人编号: "P1", 姓名: "张三", 证件号码: id("42010119700101001"),
    与户主关系: "户主", 性别: 1, 劳动技能: "普通劳动力", 联系电话: 13800000001, 户类型: "脱贫户", 监测对象类别: null, 识别监测时间: null,
    "人均纯收入（元）": 8000, 是否危房户: "否", 是否解决安全饮用水: "是", 是否参加城乡居民基本医疗保险: "是",
    "致贫/返贫风险1": null, "致贫/返贫风险2": null, 就业帮扶: null, 公益性岗位帮扶: null, 基础设施建设: null, 风险消除后合规自付支出: null,
  };
  return HEADER.map((h) => (h in over ? over[h]! : base[h]));
};
const file = (rel: string, rows: Cells[]): ProfileFile => ({ rel, sheet: "Sheet1", header: HEADER, rows: rows.map((cells, i) => ({ row: i + 4, cells })) });

describe("aggregatePeriod (national profile)", () => {
  it("counts members and labour, keeps the head's ID, phone and name, and turns questions and columns into canonical values", () => {
    const r = aggregatePeriod(NATIONAL, "2025-06", [file("a.xlsx", [
      person({ "致贫/返贫风险1": "病", "致贫/返贫风险2": "因残", 就业帮扶: "外出务工", 公益性岗位帮扶: "护林员", 基础设施建设: "无", 监测对象类别: "脱贫不稳定户", 识别监测时间: "202304.0", 是否危房户: "是", 风险消除后合规自付支出: 1200 }),
      person({ 人编号: "P2", 姓名: "李四", 证件号码: id("42010119720202002") + "21", 与户主关系: "配偶", 性别: "2", 劳动技能: "丧失劳动力", 联系电话: "13800000009.0", 是否参加城乡居民基本医疗保险: "否", 是否危房户: "是" }),
    ])], AREAS);
    expect(r.issues).toEqual([]);
    const [h] = r.households;
    expect(h.cells).toMatchObject({
      户编号: "H1", 区划代码: "420101001001", 家庭人口数: "2", 劳动力人数: "1", 户主姓名: "张三", 证件号码: id("42010119700101001"),
      联系电话: "13800000001", 是否监测对象: "是", 识别监测日期: "202304", 日期仅到月: "是", 住房安全: "否", 饮水安全: "是",
      基本医疗保险: "否", 致贫返贫风险: "因病、因残", 帮扶措施: "就业帮扶、公益岗位", 合规自付支出: "1200",
    });
    expect(h.persons[1].cells).toMatchObject({ 证件号码: id("42010119720202002"), 性别: "女", 联系电话: "13800000009" });
  });

  it("counts a person in two files once and warns, naming both values, when a household field differs", () => {
    const r = aggregatePeriod(NATIONAL, "2025-06", [
      file("脱贫人口信息.xlsx", [person({}), person({ 人编号: "P2", 与户主关系: "长子", 证件号码: id("42010120000303003") })]),
      file("监测对象信息.xlsx", [person({ "人均纯收入（元）": "8000.0" }), person({ 人编号: "P2", 与户主关系: "长子", 证件号码: id("42010120000303003"), "人均纯收入（元）": 7500 })]),
    ], AREAS);
    expect(r.households).toHaveLength(1);
    expect(r.households[0].cells.家庭人口数).toBe("2");
    expect(r.households[0].cells.人均纯收入).toBe("8000");
    expect(r.households[0].refs).toHaveLength(4);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ rule: "household_field_conflict", severity: "warn", value: "7500", ref: { file: "监测对象信息.xlsx", row: 5 } });
    expect(r.issues[0].message).toContain("按户主行的“8000”载入");
  });

  it("resolves a renamed village by its former name and a shared name by the town", () => {
    const r = aggregatePeriod(NATIONAL, "2025-06", [file("a.xlsx", [
      person({ 户编号: "H1", 行政村: "红光村" }),
      person({ 户编号: "H2", 人编号: "P9", "乡(镇)": "河口乡", 行政村: "青山村" }),
    ])], AREAS);
    expect(r.households.map((h) => h.cells.区划代码)).toEqual(["420101001002", "420101002001"]);
  });

  it("rejects every row of a household whose village is unknown or ambiguous, listing the candidates", () => {
    const r = aggregatePeriod(NATIONAL, "2025-06", [file("a.xlsx", [
      person({ 户编号: "H1", 行政村: "白云村" }),
      person({ 户编号: "H2", 人编号: "P9", "乡(镇)": null, 行政村: "青山村" }),
      person({ 户编号: "H2", 人编号: "P10", "乡(镇)": null, 行政村: "青山村", 与户主关系: "配偶" }),
    ])], AREAS);
    expect(r.households).toEqual([]);
    expect(r.rejectedRefs).toHaveLength(3);
    const [unknown, ambiguous] = r.issues;
    expect(unknown).toMatchObject({ rule: "area_name_unknown", severity: "reject" });
    expect(unknown.message).toContain("该乡镇的村有：青山村、红星村");
    expect(ambiguous).toMatchObject({ rule: "area_name_ambiguous", severity: "reject" });
    expect(ambiguous.message).toContain("城关镇青山村（420101001001）；示例县河口乡青山村（420101002001）");
  });

  it("rejects a row without 户编号 and warns when no member is the head", () => {
    const r = aggregatePeriod(NATIONAL, "2025-06", [file("a.xlsx", [person({ 户编号: null }), person({ 户编号: "H3", 与户主关系: "配偶" })])], AREAS);
    expect(r.issues.map((i) => [i.rule, i.severity, i.ref.row])).toEqual([["required", "reject", 4], ["head_missing", "warn", 5]]);
    expect(r.households[0].cells.户主姓名).toBe("张三");
  });

  it("cleans float-formatted numbers and cuts certificate numbers to the ID, keeping placeholders as written", () => {
    expect(cleanText("202304.0")).toBe("202304");
    expect(cleanText(13800000001)).toBe("13800000001");
    expect(personId(id("42010119720202002") + "2101")).toBe(id("42010119720202002"));
    expect(personId("000000000000000000")).toBe("000000000000000000");
    expect(personId("无证件")).toBe("无证件");
  });
});
