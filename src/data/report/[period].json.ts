// One half-year's report (/report/<YYYY-Hn>): the comparison rows of report_rows for the county and every town
// (and, for the town reports' village table, a few codes per village, withheld cells as withheld), the bank
// evaluation of the half-year with each bank's NPL ratio against its previous evaluation, and the delivery grid
// of every source over the half-year's months (source_completeness). Aggregates only: also in public builds.
import { REPORT_VILLAGE_CODES } from "../../components/report-sentences.ts";
import { runLoader } from "../warehouse.ts";

const period = process.argv.find((arg) => arg.startsWith("--period="))?.slice("--period=".length) ?? "";

runLoader(async (warehouse) => {
  if (!/^\d{4}-H[12]$/.test(period)) throw new Error(`半年报告的期间应形如 2025-H1，收到「${period}」`);
  const [info] = await warehouse.query(
    "select period, first_month, last_month, end_month, end_month < last_month as partial from periods where period = $period and period_type = 'half'",
    { period },
  );
  if (!info) throw new Error(`数据仓库中没有 ${period} 的数据`);
  // the fields every row of the half-year shares are sent once; figures to 8 significant digits (the page
  // shows at most 5), so a county with 200 villages stays well under the page weight limit
  const rows = await warehouse.query(
    `select code, area_code, area_level,
            value::double as value, complete, missing_sources, suppression,
            previous_value::double as previous_value, previous_suppression, previous_status, change_previous, growth_previous,
            last_year_value::double as last_year_value, last_year_suppression, last_year_status, change_last_year, growth_last_year
       from report_rows
      where period = $period
        and (area_level in ('county', 'town') or (area_level = 'village' and list_contains($village_codes::varchar[], code)))
      order by area_level, area_code, code`,
    { period, village_codes: `[${REPORT_VILLAGE_CODES.join(",")}]` },
  );
  const banks = await warehouse.query(
    `select s.institution, s.peer_group, s.total, s.grade, s.rank::integer as rank, s.banks_in_group::integer as banks_in_group,
            s.previous_period, s.previous_total, s.change,
            n.value as npl, p.value as previous_npl
       from bank_scorecard s
       left join bank_scorecard_items n on n.period = s.period and n.institution = s.institution and n.item = 'npl_ratio'
       left join bank_scorecard_items p on p.period = s.previous_period and p.institution = s.institution and p.item = 'npl_ratio'
      where s.period = $period
      order by s.peer_group, s.rank, s.institution`,
    { period },
  );
  // months of the half-year that have passed by the data's last month
  const deliveries = await warehouse.query(
    `select source_type, source_key, any_value(source_name) as source_name,
            count(*)::integer as months, count(*) filter (where delivered)::integer as delivered_months,
            coalesce(sum(rows), 0)::integer as rows,
            list(month order by month) filter (where not delivered) as undelivered
       from source_completeness
      where month between $first and $last
      group by source_type, source_key
      order by source_type, source_key`,
    { first: String(info.first_month), last: String(info.end_month ?? info.last_month) },
  );
  const [names] = await warehouse.query(
    "select any_value(previous_period) as previous_period, any_value(last_year_period) as last_year_period from report_rows where period = $period",
    { period },
  );
  const round = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? Number(value.toPrecision(8)) : value);
  const slim = rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, round(value)])));
  return { ...info, ...names, rows: slim, banks, deliveries };
});
