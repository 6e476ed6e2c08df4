import { dateOrderRule, notAboveRule, defineContract, villageRule, type SqlValue, type TypedRow } from "./contract.ts";
import { ELIMINATION_MODES, HOUSEHOLD_TYPES, MEASURE_TYPES, MONITOR_KINDS, RISK_TYPES } from "./enums.ts";
import { f } from "./field.ts";
import { idRules } from "./id-rule.ts";

const INCOME_PARTS = ["income_wage", "income_business", "income_property", "income_transfer", "cost_business"] as const;

/** (wage + business + property + transfer − business costs) ÷ household size, or null when a part is missing. */
export function computedIncomePc(row: TypedRow): number | null {
  const size = row.household_size as number | null;
  if (!size) return null;
  let total = 0;
  for (const key of INCOME_PARTS) {
    const v = row[key] as number | null;
    if (v === null || v === undefined) return null;
    total += key === "cost_business" ? -v : v;
  }
  return total / size;
}

/** computedIncomePc in SQL: the same sums in the same order, null when a part is missing or the size is 0. */
export function computedIncomePcSql(v: SqlValue): string {
  const size = v("household_size");
  return `(case when coalesce(${size}, 0) = 0 then null else (((((0.0 + ${v("income_wage")}) + ${v("income_business")}) + ${v("income_property")}) + ${v("income_transfer")}) - ${v("cost_business")}) / ${size} end)`;
}

