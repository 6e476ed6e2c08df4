// Which village cells the warehouse withholds (DOMAIN §9: "<N" for a small count or a figure carrying one,
// "×" for a cell withheld so that a "<N" cannot be worked out), so the browser tests can check that pages
// and downloads show the mark there and never a figure.
import { DuckDBInstance } from "@duckdb/node-api";

export type Suppression = "primary" | "secondary";
/** `period|town code` → village name → indicator name (the table header) → why it is withheld. */
export type SuppressedCells = Map<string, Map<string, Map<string, Suppression>>>;

export async function readSuppressedCells(dbPath: string): Promise<SuppressedCells> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  const result: SuppressedCells = new Map();
  try {
    const reader = await connection.runAndReadAll(`
      select p.period, left(p.area_code, 9) as town_code, a.name, c.name_zh, p.suppression
      from indicators_published p
      join areas a on a.area_code = p.area_code and a.area_level = 'village'
      join indicator_catalog c on c.code = p.code
      where p.area_level = 'village' and p.suppressed`);
    for (const [period, town, name, label, why] of reader.getRows()) {
      const key = `${period}|${town}`;
      const villages = result.get(key) ?? new Map<string, Map<string, Suppression>>();
      const cells = villages.get(String(name)) ?? new Map<string, Suppression>();
      cells.set(String(label), why as Suppression);
      villages.set(String(name), cells);
      result.set(key, villages);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return result;
}

/** The mark a withheld cell shows: "<5" for a threshold of 5, or "×". */
export function suppressionMark(why: Suppression, threshold: number): string {
  return why === "secondary" ? "×" : `<${threshold}`;
}
