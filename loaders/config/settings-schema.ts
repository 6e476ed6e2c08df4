import { z } from "zod";

// The county's settings file uses Chinese keys so an office can edit it without reading code; these are
// the keys, their defaults and their limits. Keys starting with 说明 are free-text comments (JSON has none).

export const SETTINGS_KEYS = {
  identificationDeadlineDays: "识别时限工作日",
  firstAssistDeadlineDays: "首次帮扶时限工作日",
  villageSuppressionMinHouseholds: "村级小数抑制户数",
  incomeTolerance: "人均纯收入容差",
  colourGrades: "颜色分级",
  redBelow: "红色收入低于",
  greenFrom: "绿色收入不低于",
} as const;

const K = SETTINGS_KEYS;

function wholeNumber(key: string, min: number, max: number, fallback: number) {
  const message = `“${key}”应为 ${min}–${max} 之间的整数`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }).default(fallback);
}

function amount(key: string, fallback: number) {
  const message = `“${key}”应为大于0的金额（元）`;
  return z.number({ error: message }).positive({ error: message }).default(fallback);
}

// Yuan per person a stated 人均纯收入 may differ from the one its components give (rounding in the source
// systems); 0 demands an exact match, and past 1,000 the consistency rule would no longer catch anything.
function tolerance(key: string, fallback: number) {
  const message = `“${key}”应为 0–1000 之间的金额（元/人）`;
  return z.number({ error: message }).min(0, { error: message }).max(1000, { error: message }).default(fallback);
}

const colourGrades = z
  .strictObject({
    [K.redBelow]: amount(K.redBelow, 5000),
    [K.greenFrom]: amount(K.greenFrom, 10000),
  }, { error: (issue) => issue.code === "unrecognized_keys"
    ? `“${K.colourGrades}”中有不认识的项：${issue.keys.join("、")}（只能有“${K.redBelow}”和“${K.greenFrom}”）`
    : `“${K.colourGrades}”应为 {"${K.redBelow}": 5000, "${K.greenFrom}": 10000} 这样的对象` })
  .refine((grades) => grades[K.redBelow] <= grades[K.greenFrom], {
    error: `“${K.redBelow}”不能大于“${K.greenFrom}”`,
  })
  .default({ [K.redBelow]: 5000, [K.greenFrom]: 10000 });

export const settingsFileSchema = z.strictObject({
  [K.identificationDeadlineDays]: wholeNumber(K.identificationDeadlineDays, 1, 120, 15),
  [K.firstAssistDeadlineDays]: wholeNumber(K.firstAssistDeadlineDays, 1, 120, 15),
  // 0 turns suppression off; above 100 would hide nearly every village.
  [K.villageSuppressionMinHouseholds]: wholeNumber(K.villageSuppressionMinHouseholds, 0, 100, 5),
  [K.incomeTolerance]: tolerance(K.incomeTolerance, 1),
  [K.colourGrades]: colourGrades,
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `有不认识的设置项：${issue.keys.join("、")}（可用的项：${[K.identificationDeadlineDays, K.firstAssistDeadlineDays, K.villageSuppressionMinHouseholds, K.incomeTolerance, K.colourGrades].join("、")}；注释请用以“说明”开头的键）`
    : "设置文件的内容应为一个 JSON 对象 {…}",
});
