// Per-person rows of an export profile → canonical household rows (DOMAIN.md §6 headers, text values) and
// person rows (stg_household_members), for one period. Pure: no I/O, so a test can hand it rows.
//
// Rules (each stated once here, documented for the county in data/config/README.md 导出格式):
// - one household per 户编号 and period, across every file of the period (脱贫人口信息 and 监测对象信息 overlap);
// - one person per 人编号 (else 证件号码, else 姓名) within a household: a person in two files counts once;
// - 家庭人口数 = persons; 劳动力人数 = persons whose 劳动技能 is one of the profile's 劳动力 values;
// - household fields are repeated on every member: two different non-blank values (between members or
//   between files) are a warning naming both, and the head's value (else the first file's, by name) is kept;
// - 户主姓名, 证件号码, 联系电话 come from the head (与户主关系 户主), else the first person, with a warning;
// - 是否监测对象 is 是 when the profile's 监测对象依据 field (监测对象类别) is filled for the household in any file;
// - inverted questions (是否危房户 …) become the canonical guarantee; per-person 是否参加…医疗保险 is 是 for the
//   household only when every member answering says 是;
// - numbered columns (致贫/返贫风险1…5) and one column per measure family become one list each;
// - month-only dates (YYYYMM, "202304.0") stay month-only and the row is flagged 日期仅到月 = 是.
import { certificateId } from "../contracts/id-rule.ts";
import { MEASURE_TYPES, RISK_TYPES } from "../contracts/enums.ts";
import { cellText, parseBoolean, toHalfWidth, INVALID, type Cell } from "../read/parse-values.ts";
import { normalizeHeader } from "../read/match-header.ts";
import type { ExportProfile } from "./profile.ts";
import type { AreaIndex } from "./area-names.ts";

/** Where a value came from: the county's file, its sheet and the row number Excel shows. */
export interface SourceRef {
  file: string;
  sheet: string | null;
  row: number;
}

export type ProfileRule = "household_field_conflict" | "area_name_unknown" | "area_name_ambiguous" | "required" | "head_missing";

export interface ProfileIssue {
  ref: SourceRef;
  column: string;
  value: string;
  rule: ProfileRule;
  message: string;
  severity: "reject" | "warn";
  /** Staging field key for masking the value in the warehouse. */
  fieldKey: string;
}

/** The rows of one file of a profile: its header cells and its data rows. */
export interface ProfileFile {
  rel: string;
  sheet: string | null;
  header: readonly Cell[];
  rows: { row: number; cells: Cell[] }[];
}

export interface PersonRow {
  ref: SourceRef;
  /** Members contract headers (人编号, 证件号码 …) → text. */
  cells: Record<string, string | null>;
}

export interface HouseholdRow {
  key: string;
  /** The head's row (else the first person's): where the household's defects are reported. */
  ref: SourceRef;
  /** Canonical household headers → text (null when blank). */
  cells: Record<string, string | null>;
  persons: PersonRow[];
  /** Every source row of the household (persons in two files: both rows). */
  refs: SourceRef[];
}

export interface AggregateResult {
  households: HouseholdRow[];
  /** Profile-level defects: rejections (no 户编号, area names) and warnings (conflicts). */
  issues: ProfileIssue[];
  /** Source rows rejected before aggregation (no 户编号) or with their household (area names). */
  rejectedRefs: SourceRef[];
}

const MONTH_ONLY = /^(\d{4})(0[1-9]|1[0-2])$/;

/** "202304.0" → "202304", 13800000001.0 → "13800000001": float-formatted integers in exports. */
export function cleanText(cell: Cell): string | null {
  const text = cellText(cell);
  if (text === null) return null;
  const half = toHalfWidth(text).trim();
  const m = /^(\d+)\.0+$/.exec(half);
  return m ? m[1] : half;
}

/** 1/2 (and 男性/女性) → 男/女; anything else as written, for the contract to judge. */
function sexText(value: string | null): string | null {
  if (value === null) return null;
  if (value === "1" || value === "男性") return "男";
  if (value === "2" || value === "女性") return "女";
  return value;
}

/** A disability certificate number (the ID plus 2 or 4 digits) → the 18-character ID; others as written. */
export function personId(value: string | null): string | null {
  if (value === null) return null;
  const upper = value.replace(/\s/g, "").toUpperCase();
  return certificateId(upper);
}

