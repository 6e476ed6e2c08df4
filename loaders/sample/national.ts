// The sample county's roster in the national monitoring system's layout (`npm run sample -- --format national`):
// per month, 脱贫人口信息 (every member of every 脱贫户) and 监测对象信息 (every member of every monitored
// household, 脱贫不稳定户 included, so the two overlap), XLSX with two title rows above the header, one row per
// person, area names instead of codes, YYYYMM dates (some written "202304.0"), numbered risk columns, one column per
// measure family, questions asked the other way round, 性别 1/2, phones sometimes as floats, a few disability
// certificate numbers (the ID plus 2 digits) and placeholder IDs for children without one, the period only in the
// file name. The households are the canonical sample's (snapshot.ts), so the export profile must give them back.
// Households in neither file (ordinary households never monitored, risks found but not yet identified) are not
// exported, as in the real system.
import { join } from "node:path";
import { COUNTY } from "./geography.ts";
import { citizenId } from "./id-numbers.ts";
import type { ManifestFile } from "./manifest.ts";
import { personName, phoneNumber } from "./names.ts";
import { rngFor } from "./prng.ts";
import { monthEnd, isoDay, monthLabel, type MonthIndex } from "./dates.ts";
import type { Household, SimWindow } from "./roster.ts";
import { snapshotRow, type Row } from "./snapshot.ts";
import { openTable, type CellValue } from "./table-writer.ts";

/** Columns of the download, in order (a subset of the real ~170; the profile ignores the ones it does not map). */
export const NATIONAL_COLUMNS = [
  "序号", "县(市、区、旗)", "乡(镇)", "行政村", "户编号", "人编号", "姓名", "证件类型", "证件号码", "与户主关系", "性别", "民族",
  "出生日期", "文化程度", "劳动技能", "务工时间", "是否参加城乡居民基本医疗保险", "联系电话", "户类型", "监测对象类别",
  "识别监测时间", "风险是否已消除", "风险消除方式", "消除监测时间", "是否整户无劳动能力",
  "致贫/返贫风险1", "致贫/返贫风险2", "致贫/返贫风险3", "致贫/返贫风险4", "致贫/返贫风险5",
  "产业帮扶", "就业帮扶", "金融帮扶", "公益性岗位帮扶", "健康帮扶", "教育帮扶", "社会帮扶", "综合保障", "住房安全保障",
  "饮水安全保障", "搬迁", "生产生活条件改善",
  "工资性收入（元）", "生产经营性收入（元）", "财产性收入（元）", "转移性收入（元）", "生产经营性支出（元）", "人均纯收入（元）",
  "是否危房户", "是否义务教育阶段适龄儿童少年失学辍学", "是否解决安全饮用水",
] as const;

/** Canonical 帮扶措施 → the download's measure-family column and what it writes there. */
const MEASURE_COLUMN: Record<string, [string, string]> = {
  产业帮扶: ["产业帮扶", "种养业奖补,技术培训"], 就业帮扶: ["就业帮扶", "外出务工稳岗"], 金融帮扶: ["金融帮扶", "小额信贷"],
  公益岗位: ["公益性岗位帮扶", "护林员"], 健康帮扶: ["健康帮扶", "医疗救助,家庭医生签约"], 教育帮扶: ["教育帮扶", "雨露计划"],
  社会帮扶: ["社会帮扶", "结对帮扶"], 综合保障: ["综合保障", "低保"], 住房保障: ["住房安全保障", "危房改造"],
  饮水保障: ["饮水安全保障", "供水工程"], 搬迁: ["搬迁", "易地搬迁"], 其他: ["生产生活条件改善", "改厨改厕"],
};

interface Member {
  pid: string;
  name: string;
  id: string;
  idType: string;
  relation: string;
  sex: 1 | 2;
  birth: string;
  skill: string;
  phone: string | null;
  /** The member who answers 否 to 是否参加城乡居民基本医疗保险 when the household's 基本医疗保险 is 否. */
  lastMember: boolean;
}

const RELATIONS_CHILD = ["长子", "长女", "次子", "次女", "三子", "三女", "孙子", "孙女"];

