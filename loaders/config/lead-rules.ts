// The county's department-comparison settings (DOMAIN.md §10): the thresholds of the lead rules and the
// deadline for the town's household check. They live in their own file, `lead-rules.json`, with Chinese keys
// like settings.json. The rules' sentences shown on the 比对预警 page are written here from the same values,
// so the page says exactly what the SQL applies.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import { SettingsError } from "./settings.ts";

export const LEAD_RULES_FILE = "lead-rules.json";

export const LEAD_KEYS = {
  checkDeadlineDays: "入户核查时限工作日",
  medicalLine: "医疗自付线",
  medicalIncomeShare: "医疗自付占家庭年纯收入比例",
  disasterLine: "灾害损失线",
  schoolAgeFrom: "义务教育起始年龄",
  schoolAgeTo: "义务教育截止年龄",
  dropoutStatuses: "失学辍学状态",
  aidEndedLeads: "低保终止预警",
} as const;
const K = LEAD_KEYS;

export interface LeadSettings {
  /** Working days after the lead's date within which the town checks the household (入户核查). */
  checkDeadlineDays: number;
  /** Self-paid medical cost over 12 months (yuan) above which a lead is raised… */
  medicalLine: number;
  /** …or above this share of the household's annual net income (人均纯收入 × 家庭人口数), whichever is lower. */
  medicalIncomeShare: number;
  /** A household's disaster loss (yuan) above which a lead is raised. */
  disasterLine: number;
  /** Compulsory-education ages, inclusive, at the record's date. */
  schoolAgeFrom: number;
  schoolAgeTo: number;
  /** Values of 控辍保学 状态 that mean out of school. */
  dropoutStatuses: string[];
  /** Raise a lead when 低保 ends for a household monitored with risk not eliminated. */
  aidEndedLeads: boolean;
}

const int = (key: string, min: number, max: number, fallback: number) => {
  const message = `“${key}”应为 ${min}–${max} 之间的整数`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }).default(fallback);
};
const yuan = (key: string, fallback: number) => {
  const message = `“${key}”应为大于0的金额（元）`;
  return z.number({ error: message }).positive({ error: message }).default(fallback);
};

export const leadRulesFileSchema = z.strictObject({
  [K.checkDeadlineDays]: int(K.checkDeadlineDays, 1, 60, 5),
  [K.medicalLine]: yuan(K.medicalLine, 10000),
  [K.medicalIncomeShare]: z.number({ error: `“${K.medicalIncomeShare}”应为 0–1 之间的小数（如 0.5）` })
    .min(0, { error: `“${K.medicalIncomeShare}”应为 0–1 之间的小数（如 0.5）` })
    .max(1, { error: `“${K.medicalIncomeShare}”应为 0–1 之间的小数（如 0.5）` }).default(0.5),
  [K.disasterLine]: yuan(K.disasterLine, 10000),
  [K.schoolAgeFrom]: int(K.schoolAgeFrom, 3, 20, 6),
  [K.schoolAgeTo]: int(K.schoolAgeTo, 3, 20, 15),
  [K.dropoutStatuses]: z.array(z.string().min(1), { error: `“${K.dropoutStatuses}”应为文字列表，如 ["辍学", "失学"]` })
    .min(1, { error: `“${K.dropoutStatuses}”至少要有一项` }).default(["辍学", "失学", "失学辍学", "疑似辍学"]),
  [K.aidEndedLeads]: z.boolean({ error: `“${K.aidEndedLeads}”应为 true 或 false` }).default(true),
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `有不认识的设置项：${issue.keys.join("、")}（可用的项：${Object.values(K).join("、")}；注释请用以“说明”开头的键）`
    : "设置文件的内容应为一个 JSON 对象 {…}",
}).refine((v) => v[K.schoolAgeFrom] <= v[K.schoolAgeTo], { error: `“${K.schoolAgeFrom}”不能大于“${K.schoolAgeTo}”` });

/** Reads `lead-rules.json` of a config folder (defaults when absent). */
export function readLeadSettings(dir: string): LeadSettings {
  const path = join(dir, LEAD_RULES_FILE);
  let raw: unknown = {};
  if (existsSync(path)) {
    try {
      raw = JSON.parse(readFileSync(path, "utf-8").replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new SettingsError(`设置文件 ${path} 不是有效的 JSON：${(error as Error).message}。请检查引号、逗号和括号（可参照 data/config/README.md）。`);
    }
  }
  const withoutComments = raw && typeof raw === "object" && !Array.isArray(raw)
    ? Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith("说明")))
    : raw;
  const parsed = leadRulesFileSchema.safeParse(withoutComments);
  if (!parsed.success) {
    throw new SettingsError(`设置文件 ${path} 有误，请改正后重新运行：\n${parsed.error.issues.map((i) => `  - ${i.message}`).join("\n")}`);
  }
  const v = parsed.data;
  return {
    checkDeadlineDays: v[K.checkDeadlineDays], medicalLine: v[K.medicalLine], medicalIncomeShare: v[K.medicalIncomeShare],
    disasterLine: v[K.disasterLine], schoolAgeFrom: v[K.schoolAgeFrom], schoolAgeTo: v[K.schoolAgeTo],
    dropoutStatuses: v[K.dropoutStatuses], aidEndedLeads: v[K.aidEndedLeads],
  };
}