function riskValue(value: string): string {
  const v = value.trim();
  if ((RISK_TYPES as readonly string[]).includes(v)) return v;
  if ((RISK_TYPES as readonly string[]).includes(`因${v}`)) return `因${v}`;
  return v;
}

/** A measure-family cell that says "none". */
const NO_MEASURE = new Set(["无", "否", "0", "-", "—", "/"]);

interface Columns {
  householdId: number;
  member: Map<string, number>;
  household: Map<string, number>;
  area: { county: number; town: number; village: number };
  inverted: { field: string; index: number; invert: boolean; header: string }[];
  allYes: { field: string; index: number; invert: boolean }[];
  numbered: { field: string; indexes: number[] }[];
  measures: { measure: string; index: number }[];
  headers: string[];
}

function columnsOf(profile: ExportProfile, header: readonly Cell[]): Columns {
  const names = header.map((cell) => normalizeHeader(cell).name);
  const headers = header.map((cell) => cellText(cell) ?? "");
  const find = (aliases: readonly string[] | undefined): number => {
    if (!aliases) return -1;
    for (const alias of aliases) {
      const i = names.indexOf(normalizeHeader(alias).name);
      if (i >= 0) return i;
    }
    return -1;
  };
  const member = new Map<string, number>();
  for (const [key, aliases] of Object.entries(profile.成员)) {
    const i = find(aliases);
    if (i >= 0) member.set(key, i);
  }
  const household = new Map<string, number>();
  for (const [field, aliases] of Object.entries(profile.户字段)) {
    const i = find(aliases);
    if (i >= 0) household.set(field, i);
  }
  const numbered = Object.entries(profile.编号列).map(([field, stems]) => {
    const indexes: number[] = [];
    names.forEach((name, i) => {
      for (const stem of stems) {
        const s = normalizeHeader(stem).name;
        if (name.startsWith(s) && /^\d{1,2}$/.test(name.slice(s.length))) indexes.push(i);
      }
    });
    return { field, indexes };
  });
  return {
    householdId: find(profile.户编号),
    member,
    household,
    area: { county: find(profile.地区.县), town: find(profile.地区.乡镇), village: find(profile.地区.村) },
    inverted: profile.反问.map((q) => ({ field: q.字段, index: find(q.列), invert: q.取反, header: headers[find(q.列)] ?? q.列[0] })).filter((q) => q.index >= 0),
    allYes: profile.成员均为是.map((q) => ({ field: q.字段, index: find(q.列), invert: q.取反 })).filter((q) => q.index >= 0),
    numbered,
    measures: Object.entries(profile.措施列).map(([column, measure]) => ({ measure, index: find([column]) })).filter((m) => m.index >= 0),
    headers,
  };
}

/** Whether the header row carries every 识别列 of the profile (by any alias spelling of the normalized name). */
export function matchesProfile(profile: ExportProfile, header: readonly Cell[]): boolean {
  const names = new Set(header.map((cell) => normalizeHeader(cell).name));
  return profile.识别列.every((name) => names.has(normalizeHeader(name).name));
}

interface Draft {
  key: string;
  /** field → candidate values in reading order, with where each came from and whether it is the head's row. */
  fields: Map<string, { value: string; ref: SourceRef; head: boolean; header: string }[]>;
  persons: Map<string, PersonRow>;
  personYes: Map<string, Map<string, boolean | null>>;
  lists: Map<string, Set<string>>;
  monthOnly: boolean;
  refs: SourceRef[];
  head: PersonRow | null;
}

const BOOL_WORD = (value: boolean) => (value ? "是" : "否");

/**
 * Aggregates the per-person rows of every file of one period. Files are read in name order, rows in order,
 * so that "the first file's value" is reproducible.
 */
