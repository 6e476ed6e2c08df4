// 总览's 规模性返贫风险研判 and the methodology page's thresholds, read from the marts verdict (period → level),
// verdict_triggers (period × trigger × area: figure, thresholds, level, link) and verdict_thresholds. Aggregates
// only: a trigger names a village or town and a household count, never a household. A village trigger is not named
// and its count not given (DOMAIN §9) when the count is a small one (1 to the threshold − 1) or when the village's
// new identifications (for the below-line cluster: its below-line share) of the period are withheld on the published pages (indicators_published),
// so that the trigger cannot be subtracted against them: it keeps its town, level and thresholds, so the verdict
// still counts it.
import { readPageSettings, runLoader } from "./warehouse.ts";

runLoader(async (warehouse) => {
  const settings = await readPageSettings(warehouse);
  const triggers = await warehouse.query(
    `with withheld as (
       select period, area_code, code, suppressed
         from indicators_published
        where area_level = 'village' and code in ('mon_identified', 'below_line_share')
     )
     select t.period, t.trigger, t.area_code, t.area_level, t.area_name, t.town_code, t.town_name, t."window",
            t.window_start, t.window_end, t.detail, t.figure, t.numerator, t.denominator, t.amber, t.red, t.level, t.link,
            coalesce(w.suppressed, false)
              or (t.area_level = 'village' and t.figure > 0 and t.figure < ${Number(settings.village_suppression_min_households)}) as suppressed
       from verdict_triggers t
       left join withheld w on t.area_level = 'village' and w.period = t.period and w.area_code = t.area_code
        -- the published figure a trigger could be set against: identifications, or the below-line share
        and w.code = case when t.trigger = 'cluster_below_line' then 'below_line_share' else 'mon_identified' end
      order by t.period, case t.level when 'red' then 0 when 'amber' then 1 else 2 end, t.trigger, t.area_code`,
  );
  return {
    suppressionThreshold: settings.village_suppression_min_households,
    verdicts: await warehouse.query("select period, level, red_triggers, amber_triggers from verdict order by period"),
    triggers: triggers.map((row) => row.suppressed
      ? { ...row, area_code: null, area_name: null, figure: null, numerator: null, denominator: null }
      : row),
    thresholds: await warehouse.query(`select trigger, area_level, "window", amber, red from verdict_thresholds order by all`),
  };
});
