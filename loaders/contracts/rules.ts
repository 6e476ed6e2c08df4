// Rule codes and their Chinese messages. The code is the contract with reports and the quality page; the
// message says what the office must fix. Whether a broken rule rejects the row or only warns (DOMAIN §11) is
// not a property of the code: field checks reject in required columns and warn elsewhere, and each cross-field
// rule states its severity and action where it is defined (the table is in docs/architecture.md).

export const RULE_TITLES = {
  required: "必填项为空",
  invalid_number: "不是数字",
  invalid_integer: "不是整数",
  invalid_date: "日期无法识别",
  invalid_boolean: "是/否 无法识别",
  invalid_period: "数据期无法识别",
  invalid_enum: "取值不在允许范围",
  invalid_code: "代码位数不对",
  out_of_range: "数值超出范围",
  id_format: "证件号码格式错误",
  id_checksum: "证件号码校验位错误",
  monitor_kind_mismatch: "监测对象类别与是否监测对象不一致",
  elimination_before_identification: "风险消除日期早于识别监测日期",
  identification_before_discovery: "识别监测日期早于风险发现日期",
  labour_exceeds_size: "劳动力人数大于家庭人口数",
  income_inconsistent: "人均纯收入与收入构成不符",
  income_missing: "缺少人均纯收入",
  village_unknown: "区划代码不在村级参考中",
  balance_exceeds_contract: "贷款余额大于合同金额",
  maturity_not_after_issue: "到期日期不晚于发放日期",
  paid_before_report: "赔付日期早于报案日期",
  end_before_start: "终止日期早于起保日期",
  subsidy_exceeds_premium: "财政补贴大于保费",
  code_hierarchy: "村、乡镇、县代码不相属",
  duplicate_key: "重复记录",
  match_key_missing: "没有可比对的证件号码或户编号",
  self_paid_missing: "缺少个人自付金额",
  household_field_conflict: "同一户的户信息在成员行或文件间不一致",
  head_missing: "没有户主行",
  area_name_unknown: "地区名称不在村级参考中",
  area_name_ambiguous: "地区名称对应多个村",
} as const;

export type RuleCode = keyof typeof RULE_TITLES;

/** One broken rule on one row. `column` is the header as written in the file (or the canonical one). */
export interface RowIssue {
  rule: RuleCode;
  column: string;
  message: string;
}
