// The county's 疑点核查 rules (issue 17 point 4): the consistency checks counties run on every roster snapshot
// before the national system's own checks do — income below the line but not monitored, an elimination too soon
// after identification, duplicate heads, placeholder IDs … Each rule's logic is SQL
// (loaders/sql/intermediate/int_check_hits.sql); what a county may change lives in data/config/checks.json:
// whether a rule runs (启用), its threshold (阈值), its severity (严重程度: 错误 = the record is wrong and must be
// corrected, 疑点 = the household must be checked), its name (名称) and the hint the town list shows (提示).
// The file is optional; a missing rule or key takes the default below. The build writes `cfg_checks`.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import { SettingsError } from "./settings.ts";

export const CHECKS_FILE = "checks.json";
export const CHECK_SEVERITIES = ["错误", "疑点"] as const;
export type CheckSeverity = (typeof CHECK_SEVERITIES)[number];

interface CheckDefault {
  code: string;
  title: string;
  severity: CheckSeverity;
  /** null: the rule takes no threshold. */
  threshold: number | null;
  unit: string;
  /** What the rule checks, with the threshold written in ({阈值}): the quality page's explanation. Not configurable:
   * it must say what the SQL does. */
  definition: string;
  /** What the cadre should do about a hit (configurable 提示). */
  message: string;
}

/** The rules the SQL knows, in the order pages list them. */
export const CHECK_RULES: readonly CheckDefault[] = [
  { code: "below_line_not_monitored", title: "收入低于监测线未纳入监测", severity: "疑点", threshold: null, unit: "",
    definition: "人均纯收入低于该村当年监测线，而“是否监测对象”为否。",
    message: "核实收入；确属收入不足的按程序纳入监测，收入填报有误的更正收入。" },
  { code: "quick_elimination", title: "识别不满{阈值}个月即消除风险", severity: "疑点", threshold: 6, unit: "个月",
    definition: "风险已消除，从识别监测日期到风险消除日期不满 {阈值} 个月（整月计）。风险消除原则上要求监测满半年。",
    message: "核实消除依据（收入持续稳定、监测期限是否足够），不符合条件的恢复监测。" },
  { code: "early_assisted_elimination", title: "识别当月或次月即帮扶消除", severity: "疑点", threshold: 1, unit: "个月",
    definition: "风险消除方式为帮扶消除，消除月份与识别监测月份相差不超过 {阈值} 个月（同月为 0）。帮扶措施难以在这么短的时间内见效。",
    message: "核实帮扶措施是否已落实见效，消除方式是否应为自然消除。" },
  { code: "no_measure_after_identification", title: "识别满{阈值}个月仍无帮扶措施", severity: "疑点", threshold: 1, unit: "个月",
    definition: "监测对象的识别监测日期到快照月末已满 {阈值} 个月（整月计），帮扶措施仍为空。",
    message: "尽快落实帮扶措施并在系统中录入；已落实未录入的补录。" },
  { code: "eliminated_below_line", title: "风险已消除但收入低于监测线", severity: "疑点", threshold: null, unit: "",
    definition: "风险已消除（帮扶消除或自然消除），人均纯收入仍低于该村当年监测线。",
    message: "核实收入；收入确实不足的不应消除风险，应恢复监测并继续帮扶。" },
  { code: "identified_income_high", title: "识别时人均纯收入高于{阈值}元", severity: "疑点", threshold: 20000, unit: "元",
    definition: "纳入监测时（识别监测月份的快照，没有时取识别后第一个快照）人均纯收入不低于 {阈值} 元，远高于监测线；只要该户仍为同一次识别的监测对象，每月都列出。",
    message: "核实识别依据：突发严重困难户须有刚性支出骤增或收入骤减的证明，收入填报有误的更正。" },
  { code: "illness_no_self_paid", title: "因病纳入监测但合规自付支出为0", severity: "疑点", threshold: null, unit: "",
    definition: "致贫返贫风险含“因病”，户信息中的合规自付支出（医疗）为 0。户信息没有合规自付支出列（或整月都空）时本规则不运行。",
    message: "核实医疗支出：因病风险应有合规自付医疗支出，没有的核实风险类型。" },
  { code: "job_measure_no_wage", title: "有公益岗位或就业帮扶但无工资性收入", severity: "疑点", threshold: 0, unit: "元",
    definition: "帮扶措施含公益岗位或就业帮扶，工资性收入不超过 {阈值} 元（工资性收入为空的不列）。",
    message: "核实岗位或务工是否落实、工资是否发放，收入是否漏填。" },
  { code: "eliminated_guarantee_unmet", title: "风险已消除但“三保障”和饮水安全未全部达标", severity: "疑点", threshold: null, unit: "",
    definition: "风险已消除，住房安全、义务教育保障、基本医疗保险、饮水安全中有一项填为“否”（为空的不列）。",
    message: "核实保障情况：未达标的不应消除风险，应恢复监测或落实保障。" },
  { code: "duplicate_head", title: "同一人是多户的户主", severity: "错误", threshold: null, unit: "",
    definition: "同一个证件号码在同一月快照中是两户或更多户的户主（残疾人证号按其中的身份证号比较）。",
    message: "核实是否重复建档或分户、合户未处理，更正后只保留一户。" },
  { code: "duplicate_person", title: "同一人在多户中", severity: "错误", threshold: null, unit: "",
    definition: "同一个证件号码在同一月快照中属于两户或更多户的家庭成员（需要按人的家庭成员数据；只有户信息时本规则不运行）。",
    message: "核实是否重复登记，分户、迁出、死亡的及时更新。" },
  { code: "id_invalid", title: "证件号码无效或为占位号码", severity: "错误", threshold: null, unit: "",
    definition: "证件号码不是18位（残疾人证号可为20或22位）、校验位不对、前两位不是省级代码、出生日期部分不是有效日期或早于1900年、晚于数据期，或为同一数字、连续的0或12345678这类占位号码。户主证件号码位数或校验位不对的行在载入时已拒收（见上方拒收明细），这里查的是载入后仍在的号码。",
    message: "向本人或户籍部门核对证件号码并更正；确无证件的按系统要求登记。" },
  { code: "phone_invalid", title: "联系电话不是11位手机号码", severity: "错误", threshold: null, unit: "",
    definition: "联系电话不为空，去掉空格和短横线后不是以1开头的11位数字（固定电话也列出）。",
    message: "核对并更正联系电话，便于及时联系农户。" },
];

