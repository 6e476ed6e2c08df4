import { defineContract } from "./contract.ts";
import { f } from "./field.ts";

export const villages = defineContract({
  extract: "villages",
  title: "村级参考",
  table: "stg_villages",
  needsPeriod: false,
  key: ["area_code"],
  sourceKey: (row) => (row.town_code as string | null) ?? null,
  fields: [
    f("area_code", "区划代码", "code", ["村代码", "行政区划代码", "村级区划代码", "统计用区划代码", "area_code"], { required: true, codeLengths: [12], doc: "村的12位统计用区划代码" }),
    f("village_name", "村名称", "text", ["村名", "行政村", "村", "village_name"], { required: true, doc: "村名称" }),
    f("town_code", "乡镇代码", "code", ["乡镇区划代码", "乡镇编码", "town_code"], { required: true, codeLengths: [9], doc: "9位乡镇代码" }),
    f("town_name", "乡镇名称", "text", ["乡镇", "乡镇名", "town_name"], { required: true, doc: "乡镇名称" }),
    f("county_code", "县代码", "code", ["县区划代码", "县级代码", "county_code"], { required: true, codeLengths: [6], doc: "6位县代码" }),
    f("county_name", "县名称", "text", ["县", "县名", "county_name"], { required: true, doc: "县名称" }),
    f("rural_households", "农村户数", "int", ["户数", "rural_households"], { required: true, doc: "农村户数" }),
    f("rural_population", "农村人口", "int", ["农村人口数", "人口", "rural_population"], { doc: "农村人口（人）" }),
    f("is_lifted_village", "是否脱贫村", "bool", ["脱贫村", "是否贫困村", "is_lifted_village"], { doc: "是/否" }),
    f("former_names", "曾用名", "text", ["别名", "原村名", "former_names"], { doc: "可选：改名或合并前的村名，多个用 、 分隔；按村名查区划代码（全国系统导出只写村名）时也认这些名字" }),
  ],
  rules: [
    {
      code: "code_hierarchy",
      column: "area_code",
      uses: ["area_code", "town_code", "county_code"],
      // The reference defines the area tree; a village outside its own town's code cannot be placed: reject.
      severity: "reject",
      check(row) {
        const village = row.area_code as string;
        const town = row.town_code as string;
        const county = row.county_code as string;
        if (village.startsWith(town) && town.startsWith(county)) return null;
        return `村代码 ${village}、乡镇代码 ${town}、县代码 ${county} 前缀不一致，村代码前9位应为乡镇代码、前6位应为县代码`;
      },
    },
  ],
});