/** The household's members: the head of the canonical sample, then invented ones, fixed by the seed. */
export function membersOf(seed: number, hh: Household, taken: Set<string>): Member[] {
  const rng = rngFor(seed, "members", hh.index);
  const headMale = Number(hh.idNumber[16]) % 2 === 1;
  const headBirthYear = Number(hh.idNumber.slice(6, 10));
  const members: Member[] = [{
    pid: `${hh.id}01`, name: hh.headName, id: hh.idNumber, idType: "居民身份证", relation: "户主", sex: headMale ? 1 : 2,
    birth: hh.idNumber.slice(6, 14), skill: "", phone: hh.phone, lastMember: false,
  }];
  for (let i = 1; i < hh.size; i++) {
    const spouse = i === 1 && rng.chance(0.8);
    const male = spouse ? !headMale : rng.chance(0.5);
    const birthYear = spouse ? headBirthYear + rng.int(-4, 4) : Math.min(2024, headBirthYear + rng.int(20, 34) + (i > 3 ? 20 : 0));
    const id = citizenId(rng, COUNTY.code, birthYear, male, taken);
    const child = !spouse && 2025 - birthYear < 16;
    const disability = !child && rng.chance(0.03);
    const noId = child && rng.chance(0.15);
    members.push({
      pid: `${hh.id}${String(i + 1).padStart(2, "0")}`,
      name: personName(rng, male),
      // a child without an ID gets the system's placeholder; a disabled member's certificate number is the ID plus 2 digits
      id: noId ? `${COUNTY.code}${birthYear}0000000${i}`.slice(0, 18) : disability ? `${id}${rng.int(1, 7)}${rng.int(1, 4)}` : id,
      idType: noId ? "无证件" : disability ? "残疾人证" : "居民身份证",
      relation: spouse ? "配偶" : RELATIONS_CHILD[Math.min(i - 1, RELATIONS_CHILD.length - 1)],
      sex: male ? 1 : 2,
      birth: noId ? `${birthYear}0601` : id.slice(6, 14),
      skill: "",
      phone: !child && rng.chance(0.3) ? phoneNumber(rng) : null,
      lastMember: i === hh.size - 1,
    });
  }
  if (members.length === 1) members[0].lastMember = true;
  // 劳动力人数 of the canonical sample = members whose skill counts as labour (the head first, then the others).
  members.forEach((m, i) => {
    m.skill = i < hh.labour ? (rng.chance(0.25) ? "技能劳动力" : "普通劳动力") : hh.noLabour ? "丧失劳动力" : rng.weighted(["无劳动力", "弱劳动力或半劳动力"], [0.7, 0.3]);
  });
  return members;
}

const yyyymm = (iso: unknown) => (typeof iso === "string" ? iso.slice(0, 4) + iso.slice(5, 7) : null);

