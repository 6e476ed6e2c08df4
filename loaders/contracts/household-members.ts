// The person-level roster (one row per family member × monthly snapshot). No extract file is detected as
// this contract: the rows come from an export profile (data/config/profiles/), which reads the national
// monitoring system's per-person downloads, aggregates them into canonical household rows for
// stg_households and writes each person here. The table is created in every build and stays empty when only
// canonical (one row per household) files were given. Readers: the 疑点核查 rules (duplicate people or 户主
// across households, IDs, phones) and the department lead matching by any member's ID (DOMAIN.md §10).
import { defineContract } from "./contract.ts";
import { f } from "./field.ts";

/** 劳动技能 as the national system writes it; the first two count as labour (劳动力人数). */
export const LABOUR_SKILLS = ["普通劳动力", "技能劳动力", "弱劳动力或半劳动力", "无劳动力", "丧失劳动力"] as const;
export const SEXES = ["男", "女"] as const;

export const householdMembers = defineContract({
  extract: "household_members",
  title: "家庭成员",
  table: "stg_household_members",
  needsPeriod: true,
  // A person without 人编号 is still a member (counted in 家庭人口数), so the key allows a blank person_id.
  key: ["period", "household_id", "person_id"],
  sourceKey: () => null,
  fields: [
    f("period", "数据期", "period", [], { notNull: true, doc: "快照所属月份，YYYY-MM" }),
    f("household_id", "户编号", "text", [], { notNull: true, doc: "所在户的户编号" }),
    f("person_id", "人编号", "text", [], { doc: "成员编号（全国系统的人编号）" }),
    f("id_number", "证件号码", "text", [], { personal: "id", doc: "证件号码：18位身份证号；残疾人证号（20或22位）只保留前18位身份证号；无证件时的占位号照原样保留" }),
    f("id_type", "证件类型", "text", [], { doc: "证件类型，如 居民身份证、残疾人证" }),
    f("relation", "与户主关系", "text", [], { doc: "户主、配偶、长子……" }),
    f("sex", "性别", "enum", [], { values: SEXES, doc: "男 或 女（1/2 已换成文字）" }),
    f("birth_date", "出生日期", "date", [], { doc: "出生日期" }),
    f("labour_skill", "劳动技能", "enum", [], { values: LABOUR_SKILLS, doc: "普通劳动力、技能劳动力、弱劳动力或半劳动力、无劳动力、丧失劳动力" }),
    f("phone", "联系电话", "text", [], { personal: "phone", doc: "联系电话（浮点写法已还原为数字）" }),
  ],
  rules: [],
});
