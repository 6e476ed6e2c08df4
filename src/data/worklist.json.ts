// 工作清单 for town and village cadres, from the latest household snapshot: (1) identified households
// with no measure past the first-measure deadline, (2) leads: households below the monitoring line that
// are not monitored, (3) monitored households due for an elimination review. Names and IDs are masked
// HERE, before anything leaves Node; with DIXIAN_PUBLIC=1 no household row is output at all.
import { maskId, maskName } from "../../loaders/privacy/mask.ts";
import { readSettings, runLoader } from "./warehouse.ts";
import type { JsonRow } from "./warehouse.ts";
import { SNAPSHOTS_CTE, workdaysBetween } from "./household-snapshots.ts";

const isPublic = process.env.DIXIAN_PUBLIC === "1";

/** The only household fields that may leave: personal ones masked, the rest as counted figures. */
function publishable(row: JsonRow): JsonRow {
  const { head_name, id_number, ...rest } = row;
  return {
    ...rest,
    head_name: typeof head_name === "string" && head_name ? maskName(head_name) : "",
    id_number: typeof id_number === "string" && id_number ? maskId(id_number) : "",
  };
}

const overdue = workdaysBetween("s.identified_date", "r.ref_date", "o");

runLoader(async (warehouse) => {
  if (isPublic) return { public: true, asOf: null, lists: null };
  const settings = await readSettings(warehouse);
  const base = `with ${SNAPSHOTS_CTE},
    ref as (select max(period) as month, last_day(strptime(max(period) || '-01', '%Y-%m-%d'))::date as ref_date from snap),
    latest as (
      select s.*, r.ref_date, l.line,
             s.is_monitored and not (coalesce(s.risk_eliminated, false) and not coalesce(s.no_labour, false)) as is_active,
             coalesce(s.housing_ok, false) and coalesce(s.edu_ok, false) and coalesce(s.med_ok, false) and coalesce(s.water_ok, false) as all_ok
      from snap s
      join ref r on s.period = r.month
      left join int_village_lines l on l.village_code = s.area_code and l.year = left(s.period, 4)::integer
    ),
    named as (
      select l.*, coalesce(t.name, left(l.area_code, 9)) as town_name, coalesce(v.name, l.area_code) as village_name
      from latest l
      left join areas t on t.area_code = left(l.area_code, 9)
      left join areas v on v.area_code = l.area_code
    )`;
  const cols = `town_name, village_name, area_code, household_id, head_name, id_number, household_size`;

  const asOf = (await warehouse.query(`${base} select month from ref`))[0]?.month ?? null;

  const noMeasure = await warehouse.query(
    `${base}
     select ${cols}, monitor_kind, identified_date, ${overdue.expr}::integer as workdays_since
     from named s cross join (select ref_date from ref) r ${overdue.joins}
     where s.is_active and s.identified_date is not null and coalesce(len(s.measures), 0) = 0
       and ${overdue.expr} > $deadline
     order by area_code, identified_date`,
    { deadline: settings.first_assist_deadline_days },
  );

  const leads = await warehouse.query(
    `${base}
     select ${cols}, household_type, income_pc, line
     from named
     where not coalesce(is_monitored, false) and income_pc is not null and line is not null and income_pc < line
     order by area_code, income_pc`,
  );

  // Rules of 风险消除 (DOMAIN.md §3): income above the line, guarantees secure, monitored at least half a
  // year with at least one measure; households with no labour capacity stay monitored and are left out.
  const review = await warehouse.query(
    `${base}
     select ${cols}, monitor_kind, identified_date, income_pc, line
     from named
     where is_active and not coalesce(no_labour, false) and coalesce(len(measures), 0) > 0
       and identified_date <= ref_date - interval 6 month
       and income_pc >= line and all_ok
     order by area_code, identified_date`,
  );

  return {
    public: false,
    asOf,
    deadline: settings.first_assist_deadline_days,
    lists: { noMeasure: noMeasure.map(publishable), leads: leads.map(publishable), review: review.map(publishable) },
  };
});
