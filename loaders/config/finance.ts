// The county's finance settings (data/config/finance.json) and the LPR table (data/config/lpr.csv): how banks'
// own product names are classified into the DOMAIN §4 products, the policy-check rules with their thresholds and
// source sentences, and the bank scorecard. Both files are optional: finance.json falls back to the defaults
// below (the same values the shipped file carries), lpr.csv to the published history shipped in data/config.
// The build writes them as cfg_ tables for the SQL models (writeFinanceTables).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import iconv from "iconv-lite";
import { z } from "zod";
import { LOAN_PRODUCT_CLASSES } from "../contracts/enums.ts";
import { DEFAULT_CONFIG_DIR } from "../paths.ts";
import { SettingsError } from "./settings.ts";

export const FINANCE_FILE = "finance.json";
export const LPR_FILE = "lpr.csv";

/** A product class and the keywords that put a bank's product name into it; rules are tried in order. */
export interface ProductRule { productClass: string; keywords: string[] }
export interface PolicyRule { code: string; title: string; enabled: boolean; threshold: number | null; source: string }
export interface ScoreItem { code: string; name: string; weight: number; zero: number; full: number; formula: string }
export interface Scorecard { cadence: "half" | "year"; items: ScoreItem[]; grades: { excellent: number; good: number; fair: number }; peerGroups: Record<string, string> }
export interface LprRow { month: string; oneYear: number; fiveYear: number }
export interface FinanceSettings { productRules: ProductRule[]; policyRules: PolicyRule[]; scorecard: Scorecard; lpr: LprRow[] }

/** Policy rules the SQL model policy_exceptions knows; the file may switch them off or change thresholds and sources. */
export const POLICY_RULES: readonly { code: string; title: string; threshold: number | null; unit: string; source: string }[] = [
  { code: "micro_single_over", title: "单笔小额信贷超过额度", threshold: 50_000, unit: "元",
    source: "脱贫人口小额信贷额度为5万元（含）以下；确需超过的须作为追加贷款另行发放。" },
  { code: "micro_household_over", title: "同一户小额信贷合计超过上限", threshold: 100_000, unit: "元",
    source: "对符合条件的借款人可追加贷款，追加后贷款总额原则上不超过10万元。" },
  { code: "subsidy_beyond_cap", title: "超过5万元部分享受了贴息", threshold: 50_000, unit: "元",
    source: "追加贷款超过5万元的部分不享受财政贴息和风险补偿。" },
  { code: "term_over", title: "小额信贷期限超过3年", threshold: 36, unit: "个月",
    source: "脱贫人口小额信贷期限为3年期（含）以内。" },
  { code: "rate_over_cap", title: "利率高于LPR上限", threshold: null, unit: "",
    source: "1年期（含）以内贷款利率不超过1年期贷款市场报价利率（LPR），1年期以上贷款利率不超过5年期以上LPR，合同期内利率保持不变。" },
  { code: "age_outside", title: "借款人年龄不在18–65周岁", threshold: null, unit: "",
    source: "借款人年龄原则上在18周岁（含）至65周岁（含）之间（按身份证号中的出生日期计算发放日的周岁）。" },
  { code: "not_eligible", title: "借款户发放时既非脱贫户也非监测对象", threshold: null, unit: "",
    source: "支持对象为脱贫人口（含防止返贫监测对象）。" },
  { code: "subsidy_on_overdue", title: "逾期贷款仍获贴息", threshold: null, unit: "",
    source: "贷款逾期或被挪用的，不再享受财政贴息。" },
  { code: "past_maturity", title: "到期未还且未办续贷或展期", threshold: null, unit: "",
    source: "到期后仍有余额的贷款应按期收回，确有困难的按规定办理续贷或展期。" },
  { code: "repeated_rollover", title: "同一笔贷款多次续贷或展期", threshold: 2, unit: "次",
    source: "续贷、展期须符合规定，不得通过多次续贷、展期掩盖还款风险。" },
];

