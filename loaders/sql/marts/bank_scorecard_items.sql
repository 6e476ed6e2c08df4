-- bank_scorecard_items — grain: evaluation period × bank × scorecard item: the item's value, weight, the
-- zero/full values of its scale and the points earned (int_bank_scores).
-- key: period, institution, item
create or replace table bank_scorecard_items as
select period, institution, item, item_name, item_order, weight, zero_value, full_value, formula, value, points
from int_bank_scores
order by period, institution, item_order;
