// A hand-made county of five households over two months, written twice: once in the canonical layout
// (one row per household, DOMAIN.md §6) and once as the national monitoring system's per-person exports
// (two title rows, area names, YYYYMM dates, numbered risk columns, one column per measure family, inverted
// questions, 1/2 sex codes, float phones, a disability certificate number, 脱贫人口信息 and 监测对象信息
// overlapping in each month). Both must give the same warehouse.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { gb11643CheckDigit } from "../../loaders/contracts/gb11643.ts";

export function id(first17: string): string {
  return first17 + gb11643CheckDigit(first17);
}

interface Person {
  pid: string;
  name: string;
  id: string;
  idType?: string;
  relation: string;
  sex: 1 | 2;
  birth: string;
  skill: string;
  medical: "是" | "否";
  phone?: string | number;
}

interface Household {
  hid: string;
  town: string;
  village: string;
  /** The village name the national export writes (a former name for a renamed village). */
  exportVillage?: string;
  code: string;
  type: "脱贫户" | "一般农户";
  kind: string | null;
  identified: string | null;
  eliminated: "是" | "否" | null;
  mode: string | null;
  elimDate: string | null;
  noLabour: "是" | "否";
  risks: string[];
  /** measure-family column → cell text */
  measures: Record<string, string>;
  canonicalMeasures: string[];
  incomePc: number;
  dangerous: "是" | "否";
  dropout: "是" | "否";
  water: "是" | "否";
  persons: Person[];
  /** months the household is in each export file */
  lifted: string[];
  monitored: string[];
}

const HH: Household[] = [
  {
    hid: "H001", town: "城关镇", village: "青山村", code: "420101001001", type: "脱贫户", kind: null, identified: null,
    eliminated: null, mode: null, elimDate: null, noLabour: "否", risks: [], measures: {}, canonicalMeasures: [], incomePc: 12000,
    dangerous: "否", dropout: "否", water: "是",
    persons: [
      { pid: "P00101", name: "王大山", id: id("42010119700101001"), relation: "户主", sex: 1, birth: "19700101", skill: "普通劳动力", medical: "是", phone: 13800000001 },
      { pid: "P00102", name: "李小红", id: id("42010119720202002"), relation: "配偶", sex: 2, birth: "19720202", skill: "技能劳动力", medical: "是" },
      { pid: "P00103", name: "王小山", id: id("42010120100303003"), relation: "长子", sex: 1, birth: "20100303", skill: "无劳动力", medical: "是" },
    ],
    lifted: ["2025-05", "2025-06"], monitored: [],
  },
  {
    hid: "H002", town: "城关镇", village: "青山村", code: "420101001001", type: "脱贫户", kind: "脱贫不稳定户", identified: "202505",
    eliminated: "否", mode: null, elimDate: null, noLabour: "否", risks: ["病", "因残"], measures: { 健康帮扶: "医疗救助", 产业帮扶: "种养补贴" },
    canonicalMeasures: ["产业帮扶", "健康帮扶"], incomePc: 6500, dangerous: "否", dropout: "否", water: "是",
    persons: [
      { pid: "P00201", name: "赵四", id: id("42010119600404004"), relation: "户主", sex: 1, birth: "19600404", skill: "弱劳动力或半劳动力", medical: "是", phone: "13800000002.0" },
      { pid: "P00202", name: "钱五", id: id("42010119620505005") + "21", idType: "残疾人证", relation: "配偶", sex: 2, birth: "19620505", skill: "丧失劳动力", medical: "否" },
    ],
    lifted: ["2025-05", "2025-06"], monitored: ["2025-05", "2025-06"],
  },
  {
    hid: "H003", town: "城关镇", village: "红星村", exportVillage: "红光村", code: "420101001002", type: "一般农户", kind: "边缘易致贫户",
    identified: "202506", eliminated: "否", mode: null, elimDate: null, noLabour: "否", risks: ["学"], measures: { 教育帮扶: "雨露计划" },
    canonicalMeasures: ["教育帮扶"], incomePc: 6800, dangerous: "是", dropout: "否", water: "是",
    persons: [
      { pid: "P00301", name: "孙六", id: id("42010119800606006"), relation: "户主", sex: 1, birth: "19800606", skill: "普通劳动力", medical: "是", phone: 13800000003 },
      { pid: "P00302", name: "周七", id: id("42010119810707007"), relation: "配偶", sex: 2, birth: "19810707", skill: "普通劳动力", medical: "是" },
      { pid: "P00303", name: "孙八", id: id("42010120080808008"), relation: "长女", sex: 2, birth: "20080808", skill: "无劳动力", medical: "是" },
      { pid: "P00304", name: "孙九", id: id("42010120120909009"), relation: "次子", sex: 1, birth: "20120909", skill: "无劳动力", medical: "是" },
    ],
    lifted: [], monitored: ["2025-06"],
  },
  {
    hid: "H004", town: "河口乡", village: "青山村", code: "420101002001", type: "一般农户", kind: "突发严重困难户", identified: "202505",
    eliminated: "是", mode: "帮扶消除", elimDate: "202506", noLabour: "否", risks: ["意外事故"], measures: { 综合保障: "临时救助" },
    canonicalMeasures: ["综合保障"], incomePc: 7600, dangerous: "否", dropout: "否", water: "否",
    persons: [
      { pid: "P00401", name: "吴十", id: id("42010119551010010"), relation: "户主", sex: 2, birth: "19551010", skill: "普通劳动力", medical: "是", phone: 13800000004 },
    ],
    lifted: [], monitored: ["2025-05", "2025-06"],
  },
  {
    hid: "H005", town: "河口乡", village: "青山村", code: "420101002001", type: "脱贫户", kind: null, identified: null,
    eliminated: null, mode: null, elimDate: null, noLabour: "否", risks: [], measures: {}, canonicalMeasures: [], incomePc: 9000,
    dangerous: "否", dropout: "否", water: "是",
    persons: [
      { pid: "P00501", name: "郑一", id: id("42010119751111011"), relation: "户主", sex: 1, birth: "19751111", skill: "技能劳动力", medical: "是", phone: 13800000005 },
      { pid: "P00502", name: "郑二", id: id("42010120001212012"), relation: "长子", sex: 1, birth: "20001212", skill: "普通劳动力", medical: "是" },
    ],
    lifted: ["2025-05", "2025-06"], monitored: [],
  },
];

