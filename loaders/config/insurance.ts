// The county's insurance settings (data/config): keyword rules that classify an insurer's own product name
// into a 险种大类 (insurance-lines.csv), and insurance.json (outstanding-claim deadline, the 防贫保险 trigger
// as the county bought it, which lines answer which shock risks). Both are optional: absent files give the
// defaults below, which are also the shipped files' contents.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import iconv from "iconv-lite";
import { z } from "zod";
import { INSURANCE_LINE_CLASSES, RISK_TYPES, type InsuranceLineClass } from "../contracts/enums.ts";
import { SettingsError } from "./settings.ts";

export const INSURANCE_LINES_FILE = "insurance-lines.csv";
export const INSURANCE_SETTINGS_FILE = "insurance.json";

export interface LineRule {
  keyword: string;
  lineClass: InsuranceLineClass;
}

export interface AntipovertyTier {
  /** Upper bound of the household's gap (yuan) this tier covers; null = no bound (the last tier). */
  gapUpTo: number | null;
  /** Share of the gap inside this tier that the policy pays. */
  ratio: number;
}

export interface InsuranceSettings {
  lineRules: LineRule[];
  /** A claim reported and still unpaid this many calendar days after its 报案日期 is overdue. */
  outstandingOverdueDays: number;
  antipoverty: {
    /** Warning line = multiple × poverty line (yuan per person per year). */
    warningMultiple: number;
    povertyLine: number;
    tiers: AntipovertyTier[];
    /** Most a household is paid in one year. */
    capPerHousehold: number;
    /** A payout within this many yuan of the rule's amount is counted as matching it. */
    tolerance: number;
  };
  /** Risk type (DOMAIN §3) → the lines that cover it; these risks are the "shocks" of the uninsured work list. */
  shockRiskLines: Record<string, InsuranceLineClass[]>;
}

// First matching rule wins (file order): anti-poverty and medical names before the agricultural keywords,
// forest before crops (林木种植), livestock before crops.
export const DEFAULT_LINE_RULES: readonly LineRule[] = [
  ["防贫", "防贫保险"], ["返贫", "防贫保险"], ["致贫", "防贫保险"],
  ["大病", "大病补充医疗保险"], ["补充医疗", "大病补充医疗保险"],
  ["意外", "意外伤害保险"],
  ["森林", "森林保险"], ["林木", "森林保险"], ["公益林", "森林保险"], ["商品林", "森林保险"], ["林业", "森林保险"],
  ["养殖", "养殖业保险"], ["母猪", "养殖业保险"], ["生猪", "养殖业保险"], ["育肥猪", "养殖业保险"], ["奶牛", "养殖业保险"],
  ["肉牛", "养殖业保险"], ["牦牛", "养殖业保险"], ["羊", "养殖业保险"], ["家禽", "养殖业保险"], ["水产", "养殖业保险"],
  ["种植", "种植业保险"], ["水稻", "种植业保险"], ["小麦", "种植业保险"], ["玉米", "种植业保险"], ["马铃薯", "种植业保险"],
  ["油菜", "种植业保险"], ["大豆", "种植业保险"], ["烟叶", "种植业保险"], ["蔬菜", "种植业保险"], ["果树", "种植业保险"],
  ["基本医疗", "其他"],
].map(([keyword, lineClass]) => ({ keyword: keyword!, lineClass: lineClass as InsuranceLineClass }));

const K = {
  overdue: "未决赔案超期天数",
  antipoverty: "防贫保险",
  multiple: "预警线倍数",
  povertyLine: "贫困线",
  tiers: "分档",
  gapUpTo: "缺口不超过",
  ratio: "赔付比例",
  cap: "每户每年封顶",
  tolerance: "核对容差",
  shocks: "冲击风险对应险种",
} as const;

const DEFAULT_SHOCKS: Record<string, InsuranceLineClass[]> = {
  因病: ["防贫保险", "大病补充医疗保险"],
  因自然灾害: ["防贫保险", "种植业保险", "养殖业保险", "森林保险"],
  因意外事故: ["防贫保险", "意外伤害保险"],
};

const DEFAULT_TIERS = [
  { [K.gapUpTo]: 3000, [K.ratio]: 1 },
  { [K.gapUpTo]: 10000, [K.ratio]: 0.7 },
  { [K.ratio]: 0.5 },
];

