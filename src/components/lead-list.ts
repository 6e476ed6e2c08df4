// The per-town lead list a town downloads from 比对预警, fills in and sends back as 核查反馈. Its headers are
// the 核查反馈 contract's (loaders/contracts/department.ts): the loader recognises the returned file by them,
// reads 线索编号, 核查日期, 核查结论 and 说明, and keeps the rest as they were downloaded.
import type { Column } from "./table-model.js";

export const LEAD_LIST_COLUMNS: Column[] = [
  {key: "lead_id", label: "线索编号"},
  {key: "department", label: "部门"},
  {key: "rule_name", label: "预警规则"},
  {key: "lead_date", label: "线索日期", kind: "date"},
  {key: "deadline", label: "核查期限", kind: "date"},
  {key: "town_name", label: "乡镇"},
  {key: "village_name", label: "村"},
  {key: "household_id", label: "户编号"},
  {key: "head_name", label: "户主(脱敏)"},
  {key: "id_number", label: "证件号码(脱敏)"},
  {key: "status", label: "状态"},
  {key: "check_date", label: "核查日期", kind: "date"},
  {key: "conclusion", label: "核查结论"},
  {key: "note", label: "说明"},
];

/** What a town writes in 核查结论. */
export const CONCLUSIONS = ["纳入监测", "不符合", "其他"];