export const DEFAULT_PRODUCT_RULES: ProductRule[] = [
  { productClass: "创业担保贷款", keywords: ["创业担保", "创业贷"] },
  { productClass: "脱贫人口小额信贷", keywords: ["小额信贷", "小额贷款", "扶贫小额", "脱贫人口小额", "富民贷"] },
  { productClass: "项目精准扶贫贷款", keywords: ["项目", "搬迁", "基础设施", "生态"] },
  { productClass: "产业精准扶贫贷款", keywords: ["产业", "带动", "龙头", "合作社"] },
  { productClass: "个人精准扶贫贷款", keywords: ["个人精准", "个人扶贫", "扶贫个人", "农户扶贫"] },
];

export const DEFAULT_SCORECARD: Scorecard = {
  cadence: "half",
  items: [
    { code: "balance_growth", name: "扶贫贷款余额增速", weight: 20, zero: -0.1, full: 0.1, formula: "期末余额 ÷ 上年同期末余额 − 1" },
    { code: "issued_share", name: "发放额占全县份额", weight: 15, zero: 0, full: 0.3, formula: "本行期内发放额 ÷ 全县期内发放额" },
    { code: "coverage_share", name: "获贷户占全县获贷户份额", weight: 15, zero: 0, full: 0.3, formula: "期末本行有小额信贷或个人精准扶贫贷款余额的脱贫户和监测户数 ÷ 全县同口径户数" },
    { code: "micro_share", name: "小额信贷占比", weight: 10, zero: 0, full: 0.6, formula: "期末脱贫人口小额信贷余额 ÷ 本行扶贫贷款余额" },
    { code: "npl_ratio", name: "不良贷款率", weight: 15, zero: 0.05, full: 0, formula: "期末次级、可疑、损失类余额 ÷ 期末余额" },
    { code: "overdue_ratio", name: "逾期率", weight: 10, zero: 0.05, full: 0, formula: "期末逾期本金 ÷ 期末余额" },
    { code: "exception_rate", name: "政策例外率", weight: 10, zero: 0.1, full: 0, formula: "期内出现政策例外的贷款笔数 ÷ 期内台账中的贷款笔数" },
    { code: "reporting", name: "报送完整率", weight: 5, zero: 0, full: 1, formula: "期内按月报送台账的月数 ÷ 期内全县有台账的月数" },
  ],
  grades: { excellent: 90, good: 80, fair: 60 },
  peerGroups: {},
};

const FK = {
  productRules: "贷款品种归类", productClass: "类别", keywords: "关键词",
  policyRules: "政策规则", enabled: "启用", threshold: "阈值", source: "依据",
  scorecard: "银行考核", cadence: "周期", items: "指标", weight: "权重", zero: "零分值", full: "满分值",
  grades: "等级分数线", excellent: "优秀", good: "良好", fair: "一般", peerGroups: "同类组",
} as const;

const productRuleSchema = z.strictObject({
  [FK.productClass]: z.enum(LOAN_PRODUCT_CLASSES, { error: `“${FK.productClass}”须为 ${LOAN_PRODUCT_CLASSES.join("、")} 之一` }),
  [FK.keywords]: z.array(z.string().trim().min(1), { error: `“${FK.keywords}”应为文字列表，如 ["小额信贷", "扶贫小额"]` }).min(1),
});

const policyRuleSchema = z.strictObject({
  [FK.enabled]: z.boolean({ error: `“${FK.enabled}”应为 true 或 false` }).optional(),
  [FK.threshold]: z.number({ error: `“${FK.threshold}”应为数字` }).positive().optional(),
  [FK.source]: z.string().trim().min(1, { error: `“${FK.source}”不能为空` }).optional(),
});

const scoreItemSchema = z.strictObject({
  [FK.weight]: z.number({ error: `“${FK.weight}”应为数字` }).min(0).max(100),
  [FK.zero]: z.number().optional(),
  [FK.full]: z.number().optional(),
});

const financeFileSchema = z.strictObject({
  [FK.productRules]: z.array(productRuleSchema).optional(),
  [FK.policyRules]: z.record(z.string(), policyRuleSchema).optional(),
  [FK.scorecard]: z.strictObject({
    [FK.cadence]: z.enum(["半年", "年"], { error: `“${FK.cadence}”须为 半年 或 年` }).optional(),
    [FK.items]: z.record(z.string(), scoreItemSchema).optional(),
    [FK.grades]: z.strictObject({ [FK.excellent]: z.number(), [FK.good]: z.number(), [FK.fair]: z.number() }).optional(),
    [FK.peerGroups]: z.record(z.string(), z.string()).optional(),
  }).optional(),
});

