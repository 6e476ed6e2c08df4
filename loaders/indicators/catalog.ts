// The indicator catalog: every published indicator is defined here once. The SQL models compute the codes,
// the warehouse table `indicator_catalog` is written from this list, and pages, downloads and the
// methodology page read names, formulas, units and direction from it. Codes are the contract (DOMAIN.md §7).

export type IndicatorUnit = "households" | "persons" | "ratio" | "yuan" | "days" | "loans";
/** stock: read from the period's end snapshot; flow: events that happened inside the period. */
export type IndicatorKind = "stock" | "flow";
/** One SQL model per family (`loaders/sql/intermediate/6x_ind_<family>.sql`). */
export type IndicatorFamily = "monitoring" | "income" | "loans" | "insurance" | "department";

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
// Events are read from each household's latest snapshot and counted in the period their date falls in
// (DOMAIN.md §7 "Events"); the area is the household's village at the period's end.
const IDENTIFIED = "期内新识别（按每户最新一期快照：是否监测对象=是且识别监测日期落在本期内；计入期末快照所在村，期末无该户时取最新快照所在村）";
const WD = "工作日（周一至周五，扣除节假日清单）";
const INS_AREA = "按保单、赔案记录的区划代码归属（12位归村，9位只归乡镇，6位只归县），没有区划代码的按户编号、再按证件号码匹配农户所在村（赔案还可按保单归属）";
const POVERTY_POLICIES = "本县报送的扶贫相关保单（不是全县全部保费，属本项目口径，与统计部门的保险密度、深度不可直接比较）";
const LOAN_END = "期内最后一个有台账的月份（本期没有任何台账时为空，不按 0 计）";
const LOAN_AREA = "按记录的区划代码归属（12位归村，9位只归乡镇），否则按户编号、再按证件号码匹配农户所在村；无法归村或乡镇的只计入县级";
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
    formula_zh: `${END}中${ACTIVE}的户数`, unit: "households", higher_is_better: false,
    kind: "stock", source_fields: ["是否监测对象", "风险是否消除", "整户无劳动能力"], family: "monitoring",
  },
  {
    code: "mon_active_pop", name_zh: "风险未消除监测对象人数", name_en: "Monitored persons with risk not eliminated",
    formula_zh: `${END}中${ACTIVE}的家庭人口数之和`, unit: "persons", higher_is_better: false,
    kind: "stock", source_fields: ["是否监测对象", "风险是否消除", "整户无劳动能力", "家庭人口数"], family: "monitoring",
  },
  {
    code: "mon_identified", name_zh: "新识别监测对象户数", name_en: "Newly identified monitored households",
    formula_zh: `${IDENTIFIED}的户数`, unit: "households", higher_is_better: null,
    kind: "flow", source_fields: ["识别监测日期"], family: "monitoring",
  },
  {
    code: "mon_share_pop", name_zh: "监测对象占比", name_en: "Monitored persons as a share of lifted persons",
    formula_zh: "风险未消除监测对象人数 ÷ 脱贫人口，均取期末快照", unit: "ratio",
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
    formula_zh: `${IDENTIFIED}且风险发现日期至识别监测日期不超过识别时限（${WD}）的户数 ÷（${IDENTIFIED}且两个日期都有的户数 + 有风险发现日期、到期末仍未识别且在本期超过时限的户数）；超期未识别的户只在超期的那一期计为超时一次，以后识别时不再重复计入；未到期的户不计入（见“待识别未到期户数”）`,
    unit: "ratio", higher_is_better: true, target: 1, kind: "flow",
    source_fields: ["风险发现日期", "识别监测日期"], family: "monitoring",
  },
  {
    code: "timely_assist_rate", name_zh: "帮扶及时率", name_en: "Timely first assistance rate",
    formula_zh: `${IDENTIFIED}、到期末已有结果的户中（期末前已首次帮扶，或首次帮扶时限已过），期末前首次帮扶且在识别监测日期后首次帮扶时限（${WD}）内的户数 ÷ 这些户数；未到期且尚未帮扶的户不计入（见“待首次帮扶未到期户数”）`,
    unit: "ratio", higher_is_better: true, target: 1, kind: "flow",
    source_fields: ["识别监测日期", "首次帮扶日期"], family: "monitoring",
  },
  {
    code: "ident_pending", name_zh: "待识别未到期户数", name_en: "Households awaiting identification within the deadline",
    formula_zh: `期末时有风险发现日期、到期末尚未识别（按最新快照，识别监测日期为空或晚于期末），且风险发现日期至期末不超过识别时限（${WD}）的户数；不计为及时也不计为超时`,
    unit: "households", higher_is_better: null, kind: "stock",
    source_fields: ["风险发现日期", "识别监测日期"], family: "monitoring",
  },
  {
    code: "ident_overdue", name_zh: "超期未识别户数", name_en: "Households overdue for identification",
    formula_zh: `期末时有风险发现日期、到期末尚未识别，且风险发现日期至期末已超过识别时限（${WD}）的户数（积压）；每户只在超期的那一期计入识别及时率的分母一次`,
    unit: "households", higher_is_better: false, kind: "stock",
    source_fields: ["风险发现日期", "识别监测日期"], family: "monitoring",
  },
  {
    code: "assist_pending", name_zh: "待首次帮扶未到期户数", name_en: "Identified households awaiting first assistance within the deadline",
    formula_zh: `期末前已识别（按最新快照）、到期末尚无首次帮扶日期，且识别监测日期至期末不超过首次帮扶时限（${WD}）的户数；不计为及时也不计为超时`,
    unit: "households", higher_is_better: null, kind: "stock",
    source_fields: ["识别监测日期", "首次帮扶日期"], family: "monitoring",
  },
  {
    code: "assist_overdue", name_zh: "超期未帮扶户数", name_en: "Monitored households overdue for first assistance",
    formula_zh: `${END}中${ACTIVE}、没有任何帮扶措施、到期末尚无首次帮扶日期，且识别监测日期至期末已超过首次帮扶时限（${WD}）的户数；期内没有快照时为空`,
    unit: "households", higher_is_better: false, kind: "stock",
    source_fields: ["是否监测对象", "风险是否消除", "帮扶措施", "识别监测日期", "首次帮扶日期"], family: "monitoring",
  },
  {
    code: "income_pc_mean", name_zh: "脱贫人口人均纯收入", name_en: "Per-capita net income of lifted persons",
    formula_zh: `${END}中脱贫户 Σ（人均纯收入 × 家庭人口数）÷ Σ 家庭人口数（元/人，按人口加权，与官方脱贫人口人均纯收入口径一致）；分子为收入总额，分母为人口数；人均纯收入为空的户不计入`,
    unit: "yuan", higher_is_better: true, kind: "stock", source_fields: ["户类型", "人均纯收入", "家庭人口数"], family: "income",
  },
  {
    code: "income_pc_median", name_zh: "脱贫人口人均纯收入中位数", name_en: "Median per-capita net income of lifted persons",
    formula_zh: `${END}中脱贫户成员按人排列（每户按家庭人口数计人）的人均纯收入中位数（元；总人数为偶数时取中间两人的平均）；分母为参与计算的人数`,
    unit: "yuan", higher_is_better: true, kind: "stock", source_fields: ["户类型", "人均纯收入", "家庭人口数"], family: "income",
  },
  {
    code: "income_growth", name_zh: "脱贫人口人均纯收入增速", name_en: "Growth of lifted persons' per-capita net income",
    formula_zh: `${END}脱贫人口人均纯收入（按人口加权）÷ 12个月前快照中的同一指标 − 1；分子、分母分别为两个人均值，12个月前无快照时为空`,
    unit: "ratio", higher_is_better: true, kind: "stock", source_fields: ["户类型", "人均纯收入", "家庭人口数"], family: "income",
  },
  {
    code: "loan_balance", name_zh: "贷款余额", name_en: "Loan balance",
    formula_zh: `${LOAN_END}各金融机构台账贷款余额之和（元，页面以万元显示）；${LOAN_AREA}`,
    unit: "yuan", higher_is_better: null, kind: "stock",
    source_fields: ["数据期", "金融机构", "贷款余额", "区划代码", "户编号", "证件号码"], family: "loans",
  },
  {
    code: "loan_issued", name_zh: "贷款发放额", name_en: "Loans issued (amount)",
    formula_zh: `发放日期在本期内的贷款（按金融机构+贷款编号去重，每笔只计一次）的合同金额之和（元）；金额和归属取该笔贷款最近一期台账；${LOAN_AREA}`,
    unit: "yuan", higher_is_better: null, kind: "flow",
    source_fields: ["金融机构", "贷款编号", "发放日期", "合同金额", "区划代码"], family: "loans",
  },
  {
    code: "loan_issued_count", name_zh: "贷款发放笔数", name_en: "Loans issued (count)",
    formula_zh: "发放日期在本期内的贷款笔数（按金融机构+贷款编号去重）",
    unit: "loans", higher_is_better: null, kind: "flow",
    source_fields: ["金融机构", "贷款编号", "发放日期"], family: "loans",
  },
  {
    code: "loan_balance_yoy", name_zh: "贷款余额同比增速", name_en: "Loan balance, year-on-year growth",
    formula_zh: `${LOAN_END}贷款余额 ÷ 该月12个月前那个月的贷款余额 − 1；12个月前没有台账时为空`,
    unit: "ratio", higher_is_better: true, kind: "stock",
    source_fields: ["数据期", "贷款余额"], family: "loans",
  },
  {
    code: "loan_coverage", name_zh: "获贷率", name_en: "Loan coverage of eligible households",
    formula_zh: `期末户信息快照中脱贫户或监测对象（是否监测对象=是）里，${LOAN_END}有脱贫人口小额信贷或个人精准扶贫贷款余额（>0）的户数（按户编号、否则按证件号码匹配）÷ 脱贫户或监测对象户数；按农户所在村归属`,
    unit: "ratio", higher_is_better: true, kind: "stock",
    source_fields: ["贷款品种", "贷款余额", "户编号", "证件号码", "户类型", "是否监测对象"], family: "loans",
  },
  {
    code: "loan_avg", name_zh: "户均贷款", name_en: "Average loan per borrower",
    formula_zh: "本期发放的个人贷款（借款人类型=个人）合同金额之和 ÷ 这些贷款的不同借款人数（按匹配到的户、否则按证件号码识别借款人）（元）",
    unit: "yuan", higher_is_better: null, kind: "flow",
    source_fields: ["借款人类型", "发放日期", "合同金额", "户编号", "证件号码"], family: "loans",
  },
  {
    code: "npl_ratio", name_zh: "不良贷款率", name_en: "Non-performing loan ratio",
    formula_zh: `${LOAN_END}五级分类为次级、可疑、损失的贷款余额 ÷ 同月贷款余额`,
    unit: "ratio", higher_is_better: false, kind: "stock",
    source_fields: ["五级分类", "贷款余额"], family: "loans",
  },
  {
    code: "overdue_ratio", name_zh: "逾期率", name_en: "Overdue ratio",
    formula_zh: `${LOAN_END}逾期本金 ÷ 同月贷款余额`,
    unit: "ratio", higher_is_better: false, kind: "stock",
    source_fields: ["逾期本金", "贷款余额"], family: "loans",
  },
  {
    code: "interest_subsidy", name_zh: "贴息金额", name_en: "Interest subsidy paid",
    formula_zh: "本期内各月台账贴息金额之和（元）；本期没有任何台账时为空",
    unit: "yuan", higher_is_better: null, kind: "flow",
    source_fields: ["数据期", "贴息金额"], family: "loans",
  },
  {
    code: "ins_coverage_antipoverty", name_zh: "防贫保险覆盖率", name_en: "Anti-poverty insurance coverage",
    formula_zh: `${END}中脱贫户或是否监测对象=是的户里，在期末快照所在月最后一天有有效防贫保险保单（起保日期至终止日期之间）的户数 ÷ 这些户数；个人保单按户编号或证件号码匹配，统保保单覆盖区划代码（县6位或乡镇9位）之下的所有户。险种按险种大类归入防贫保险`,
    unit: "ratio", higher_is_better: true, target: 1, kind: "stock",
    source_fields: ["险种", "投保方式", "户编号", "证件号码", "区划代码", "起保日期", "终止日期", "户类型", "是否监测对象"], family: "insurance",
  },
  {
    code: "ins_premium", name_zh: "保费", name_en: "Premiums written",
    formula_zh: `起保日期在本期内的保单的保费之和（元）；${INS_AREA}`,
    unit: "yuan", higher_is_better: null, kind: "flow", source_fields: ["保费", "起保日期", "区划代码"], family: "insurance",
  },
  {
    code: "ins_subsidy", name_zh: "保费财政补贴", name_en: "Premium subsidies",
    formula_zh: `起保日期在本期内的保单的财政补贴之和（元）；${INS_AREA}`,
    unit: "yuan", higher_is_better: null, kind: "flow", source_fields: ["财政补贴", "起保日期", "区划代码"], family: "insurance",
  },
  {
    code: "ins_paid", name_zh: "赔付金额", name_en: "Claims paid",
    formula_zh: `赔付日期在本期内的赔案的赔付金额之和（元）；${INS_AREA}`,
    unit: "yuan", higher_is_better: null, kind: "flow", source_fields: ["赔付金额", "赔付日期", "区划代码"], family: "insurance",
  },
  {
    code: "ins_loss_ratio", name_zh: "简单赔付率", name_en: "Simple loss ratio",
    formula_zh: "（本期赔付金额 + 本期最后一天已报案、尚未赔付的赔案的未决赔款）÷ 本期保费；之后已经赔付的赔案按其赔付金额计作当时的未决赔款（现有最准确的数）；保费为零时为空",
    unit: "ratio", higher_is_better: null, kind: "flow", source_fields: ["赔付金额", "未决赔款", "报案日期", "赔付日期", "保费"], family: "insurance",
  },
  {
    code: "ins_settle_days_median", name_zh: "理赔时效（中位数）", name_en: "Median days from report to payment",
    formula_zh: "赔付日期在本期内的赔案从报案日期到赔付日期的日历天数的中位数（天；偶数件时取中间两件的平均）；分母为参与计算的赔案件数",
    unit: "days", higher_is_better: false, kind: "flow", source_fields: ["报案日期", "赔付日期"], family: "insurance",
  },
  {
    code: "ins_density", name_zh: "保险密度（扶贫相关保单）", name_en: "Insurance density (poverty-related policies)",
    formula_zh: `全年保费 ÷ 县级统计的常住人口（元/人），只算县级、年度；保费取${POVERTY_POLICIES}`,
    unit: "yuan", higher_is_better: null, kind: "flow", source_fields: ["保费", "起保日期", "常住人口"], family: "insurance",
  },
  {
    code: "ins_depth", name_zh: "保险深度（扶贫相关保单）", name_en: "Insurance depth (poverty-related policies)",
    formula_zh: `全年保费 ÷ 县级统计的地区生产总值（换算为元），只算县级、年度；保费取${POVERTY_POLICIES}`,
    unit: "ratio", higher_is_better: null, kind: "flow", source_fields: ["保费", "起保日期", "地区生产总值"], family: "insurance",
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
