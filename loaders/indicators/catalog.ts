// The indicator catalog: every published indicator is defined here once. The SQL models compute the codes,
// the warehouse table `indicator_catalog` is written from this list, and pages, downloads and the
// methodology page read names, formulas, units and direction from it. Codes are the contract (DOMAIN.md §7).

export type IndicatorUnit = "households" | "persons" | "ratio" | "yuan";
/** stock: read from the period's end snapshot; flow: events that happened inside the period. */
export type IndicatorKind = "stock" | "flow";
/** One SQL model per family (`loaders/sql/intermediate/6x_ind_<family>.sql`). */
export type IndicatorFamily = "monitoring" | "income" | "loans" | "department";

export interface Indicator {
  code: string;
  name_zh: string;
  name_en: string;
  /** The formula as the methodology page states it, in Chinese. */
  formula_zh: string;
  unit: IndicatorUnit;
  /** null when neither direction is good or bad in itself (e.g. a count of households). */
  higher_is_better: boolean | null;
  /** A target in the indicator's unit (1 = 100% for ratios). */
  target?: number;
  kind: IndicatorKind;
  /** Canonical extract headers (DOMAIN.md §6) the indicator reads. */
  source_fields: string[];
  family: IndicatorFamily;
}

// Shared wording, so every formula states the period semantics the same way.
const END = "期末快照（期内最后一个月的户信息快照）";
const START = "期初快照（期首月之前最近的快照；没有则取期内最早的快照）";
const IDENTIFIED = "期内新识别（期末快照中是否监测对象=是且识别监测日期落在本期内）";
const ACTIVE = "风险未消除监测对象（是否监测对象=是且风险是否消除=否，空白视为否；整户无劳动能力户一律视为未消除）";

