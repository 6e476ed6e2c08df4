// 县域排名 (a prefecture's or province's site, issue 14): every county's published county-level indicators,
// the roll-ups above the county (indicator_rollups: prefecture and province, computed from the additive marts
// only), each county's rank on the ranking codes (best first by the catalog's direction; a county whose figure is
// empty has no rank) and each county's verdict level per period. Aggregates only: no village, no household.
import { runLoader } from "./warehouse.ts";
import { publishedIndicators } from "./indicator-rows.ts";
import { packIndicators, type IndicatorRow } from "../components/indicator-store.ts";
import { COUNTY_LIST_SQL } from "./county-list.ts";

/** The codes a county ranking is offered on (the overview's headline figures). */
export const RANKING_CODES = [
  "mon_active", "mon_identified", "risk_elim_rate", "return_rate", "new_poverty_rate", "below_line_share",
  "assist_coverage", "guarantee_rate", "timely_identification_rate", "timely_assist_rate", "income_pc_median",
  "income_pc_mean", "loan_coverage", "npl_ratio", "ins_coverage_antipoverty",
];

runLoader(async (warehouse) => {
  const counties = await warehouse.query(COUNTY_LIST_SQL);
  const codes = RANKING_CODES.map((c) => `'${c}'`).join(", ");
  const indicators = await publishedIndicators(warehouse, `i.area_level = 'county' and i.area_code in (select distinct county_code from verdict)`);
  const rollupRows = await warehouse.query(
    `select code, period, area_code, value::double as value, numerator::double as numerator, denominator::double as denominator,
            false as suppressed, null::varchar as suppression,
            case when complete then null else ['部分县的数据不完整'] end as missing_sources
       from indicator_rollups
      order by code, area_code, period`,
  );
  const regions = await warehouse.query(
    `select distinct area_code, area_level, counties::integer as counties from indicator_rollups
      order by case area_level when 'province' then 0 else 1 end, area_code`,
  );
  const ranks = await warehouse.query(
    `select i.code, i.period, i.area_code,
            rank() over (partition by i.code, i.period order by case when c.higher_is_better then -i.value else i.value end)::integer as rank,
            count(*) over (partition by i.code, i.period)::integer as ranked
       from indicators_published i
       join indicator_catalog c on c.code = i.code
      where i.area_level = 'county' and i.code in (${codes}) and i.value is not null and not coalesce(i.suppressed, false)
        and c.higher_is_better is not null and i.area_code in (select distinct county_code from verdict)
      order by i.code, i.period, rank`,
  );
  const verdicts = await warehouse.query("select period, county_code, level, red_triggers, amber_triggers from verdict order by period, county_code");
  return {
    counties,
    indicators,
    rollups: packIndicators(rollupRows as unknown as IndicatorRow[]),
    regions: regions.map((r) => ({ ...r, name: r.area_level === "province" ? `省级合计（${r.area_code}）` : `地区合计（${r.area_code}）` })),
    ranks,
    verdicts,
  };
});
