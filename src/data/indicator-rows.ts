// Shared query for the indicator loaders: published rows (village suppression applied) for a set of areas.
import type { Warehouse } from "./warehouse.ts";
import { packIndicators } from "../components/indicator-store.ts";
import type { IndicatorRow, PackedIndicators } from "../components/indicator-store.ts";

/** `where` is a SQL condition on indicators_published (aliased i); values are bound, never spliced. */
export async function publishedIndicators(
  warehouse: Warehouse,
  where: string,
  params: Record<string, string> = {},
): Promise<PackedIndicators> {
  const rows = await warehouse.query(
    `select i.code, i.period, i.area_code,
            i.value::double as value, i.numerator::double as numerator, i.denominator::double as denominator,
            coalesce(i.suppressed, false) as suppressed, i.suppression, i.missing_sources
       from indicators_published i
      where ${where}
      order by i.code, i.area_code, i.period`,
    params,
  );
  return packIndicators(rows as unknown as IndicatorRow[]);
}