/** One person's row of the download for the household's canonical snapshot row `s`. */
function personRow(n: number, hh: Household, m: Member, s: Row, floatDates: boolean, floatPhone: boolean, formerName: string | null): CellValue[] {
  const risks = typeof s.致贫返贫风险 === "string" ? s.致贫返贫风险.split("、") : [];
  const measures = new Map<string, string>();
  if (typeof s.帮扶措施 === "string") for (const measure of s.帮扶措施.split("、")) measures.set(MEASURE_COLUMN[measure][0], MEASURE_COLUMN[measure][1]);
  const identified = yyyymm(s.识别监测日期);
  const eliminated = yyyymm(s.风险消除日期);
  const date = (v: string | null): CellValue => (v === null ? null : floatDates ? `${v}.0` : Number(v));
  const row: Record<string, CellValue> = {
    序号: n, "县(市、区、旗)": COUNTY.name, "乡(镇)": hh.village.town.name, 行政村: formerName ?? hh.village.name, 户编号: hh.id,
    人编号: m.pid, 姓名: m.name, 证件类型: m.idType, 证件号码: m.id, 与户主关系: m.relation, 性别: m.sex, 民族: "汉族", 出生日期: m.birth,
    文化程度: null, 劳动技能: m.skill, 务工时间: m.skill.endsWith("劳动力") && m.skill !== "无劳动力" && m.skill !== "丧失劳动力" ? "2024年03月" : null,
    是否参加城乡居民基本医疗保险: s.基本医疗保险 === "否" && m.lastMember ? "否" : "是",
    联系电话: m.phone === null ? null : floatPhone ? `${m.phone}.0` : Number(m.phone),
    户类型: s.户类型 as string, 监测对象类别: (s.监测对象类别 as string | null) ?? null,
    识别监测时间: date(identified), 风险是否已消除: (s.风险是否消除 as string | null) ?? null, 风险消除方式: (s.风险消除方式 as string | null) ?? null,
    消除监测时间: date(eliminated), 是否整户无劳动能力: s.整户无劳动能力 as string,
    "工资性收入（元）": s.工资性收入 as number, "生产经营性收入（元）": s.生产经营性收入 as number, "财产性收入（元）": s.财产性收入 as number,
    "转移性收入（元）": s.转移性收入 as number, "生产经营性支出（元）": s.生产经营性支出 as number, "人均纯收入（元）": s.人均纯收入 as number,
    是否危房户: s.住房安全 === "否" ? "是" : "否",
    是否义务教育阶段适龄儿童少年失学辍学: s.义务教育保障 === "否" ? "是" : "否",
    是否解决安全饮用水: s.饮水安全 as string,
  };
  // The leading 因 is dropped in some rows, as some exports do.
  risks.forEach((r, i) => { if (i < 5) row[`致贫/返贫风险${i + 1}`] = n % 2 === 0 ? r.replace(/^因/, "") : r; });
  for (const [column, text] of measures) row[column] = text;
  return NATIONAL_COLUMNS.map((c) => row[c] ?? null);
}

function exportDay(month: MonthIndex): string {
  return isoDay(monthEnd(month)).replaceAll("-", "");
}

/**
 * Writes the two downloads per month. `formerNames` maps a village code to the name the download still uses
 * (a renamed village: the reference carries it as 曾用名).
 */
export async function writeNationalRoster(
  outDir: string, seed: number, households: Household[], window: SimWindow, fixedDate: Date, formerNames: Map<string, string>,
): Promise<ManifestFile[]> {
  const taken = new Set(households.map((h) => h.idNumber));
  const members = new Map(households.map((hh) => [hh.id, membersOf(seed, hh, taken)]));
  const files: ManifestFile[] = [];
  for (let month = window.first; month <= window.last; month++) {
    const rows = households.map((hh) => ({ hh, s: snapshotRow(hh, month, window) }));
    const lifted = rows.filter((r) => r.s.户类型 === "脱贫户");
    const monitored = rows.filter((r) => r.s.是否监测对象 === "是");
    const activePersons = monitored.filter((r) => r.s.风险是否消除 !== "是").reduce((n, r) => n + r.hh.size, 0);
    const liftedPersons = lifted.reduce((n, r) => n + r.hh.size, 0);
    const day = exportDay(month);
    for (const [stem, suffix, list, floatDates] of [
      ["脱贫人口信息", `脱贫人口${liftedPersons}人`, lifted, false],
      ["防止返贫致贫监测对象信息", `风险未消除${activePersons}人`, monitored, true],
    ] as const) {
      const name = `${stem}_${day}-${suffix}.xlsx`;
      const writer = openTable(join(outDir, name), "xlsx", NATIONAL_COLUMNS, {
        sheet: "Sheet1", title: `${COUNTY.name}${stem}`, subtitle: `导出单位：${COUNTY.name}乡村振兴局    导出时间：${day}`,
      }, fixedDate);
      let n = 0;
      for (const { hh, s } of list) {
        for (const m of members.get(hh.id)!) {
          n++;
          await writer.addRow(personRow(n, hh, m, s, floatDates, n % 7 === 0, formerNames.get(hh.village.code) ?? null));
        }
      }
      await writer.close();
      files.push({
        name, extract: "households", format: "xlsx", sheet: "Sheet1", titleRows: 2, headerRow: 3, dataRows: n, totalRow: null,
        period: monthLabel(month), periodInName: true, source: null, headers: [...NATIONAL_COLUMNS], dates: "iso", amountUnit: "元",
      });
    }
  }
  return files;
}