function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith("说明")).map(([k, v]) => [k, withoutComments(v)]));
  }
  return value;
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return iconv.decode(bytes, "gb18030");
  }
}

/** lpr.csv: 月份 (YYYY-MM), 一年期LPR, 五年期以上LPR (percent); other columns (备注) are ignored. */
export function readLpr(path: string): LprRow[] {
  const lines = decode(readFileSync(path)).split(/\r?\n/).filter((line) => line.trim() !== "" && !line.startsWith("#"));
  const header = (lines[0] ?? "").split(",").map((cell) => cell.trim());
  const [m, a, b] = ["月份", "一年期LPR", "五年期以上LPR"].map((name) => header.indexOf(name));
  if (m < 0 || a < 0 || b < 0) throw new SettingsError(`LPR 文件 ${path} 的第一行须有“月份”“一年期LPR”“五年期以上LPR”三列（现为：${header.join(",")}）`);
  return lines.slice(1).map((line, index) => {
    const cells = line.split(",").map((cell) => cell.trim());
    const month = cells[m] ?? "";
    const oneYear = Number(cells[a]);
    const fiveYear = Number(cells[b]);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || !(oneYear > 0) || !(fiveYear > 0)) {
      throw new SettingsError(`LPR 文件 ${path} 第 ${index + 2} 行有误（“${line}”）：月份写成 2024-10，利率写成 3.10 这样的百分数`);
    }
    return { month, oneYear, fiveYear };
  });
}

