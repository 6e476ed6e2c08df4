import { defineContract } from "./contract.ts";
import { f } from "./field.ts";

export const monitoringLines = defineContract({
  extract: "monitoring_lines",
  title: "监测线",
  table: "stg_monitoring_lines",
  needsPeriod: false,
  key: ["year", "area_code"],
  sourceKey: () => null,
  fields: [
    f("year", "年度", "year", ["年份", "year"], { required: true, doc: "年度" }),
    f("area_code", "区划代码", "code", ["行政区划代码", "area_code"], { required: true, codeLengths: [2, 6], doc: "省（2位）或县（6位）代码" }),
    f("line", "监测线", "amount", ["收入监测线", "监测范围", "监测标准", "line"], { required: true, min: 1, doc: "人均纯收入监测线（元/人·年）" }),
  ],
  rules: [],
});
