// The half-years that have a report (/report/<YYYY-Hn>) for the config's dynamicPaths and sidebar: every
// half-year with data (the periods mart). An absent warehouse gives none, like the town list.
import { existsSync } from "node:fs";
import { warehousePath, withWarehouse } from "./warehouse.ts";

export async function readReportPeriods(): Promise<string[]> {
  if (!existsSync(warehousePath())) return [];
  try {
    return await withWarehouse(async (warehouse) => {
      const rows = await warehouse.query("select period from periods where period_type = 'half' order by period");
      return rows.map((row) => String(row.period));
    });
  } catch (error) {
    throw new Error(`无法从数据仓库 ${warehousePath()} 读取半年报告的期间（periods 表）：${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
