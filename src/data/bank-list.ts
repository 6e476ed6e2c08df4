// The banks for the config's sidebar and the `[bank]` route's dynamicPaths. A bank's page path is a short
// hash of its name (bank names are long Chinese names and a bank that joins later must not move the others).
// An absent warehouse gives no banks (so `observable preview` still starts).
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { warehousePath, withWarehouse } from "./warehouse.ts";

export interface BankEntry {
  slug: string;
  name: string;
}

export function bankSlug(name: string): string {
  return `b${createHash("sha256").update(name, "utf8").digest("hex").slice(0, 8)}`;
}

export async function readBanks(): Promise<BankEntry[]> {
  if (!existsSync(warehousePath())) return [];
  try {
    return await withWarehouse(async (warehouse) => {
      const rows = await warehouse.query("select distinct institution from loan_banks order by institution");
      return rows.map((row) => ({ slug: bankSlug(String(row.institution)), name: String(row.institution) }));
    });
  } catch (error) {
    throw new Error(`无法从数据仓库 ${warehousePath()} 读取银行列表（loan_banks 表）：${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