export interface LeadRule {
  rule: string;
  department: string;
  /** Two letters that start the rule's 线索编号 (医保 YB …). */
  prefix: string;
  name_zh: string;
  /** The sentence the page shows: what raises a lead, with the county's values. */
  sentence_zh: string;
}

const yuanText = (n: number) => `${n.toLocaleString("en-US")} 元`;

/** The lead rules with their sentences; the bank and insurer signals join here once those views exist. */
export function leadRules(s: LeadSettings): LeadRule[] {
  const rules: LeadRule[] = [
    {
      rule: "medical_self_paid", department: "医保", prefix: "YB", name_zh: "医疗自付费用高",
      sentence_zh: `户主近12个月个人自付医疗费用累计超过 ${yuanText(s.medicalLine)}，或超过家庭年纯收入（人均纯收入 × 家庭人口数）的 ${Math.round(s.medicalIncomeShare * 100)}%（取较低者）；已因病纳入监测且风险未消除的户不预警`,
    },
    {
      rule: "aid_new", department: "民政", prefix: "MZ", name_zh: "新纳入社会救助",
      sentence_zh: "户主新纳入低保、特困供养或获得临时救助（按起始日期），而该户不是风险未消除的监测对象",
    },
  ];
  if (s.aidEndedLeads) {
    rules.push({
      rule: "aid_ended", department: "民政", prefix: "MZ", name_zh: "监测户低保终止",
      sentence_zh: "风险未消除的监测对象户主的低保终止（按终止日期），需核实保障是否仍能落实",
    });
  }
  rules.push(
    {
      rule: "dwelling_unsafe", department: "住建", prefix: "ZJ", name_zh: "鉴定为危房",
      sentence_zh: "房屋鉴定为 C 级或 D 级危房，而户信息中住房安全为“是”；已因住房安全问题纳入监测且风险未消除的户不预警",
    },
    {
      rule: "school_dropout", department: "教育", prefix: "JY", name_zh: "义务教育阶段失学辍学",
      sentence_zh: `${s.schoolAgeFrom}–${s.schoolAgeTo} 周岁的学生登记为${s.dropoutStatuses.join("、")}，而户信息中义务教育保障为“是”（按监护人证件号码比对，没有时按学生本人）；已因学纳入监测且风险未消除的户不预警`,
    },
    {
      rule: "disability_new", department: "残联", prefix: "CL", name_zh: "新办一、二级残疾人证",
      sentence_zh: "户主新办一级或二级残疾人证（按发证日期），而该户不是风险未消除的监测对象",
    },
    {
      rule: "disaster_loss", department: "应急", prefix: "YJ", name_zh: "灾害损失大",
      sentence_zh: `户主一户的灾害直接经济损失超过 ${yuanText(s.disasterLine)}；已因自然灾害纳入监测且风险未消除的户不预警`,
    },
  );
  return rules;
}

/**
 * Writes `cfg_lead_settings` (grain: one row) for the lead models and `lead_rules` (grain: rule) for the page,
 * both from the county's lead-rules.json.
 */
export async function writeLeadTables(conn: DuckDBConnection, s: LeadSettings): Promise<void> {
  await conn.run(`
    create or replace table cfg_lead_settings (
      check_deadline_days integer not null, medical_line double not null, medical_income_share double not null,
      disaster_line double not null, school_age_from integer not null, school_age_to integer not null,
      dropout_statuses varchar[] not null, aid_ended_leads boolean not null
    )`);
  await conn.run(`insert into cfg_lead_settings values ($1, $2, $3, $4, $5, $6, from_json($7, '["VARCHAR"]'), $8)`, [
    s.checkDeadlineDays, s.medicalLine, s.medicalIncomeShare, s.disasterLine, s.schoolAgeFrom, s.schoolAgeTo,
    JSON.stringify(s.dropoutStatuses), s.aidEndedLeads,
  ]);
  await conn.run(`
    create or replace table lead_rules (
      rule varchar primary key, department varchar not null, prefix varchar not null, name_zh varchar not null,
      sentence_zh varchar not null, sort_order integer not null
    )`);
  for (const [i, r] of leadRules(s).entries()) {
    await conn.run("insert into lead_rules values ($1, $2, $3, $4, $5, $6)", [r.rule, r.department, r.prefix, r.name_zh, r.sentence_zh, i + 1]);
  }
}
