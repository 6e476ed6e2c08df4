-- verdict_thresholds — grain: trigger × area level × window: the thresholds of the 规模性返贫风险研判 as the county
-- set them (settings.json 规模性返贫研判, read into cfg_verdict_thresholds), for the methodology page. Rates are
-- fractions per year ('period' window; verdict_triggers scales them to a period's months), clusters households.
-- key: trigger, area_level, window
create or replace table verdict_thresholds as
select trigger, area_level, "window", amber, red
from cfg_verdict_thresholds
order by trigger, area_level, "window";
