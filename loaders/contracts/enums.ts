// Enumerations of DOMAIN.md §3–§5. Each list is the canonical spelling stored in staging; the alias maps
// fold the variants offices type (old names, abbreviations) into it.

export const HOUSEHOLD_TYPES = ["脱贫户", "一般农户"] as const;
export const MONITOR_KINDS = ["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"] as const;
export const RISK_TYPES = [
  "因病", "因残", "因学", "因自然灾害", "因意外事故", "因产业项目失败", "因务工就业不稳", "缺劳动力",
  "住房出现安全问题", "饮水安全问题", "其他",
] as const;
export const MEASURE_TYPES = [
  "产业帮扶", "就业帮扶", "金融帮扶", "公益岗位", "健康帮扶", "教育帮扶", "住房保障", "饮水保障", "综合保障",
  "社会帮扶", "搬迁", "其他",
] as const;
export const ELIMINATION_MODES = ["帮扶消除", "自然消除"] as const;
export const BORROWER_TYPES = ["个人", "企业", "合作社", "项目"] as const;
/** The DOMAIN §4 products a bank's own product name is classified into (product_class); 其他 when no rule matches. */
export const LOAN_PRODUCTS = ["脱贫人口小额信贷", "个人精准扶贫贷款", "产业精准扶贫贷款", "项目精准扶贫贷款", "创业担保贷款"] as const;
export const LOAN_PRODUCT_CLASSES = [...LOAN_PRODUCTS, "其他"] as const;
export const LOAN_GRADES = ["正常", "关注", "次级", "可疑", "损失"] as const;
/**
 * 险种大类 (DOMAIN.md §5): the lines an insurer's own product name (险种, free text) is classified into by the
 * county's keyword rules (data/config/insurance-lines.csv); a name no rule matches is 其他.
 */
export const INSURANCE_LINE_CLASSES = [
  "防贫保险", "种植业保险", "养殖业保险", "森林保险", "大病补充医疗保险", "意外伤害保险", "其他",
] as const;
export type InsuranceLineClass = (typeof INSURANCE_LINE_CLASSES)[number];
export const ENROL_MODES = ["个人", "统保"] as const;

export const ENUM_ALIASES: Record<string, Record<string, string>> = {
  household_type: { 建档立卡户: "脱贫户", 脱贫户建档立卡: "脱贫户", 已脱贫户: "脱贫户", 一般户: "一般农户", 非贫困户: "一般农户" },
  monitor_kind: { 脱贫不稳定: "脱贫不稳定户", 边缘易致贫: "边缘易致贫户", 突发严重困难: "突发严重困难户", 边缘户: "边缘易致贫户" },
  risks: { 病: "因病", 残: "因残", 学: "因学", 因灾: "因自然灾害", 自然灾害: "因自然灾害", 意外事故: "因意外事故", 因意外: "因意外事故", 务工就业不稳: "因务工就业不稳", 就业不稳: "因务工就业不稳", 产业项目失败: "因产业项目失败", 住房安全问题: "住房出现安全问题", 饮水安全: "饮水安全问题" },
  measures: { 小额信贷: "金融帮扶", "金融帮扶(小额信贷)": "金融帮扶", 低保: "综合保障", 特困: "综合保障", "综合保障(低保/特困)": "综合保障", 易地搬迁: "搬迁", 公益性岗位: "公益岗位" },
  enrol_mode: { 个体: "个人", 统一投保: "统保", 团体: "统保" },
};
