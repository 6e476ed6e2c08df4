// The counties of a multi-county warehouse (a prefecture's or province's), for the config's sidebar and the
// `[county]` route's dynamicPaths: the counties of the roster (the verdict mart has a row per county and period),
// named from areas. A one-county warehouse gives one entry, and then the site has no county pages. An absent
// warehouse gives none (so `observable preview` still starts).
import { existsSync } from "node:fs";
import { warehousePath, withWarehouse } from "./warehouse.ts";

export interface CountyEntry {
  code: string;
  name: string;
}

export const COUNTY_LIST_SQL = `
  select v.county_code as area_code, coalesce(any_value(a.name), v.county_code) as name
    from (select distinct county_code from verdict) v
    left join areas a on a.area_code = v.county_code and a.area_level = 'county'
   group by v.county_code
   order by v.county_code`;

export async function readCounties(): Promise<CountyEntry[]> {
  if (!existsSync(warehousePath())) return [];
  try {
    return await withWarehouse(async (warehouse) => {
      const rows = await warehouse.query(COUNTY_LIST_SQL);
      return rows.map((row) => ({ code: String(row.area_code), name: String(row.name) }));
    });
  } catch (error) {
    throw new Error(`无法从数据仓库 ${warehousePath()} 读取县列表（verdict、areas 表）：${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
