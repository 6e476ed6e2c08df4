import { defineContract } from "./contract.ts";
import { f } from "./field.ts";

export const countyStats = defineContract({
  extract: "county_stats",
  title: "县级统计",
  table: "stg_county_stats",
  needsPeriod: false,
  key: ["year", "county_code"],
  sourceKey: () => null,
  fields: [
    f("year", "年度", "year", ["年份", "year"], { required: true, doc: "年度" }),
    f("county_code", "县代码", "code", ["县区划代码", "区划代码", "county_code"], { required: true, codeLengths: [6], doc: "6位县代码" }),
    f("resident_population", "常住人口", "int", ["年末常住人口", "resident_population"], { doc: "常住人口（人）" }),
    f("gdp_10k_yuan", "地区生产总值(万元)", "amount", ["地区生产总值", "GDP", "gdp_10k_yuan"], { unit: "10k_yuan", doc: "地区生产总值（万元）" }),
    f("rural_income_pc", "农村居民人均可支配收入", "amount", ["农村人均可支配收入", "rural_income_pc"], { doc: "元/人·年" }),
  ],
  rules: [],
});