const positive = (key: string) => z.number({ error: `“${key}”应为大于0的数` }).positive({ error: `“${key}”应为大于0的数` });

const tier = z.strictObject({
  [K.gapUpTo]: positive(K.gapUpTo).optional(),
  [K.ratio]: z.number({ error: `“${K.ratio}”应为 0–1 之间的小数` }).min(0, { error: `“${K.ratio}”应为 0–1 之间的小数` }).max(1, { error: `“${K.ratio}”应为 0–1 之间的小数` }),
}, { error: `“${K.tiers}”的每一档应为 {"${K.gapUpTo}": 3000, "${K.ratio}": 1} 这样的对象（最后一档可不写“${K.gapUpTo}”）` });

const antipoverty = z.strictObject({
  [K.multiple]: positive(K.multiple).default(1.5),
  [K.povertyLine]: positive(K.povertyLine).default(4000),
  [K.tiers]: z.array(tier, { error: `“${K.tiers}”应为一组分档 [...]` }).min(1, { error: `“${K.tiers}”至少要有一档` })
    .refine((tiers) => tiers.every((t, i) => i === tiers.length - 1 || t[K.gapUpTo] !== undefined), { error: `“${K.tiers}”中只有最后一档可以不写“${K.gapUpTo}”` })
    .refine((tiers) => tiers.every((t, i) => i === 0 || (t[K.gapUpTo] ?? Infinity) > tiers[i - 1]![K.gapUpTo]!), { error: `“${K.tiers}”的“${K.gapUpTo}”应逐档增大` })
    .default(DEFAULT_TIERS),
  [K.cap]: positive(K.cap).default(30000),
  [K.tolerance]: z.number({ error: `“${K.tolerance}”应为不小于0的金额（元）` }).min(0, { error: `“${K.tolerance}”应为不小于0的金额（元）` }).default(10),
}, { error: (issue) => issue.code === "unrecognized_keys" ? `“${K.antipoverty}”中有不认识的项：${issue.keys.join("、")}` : `“${K.antipoverty}”应为一个对象 {…}` });

const shocks = z.partialRecord(
  z.enum(RISK_TYPES, { error: `“${K.shocks}”的键应为致贫返贫风险类型之一：${RISK_TYPES.join("、")}` }),
  z.array(z.enum(INSURANCE_LINE_CLASSES, { error: `“${K.shocks}”中的险种大类应为：${INSURANCE_LINE_CLASSES.join("、")}` })),
  { error: `“${K.shocks}”应为 {"因病": ["防贫保险"]} 这样的对象` },
);

export const insuranceFileSchema = z.strictObject({
  [K.overdue]: z.number({ error: `“${K.overdue}”应为 1–3650 之间的整数` }).int({ error: `“${K.overdue}”应为 1–3650 之间的整数` })
    .min(1, { error: `“${K.overdue}”应为 1–3650 之间的整数` }).max(3650, { error: `“${K.overdue}”应为 1–3650 之间的整数` }).default(60),
  [K.antipoverty]: antipoverty.default(antipoverty.parse({})),
  [K.shocks]: shocks.default(DEFAULT_SHOCKS),
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `有不认识的设置项：${issue.keys.join("、")}（可用的项：${[K.overdue, K.antipoverty, K.shocks].join("、")}；注释请用以“说明”开头的键）`
    : "保险设置文件的内容应为一个 JSON 对象 {…}",
});

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return iconv.decode(bytes, "gb18030");
  }
}

const cell = (text: string | undefined) => (text ?? "").trim().replace(/^"|"$/g, "").trim();

/** insurance-lines.csv: columns 关键词 and 险种大类, one rule a row, first match wins. */
export function readLineRules(path: string): LineRule[] {
  const lines = decode(readFileSync(path)).split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map(cell);
  const keywordColumn = header.indexOf("关键词");
  const classColumn = header.indexOf("险种大类");
  if (keywordColumn < 0 || classColumn < 0) {
    throw new SettingsError(`险种分类规则文件 ${path} 的第一行须有“关键词”和“险种大类”两列（现为：${header.join(",") || "空"}）`);
  }
  const rules: LineRule[] = [];
  lines.slice(1).forEach((line, index) => {
    const cells = line.split(",");
    const keyword = cell(cells[keywordColumn]);
    const lineClass = cell(cells[classColumn]);
    if (keyword === "" && lineClass === "") return;
    if (keyword === "") throw new SettingsError(`险种分类规则文件 ${path} 第 ${index + 2} 行没有关键词`);
    if (!(INSURANCE_LINE_CLASSES as readonly string[]).includes(lineClass)) {
      throw new SettingsError(`险种分类规则文件 ${path} 第 ${index + 2} 行的险种大类“${lineClass}”不认识，应为：${INSURANCE_LINE_CLASSES.join("、")}`);
    }
    rules.push({ keyword, lineClass: lineClass as InsuranceLineClass });
  });
  return rules;
}

