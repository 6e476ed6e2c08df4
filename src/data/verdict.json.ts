// 总览's 规模性返贫风险研判 and the methodology page's thresholds, read from the marts verdict (period → level),
// verdict_triggers (period × trigger × area: figure, thresholds, level, link) and verdict_thresholds. Aggregates
// only: a trigger names a village or town and a household count, never a household.
import { runLoader } from "./warehouse.ts";

runLoader(async (warehouse) => ({
  verdicts: await warehouse.query("select period, level, red_triggers, amber_triggers from verdict order by period"),
  triggers: await warehouse.query(
    `select period, trigger, area_code, area_level, area_name, town_code, town_name, "window", window_start, window_end,
            detail, figure, numerator, denominator, amber, red, level, link
       from verdict_triggers
      order by period, case level when 'red' then 0 when 'amber' then 1 else 2 end, trigger, area_code`,
  ),
  thresholds: await warehouse.query(`select trigger, area_level, "window", amber, red from verdict_thresholds order by all`),
}));