export const CATALOG: readonly Indicator[] = [
  {
    code: "hh_lifted", name_zh: "脱贫户数", name_en: "Households lifted out of poverty",
    formula_zh: `${END}中户类型为脱贫户的户数`, unit: "households", higher_is_better: null,
    kind: "stock", source_fields: ["户类型"], family: "monitoring",
  },
  {
    code: "pop_lifted", name_zh: "脱贫人口", name_en: "Persons lifted out of poverty",
    formula_zh: `${END}中脱贫户的家庭人口数之和`, unit: "persons", higher_is_better: null,
    kind: "stock", source_fields: ["户类型", "家庭人口数"], family: "monitoring",
  },
  {
    code: "mon_active", name_zh: "风险未消除监测对象户数", name_en: "Monitored households with risk not eliminated",
    formula_zh: `${END}中${ACTIVE}的户数`, unit: "households", higher_is_better: null,
    kind: "stock", source_fields: ["是否监测对象", "风险是否消除", "整户无劳动能力"], family: "monitoring",
  },
  {
    code: "mon_active_pop", name_zh: "风险未消除监测对象人数", name_en: "Monitored persons with risk not eliminated",
    formula_zh: `${END}中${ACTIVE}的家庭人口数之和`, unit: "persons", higher_is_better: null,
    kind: "stock", source_fields: ["是否监测对象", "风险是否消除", "整户无劳动能力", "家庭人口数"], family: "monitoring",
  },
  {
    code: "mon_identified", name_zh: "新识别监测对象户数", name_en: "Newly identified monitored households",
    formula_zh: `${IDENTIFIED}的户数`, unit: "households", higher_is_better: null,
    kind: "flow", source_fields: ["识别监测日期"], family: "monitoring",
  },
  {
    code: "mon_share_pop", name_zh: "监测对象占比", name_en: "Monitored persons as a share of lifted persons",
    formula_zh: "风险未消除监测对象人数（mon_active_pop）÷ 脱贫人口（pop_lifted），均取期末快照", unit: "ratio",
    higher_is_better: false, kind: "stock", source_fields: ["是否监测对象", "风险是否消除", "户类型", "家庭人口数"],
    family: "monitoring",
  },
  {
    code: "risk_elim_rate", name_zh: "风险消除率", name_en: "Risk elimination rate",
    formula_zh: `${END}中是否监测对象=是且风险已消除的户数 ÷ 是否监测对象=是的户数（整户无劳动能力户不计为已消除）`,
    unit: "ratio", higher_is_better: true, kind: "stock",
    source_fields: ["是否监测对象", "风险是否消除", "整户无劳动能力"], family: "monitoring",
  },
  {
    code: "return_rate", name_zh: "返贫率", name_en: "Return-to-poverty rate",
    formula_zh: `${IDENTIFIED}且户类型为脱贫户、监测对象类别为脱贫不稳定户的户数 ÷ ${START}中的脱贫户数`,
    unit: "ratio", higher_is_better: false, kind: "flow",
    source_fields: ["户类型", "监测对象类别", "识别监测日期"], family: "monitoring",
  },
  {
    code: "return_rate_pop", name_zh: "返贫率（人口）", name_en: "Return-to-poverty rate (persons)",
    formula_zh: `${IDENTIFIED}且户类型为脱贫户、监测对象类别为脱贫不稳定户的人数 ÷ ${START}中的脱贫人口`,
    unit: "ratio", higher_is_better: false, kind: "flow",
    source_fields: ["户类型", "监测对象类别", "识别监测日期", "家庭人口数"], family: "monitoring",
  },
  {
    code: "new_poverty_rate", name_zh: "致贫率", name_en: "New poverty rate",
    formula_zh: `${IDENTIFIED}且户类型为一般农户的户数 ÷（本区域各村农村户数之和 − ${START}中的脱贫户数）；分母不大于0时为空`,
    unit: "ratio", higher_is_better: false, kind: "flow",
    source_fields: ["户类型", "识别监测日期", "农村户数"], family: "monitoring",
  },
  {
    code: "below_line_share", name_zh: "收入低于监测线占比", name_en: "Share of households below the monitoring line",
    formula_zh: `${END}中人均纯收入低于期末快照所在年度监测线的户数 ÷ 人均纯收入和监测线均已知的户数；监测线取最具体的区划（县级优先于省级）`,
    unit: "ratio", higher_is_better: false, kind: "stock",
    source_fields: ["人均纯收入", "区划代码", "年度", "监测线"], family: "monitoring",
  },
  {
    code: "assist_coverage", name_zh: "帮扶措施覆盖率", name_en: "Assistance measure coverage",
    formula_zh: `${END}中至少有1项帮扶措施的${ACTIVE}户数 ÷ ${ACTIVE}户数`, unit: "ratio",
    higher_is_better: true, target: 1, kind: "stock",
    source_fields: ["是否监测对象", "风险是否消除", "帮扶措施"], family: "monitoring",
  },
  {
    code: "guarantee_rate", name_zh: "三保障和饮水安全达标率", name_en: "Three guarantees and safe water met",
    formula_zh: `${END}中住房安全、义务教育保障、基本医疗保险、饮水安全均为是的户数 ÷ 户数`, unit: "ratio",
    higher_is_better: true, target: 1, kind: "stock",
    source_fields: ["住房安全", "义务教育保障", "基本医疗保险", "饮水安全"], family: "monitoring",
  },
  {
    code: "housing_ok_rate", name_zh: "住房安全达标率", name_en: "Safe housing rate",
    formula_zh: `${END}中住房安全=是的户数 ÷ 户数`, unit: "ratio", higher_is_better: true, target: 1,
    kind: "stock", source_fields: ["住房安全"], family: "monitoring",
  },
  {
    code: "edu_ok_rate", name_zh: "义务教育保障达标率", name_en: "Compulsory education guaranteed rate",
    formula_zh: `${END}中义务教育保障=是的户数 ÷ 户数`, unit: "ratio", higher_is_better: true, target: 1,
    kind: "stock", source_fields: ["义务教育保障"], family: "monitoring",
  },
  {
    code: "med_ok_rate", name_zh: "基本医疗保险参保达标率", name_en: "Basic medical insurance rate",
    formula_zh: `${END}中基本医疗保险=是的户数 ÷ 户数`, unit: "ratio", higher_is_better: true, target: 1,
    kind: "stock", source_fields: ["基本医疗保险"], family: "monitoring",
  },
  {
    code: "water_ok_rate", name_zh: "饮水安全达标率", name_en: "Safe drinking water rate",
    formula_zh: `${END}中饮水安全=是的户数 ÷ 户数`, unit: "ratio", higher_is_better: true, target: 1,
    kind: "stock", source_fields: ["饮水安全"], family: "monitoring",
  },
  {
    code: "timely_identification_rate", name_zh: "识别及时率", name_en: "Timely identification rate",
    formula_zh: `${IDENTIFIED}且风险发现日期至识别监测日期不超过识别时限（工作日，周一至周五，扣除节假日清单）的户数 ÷ ${IDENTIFIED}且两个日期都有的户数`,
    unit: "ratio", higher_is_better: true, target: 1, kind: "flow",
    source_fields: ["风险发现日期", "识别监测日期"], family: "monitoring",
  },
  {
    code: "timely_assist_rate", name_zh: "帮扶及时率", name_en: "Timely first assistance rate",
    formula_zh: `${IDENTIFIED}且首次帮扶日期在识别监测日期后首次帮扶时限（工作日）内的户数 ÷ ${IDENTIFIED}的户数`,
    unit: "ratio", higher_is_better: true, target: 1, kind: "flow",
    source_fields: ["识别监测日期", "首次帮扶日期"], family: "monitoring",
  },
  {
    code: "income_pc_median", name_zh: "脱贫户人均纯收入中位数", name_en: "Median per-capita net income of lifted households",
    formula_zh: `${END}中脱贫户人均纯收入的中位数（元；偶数户时取中间两户的平均）；分母为参与计算的户数`,
    unit: "yuan", higher_is_better: true, kind: "stock", source_fields: ["户类型", "人均纯收入"], family: "income",
  },
  {
    code: "income_growth", name_zh: "脱贫户人均纯收入增速", name_en: "Growth of lifted households' per-capita net income",
    formula_zh: `${END}脱贫户人均纯收入的户均值 ÷ 12个月前快照中同一均值 − 1；分子、分母分别为两个均值，12个月前无快照时为空`,
    unit: "ratio", higher_is_better: true, kind: "stock", source_fields: ["户类型", "人均纯收入"], family: "income",
  },
  {
    code: "loan_balance", name_zh: "贷款余额", name_en: "Loan balance",
    formula_zh: "期内最后一个有台账的月份各金融机构台账贷款余额之和（元，页面以万元显示）；按记录的区划代码归属（12位归村，9位只归乡镇），否则按户编号、再按证件号码匹配农户所在村；无法归村或乡镇的只计入县级",
    unit: "yuan", higher_is_better: null, kind: "stock",
    source_fields: ["数据期", "贷款余额", "区划代码", "户编号", "证件号码"], family: "loans",
  },
  {
    code: "lead_count", name_zh: "比对预警线索数", name_en: "Department-data leads raised",
    formula_zh: "线索日期落在本期内的比对预警线索数（部门数据按户主证件号码、再按户编号与户信息比对，按预警规则产生；地区为线索日期时该户所在的村）",
    unit: "households", higher_is_better: null, kind: "flow",
    source_fields: ["证件号码", "户编号", "就诊日期", "起始日期", "鉴定日期", "日期", "发证日期", "灾害日期"], family: "department",
  },
  {
    code: "lead_checked_timely_rate", name_zh: "线索按时核查率", name_en: "Leads checked within the deadline",
    formula_zh: "核查期限（线索日期后入户核查时限个工作日）落在本期内且已到期的线索中，在期限内有核查记录（核查反馈的核查日期，或该户纳入监测时户信息中不早于线索日期的风险发现日期、识别监测日期）的线索数 ÷ 这些到期线索数",
    unit: "ratio", higher_is_better: true, target: 1, kind: "flow",
    source_fields: ["线索编号", "核查日期", "风险发现日期", "识别监测日期"], family: "department",
  },
  {
    code: "lead_identified_rate", name_zh: "线索纳入监测率", name_en: "Closed leads that led to identification",
    formula_zh: "本期内办结的线索中纳入监测的线索数 ÷ 本期内办结的线索数；办结 = 其后的户信息快照中该户是否监测对象=是且识别监测日期不早于线索日期（纳入监测，以识别监测日期为办结日），或核查反馈的核查结论为“不符合”（以核查日期为办结日）",
    unit: "ratio", higher_is_better: null, kind: "flow",
    source_fields: ["是否监测对象", "识别监测日期", "核查结论", "核查日期"], family: "department",
  },
];

export function indicatorByCode(code: string): Indicator | undefined {
  return CATALOG.find((indicator) => indicator.code === code);
}
