// Which villages the warehouse suppresses in which period (fewer roster households than the county's
// threshold), so the browser tests can check that pages show "<N" for them and never a figure.
import { DuckDBInstance } from "@duckdb/node-api";

/** period → village names suppressed in it, per town code. */
export type SuppressedVillages = Map<string, Map<string, Set<string>>>;

export async function readSuppressedVillages(dbPath: string): Promise<SuppressedVillages> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  const result: SuppressedVillages = new Map();
  try {
    const reader = await connection.runAndReadAll(`
      select distinct p.period, left(p.area_code, 9) as town_code, a.name
      from indicators_published p join areas a on a.area_code = p.area_code and a.area_level = 'village'
      where p.area_level = 'village' and p.suppressed`);
    for (const [period, town, name] of reader.getRows()) {
      const byTown = result.get(String(period)) ?? new Map<string, Set<string>>();
      const names = byTown.get(String(town)) ?? new Set<string>();
      names.add(String(name));
      byTown.set(String(town), names);
      result.set(String(period), byTown);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return result;
}