const MONTHS = ["2025-05", "2025-06"];
const EXPORT_DAY: Record<string, string> = { "2025-05": "20250531", "2025-06": "20250630" };

/** The villages reference and the monitoring line, shared by both layouts. */
export function writeReference(dir: string): void {
  writeFileSync(join(dir, "villages.csv"), [
    "区划代码,村名称,乡镇代码,乡镇名称,县代码,县名称,农村户数,农村人口,是否脱贫村,曾用名",
    "420101001001,青山村,420101001,城关镇,420101,示例县,100,300,是,",
    "420101001002,红星村,420101001,城关镇,420101,示例县,80,250,否,老红星村、红光村",
    "420101002001,青山村,420101002,河口乡,420101,示例县,120,400,是,",
  ].join("\n") + "\n");
  writeFileSync(join(dir, "monitoring_lines.csv"), "年度,区划代码,监测线\n2025,420101,7000\n");
}

/** Elimination as the month's snapshot knows it: not yet eliminated before the elimination month. */
function elimination(h: Household, month: string): { eliminated: string | null; mode: string | null; date: string | null } {
  if (h.elimDate !== null && month.replace("-", "") < h.elimDate) return { eliminated: "否", mode: null, date: null };
  return { eliminated: h.eliminated, mode: h.mode, date: h.elimDate };
}

const monthStart = (yyyymm: string | null) => (yyyymm === null ? "" : `${yyyymm.slice(0, 4)}-${yyyymm.slice(4, 6)}-01`);

