// 总览's 规模性返贫风险研判 and the methodology page's thresholds, read from the marts verdict (period → level),
// verdict_triggers (period × trigger × area: figure, thresholds, level, link) and verdict_thresholds. Aggregates
// only: a trigger names a village or town and a household count, never a household. A village whose figures are
// withheld in the period (indicators_published.suppressed: too few roster households) is not named and its count
// is not given: the trigger keeps its town, level and thresholds, so the verdict still counts it.
import { readPageSettings, runLoader } from "./warehouse.ts";

runLoader(async (warehouse) => {
  const settings = await readPageSettings(warehouse);
  const triggers = await warehouse.query(
    `with withheld as (
       select period, area_code, bool_or(suppressed) as suppressed
         from indicators_published
        where area_level = 'village'
        group by period, area_code
     )
     select t.period, t.trigger, t.area_code, t.area_level, t.area_name, t.town_code, t.town_name, t."window",
            t.window_start, t.window_end, t.detail, t.figure, t.numerator, t.denominator, t.amber, t.red, t.level, t.link,
            coalesce(w.suppressed, false) as suppressed
       from verdict_triggers t
       left join withheld w on t.area_level = 'village' and w.period = t.period and w.area_code = t.area_code
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
