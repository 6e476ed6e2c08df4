// The build step between the SQL models that compute indicators and anything that publishes them:
// `disclosure_cells` (grain: code × period × village that is withheld, with why) is created empty before
// the models run — so the indicators_published view can be defined on it — and filled after they ran.
import type { DuckDBConnection } from "@duckdb/node-api";
import { suppress, type IndicatorCell, type PeriodInfo, type SuppressInput } from "./suppress.ts";

export async function createDisclosureTable(conn: DuckDBConnection): Promise<void> {
  await conn.run(`
    create or replace table disclosure_cells (
      code varchar not null, period varchar not null, area_code varchar not null,
      suppression varchar not null check (suppression in ('primary', 'secondary')),
      primary key (code, period, area_code)
    )`);
}

async function rows<T>(conn: DuckDBConnection, sql: string): Promise<T[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];
}

/**
 * What suppress() is given for each county, one county at a time, from a built warehouse (exported so that a
 * test can feed the same inputs in another order). Every query is ordered; suppress() does not rely on it (it
 * sorts its input itself, so the withheld cells are the same whatever order DuckDB's parallel scans return rows in).
 */
export async function* suppressionInputs(conn: DuckDBConnection): AsyncGenerator<{ county: string; input: SuppressInput }> {
  const [settings] = await rows<{ threshold: number }>(conn, "select village_suppression_min_households as threshold from cfg_settings limit 1");
  const periods = await rows<PeriodInfo>(conn, "select period, period_type, end_month, start_month, first_month, last_month from int_periods order by period");
  const catalog = await rows<{ code: string; unit: string; kind: string }>(conn, "select code, unit, kind from indicator_catalog order by code");
  const counties = await rows<{ county: string }>(conn, "select distinct left(area_code, 6) as county from int_areas where area_level = 'village' order by 1");
  for (const { county } of counties) {
    const villageCells = await rows<IndicatorCell>(conn, `
      select code, period, area_code, value::double as value, numerator::double as numerator, denominator::double as denominator
      from indicators where area_level = 'village' and left(area_code, 6) = '${county.replaceAll("'", "''")}'
      order by code, period, area_code`);
    const villages = await rows<{ area_code: string; parent_code: string }>(conn, `
      select area_code, parent_code from int_areas where area_level = 'village' and left(area_code, 6) = '${county.replaceAll("'", "''")}'
      order by area_code, parent_code`);
    yield {
      county,
      input: {
        villageCells,
        periods,
        villageTown: new Map(villages.map((v) => [v.area_code, v.parent_code])),
        codeInfo: new Map(catalog.map((c) => [c.code, { unit: c.unit, kind: c.kind }])),
        threshold: Number(settings?.threshold ?? 0),
      },
    };
  }
}

/**
 * Runs primary and secondary suppression on the indicators mart; returns the counts it could not protect.
 * One county at a time (issue 14): every relation an attacker could use (a town's total, the months of a period,
 * the additive codes of one area) stays inside one county, so the counties are independent and the result is the
 * same as one pass over all; memory is bounded by the largest county instead of growing with the province, and no
 * county's pass reads another county's cells. The cells are written in key order.
 */
export async function writeSuppression(conn: DuckDBConnection): Promise<{ withheld: number; unprotected: string[] }> {
  await conn.run("delete from disclosure_cells");
  let withheld = 0;
  const unprotected: string[] = [];
  for await (const { input } of suppressionInputs(conn)) {
    const result = suppress(input);
    const appender = await conn.createAppender("disclosure_cells");
    for (const [key, why] of [...result.cells].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const [code, period, area] = key.split("|");
      appender.appendVarchar(code);
      appender.appendVarchar(period);
      appender.appendVarchar(area);
      appender.appendVarchar(why);
      appender.endRow();
    }
    appender.closeSync();
    withheld += result.cells.size;
    unprotected.push(...result.unprotected);
  }
  return { withheld, unprotected };
}
