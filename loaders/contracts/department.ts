// Department records compared with the roster (部门数据比对, DOMAIN.md §10), and the towns' feedback on the
// leads they raise. One contract per department extract. The records carry no period of their own: every
// row has its own date (就诊日期, 起始日期 …), and the lead models read those. A row is rejected only when it
// cannot be compared at all (no usable ID or 户编号, no date, an ID failing its check digit); a record that
// matches no household is kept and counted by the lead models, never dropped here.
import { defineContract, villageRule, type CrossRule, type TypedRow } from "./contract.ts";
import { AID_TYPES, CHECK_CONCLUSIONS, DISABILITY_GRADES, DWELLING_GRADES } from "./enums.ts";
import { f } from "./field.ts";
import { idRules } from "./id-rule.ts";

const ID_ALIASES = ["身份证号", "身份证号码", "公民身份号码", "证件号", "id_number"];
const AREA_ALIASES = ["行政区划代码", "村代码", "统计用区划代码", "区划编码", "area_code"];

/** A row must carry at least one of the keys a household can be found by. */
function matchKeyRule(column: string, keys: readonly string[], labels: string): CrossRule {
  return {
    code: "match_key_missing",
    // no key at all: the record cannot be compared with any household (DOMAIN §11)
    severity: "reject",
    column,
    uses: [...keys],
    check(row: TypedRow) {
      if (keys.some((k) => row[k] !== null && row[k] !== undefined)) return null;
      return `${labels}都为空，无法与户信息比对，请补填`;
    },
  };
}

export const medicalCosts = defineContract({
  extract: "medical_costs",
  title: "医疗费用",
  table: "stg_medical_costs",
  needsPeriod: false,
  key: [],
  sourceKey: () => "医保",
  requiredOneOf: [["self_paid"], ["total_cost", "insurer_paid"]],
  complete(row) {
    if (row.self_paid === null && row.total_cost !== null && row.insurer_paid !== null) {
      row.self_paid = Math.max(0, Math.round(((row.total_cost as number) - (row.insurer_paid as number)) * 100) / 100);
    }
  },
  fields: [
    f("id_number", "证件号码", "id", [...ID_ALIASES, "参保人证件号码", "患者身份证号"], { required: true, personal: "id", doc: "就诊人18位身份证号" }),
    f("name", "姓名", "text", ["参保人姓名", "患者姓名", "就诊人姓名", "name"], { personal: "name", doc: "就诊人姓名（个人信息，页面上不显示）" }),
    f("visit_date", "就诊日期", "date", ["结算日期", "出院日期", "就诊时间", "visit_date"], { required: true, doc: "就诊或结算日期" }),
    f("total_cost", "医疗总费用", "amount", ["总费用", "医疗费用总额", "费用总额", "total_cost"], { doc: "医疗总费用（元）" }),
    f("insurer_paid", "医保报销", "amount", ["报销金额", "医保支付", "统筹支付", "基金支付", "insurer_paid"], { doc: "基本医保、大病保险、医疗救助等报销合计（元）" }),
    f("self_paid", "个人自付", "amount", ["自付金额", "个人负担", "个人自付金额", "self_paid"], { doc: "政策范围内个人自付（元）；缺列或空白时按 医疗总费用 − 医保报销 计算" }),
  ],
  rules: [
    ...idRules(),
    {
      code: "self_paid_missing",
      // the lead rule's one figure is missing and cannot be worked out
      severity: "reject",
      column: "self_paid",
      uses: ["self_paid", "total_cost", "insurer_paid"],
      check(row) {
        if (row.self_paid !== null || (row.total_cost !== null && row.insurer_paid !== null)) return null;
        return "个人自付为空，医疗总费用或医保报销也为空，无法计算，请补填";
      },
    },
  ],
});