/** One row per household and month; 日期仅到月 = 是 where the national export has month-only dates. */
export function writeCanonical(dir: string): void {
  writeReference(dir);
  const header = "数据期,户编号,户主姓名,证件号码,联系电话,区划代码,家庭人口数,劳动力人数,户类型,是否监测对象,监测对象类别,识别监测日期,致贫返贫风险,风险是否消除,风险消除方式,风险消除日期,整户无劳动能力,帮扶措施,人均纯收入,住房安全,义务教育保障,基本医疗保险,饮水安全,日期仅到月";
  for (const month of MONTHS) {
    const lines = [header];
    for (const h of HH) {
      if (!h.lifted.includes(month) && !h.monitored.includes(month)) continue;
      const head = h.persons[0];
      const labour = h.persons.filter((p) => p.skill === "普通劳动力" || p.skill === "技能劳动力").length;
      const e = elimination(h, month);
      const risks = h.risks.map((r) => (r.startsWith("因") ? r : `因${r}`)).join("、");
      lines.push([
        month, h.hid, head.name, head.id, String(head.phone ?? "").replace(/\.0$/, ""), h.code, h.persons.length, labour, h.type,
        h.kind ? "是" : "否", h.kind ?? "", monthStart(h.identified), risks, e.eliminated ?? "", e.mode ?? "", monthStart(e.date),
        h.noLabour, h.canonicalMeasures.join("、"), h.incomePc, h.dangerous === "是" ? "否" : "是", h.dropout === "是" ? "否" : "是",
        h.persons.every((p) => p.medical === "是") ? "是" : "否", h.water, h.identified || e.date ? "是" : "否",
      ].join(","));
    }
    writeFileSync(join(dir, `households_${month}.csv`), lines.join("\n") + "\n");
  }
}

const NATIONAL_HEADER = [
  "序号", "县(市、区、旗)", "乡(镇)", "行政村", "户编号", "人编号", "姓名", "证件类型", "证件号码", "与户主关系", "性别", "出生日期",
  "劳动技能", "是否参加城乡居民基本医疗保险", "联系电话", "户类型", "监测对象类别", "识别监测时间", "风险是否已消除", "风险消除方式",
  "消除监测时间", "是否整户无劳动能力", "致贫/返贫风险1", "致贫/返贫风险2", "产业帮扶", "健康帮扶", "教育帮扶", "综合保障",
  "人均纯收入（元）", "是否危房户", "是否义务教育阶段适龄儿童少年失学辍学", "是否解决安全饮用水",
];

async function writeExport(path: string, title: string, rows: (string | number | null)[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.addRow([title]);
  sheet.addRow(["导出单位：示例县乡村振兴局"]);
  sheet.addRow(NATIONAL_HEADER);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
}

/** 脱贫人口信息 and 监测对象信息 per month, one row per person; H002 is in both. */
export async function writeNational(dir: string): Promise<void> {
  writeReference(dir);
  for (const month of MONTHS) {
    for (const [file, pick] of [["脱贫人口信息", (h: Household) => h.lifted], ["监测对象信息", (h: Household) => h.monitored]] as const) {
      const rows: (string | number | null)[][] = [];
      for (const h of HH) {
        if (!pick(h).includes(month)) continue;
        const e = elimination(h, month);
        for (const p of h.persons) {
          rows.push([
            rows.length + 1, "示例县", h.town, h.exportVillage ?? h.village, h.hid, p.pid, p.name, p.idType ?? "居民身份证", p.id, p.relation,
            p.sex, p.birth, p.skill, p.medical, p.phone ?? null, h.type, h.kind, h.identified === null ? null : file === "监测对象信息" ? `${h.identified}.0` : Number(h.identified),
            e.eliminated, e.mode, e.date, h.noLabour, h.risks[0] ?? null, h.risks[1] ?? null,
            h.measures["产业帮扶"] ?? null, h.measures["健康帮扶"] ?? null, h.measures["教育帮扶"] ?? null, h.measures["综合保障"] ?? null,
            h.incomePc, h.dangerous, h.dropout, h.water,
          ]);
        }
      }
      const count = new Set(rows.map((r) => r[4])).size;
      await writeExport(join(dir, `${file}_${EXPORT_DAY[month]}-共${count}户.xlsx`), `${file}（${month}）`, rows);
    }
  }
}
