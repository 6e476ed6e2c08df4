// --county CODE (issue 14 point 3): a warehouse — and so a site — for one county out of an input that holds
// several (a prefecture's or province's folder). The whole input is loaded and validated as usual (every row
// is accepted or rejected, the counts add up); then, before any model runs, staging keeps only the county's
// rows, so every model, mart, verdict and page is that county's alone, exactly as if its own files had been
// given (test/warehouse/select-county.test.ts).
// A row's county, first rule that tells: the table's county_code; the first 6 digits of its area_code (6, 9 or
// 12 digits); the county of the roster household its 户编号 names; the county of the roster household whose
// 证件号码 it carries (id_number, student_id, guardian_id; the first 18 characters, as 残疾人证 numbers are
// matched); else the one county the other rows of its file are placed in (a bank's or department's file comes
// from one county's office). Monitoring lines are kept when their area is the county or contains it (the
// province's line). Rows whose county none of these tells are left out of a one-county warehouse and counted.
// Load bookkeeping (load_log, rejections, warnings) stays whole: the 数据质量 page of a one-county site still
// accounts for every file of the input (a known gap, issue 14).
import type { DuckDBConnection } from "@duckdb/node-api";

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const ID_COLUMNS = ["id_number", "student_id", "guardian_id"];

export interface CountySelection {
  county: string;
  /** table → [rows kept, rows of other counties, rows whose county could not be told] */
  tables: Record<string, { kept: number; otherCounties: number; unknown: number }>;
}

async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

export async function selectCounty(conn: DuckDBConnection, county: string): Promise<CountySelection> {
  if (!/^\d{6}$/.test(county)) throw new Error(`--county 需要 6 位县级区划代码，得到 "${county}"`);
  const columnRows = await rows(conn, `
    select table_name, list(column_name order by ordinal_position) as columns
    from information_schema.columns
    where table_name like 'stg\\_%' escape '\\' and table_schema = 'main'
    group by table_name order by table_name`);
  const tables = new Map(columnRows.map((r) => [String(r.table_name), (r.columns as string[]).map(String)]));
  const known = await rows(conn, `
    select distinct c from (
      select left(area_code, 6) as c from stg_households where area_code is not null
      union all select county_code from stg_villages where county_code is not null
    ) where c is not null order by 1`);
  if (!known.some((r) => r.c === county)) {
    throw new Error(`输入数据中没有县级区划代码为 ${county} 的户信息或村级参考（有：${known.map((r) => r.c).join("、") || "无"}），请检查 --county`);
  }
  // Where each roster household and each head's ID lives (its latest snapshot), before anything is deleted.
  await conn.run(`
    create temp table county_of_household as
    select household_id, arg_max(left(area_code, 6), period) as county_code
    from stg_households where household_id is not null and area_code is not null group by household_id`);
  await conn.run(`
    create temp table county_of_id as
    select id_number, arg_max(left(area_code, 6), period) as county_code
    from stg_households where id_number is not null and area_code is not null group by id_number`);

  const selection: CountySelection = { county, tables: {} };
  for (const [table, columns] of tables) {
    const has = (c: string) => columns.includes(c);
    const joins: string[] = [];
    const parts: string[] = [];
    if (has("county_code")) parts.push(`case when length(t.county_code) = 6 then t.county_code end`);
    if (has("area_code")) parts.push(`case when length(t.area_code) >= 6 then left(t.area_code, 6) end`);
    if (has("household_id")) {
      joins.push(`left join county_of_household h on h.household_id = t.household_id`);
      parts.push("h.county_code");
    }
    ID_COLUMNS.filter(has).forEach((c, i) => {
      joins.push(`left join county_of_id i${i} on i${i}.id_number = left(t.${quote(c)}, 18)`);
      parts.push(`i${i}.county_code`);
    });
    const own = parts.length > 0 ? `coalesce(${parts.join(", ")})` : "null::varchar";
    const keep =
      table === "stg_monitoring_lines"
        ? `starts_with('${county}', r.area_code)`
        : has("source_file")
          ? `coalesce(r.own_county, f.file_county) = '${county}'`
          : `r.own_county = '${county}'`;
    const unknown = has("source_file") ? `coalesce(r.own_county, f.file_county) is null` : `r.own_county is null`;
    await conn.run(`create temp table county_rows as
      select t.rowid as row_id, ${own} as own_county ${has("source_file") ? ", t.source_file" : ""} ${table === "stg_monitoring_lines" ? ", t.area_code" : ""}
      from ${quote(table)} t ${joins.join(" ")}`);
    const fileCte = has("source_file")
      ? `left join (
          select source_file, case when count(distinct own_county) = 1 then min(own_county) end as file_county
          from county_rows where own_county is not null group by source_file
        ) f on f.source_file = r.source_file`
      : "";
    const [counts] = await rows(conn, `
      select count(*) filter (where ${keep})::integer as kept,
        count(*) filter (where not coalesce(${keep}, false) and not (${table === "stg_monitoring_lines" ? "false" : unknown}))::integer as other,
        count(*) filter (where not coalesce(${keep}, false) and (${table === "stg_monitoring_lines" ? "false" : unknown}))::integer as unknown
      from county_rows r ${fileCte}`);
    await conn.run(`delete from ${quote(table)} where rowid not in (select r.row_id from county_rows r ${fileCte} where ${keep})`);
    await conn.run("drop table county_rows");
    selection.tables[table] = { kept: Number(counts.kept), otherCounties: Number(counts.other), unknown: Number(counts.unknown) };
  }
  await conn.run("drop table county_of_household");
  await conn.run("drop table county_of_id");
  return selection;
}
