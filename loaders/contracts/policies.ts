import { dateOrderRule, notAboveRule, defineContract, villageRule } from "./contract.ts";
import { ENROL_MODES } from "./enums.ts";
import { f } from "./field.ts";
import { idRules } from "./id-rule.ts";

export const policies = defineContract({
  extract: "policies",
  title: "保单",
  table: "stg_policies",
  needsPeriod: false,
  key: ["policy_id"],
  sourceKey: (row) => (row.insurer as string | null) ?? null,
  fields: [
    f("policy_id", "保单号", "text", ["保单号码", "保单编号", "policy_id"], { required: true, doc: "保单号" }),
    f("insurer", "保险机构", "text", ["保险公司", "承保机构", "insurer"], { doc: "承保的保险公司" }),
    f("line", "险种", "text", ["保险险种", "险种名称", "产品名称", "保险产品", "line"], { required: true, doc: "保险公司自己的险种（产品）名称，原样保存；按本县设置的关键词归入险种大类，归不进的记为“其他”并列在数据质量页" }),
    f("enrol_mode", "投保方式", "enum", ["承保方式", "enrol_mode"], { values: ENROL_MODES, doc: "个人 或 统保（县统一投保）" }),
    f("id_number", "证件号码", "id", ["身份证号", "身份证号码", "被保险人证件号码", "投保人证件号码", "证件号", "id_number"], { personal: "id", doc: "个人投保时的身份证号" }),
    f("household_id", "户编号", "text", ["户码", "household_id"], { doc: "投保户的户编号" }),
    f("area_code", "区划代码", "code", ["行政区划代码", "村代码", "统计用区划代码", "area_code"], { codeLengths: [12, 9, 6], doc: "村（12位）；统保可为乡镇（9位）或县（6位）" }),
    f("insured_count", "被保险人数", "int", ["参保人数", "承保人数", "insured_count"], { doc: "被保险人数" }),
    f("premium", "保费", "amount", ["保险费", "保费金额", "premium"], { required: true, doc: "保费（元）= 财政补贴 + 个人缴费" }),
    f("subsidy", "财政补贴", "amount", ["保费补贴", "财政补贴金额", "subsidy"], { doc: "保费中的财政补贴（元）" }),
    f("sum_insured", "保险金额", "amount", ["保额", "sum_insured"], { doc: "保险金额（元）" }),
    f("start_date", "起保日期", "date", ["保险起期", "生效日期", "start_date"], { required: true, doc: "起保日期" }),
    f("end_date", "终止日期", "date", ["保险止期", "满期日期", "end_date"], { required: true, doc: "终止日期，不早于起保日期" }),
  ],
  rules: [
    ...idRules(),
    villageRule(),
    // Both dates are required: kept as written; a policy ending before it starts is never in force on any day,
    // so it adds to no coverage, and its premium still counts in the period of 起保日期.
    dateOrderRule("end_before_start", { key: "end_date", label: "终止日期" }, { key: "start_date", label: "起保日期" }, { action: "keep" }),
    // 保费 is required; a subsidy above it would overstate 财政补贴, so the optional 财政补贴 is nulled.
    notAboveRule("subsidy_exceeds_premium", { key: "subsidy", label: "财政补贴" }, { key: "premium", label: "保费" }, { unit: " 元", action: "null" }),
  ],
});