export const households = defineContract({
  extract: "households",
  title: "户信息快照",
  table: "stg_households",
  needsPeriod: true,
  key: ["household_id", "period"],
  sourceKey: (row) => (typeof row.area_code === "string" ? row.area_code.slice(0, 9) : null),
  sql: {
    sourceKey: (v) => `left(${v("area_code")}, 9)`,
    complete: { income_pc: (v) => `coalesce(${v("income_pc")}, ${computedIncomePcSql(v)})` },
  },
  requiredOneOf: [["income_pc"], INCOME_PARTS],
  complete(row) {
    if (row.income_pc === null || row.income_pc === undefined) row.income_pc = computedIncomePc(row);
  },
  fields: [
    f("period", "数据期", "period", ["统计期", "报告期", "数据月份", "数据日期", "统计月份", "period"], { notNull: true, doc: "快照所属月份，YYYY-MM；文件无此列时取文件名中的年月" }),
    f("household_id", "户编号", "text", ["户码", "家庭编号", "户ID", "户id", "household_id", "household id"], { required: true, doc: "全县唯一的户编号" }),
    f("head_name", "户主姓名", "text", ["户主", "姓名", "head_name", "name"], { personal: "name", doc: "户主姓名（个人信息，页面上脱敏）" }),
    f("id_number", "证件号码", "id", ["身份证号", "身份证号码", "户主证件号码", "户主身份证号", "户主身份证号码", "证件号", "id_number", "id"], { required: true, personal: "id", doc: "户主18位居民身份证号码，按 GB 11643 校验" }),
    f("phone", "联系电话", "text", ["电话", "手机号", "手机号码", "联系方式", "phone"], { personal: "phone", doc: "联系电话（个人信息）" }),
    f("area_code", "区划代码", "code", ["行政区划代码", "村代码", "村级区划代码", "统计用区划代码", "区划编码", "area_code"], { required: true, codeLengths: [12], doc: "所在村的12位统计用区划代码，须在村级参考中" }),
    f("household_size", "家庭人口数", "int", ["家庭人口", "人口数", "家庭成员数", "户人口数", "household_size"], { required: true, min: 1, doc: "家庭人口数（人）" }),
    f("labour_count", "劳动力人数", "int", ["劳动力数", "劳动力", "labour_count"], { doc: "劳动力人数，不大于家庭人口数" }),
    f("household_type", "户类型", "enum", ["户属性", "农户类型", "household_type"], { required: true, values: HOUSEHOLD_TYPES, doc: "脱贫户 或 一般农户" }),
    f("is_monitored", "是否监测对象", "bool", ["监测对象", "is_monitored"], { required: true, doc: "是/否；风险消除后仍为 是" }),
    f("monitor_kind", "监测对象类别", "enum", ["监测对象类型", "监测类型", "监测类别", "monitor_kind"], { values: MONITOR_KINDS, doc: "监测对象才填：脱贫不稳定户、边缘易致贫户、突发严重困难户" }),
    f("risk_found_date", "风险发现日期", "date", ["发现日期", "risk_found_date"], { doc: "首次发现风险的日期" }),
    f("identified_date", "识别监测日期", "date", ["识别日期", "纳入监测日期", "认定日期", "identified_date"], { doc: "县级审定纳入监测的日期" }),
    f("risks", "致贫返贫风险", "list", ["风险类型", "致贫风险", "返贫致贫风险", "风险类别", "risks"], { values: RISK_TYPES, doc: "一项或多项风险，用 、 , ; | 分隔" }),
    f("risk_eliminated", "风险是否消除", "bool", ["是否消除风险", "风险消除", "risk_eliminated"], { doc: "是/否" }),
    f("elimination_mode", "风险消除方式", "enum", ["消除方式", "elimination_mode"], { values: ELIMINATION_MODES, doc: "帮扶消除 或 自然消除" }),
    f("elimination_date", "风险消除日期", "date", ["消除日期", "elimination_date"], { doc: "不早于识别监测日期" }),
    f("no_labour", "整户无劳动能力", "bool", ["是否整户无劳动能力", "无劳动能力", "no_labour"], { doc: "是/否" }),
    f("measures", "帮扶措施", "list", ["帮扶措施类型", "落实帮扶措施", "measures"], { values: MEASURE_TYPES, doc: "已落实的帮扶措施，可多项" }),
    f("first_assist_date", "首次帮扶日期", "date", ["帮扶日期", "first_assist_date"], { doc: "首次落实帮扶措施的日期" }),
    f("income_wage", "工资性收入", "amount", ["工资收入", "income_wage"], { doc: "全家近12个月工资性收入（元）" }),
    f("income_business", "生产经营性收入", "amount", ["经营性收入", "家庭经营性收入", "income_business"], { doc: "生产经营性收入（元）" }),
    f("income_property", "财产性收入", "amount", ["财产收入", "income_property"], { doc: "财产性收入（元）" }),
    f("income_transfer", "转移性收入", "amount", ["转移收入", "income_transfer"], { doc: "转移性收入（元），含防贫保险赔付" }),
    f("cost_business", "生产经营性支出", "amount", ["经营性支出", "生产经营支出", "cost_business"], { doc: "生产经营性支出（元）" }),
    f("income_pc", "人均纯收入", "amount", ["家庭人均纯收入", "人均收入", "income_pc"], { doc: "（收入合计 − 生产经营性支出）÷ 家庭人口数，元/人·年；缺列时由构成计算" }),
    f("medical_self_paid", "合规自付支出", "amount", ["合规自付医疗费用", "医疗合规自付支出", "合规医疗自付支出", "medical_self_paid"], { doc: "全家近12个月合规自付医疗支出（元）；疑点核查“因病纳入监测但合规自付支出为0”用，没有此列时该规则不运行" }),
    f("housing_ok", "住房安全", "bool", ["住房安全有保障", "住房安全保障", "housing_ok"], { doc: "是/否" }),
    f("edu_ok", "义务教育保障", "bool", ["义务教育有保障", "edu_ok"], { doc: "是/否" }),
    f("med_ok", "基本医疗保险", "bool", ["参加基本医疗保险", "基本医疗有保障", "med_ok"], { doc: "全家参加基本医疗保险：是/否" }),
    f("water_ok", "饮水安全", "bool", ["饮水安全有保障", "water_ok"], { doc: "是/否" }),
    f("helper_name", "帮扶责任人", "text", ["帮扶人", "帮扶干部", "helper_name"], { personal: "name", doc: "帮扶责任人姓名" }),
    f("date_month_only", "日期仅到月", "bool", ["日期精度到月", "date_month_only"], { doc: "可选：是 表示识别监测日期、风险消除日期只知道年月（如全国系统导出的 202304），日期记为当月1日；需要工作日的及时率不计这样的户，另计为“日期仅到月”" }),
  ],
  rules: [
    ...idRules(),
    villageRule(),
    {
      code: "monitor_kind_mismatch",
      column: "monitor_kind",
      uses: ["is_monitored", "monitor_kind"],
      // 是否监测对象 is a required field and wins. Monitored without a kind: the household still counts as
      // monitored in every total, only in no per-kind split (keep). Not monitored with a kind: the kind is
      // nulled, so per-kind counts never include a household that is not monitored.
      severity: "warn",
      action: (row) => (row.is_monitored === false ? "null" : "keep"),
      sql: {
        broken: (v) => `((${v("is_monitored")} = true and ${v("monitor_kind")} is null) or (${v("is_monitored")} = false and ${v("monitor_kind")} is not null))`,
        message: (v) => `case when ${v("is_monitored")} = true then '是否监测对象为 是，请填写监测对象类别' else '是否监测对象为 否，监测对象类别应留空（或改为 是）' end`,
        action: (v) => `case when ${v("is_monitored")} = false then 'null' else 'keep' end`,
      },
      check(row) {
        if (row.is_monitored === true && row.monitor_kind === null) return "是否监测对象为 是，请填写监测对象类别";
        if (row.is_monitored === false && row.monitor_kind !== null) return "是否监测对象为 否，监测对象类别应留空（或改为 是）";
        return null;
      },
    },
    // 识别监测日期 is the county's approval record, from which the identification flows and both timeliness
    // rates are counted; an elimination before it is impossible, so the elimination date is nulled: the
    // household keeps 风险是否消除 (stocks unchanged) and only its dated elimination flow is lost.
    dateOrderRule("elimination_before_identification", { key: "elimination_date", label: "风险消除日期" }, { key: "identified_date", label: "识别监测日期" }, { action: "null" }),
    // 识别监测日期 is the county's approval after the risk was found: the other order would count as "timely" in
    // 识别及时率 with a negative number of working days. The discovery date is nulled (reported against it):
    // the identification still counts in 新识别监测对象, but not in 识别及时率's numerator or denominator.
    // Nulling the approval date instead would drop the identification and make the household "overdue".
    dateOrderRule("identification_before_discovery", { key: "identified_date", label: "识别监测日期" }, { key: "risk_found_date", label: "风险发现日期" }, { action: "null", report: "earlier" }),
    // 家庭人口数 is required and counts persons; a labour count above it is impossible, so it is nulled.
    notAboveRule("labour_exceeds_size", { key: "labour_count", label: "劳动力人数" }, { key: "household_size", label: "家庭人口数" }, { action: "null" }),
    {
      code: "income_inconsistent",
      column: "income_pc",
      uses: ["income_pc", "household_size", ...INCOME_PARTS],
      // The stated 人均纯收入 is the figure the county's system records and the income indicators use: kept
      // as written, the household stays in every stock (DOMAIN §11); the mismatch is listed for checking.
      severity: "warn",
      action: "keep",
      sql: {
        broken: (v, ctx) => `(${v("income_pc")} is not null and ${computedIncomePcSql(v)} is not null and abs(${v("income_pc")} - ${computedIncomePcSql(v)}) > ${ctx.incomeTolerance})`,
        message: (v, ctx) => `'人均纯收入 ' || dx_jsnum(${v("income_pc")}) || ' 与收入构成算出的 ' || dx_jsnum(floor(${computedIncomePcSql(v)} * 100 + 0.5) / 100) || ' 相差超过 ${ctx.incomeTolerance} 元，请核对收入或人口数'`,
      },
      check(row, ctx) {
        const given = row.income_pc as number | null;
        const computed = computedIncomePc(row);
        if (given === null || computed === null || Math.abs(given - computed) <= ctx.incomeTolerance) return null;
        return `人均纯收入 ${given} 与收入构成算出的 ${Math.round(computed * 100) / 100} 相差超过 ${ctx.incomeTolerance} 元，请核对收入或人口数`;
      },
    },
    {
      code: "income_missing",
      column: "income_pc",
      // Not skipped when an income field is unusable: such a field is nulled with a warning first, and then
      // this rule must still see whether 人均纯收入 can be had at all.
      uses: ["household_size"],
      // 人均纯收入 (or its five parts) is a required value (DOMAIN §6): without it the row cannot be used.
      severity: "reject",
      sql: {
        broken: (v) => `(${v("income_pc")} is null and ${computedIncomePcSql(v)} is null)`,
        message: () => `'人均纯收入为空，且收入构成不全无法计算，请补填人均纯收入或五项收支'`,
      },
      check(row) {
        if (row.income_pc !== null || computedIncomePc(row) !== null) return null;
        return "人均纯收入为空，且收入构成不全无法计算，请补填人均纯收入或五项收支";
      },
    },
  ],
});