export const socialAid = defineContract({
  extract: "social_aid",
  title: "社会救助",
  table: "stg_social_aid",
  needsPeriod: false,
  key: [],
  sourceKey: () => "民政",
  fields: [
    f("id_number", "证件号码", "id", [...ID_ALIASES, "救助对象证件号码", "申请人身份证号"], { required: true, personal: "id", doc: "救助对象（户主或申请人）18位身份证号" }),
    f("name", "姓名", "text", ["救助对象姓名", "申请人姓名", "name"], { personal: "name", doc: "救助对象姓名（个人信息，页面上不显示）" }),
    f("aid_type", "救助类型", "enum", ["救助类别", "保障类型", "aid_type"], { required: true, values: AID_TYPES, doc: AID_TYPES.join("、") }),
    f("start_date", "起始日期", "date", ["开始日期", "批准日期", "享受起始日期", "救助日期", "start_date"], { required: true, doc: "批准（开始享受）日期；临时救助为救助日期" }),
    f("end_date", "终止日期", "date", ["停保日期", "退出日期", "end_date"], { doc: "停止享受的日期；仍在享受留空" }),
    f("amount", "金额", "amount", ["救助金额", "保障金额", "月保障金", "amount"], { doc: "救助金额（元）" }),
  ],
  rules: [...idRules()],
});

export const dwellingAppraisals = defineContract({
  extract: "dwelling_appraisals",
  title: "危房鉴定",
  table: "stg_dwelling_appraisals",
  needsPeriod: false,
  key: [],
  sourceKey: () => "住建",
  requiredOneOf: [["id_number"], ["household_id"]],
  fields: [
    f("id_number", "证件号码", "id", [...ID_ALIASES, "户主证件号码", "户主身份证号"], { personal: "id", doc: "户主18位身份证号；与户编号至少填一项" }),
    f("household_id", "户编号", "text", ["户码", "household_id"], { doc: "户编号；没有证件号码时用它比对" }),
    f("area_code", "区划代码", "code", AREA_ALIASES, { codeLengths: [12], doc: "所在村的12位区划代码" }),
    f("appraisal_date", "鉴定日期", "date", ["评定日期", "鉴定时间", "appraisal_date"], { required: true, doc: "房屋安全鉴定日期" }),
    f("dwelling_grade", "鉴定等级", "enum", ["危险等级", "房屋等级", "鉴定结果", "dwelling_grade"], { required: true, values: DWELLING_GRADES, doc: "A、B、C、D 级（C、D 为危房）" }),
  ],
  rules: [...idRules(), villageRule(), matchKeyRule("id_number", ["id_number", "household_id"], "证件号码和户编号")],
});

export const schoolDropouts = defineContract({
  extract: "school_dropouts",
  title: "控辍保学",
  table: "stg_school_dropouts",
  needsPeriod: false,
  key: [],
  sourceKey: () => "教育",
  fields: [
    f("student_id", "学生证件号码", "id", ["学生身份证号", "学生身份证号码", "学生证件号", "student_id"], { required: true, personal: "id", doc: "学生18位身份证号（由此算年龄）" }),
    f("guardian_id", "监护人证件号码", "id", ["监护人身份证号", "监护人身份证号码", "家长身份证号", "guardian_id"], { personal: "id", doc: "监护人身份证号；与户主证件号码比对" }),
    f("area_code", "区划代码", "code", AREA_ALIASES, { codeLengths: [12], doc: "户籍所在村的12位区划代码" }),
    f("status", "状态", "text", ["学籍状态", "就学状态", "辍学状态", "status"], { required: true, doc: "失学辍学、劝返复学、在校等；哪些状态算失学辍学见 data/config/lead-rules.json" }),
    f("status_date", "日期", "date", ["登记日期", "辍学日期", "状态日期", "status_date"], { required: true, doc: "状态登记日期" }),
  ],
  rules: [...idRules("student_id"), ...idRules("guardian_id"), villageRule()],
});

export const disabilityCertificates = defineContract({
  extract: "disability_certificates",
  title: "残疾人证",
  table: "stg_disability_certificates",
  needsPeriod: false,
  key: [],
  sourceKey: () => "残联",
  fields: [
    f("id_number", "证件号码", "id", [...ID_ALIASES, "残疾人证号", "残疾证号", "残疾人证号码"], { required: true, personal: "id", doc: "身份证号或残疾人证号（身份证号后加2或4位，20或22位）；比对用前18位" }),
    f("disability_kind", "残疾类别", "text", ["残疾类型", "disability_kind"], { doc: "视力、听力、言语、肢体、智力、精神、多重" }),
    f("disability_grade", "残疾等级", "enum", ["等级", "残疾级别", "disability_grade"], { required: true, values: DISABILITY_GRADES, doc: "一级至四级（也认 1–4）" }),
    f("issue_date", "发证日期", "date", ["办证日期", "首次发证日期", "issue_date"], { required: true, doc: "发证日期" }),
  ],
  rules: [...idRules("id_number", null, { certificate: true })],
});