const K = { enabled: "启用", threshold: "阈值", severity: "严重程度", title: "名称", message: "提示" } as const;

export interface CheckRule {
  code: string;
  title: string;
  severity: CheckSeverity;
  threshold: number | null;
  unit: string;
  enabled: boolean;
  definition: string;
  message: string;
  sortOrder: number;
}

const ruleSchema = z.strictObject({
  [K.enabled]: z.boolean({ error: `“${K.enabled}”应为 true 或 false` }).optional(),
  [K.threshold]: z.number({ error: `“${K.threshold}”应为不小于 0 的数字` }).min(0, { error: `“${K.threshold}”应为不小于 0 的数字` }).optional(),
  [K.severity]: z.enum(CHECK_SEVERITIES, { error: `“${K.severity}”须为 ${CHECK_SEVERITIES.join(" 或 ")}` }).optional(),
  [K.title]: z.string({ error: `“${K.title}”应为文字` }).trim().min(1, { error: `“${K.title}”不能为空` }).optional(),
  [K.message]: z.string({ error: `“${K.message}”应为文字` }).trim().min(1, { error: `“${K.message}”不能为空` }).optional(),
}, { error: (issue) => issue.code === "unrecognized_keys" ? `有不认识的项：${issue.keys.join("、")}（可用：${Object.values(K).join("、")}）` : "每条规则应为一个 JSON 对象 {…}" });

const fileSchema = z.record(z.string(), ruleSchema, { error: "设置文件的内容应为一个 JSON 对象 {…}，键为规则代码" });

function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith("说明")).map(([k, v]) => [k, withoutComments(v)]));
  }
  return value;
}

const withThreshold = (text: string, threshold: number | null) =>
  threshold === null ? text : text.replaceAll("{阈值}", threshold.toLocaleString("en-US"));

/** Reads checks.json of a config folder (every rule at its default when the file is absent). */
export function readCheckRules(dir: string): CheckRule[] {
  const path = join(dir, CHECKS_FILE);
  let file: z.output<typeof fileSchema> = {};
  if (existsSync(path)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, "utf-8").replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new SettingsError(`设置文件 ${path} 不是有效的 JSON：${(error as Error).message}。请检查引号、逗号和括号（可参照 data/config/README.md）。`);
    }
    const parsed = fileSchema.safeParse(withoutComments(raw));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(" → ")}${issue.path.length ? "：" : ""}${issue.message}`).join("\n");
      throw new SettingsError(`设置文件 ${path} 有误，请改正后重新运行：\n${problems}`);
    }
    file = parsed.data;
  }
  const unknown = Object.keys(file).filter((code) => !CHECK_RULES.some((r) => r.code === code));
  if (unknown.length > 0) {
    throw new SettingsError(`设置文件 ${path} 中有不认识的规则：${unknown.join("、")}（可用：${CHECK_RULES.map((r) => r.code).join("、")}）`);
  }
  return CHECK_RULES.map((rule, index) => {
    const own = file[rule.code] ?? {};
    if (rule.threshold === null && own[K.threshold] !== undefined) {
      throw new SettingsError(`设置文件 ${path} 中规则 ${rule.code}（${rule.title}）没有阈值，请删去“${K.threshold}”`);
    }
    if (rule.unit === "个月" && own[K.threshold] !== undefined && !Number.isInteger(own[K.threshold])) {
      throw new SettingsError(`设置文件 ${path} 中规则 ${rule.code} 的“${K.threshold}”应为整数（个月）`);
    }
    const threshold = rule.threshold === null ? null : own[K.threshold] ?? rule.threshold;
    return {
      code: rule.code,
      title: withThreshold(own[K.title] ?? rule.title, threshold),
      severity: own[K.severity] ?? rule.severity,
      threshold,
      unit: rule.unit,
      enabled: own[K.enabled] ?? true,
      definition: withThreshold(rule.definition, threshold),
      message: withThreshold(own[K.message] ?? rule.message, threshold),
      sortOrder: index + 1,
    };
  });
}

/** Writes `cfg_checks` (grain: rule): every rule the SQL knows, enabled or not, as the county set it. */
export async function writeCheckTables(conn: DuckDBConnection, rules: readonly CheckRule[]): Promise<void> {
  await conn.run(`
    create or replace table cfg_checks (
      rule varchar primary key, title varchar not null, severity varchar not null, threshold double, unit varchar not null,
      enabled boolean not null, definition varchar not null, message varchar not null, sort_order integer not null
    )`);
  for (const r of rules) {
    await conn.run("insert into cfg_checks values ($1, $2, $3, $4, $5, $6, $7, $8, $9)", [
      r.code, r.title, r.severity, r.threshold, r.unit, r.enabled, r.definition, r.message, r.sortOrder,
    ]);
  }
}