/** Keys starting with 说明 are comments at any depth (JSON has none). */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith("说明")).map(([key, v]) => [key, withoutComments(v)]));
  }
  return value;
}

function readInsuranceFile(path: string): z.output<typeof insuranceFileSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(decode(readFileSync(path)));
  } catch (error) {
    throw new SettingsError(`保险设置文件 ${path} 不是有效的 JSON：${(error as Error).message}。请检查引号、逗号和括号（可参照 data/config/README.md）。`);
  }
  const parsed = insuranceFileSchema.safeParse(withoutComments(raw));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.message}`).join("\n");
    throw new SettingsError(`保险设置文件 ${path} 有误，请改正后重新运行：\n${problems}`);
  }
  return parsed.data;
}

export function readInsuranceSettings(dir: string): InsuranceSettings {
  const rulesPath = join(dir, INSURANCE_LINES_FILE);
  const settingsPath = join(dir, INSURANCE_SETTINGS_FILE);
  const file = existsSync(settingsPath) ? readInsuranceFile(settingsPath) : insuranceFileSchema.parse({});
  const a = file[K.antipoverty];
  return {
    lineRules: existsSync(rulesPath) ? readLineRules(rulesPath) : [...DEFAULT_LINE_RULES],
    outstandingOverdueDays: file[K.overdue],
    antipoverty: {
      warningMultiple: a[K.multiple],
      povertyLine: a[K.povertyLine],
      tiers: a[K.tiers].map((t) => ({ gapUpTo: t[K.gapUpTo] ?? null, ratio: t[K.ratio] })),
      capPerHousehold: a[K.cap],
      tolerance: a[K.tolerance],
    },
    shockRiskLines: file[K.shocks] as Record<string, InsuranceLineClass[]>,
  };
}

/**
 * Writes the insurance settings for the SQL models: `cfg_insurance_line_rules` (grain: rule, in file order),
 * `cfg_insurance` (one row), `cfg_antipoverty_tiers` (grain: tier, with its lower bound) and
 * `cfg_shock_risk_lines` (grain: risk type × line that covers it).
 */
export async function writeInsuranceTables(conn: DuckDBConnection, settings: InsuranceSettings): Promise<void> {
  await conn.run("create or replace table cfg_insurance_line_rules (rule_order integer primary key, keyword varchar not null, line_class varchar not null)");
  for (const [index, rule] of settings.lineRules.entries()) {
    await conn.run("insert into cfg_insurance_line_rules values ($1, $2, $3)", [index + 1, rule.keyword, rule.lineClass]);
  }
  const a = settings.antipoverty;
  await conn.run(`create or replace table cfg_insurance (
    outstanding_overdue_days integer not null, warning_multiple double not null, poverty_line double not null,
    warning_line double not null, cap_per_household double not null, trigger_tolerance double not null)`);
  await conn.run("insert into cfg_insurance values ($1, $2, $3, $4, $5, $6)", [
    settings.outstandingOverdueDays, a.warningMultiple, a.povertyLine, a.warningMultiple * a.povertyLine, a.capPerHousehold, a.tolerance,
  ]);
  await conn.run("create or replace table cfg_antipoverty_tiers (tier integer primary key, gap_from double not null, gap_to double, ratio double not null)");
  let from = 0;
  for (const [index, t] of a.tiers.entries()) {
    await conn.run("insert into cfg_antipoverty_tiers values ($1, $2, $3, $4)", [index + 1, from, t.gapUpTo, t.ratio]);
    from = t.gapUpTo ?? from;
  }
  await conn.run("create or replace table cfg_shock_risk_lines (risk varchar not null, line_class varchar not null)");
  for (const [risk, lines] of Object.entries(settings.shockRiskLines)) {
    for (const line of lines) await conn.run("insert into cfg_shock_risk_lines values ($1, $2)", [risk, line]);
  }
}