export const disasterLosses = defineContract({
  extract: "disaster_losses",
  title: "灾情",
  table: "stg_disaster_losses",
  needsPeriod: false,
  key: [],
  sourceKey: () => "应急",
  requiredOneOf: [["id_number"], ["area_code"]],
  fields: [
    f("id_number", "证件号码", "id", [...ID_ALIASES, "受灾户证件号码", "户主身份证号"], { personal: "id", doc: "受灾户户主18位身份证号" }),
    f("area_code", "区划代码", "code", AREA_ALIASES, { codeLengths: [12, 9], doc: "受灾村（12位）或乡镇（9位）代码" }),
    f("disaster_date", "灾害日期", "date", ["受灾日期", "灾害发生日期", "disaster_date"], { required: true, doc: "灾害发生日期" }),
    f("disaster_type", "灾害类型", "text", ["灾种", "灾害种类", "disaster_type"], { doc: "洪涝、干旱、风雹、地质灾害等" }),
    f("loss_amount", "损失金额", "amount", ["直接经济损失", "经济损失", "损失", "loss_amount"], { required: true, doc: "该户直接经济损失（元）" }),
  ],
  rules: [...idRules(), villageRule(), matchKeyRule("id_number", ["id_number", "area_code"], "证件号码和区划代码")],
});

/**
 * The towns' feedback: the per-town lead list as the site downloads it, with 核查日期/核查结论/说明 filled in.
 * The list's other columns are fields here too, so that its header row is told apart from the roster's (it
 * carries 户编号 and 区划代码) by having more columns of this contract than of any other. Rows whose feedback
 * columns are still blank are accepted and mean "not checked yet".
 */
export const leadFeedback = defineContract({
  extract: "lead_feedback",
  title: "核查反馈",
  table: "stg_lead_feedback",
  needsPeriod: false,
  key: [],
  sourceKey: (row) => (typeof row.town_name === "string" ? row.town_name : null),
  fields: [
    f("lead_id", "线索编号", "text", ["预警编号", "线索号", "lead_id"], { required: true, doc: "比对预警页下载的线索编号，不要改动" }),
    f("check_date", "核查日期", "date", ["入户核查日期", "核实日期", "check_date"], { required: true, notNull: false, doc: "入户核查的日期；未核查留空" }),
    f("conclusion", "核查结论", "enum", ["核实结论", "核查结果", "conclusion"], { required: true, notNull: false, values: CHECK_CONCLUSIONS, doc: CHECK_CONCLUSIONS.join("、") }),
    f("note", "说明", "text", ["备注", "情况说明", "note"], { doc: "核查情况说明" }),
    f("department", "部门", "text", ["来源部门"], { doc: "下载的清单带出，反馈时不必填写" }),
    f("rule_name", "预警规则", "text", [], { doc: "下载的清单带出" }),
    f("lead_date", "线索日期", "text", [], { doc: "下载的清单带出" }),
    f("deadline", "核查期限", "text", [], { doc: "下载的清单带出" }),
    f("town_name", "乡镇", "text", [], { doc: "下载的清单带出" }),
    f("village_name", "村", "text", [], { doc: "下载的清单带出" }),
    f("household_id", "户编号", "text", [], { doc: "下载的清单带出" }),
    f("masked_name", "户主(脱敏)", "text", [], { doc: "下载的清单带出（已脱敏）" }),
    f("masked_id", "证件号码(脱敏)", "text", [], { doc: "下载的清单带出（已脱敏）" }),
    f("status_text", "状态", "text", [], { doc: "下载时的线索状态" }),
  ],
  rules: [],
});

export const DEPARTMENT_CONTRACTS = [medicalCosts, socialAid, dwellingAppraisals, schoolDropouts, disabilityCertificates, disasterLosses, leadFeedback] as const;
