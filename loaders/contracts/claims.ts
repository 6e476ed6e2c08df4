import { dateOrderRule, defineContract, villageRule } from "./contract.ts";
import { f } from "./field.ts";
import { idRules } from "./id-rule.ts";

export const claims = defineContract({
  extract: "claims",
  title: "理赔",
  table: "stg_claims",
  needsPeriod: false,
  key: ["claim_id"],
  // Claims carry no insurer column: the 保单号 leads back to the policy's insurer.
  sourceKey: (row, ctx) => (typeof row.policy_id === "string" ? (ctx.insurers?.get(row.policy_id) ?? null) : null),
  fields: [
    f("claim_id", "赔案号", "text", ["赔案编号", "理赔编号", "报案号", "claim_id"], { required: true, doc: "赔案号" }),
    f("policy_id", "保单号", "text", ["保单号码", "保单编号", "policy_id"], { doc: "对应的保单号" }),
    f("line", "险种", "text", ["保险险种", "险种名称", "产品名称", "保险产品", "line"], { required: true, doc: "保险公司自己的险种（产品）名称，原样保存；按本县设置的关键词归入险种大类，归不进的记为“其他”并列在数据质量页" }),
    f("id_number", "证件号码", "id", ["身份证号", "身份证号码", "被保险人证件号码", "出险人证件号码", "证件号", "id_number"], { personal: "id", doc: "出险人身份证号" }),
    f("household_id", "户编号", "text", ["户码", "household_id"], { doc: "出险户的户编号" }),
    f("area_code", "区划代码", "code", ["行政区划代码", "村代码", "统计用区划代码", "area_code"], { codeLengths: [12, 9, 6], doc: "出险人所在村代码" }),
    f("cause", "出险原因", "text", ["事故原因", "cause"], { doc: "出险原因" }),
    f("loss_date", "出险日期", "date", ["事故日期", "loss_date"], { doc: "出险日期" }),
    f("report_date", "报案日期", "date", ["报案时间", "report_date"], { required: true, doc: "报案日期" }),
    f("paid_date", "赔付日期", "date", ["结案日期", "支付日期", "paid_date"], { doc: "赔付日期，不早于报案日期；未赔付留空" }),
    f("paid_amount", "赔付金额", "amount", ["赔款", "已决赔款", "赔付款", "paid_amount"], { required: true, notNull: false, doc: "已赔付金额（元）；未赔付留空" }),
    f("outstanding", "未决赔款", "amount", ["未决金额", "outstanding"], { doc: "尚未赔付的估计赔款（元）" }),
  ],
  rules: [
    ...idRules(),
    villageRule(),
    // Kept as written: nulling 赔付日期 would drop a paid amount from 赔付金额 (money that was paid); the
    // settlement-time median must skip such negative intervals instead.
    dateOrderRule("paid_before_report", { key: "paid_date", label: "赔付日期" }, { key: "report_date", label: "报案日期" }, { action: "keep" }),
  ],
});
