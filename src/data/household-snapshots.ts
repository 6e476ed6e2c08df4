// SQL shared by the distribution and work-list loaders: household snapshots deduplicated the way the
// marts do it (the last row read wins when a household was sent twice for a month).
export const SNAPSHOTS_CTE = `
  snap as (
    select *
    from stg_households
    where period is not null and household_id is not null
    qualify row_number() over (partition by period, household_id order by source_file desc, source_row desc) = 1
  )`;

/** Working days after `a` up to and including `b` (Mon–Fri minus cfg_holidays), via the int_workdays calendar. */
export function workdaysBetween(a: string, b: string, alias: string): { joins: string; expr: string } {
  return {
    joins: `left join int_workdays ${alias}_a on ${alias}_a.day = ${a} left join int_workdays ${alias}_b on ${alias}_b.day = ${b}`,
    expr: `(${alias}_b.workday_seq - ${alias}_a.workday_seq)`,
  };
}