export function aggregatePeriod(profile: ExportProfile, period: string, files: ProfileFile[], areas: AreaIndex | null): AggregateResult {
  const drafts = new Map<string, Draft>();
  const issues: ProfileIssue[] = [];
  const rejectedRefs: SourceRef[] = [];
  const headSet = new Set(profile.户主);
  for (const file of [...files].sort((a, b) => a.rel.localeCompare(b.rel))) {
    const cols = columnsOf(profile, file.header);
    for (const { row, cells } of file.rows) {
      const ref: SourceRef = { file: file.rel, sheet: file.sheet, row };
      const hid = cleanText(cells[cols.householdId]);
      if (hid === null) {
        issues.push({ ref, column: cols.headers[cols.householdId] ?? "户编号", value: "", rule: "required", message: "户编号为空，无法归户，请补填", severity: "reject", fieldKey: "household_id" });
        rejectedRefs.push(ref);
        continue;
      }
      let draft = drafts.get(hid);
      if (!draft) {
        draft = { key: hid, fields: new Map(), persons: new Map(), personYes: new Map(), lists: new Map(), monthOnly: false, refs: [], head: null };
        drafts.set(hid, draft);
      }
      draft.refs.push(ref);
      const m = (key: string) => {
        const i = cols.member.get(key);
        return i === undefined ? null : cleanText(cells[i]);
      };
      const relation = m("与户主关系");
      const isHead = relation !== null && headSet.has(relation);
      const rawId = m("证件号码");
      const person: PersonRow = {
        ref,
        cells: {
          数据期: period,
          户编号: hid,
          人编号: m("人编号"),
          证件号码: personId(rawId),
          证件类型: m("证件类型"),
          与户主关系: relation,
          性别: sexText(m("性别")),
          出生日期: m("出生日期"),
          劳动技能: m("劳动技能"),
          联系电话: m("联系电话"),
          姓名: m("姓名"),
        },
      };
      const personKey = person.cells.人编号 ?? person.cells.证件号码 ?? person.cells.姓名 ?? `${file.rel}#${row}`;
      if (!draft.persons.has(personKey)) draft.persons.set(personKey, person);
      if (isHead && draft.head === null) draft.head = draft.persons.get(personKey)!;
      const add = (field: string, value: string | null, header: string) => {
        if (value === null) return;
        const list = draft!.fields.get(field) ?? [];
        draft!.fields.set(field, list);
        list.push({ value, ref, head: isHead, header });
      };
      for (const [field, i] of cols.household) {
        const value = cleanText(cells[i]);
        if (value !== null && MONTH_ONLY.test(value) && /日期$/.test(field)) draft.monthOnly = true;
        add(field, value, cols.headers[i]);
      }
      add("县", cleanText(cells[cols.area.county]), cols.headers[cols.area.county] ?? "县");
      add("乡镇", cleanText(cells[cols.area.town]), cols.headers[cols.area.town] ?? "乡镇");
      add("村", cleanText(cells[cols.area.village]), cols.headers[cols.area.village] ?? "村");
      for (const q of cols.inverted) {
        const b = parseBoolean(cells[q.index]);
        if (b === null || b === INVALID) add(q.field, cleanText(cells[q.index]), q.header);
        else add(q.field, BOOL_WORD(q.invert ? !b : b), q.header);
      }
      for (const q of cols.allYes) {
        const b = parseBoolean(cells[q.index]);
        const answers = draft.personYes.get(q.field) ?? new Map<string, boolean | null>();
        draft.personYes.set(q.field, answers);
        if (b === true || b === false) answers.set(personKey, q.invert ? !b : b);
        else if (!answers.has(personKey)) answers.set(personKey, null);
      }
      for (const n of cols.numbered) {
        const set = draft.lists.get(n.field) ?? new Set<string>();
        draft.lists.set(n.field, set);
        for (const i of n.indexes) {
          const v = cleanText(cells[i]);
          if (v !== null) for (const item of v.split(/[、,;|，；]/)) if (item.trim()) set.add(riskValue(item));
        }
      }
      const measures = draft.lists.get("帮扶措施") ?? new Set<string>();
      draft.lists.set("帮扶措施", measures);
      for (const { measure, index } of cols.measures) {
        const v = cleanText(cells[index]);
        if (v !== null && !NO_MEASURE.has(v)) measures.add(measure);
      }
    }
  }

  const households: HouseholdRow[] = [];
  for (const draft of drafts.values()) {
    const persons = [...draft.persons.values()];
    const head = draft.head ?? persons[0];
    const ref = head.ref;
    const pick = (field: string): string | null => {
      const values = draft.fields.get(field);
      if (!values || values.length === 0) return null;
      const kept = values.find((v) => v.head) ?? values[0];
      const other = values.find((v) => v.value !== kept.value && !sameNumber(v.value, kept.value));
      if (other) {
        issues.push({
          ref: other.ref, column: other.header, value: other.value, rule: "household_field_conflict", severity: "warn", fieldKey: field,
          message: `户编号 ${draft.key} 的“${field}”在各成员行或各文件中不一致：${other.ref.file} 第 ${other.ref.row} 行为“${other.value}”，${kept.ref.file} 第 ${kept.ref.row} 行为“${kept.value}”；按${kept.head ? "户主行" : "先读到"}的“${kept.value}”载入，请核对`,
        });
      }
      return kept.value;
    };
    if (draft.head === null) {
      issues.push({ ref, column: "与户主关系", value: "", rule: "head_missing", severity: "warn", fieldKey: "relation", message: `户编号 ${draft.key} 没有与户主关系为“户主”的成员行，户主姓名、证件号码和联系电话取第一位成员，请核对` });
    }
    const cells: Record<string, string | null> = {};
    for (const field of Object.keys(profile.户字段)) cells[field] = pick(field);
    for (const q of profile.反问) cells[q.字段] = pick(q.字段);
    for (const q of profile.成员均为是) {
      const answers = [...(draft.personYes.get(q.字段)?.values() ?? [])].filter((a): a is boolean => a !== null);
      cells[q.字段] = answers.length === 0 ? null : BOOL_WORD(answers.every((a) => a));
    }
    // Lists in the canonical order of their values (the export's column order is not a fact about the household).
    for (const [field, set] of draft.lists) cells[field] = set.size === 0 ? null : [...set].sort(byCanonicalOrder).join("、");
    cells.数据期 = period;
    cells.户编号 = draft.key;
    cells.户主姓名 = head.cells.姓名;
    cells.证件号码 = head.cells.证件号码;
    cells.联系电话 = head.cells.联系电话;
    cells.家庭人口数 = String(persons.length);
    const labour = new Set(profile.劳动力);
    const skills = persons.map((p) => p.cells.劳动技能);
    cells.劳动力人数 = skills.every((s) => s === null) ? null : String(skills.filter((s) => s !== null && labour.has(s)).length);
    const basis = draft.fields.get(profile.监测对象依据);
    cells.是否监测对象 = basis && basis.length > 0 ? "是" : "否";
    cells.日期仅到月 = draft.monthOnly ? "是" : "否";
    const area = resolveHouseholdArea(pick("县"), pick("乡镇"), pick("村"), areas);
    if ("error" in area) {
      issues.push({ ref, column: draft.fields.get("村")?.[0]?.header ?? "行政村", value: area.value, rule: area.rule, severity: "reject", fieldKey: "area_name", message: area.error });
      rejectedRefs.push(...draft.refs);
      continue;
    }
    cells.区划代码 = area.code;
    households.push({ key: draft.key, ref, cells, persons, refs: draft.refs });
  }
  return { households, issues, rejectedRefs };
}

