import type { DuckDBConnection } from "@duckdb/node-api";
import { CATALOG, type Indicator } from "./catalog.ts";

/**
 * Writes the catalog into the warehouse as `indicator_catalog` (grain: indicator code), so pages read
 * names, units and direction as a mart and the `indicators` mart takes each code's unit from it.
 */
export async function writeCatalogTable(conn: DuckDBConnection, catalog: readonly Indicator[] = CATALOG): Promise<void> {
  await conn.run(`
    create or replace table indicator_catalog (
      code varchar primary key, name_zh varchar not null, name_en varchar not null, formula_zh varchar not null,
      unit varchar not null, higher_is_better boolean, target double, kind varchar not null,
      source_fields varchar[] not null, family varchar not null, sort_order integer not null
    )`);
  for (const [index, item] of catalog.entries()) {
    await conn.run(
      `insert into indicator_catalog values ($1, $2, $3, $4, $5, $6, $7, $8, from_json($9, '["VARCHAR"]'), $10, $11)`,
      [
        item.code, item.name_zh, item.name_en, item.formula_zh, item.unit, item.higher_is_better,
        item.target ?? null, item.kind, JSON.stringify(item.source_fields), item.family, index + 1,
      ],
    );
  }
}
