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

export const AID_TYPES = ["低保", "特困", "临时救助"] as const;
export const DWELLING_GRADES = ["A", "B", "C", "D"] as const;
export const DISABILITY_GRADES = ["一级", "二级", "三级", "四级"] as const;
export const CHECK_CONCLUSIONS = ["纳入监测", "不符合", "其他"] as const;

export const ENUM_ALIASES: Record<string, Record<string, string>> = {
  household_type: { 建档立卡户: "脱贫户", 脱贫户建档立卡: "脱贫户", 已脱贫户: "脱贫户", 一般户: "一般农户", 非贫困户: "一般农户" },
  monitor_kind: { 脱贫不稳定: "脱贫不稳定户", 边缘易致贫: "边缘易致贫户", 突发严重困难: "突发严重困难户", 边缘户: "边缘易致贫户" },
  risks: { 病: "因病", 残: "因残", 学: "因学", 因灾: "因自然灾害", 自然灾害: "因自然灾害", 意外事故: "因意外事故", 因意外: "因意外事故", 务工就业不稳: "因务工就业不稳", 就业不稳: "因务工就业不稳", 产业项目失败: "因产业项目失败", 住房安全问题: "住房出现安全问题", 饮水安全: "饮水安全问题" },
  measures: { 小额信贷: "金融帮扶", "金融帮扶(小额信贷)": "金融帮扶", 低保: "综合保障", 特困: "综合保障", "综合保障(低保/特困)": "综合保障", 易地搬迁: "搬迁", 公益性岗位: "公益岗位" },
  enrol_mode: { 个体: "个人", 统一投保: "统保", 团体: "统保" },
  aid_type: {
    最低生活保障: "低保", 城乡低保: "低保", 农村低保: "低保", 农村最低生活保障: "低保", 特困供养: "特困", 特困人员: "特困",
    特困人员救助供养: "特困", 农村特困: "特困", 五保: "特困", 临时救助金: "临时救助", 临时性救助: "临时救助",
  },
  dwelling_grade: { A级: "A", B级: "B", C级: "C", D级: "D", a: "A", b: "B", c: "C", d: "D" },
  disability_grade: { "1": "一级", "2": "二级", "3": "三级", "4": "四级", "1级": "一级", "2级": "二级", "3级": "三级", "4级": "四级", 壹级: "一级", 贰级: "二级", 叁级: "三级", 肆级: "四级" },
  conclusion: { 纳入: "纳入监测", 已纳入监测: "纳入监测", 纳入监测对象: "纳入监测", 不符合条件: "不符合", 不符合纳入条件: "不符合", 不纳入: "不符合", 不予纳入: "不符合", 其它: "其他" },
};
