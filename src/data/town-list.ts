// The towns for the config's sidebar and the `[town]` route's dynamicPaths. An absent warehouse gives no
// towns (so `observable preview` still starts); the build always writes the warehouse first.
import { existsSync } from "node:fs";
import { warehousePath, withWarehouse } from "./warehouse.ts";

export interface TownEntry {
  code: string;
  name: string;
}

export async function readTowns(): Promise<TownEntry[]> {
  if (!existsSync(warehousePath())) return [];
  try {
    return await withWarehouse(async (warehouse) => {
      const rows = await warehouse.query("select area_code, name from areas where area_level = 'town' order by area_code");
      return rows.map((row) => ({ code: String(row.area_code), name: String(row.name) }));
    });
  } catch (error) {
    // Without the list the town pages would silently vanish from the site: fail the build instead.
    throw new Error(`无法从数据仓库 ${warehousePath()} 读取乡镇列表（areas 表）：${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
