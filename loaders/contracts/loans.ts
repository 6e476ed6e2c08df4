import { dateOrderRule, notAboveRule, defineContract, villageRule } from "./contract.ts";
import { BORROWER_TYPES, LOAN_GRADES } from "./enums.ts";
import { f } from "./field.ts";
import { idRules } from "./id-rule.ts";

export const loans = defineContract({
  extract: "loans",
  title: "贷款台账",
  table: "stg_loans",
  needsPeriod: true,
  key: ["institution", "loan_id", "period"],
  sourceKey: (row) => (row.institution as string | null) ?? null,
  sql: { sourceKey: (v) => v("institution") },
  fields: [
    f("period", "数据期", "period", ["统计期", "报告期", "数据月份", "数据日期", "统计月份", "period"], { notNull: true, doc: "台账所属月份，YYYY-MM；文件无此列时取文件名中的年月" }),
    f("institution", "金融机构", "text", ["机构名称", "银行", "贷款机构", "金融机构名称", "经办机构", "institution", "bank"], { required: true, doc: "报送台账的银行" }),
    f("loan_id", "贷款编号", "text", ["借据号", "借据编号", "贷款账号", "合同编号", "loan_id"], { required: true, doc: "机构内唯一的贷款编号" }),
    f("borrower_type", "借款人类型", "enum", ["借款主体类型", "borrower_type"], { values: BORROWER_TYPES, doc: "个人、企业、合作社 或 项目" }),
    f("borrower_name", "借款人名称", "text", ["借款人", "借款人姓名", "客户名称", "borrower_name"], { personal: "name", doc: "借款人姓名或单位名称" }),
    f("id_number", "证件号码", "id", ["身份证号", "身份证号码", "借款人证件号码", "借款人身份证号", "证件号", "id_number"], { personal: "id", doc: "个人借款人身份证号（按 GB 11643 校验）或单位信用代码" }),
    f("household_id", "户编号", "text", ["户码", "家庭编号", "household_id"], { doc: "借款户的户编号" }),
    f("area_code", "区划代码", "code", ["行政区划代码", "村代码", "统计用区划代码", "area_code"], { codeLengths: [12, 9, 6], doc: "借款人所在村（或乡镇、县）代码" }),
    // Free text: each bank names its products its own way; int_loan_months classifies the name into the
    // DOMAIN §4 products (product_class) by the county's keyword rules (data/config/finance.json).
    f("product", "贷款品种", "text", ["贷款类型", "贷款种类", "产品名称", "贷款产品", "product"], { required: true, notNull: true, doc: "银行自己的产品名称，如 扶贫小额信贷、脱贫人口小额信贷；按本县归类规则归入六类" }),
    f("contract_amount", "合同金额", "amount", ["贷款金额", "合同额", "contract_amount"], { required: true, doc: "合同金额（元；表头写 万元 时自动换算）" }),
    f("issue_date", "发放日期", "date", ["放款日期", "贷款发放日期", "issue_date"], { required: true, doc: "发放日期" }),
    f("maturity_date", "到期日期", "date", ["到期日", "贷款到期日期", "maturity_date"], { doc: "到期日期，须晚于发放日期" }),
    f("balance", "贷款余额", "amount", ["余额", "月末余额", "balance"], { required: true, doc: "月末贷款余额（元），不大于合同金额" }),
    f("annual_rate", "年利率", "rate", ["执行利率", "利率", "annual_rate"], { doc: "年利率（%），如 3.45" }),
    f("interest_subsidy", "贴息金额", "amount", ["财政贴息", "贴息", "interest_subsidy"], { doc: "本月贴息金额（元）" }),
    f("guarantee", "担保方式", "text", ["担保类型", "guarantee"], { doc: "信用、保证、抵押等" }),
    f("grade", "五级分类", "enum", ["风险分类", "五级分类结果", "grade"], { values: LOAN_GRADES, doc: "正常、关注、次级、可疑、损失" }),
    f("overdue_principal", "逾期本金", "amount", ["逾期金额", "overdue_principal"], { doc: "逾期本金（元）" }),
    f("overdue_days", "逾期天数", "int", ["逾期天数(天)", "overdue_days"], { doc: "逾期天数" }),
    f("is_renewal", "是否续贷", "bool", ["续贷", "is_renewal"], { doc: "是/否" }),
    f("is_extension", "是否展期", "bool", ["展期", "is_extension"], { doc: "是/否" }),
    f("credit_line", "授信额度", "amount", ["授信金额", "评级授信额度", "credit_line"], { doc: "评级授信额度（元；可空）" }),
    f("credit_rating", "信用等级", "text", ["评级结果", "信用评级", "credit_rating"], { doc: "评级授信的信用等级（可空）" }),
    f("people_driven", "带动脱贫人口", "int", ["带动人数", "带动脱贫人数", "people_driven"], { doc: "产业贷款带动的脱贫人口（人）" }),
  ],
  rules: [
    ...idRules("id_number", (row) => row.borrower_type === null || row.borrower_type === "个人", {
      appliesSql: (v) => `(${v("borrower_type")} is null or ${v("borrower_type")} = '个人')`,
    }),
    villageRule(),
    // 贷款余额 is the bank's reported month-end figure that 贷款余额 sums: kept as written (DOMAIN §11 warning).
    notAboveRule("balance_exceeds_contract", { key: "balance", label: "贷款余额" }, { key: "contract_amount", label: "合同金额" }, { unit: " 元", hint: "（注意表头单位 元/万元）", action: "keep" }),
    // 发放日期 is required and dates the issuance flows; a maturity not after it would give a term of zero or
    // less to any term-based check, so the optional 到期日期 is nulled.
    dateOrderRule("maturity_not_after_issue", { key: "maturity_date", label: "到期日期" }, { key: "issue_date", label: "发放日期" }, { strict: true, action: "null" }),
  ],
});
