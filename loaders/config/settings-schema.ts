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
  verdict: "规模性返贫研判",
  returnRate: "返贫率（%）",
  newPovertyRate: "致贫率（%）",
  activeGrowth: "风险未消除户数增长率（%）",
  identOverdue: "超期未识别户数",
  assistOverdue: "超期未帮扶户数",
  villageCluster: "村聚集户数",
  townCluster: "乡镇聚集户数",
  oneMonth: "一个月",
  oneQuarter: "一个季度",
  amber: "黄色",
  red: "红色",
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

// A verdict threshold pair: from 黄色 on the trigger is amber, from 红色 on red (红色 not below 黄色).
function levels(key: string, amberDefault: number, redDefault: number) {
  const message = `“${key}”的“${K.amber}”“${K.red}”应为不小于0的数`;
  const value = z.number({ error: message }).min(0, { error: message });
  return z.strictObject({ [K.amber]: value.default(amberDefault), [K.red]: value.default(redDefault) }, {
    error: (issue) => issue.code === "unrecognized_keys"
      ? `“${key}”中有不认识的项：${issue.keys.join("、")}（只能有“${K.amber}”和“${K.red}”）`
      : `“${key}”应为 {"${K.amber}": ${amberDefault}, "${K.red}": ${redDefault}} 这样的对象`,
  }).refine((pair) => pair[K.amber] <= pair[K.red], { error: `“${key}”的“${K.amber}”不能大于“${K.red}”` })
    .default({ [K.amber]: amberDefault, [K.red]: redDefault });
}

function clusterLevels(key: string, month: [number, number], quarter: [number, number]) {
  return z.strictObject({
    [K.oneMonth]: levels(`${key} → ${K.oneMonth}`, ...month),
    [K.oneQuarter]: levels(`${key} → ${K.oneQuarter}`, ...quarter),
  }, {
    error: (issue) => issue.code === "unrecognized_keys"
      ? `“${key}”中有不认识的项：${issue.keys.join("、")}（只能有“${K.oneMonth}”和“${K.oneQuarter}”）`
      : `“${key}”应为 {"${K.oneMonth}": {…}, "${K.oneQuarter}": {…}} 这样的对象`,
  }).default({
    [K.oneMonth]: { [K.amber]: month[0], [K.red]: month[1] },
    [K.oneQuarter]: { [K.amber]: quarter[0], [K.red]: quarter[1] },
  });
}

// 规模性返贫研判: the thresholds of the verdict on 总览 (README in data/config explains the defaults).
export const VERDICT_DEFAULTS = {
  returnRate: [0.5, 1], newPovertyRate: [0.5, 1], activeGrowth: [10, 20], identOverdue: [1, 10], assistOverdue: [1, 10],
  villageMonth: [3, 5], villageQuarter: [5, 8], townMonth: [10, 20], townQuarter: [20, 40],
} as const satisfies Record<string, [number, number]>;
const V = VERDICT_DEFAULTS;
const verdictKeys = [K.returnRate, K.newPovertyRate, K.activeGrowth, K.identOverdue, K.assistOverdue, K.villageCluster, K.townCluster];
const verdict = z.strictObject({
  [K.returnRate]: levels(K.returnRate, ...V.returnRate),
  [K.newPovertyRate]: levels(K.newPovertyRate, ...V.newPovertyRate),
  [K.activeGrowth]: levels(K.activeGrowth, ...V.activeGrowth),
  [K.identOverdue]: levels(K.identOverdue, ...V.identOverdue),
  [K.assistOverdue]: levels(K.assistOverdue, ...V.assistOverdue),
  [K.villageCluster]: clusterLevels(K.villageCluster, V.villageMonth, V.villageQuarter),
  [K.townCluster]: clusterLevels(K.townCluster, V.townMonth, V.townQuarter),
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `“${K.verdict}”中有不认识的项：${issue.keys.join("、")}（可用的项：${verdictKeys.join("、")}）`
    : `“${K.verdict}”应为一个对象 {…}`,
}).prefault({});

export const settingsFileSchema = z.strictObject({
  [K.identificationDeadlineDays]: wholeNumber(K.identificationDeadlineDays, 1, 120, 15),
  [K.firstAssistDeadlineDays]: wholeNumber(K.firstAssistDeadlineDays, 1, 120, 15),
  // 0 turns suppression off; above 100 would hide nearly every village.
  [K.villageSuppressionMinHouseholds]: wholeNumber(K.villageSuppressionMinHouseholds, 0, 100, 5),
  [K.incomeTolerance]: tolerance(K.incomeTolerance, 1),
  [K.colourGrades]: colourGrades,
  [K.verdict]: verdict,
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `有不认识的设置项：${issue.keys.join("、")}（可用的项：${[K.identificationDeadlineDays, K.firstAssistDeadlineDays, K.villageSuppressionMinHouseholds, K.incomeTolerance, K.colourGrades, K.verdict].join("、")}；注释请用以“说明”开头的键）`
    : "设置文件的内容应为一个 JSON 对象 {…}",
});