const ORDER = new Map<string, number>([...RISK_TYPES, ...MEASURE_TYPES].map((v, i) => [v, i]));

function byCanonicalOrder(a: string, b: string): number {
  return (ORDER.get(a) ?? 1e6) - (ORDER.get(b) ?? 1e6) || a.localeCompare(b);
}

function sameNumber(a: string, b: string): boolean {
  const x = Number(a);
  const y = Number(b);
  return a !== "" && b !== "" && Number.isFinite(x) && Number.isFinite(y) && x === y;
}

type AreaResult = { code: string | null } | { error: string; rule: "area_name_unknown" | "area_name_ambiguous"; value: string };

function resolveHouseholdArea(county: string | null, town: string | null, village: string | null, areas: AreaIndex | null): AreaResult {
  if (village === null) return { error: "行政村名称为空，无法确定所在村，请补填", rule: "area_name_unknown", value: "" };
  // No villages reference: leave 区划代码 blank, and the household contract refuses the row as it would a
  // canonical row without a code (the message there names the column).
  if (areas === null) return { error: "没有村级参考数据，无法把村名换成区划代码，请先放入村级参考文件", rule: "area_name_unknown", value: village };
  const found = areas.resolve({ county, town, village });
  if (found.code !== null) return { code: found.code };
  return { error: found.message, rule: found.ambiguous ? "area_name_ambiguous" : "area_name_unknown", value: [county, town, village].filter(Boolean).join(" / ") };
}
