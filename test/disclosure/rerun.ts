// Runs the suppression of a built warehouse again on the very inputs the build gave it (write-suppression.ts
// suppressionInputs), with the rows, periods and villages in another order and, if asked, every number nudged
// in its last bits — what another build of the same data may hand over — and lists the withheld cells of the
// build and of the rerun, each as `code|period|area_code=why`, sorted.
import { DuckDBInstance } from "@duckdb/node-api";
import { suppress, type IndicatorCell } from "../../loaders/disclosure/suppress.ts";
import { suppressionInputs } from "../../loaders/disclosure/write-suppression.ts";

/** A small seeded generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: Iterable<T>, random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Every number times (1 ± up to 1e-12): what a sum of doubles taken in another order may give. */
export function nudged(cells: IndicatorCell[], random: () => number): IndicatorCell[] {
  const nudge = (x: number | null) => (x === null || x === 0 ? x : x * (1 + (random() * 2 - 1) * 1e-12));
  return cells.map((c) => ({ ...c, value: nudge(c.value), numerator: nudge(c.numerator), denominator: nudge(c.denominator) }));
}

export async function rerunSuppression(dbPath: string, seed: number, { nudge = false } = {}): Promise<{ built: string[]; rerun: string[] }> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  try {
    const built = ((await conn.runAndReadAll("select code || '|' || period || '|' || area_code || '=' || suppression as cell from disclosure_cells order by 1")).getRowObjectsJS() as Array<{ cell: string }>).map((r) => r.cell);
    const random = seeded(seed);
    const rerun: string[] = [];
    for await (const { input } of suppressionInputs(conn)) {
      const cells = shuffled(nudge ? nudged(input.villageCells, random) : input.villageCells, random);
      const { cells: withheld } = suppress({ ...input, villageCells: cells, periods: shuffled(input.periods, random), villageTown: new Map(shuffled(input.villageTown, random)) });
      for (const [key, why] of withheld) rerun.push(`${key}=${why}`);
    }
    return { built, rerun: rerun.sort() };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