/** Reads finance.json (defaults when absent) and lpr.csv (the shipped history when the folder has none). */
export function readFinanceSettings(dir: string = DEFAULT_CONFIG_DIR): FinanceSettings {
  const path = join(dir, FINANCE_FILE);
  let file: z.output<typeof financeFileSchema> = {};
  if (existsSync(path)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, "utf-8").replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new SettingsError(`设置文件 ${path} 不是有效的 JSON：${(error as Error).message}。请检查引号、逗号和括号（可参照 data/config/README.md）。`);
    }
    const parsed = financeFileSchema.safeParse(withoutComments(raw));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(" → ")}：${issue.message}`).join("\n");
      throw new SettingsError(`设置文件 ${path} 有误，请改正后重新运行：\n${problems}`);
    }
    file = parsed.data;
  }
  const productRules = file[FK.productRules]?.map((r) => ({ productClass: r[FK.productClass], keywords: r[FK.keywords] })) ?? DEFAULT_PRODUCT_RULES;
  const policyFile = file[FK.policyRules] ?? {};
  const unknownRules = Object.keys(policyFile).filter((code) => !POLICY_RULES.some((r) => r.code === code));
  if (unknownRules.length > 0) {
    throw new SettingsError(`设置文件 ${path} 的“${FK.policyRules}”中有不认识的规则：${unknownRules.join("、")}（可用：${POLICY_RULES.map((r) => r.code).join("、")}）`);
  }
  const policyRules = POLICY_RULES.map((rule) => {
    const own = policyFile[rule.code] ?? {};
    return { code: rule.code, title: rule.title, enabled: own[FK.enabled] ?? true, threshold: rule.threshold === null ? null : own[FK.threshold] ?? rule.threshold, source: own[FK.source] ?? rule.source };
  });
  const card = file[FK.scorecard] ?? {};
  const itemFile = card[FK.items] ?? {};
  const unknownItems = Object.keys(itemFile).filter((code) => !DEFAULT_SCORECARD.items.some((i) => i.code === code));
  if (unknownItems.length > 0) {
    throw new SettingsError(`设置文件 ${path} 的“${FK.items}”中有不认识的考核指标：${unknownItems.join("、")}（可用：${DEFAULT_SCORECARD.items.map((i) => i.code).join("、")}）`);
  }
  const items = DEFAULT_SCORECARD.items.map((item) => {
    const own = itemFile[item.code];
    return own ? { ...item, weight: own[FK.weight], zero: own[FK.zero] ?? item.zero, full: own[FK.full] ?? item.full } : item;
  });
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  if (Math.abs(total - 100) > 1e-9) {
    throw new SettingsError(`设置文件 ${path} 中银行考核各指标权重之和为 ${total}，应为 100（${items.map((i) => `${i.name} ${i.weight}`).join("，")}）`);
  }
  const zeroEqualsFull = items.find((item) => item.zero === item.full);
  if (zeroEqualsFull) throw new SettingsError(`设置文件 ${path} 中考核指标“${zeroEqualsFull.name}”的零分值与满分值相同`);
  const g = card[FK.grades];
  const grades = g ? { excellent: g[FK.excellent], good: g[FK.good], fair: g[FK.fair] } : DEFAULT_SCORECARD.grades;
  if (!(grades.excellent > grades.good && grades.good > grades.fair)) {
    throw new SettingsError(`设置文件 ${path} 中等级分数线须满足 优秀 > 良好 > 一般（现为 ${grades.excellent}、${grades.good}、${grades.fair}）`);
  }
  const scorecard: Scorecard = {
    cadence: card[FK.cadence] === "年" ? "year" : "half",
    items,
    grades,
    peerGroups: card[FK.peerGroups] ?? {},
  };
  const lprPath = existsSync(join(dir, LPR_FILE)) ? join(dir, LPR_FILE) : join(DEFAULT_CONFIG_DIR, LPR_FILE);
  return { productRules, policyRules, scorecard, lpr: readLpr(lprPath) };
}

/**
 * cfg_loan_product_rules (grain: keyword; priority = the rule's place in the file, first match wins),
 * cfg_policy_rules (grain: rule), cfg_lpr (grain: month the LPR was published), cfg_scorecard (grain: item),
 * cfg_scorecard_settings (one row), cfg_bank_peer_groups (grain: bank).
 */
export async function writeFinanceTables(conn: DuckDBConnection, s: FinanceSettings): Promise<void> {
  const json = (value: unknown) => JSON.stringify(value);
  await conn.run(`create or replace table cfg_loan_product_rules as
    select r.priority::integer as priority, r.keyword::varchar as keyword, r.product_class::varchar as product_class
    from (select unnest(from_json($1, '[{"priority":"INTEGER","keyword":"VARCHAR","product_class":"VARCHAR"}]'), recursive := true)) r`,
  [json(s.productRules.flatMap((rule, i) => rule.keywords.map((keyword) => ({ priority: i + 1, keyword, product_class: rule.productClass }))))]);
  await conn.run(`create or replace table cfg_policy_rules as
    select unnest(from_json($1, '[{"code":"VARCHAR","title":"VARCHAR","enabled":"BOOLEAN","threshold":"DOUBLE","source":"VARCHAR"}]'), recursive := true)`,
  [json(s.policyRules)]);
  await conn.run(`create or replace table cfg_lpr as
    select unnest(from_json($1, '[{"month":"VARCHAR","one_year":"DOUBLE","five_year":"DOUBLE"}]'), recursive := true)`,
  [json(s.lpr.map((r) => ({ month: r.month, one_year: r.oneYear, five_year: r.fiveYear })))]);
  await conn.run(`create or replace table cfg_scorecard as
    select unnest(from_json($1, '[{"code":"VARCHAR","name":"VARCHAR","weight":"DOUBLE","zero_value":"DOUBLE","full_value":"DOUBLE","formula":"VARCHAR","item_order":"INTEGER"}]'), recursive := true)`,
  [json(s.scorecard.items.map((item, i) => ({ code: item.code, name: item.name, weight: item.weight, zero_value: item.zero, full_value: item.full, formula: item.formula, item_order: i + 1 })))]);
  await conn.run(`create or replace table cfg_scorecard_settings as
    select $1::varchar as cadence, $2::double as grade_excellent, $3::double as grade_good, $4::double as grade_fair`,
  [s.scorecard.cadence, s.scorecard.grades.excellent, s.scorecard.grades.good, s.scorecard.grades.fair]);
  await conn.run(`create or replace table cfg_bank_peer_groups as
    select unnest(from_json($1, '[{"institution":"VARCHAR","peer_group":"VARCHAR"}]'), recursive := true)`,
  [json(Object.entries(s.scorecard.peerGroups).map(([institution, peer_group]) => ({ institution, peer_group })))]);
}
