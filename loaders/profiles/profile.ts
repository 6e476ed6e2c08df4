// Export profiles (导出格式): a declarative mapping from a real download layout to the canonical households
// contract (DOMAIN.md §6), one JSON file per layout in data/config/profiles/. The national monitoring
// system's per-person download ships as national.json; a province whose download differs adds a file
// there without code. The keys are Chinese so an office can read them; keys starting with 说明 are comments.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { MEASURE_TYPES } from "../contracts/enums.ts";

const names = z.array(z.string().min(1)).min(1);

const profileSchema = z.strictObject({
  名称: z.string().min(1),
  /** Headers (any alias) that must all be on one row for a file to be read with this profile. */
  识别列: names,
  /** Columns of the person: 户编号 (required) and the member attributes of stg_household_members. */
  户编号: names,
  成员: z.strictObject({
    人编号: names.optional(),
    姓名: names.optional(),
    证件号码: names.optional(),
    证件类型: names.optional(),
    与户主关系: names.optional(),
    性别: names.optional(),
    出生日期: names.optional(),
    劳动技能: names.optional(),
    联系电话: names.optional(),
  }),
  /** 与户主关系 values that mark the household head (whose name, ID and phone the household row carries). */
  户主: names,
  /** Area names resolved to the 12-digit village code through the villages reference. */
  地区: z.strictObject({ 县: names.optional(), 乡镇: names.optional(), 村: names }),
  /** Canonical household header → this layout's column names; repeated on every member, conflicts warn. */
  户字段: z.record(z.string(), names),
  /** Household yes/no fields asked the other way round (是否危房户 = 是 → 住房安全 = 否). */
  反问: z.array(z.strictObject({ 字段: z.string(), 列: names, 取反: z.boolean() })).default([]),
  /** Per-person yes/no columns whose household value is 是 only when every member answering is 是. */
  成员均为是: z.array(z.strictObject({ 字段: z.string(), 列: names, 取反: z.boolean().default(false) })).default([]),
  /** Canonical list field → the stem of numbered columns (致贫/返贫风险1 … 5). */
  编号列: z.record(z.string(), names).default({}),
  /** One column per measure family: column name → the canonical 帮扶措施 value a non-blank cell stands for. */
  措施列: z.record(z.string(), z.enum(MEASURE_TYPES as unknown as [string, ...string[]])).default({}),
  /** 劳动技能 values that count toward 劳动力人数. */
  劳动力: names,
  /** 是否监测对象 is 是 when this household field is not blank in any file of the month. */
  监测对象依据: z.string().default("监测对象类别"),
});

export type ExportProfile = z.infer<typeof profileSchema> & { file: string };

function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith("说明")).map(([k, v]) => [k, withoutComments(v)]));
  }
  return value;
}

const TYPES: Record<string, string> = { string: "文字（加英文双引号）", array: "列表 [\"…\", \"…\"]", object: "对象 {…}", boolean: "true 或 false" };

/** zod's issue in the words of data/config/README.md. */
function chinese(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `有不认识的项：${issue.keys.join("、")}（可用的项见 data/config/README.md“导出格式”；注释请用以“说明”开头的键）`;
    case "invalid_value":
      return `取值应为：${issue.values.map(String).join("、")}`;
    case "invalid_type":
      return issue.input === undefined ? "缺少此项" : `应为${TYPES[issue.expected] ?? issue.expected}`;
    case "too_small":
      return "不能为空：至少写一个列名";
    default:
      return "写法不对";
  }
}

/** Every profile of `<configDir>/profiles/*.json`, in file-name order; a broken file throws a Chinese message. */
export function readProfiles(configDir: string): ExportProfile[] {
  const dir = join(configDir, "profiles");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith(".json")).sort().map((name) => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, name), "utf-8"));
    } catch (error) {
      throw new Error(`导出格式 profiles/${name} 不是有效的 JSON（${(error as Error).message}），请检查引号和逗号`, { cause: error });
    }
    const parsed = profileSchema.safeParse(withoutComments(raw), { error: chinese });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`导出格式 profiles/${name} 有误：${issue.path.join(" → ") || "整个文件"}：${issue.message}`);
    }
    return { ...parsed.data, file: name };
  });
}
