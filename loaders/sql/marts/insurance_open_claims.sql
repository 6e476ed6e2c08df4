-- insurance_open_claims — grain: claim reported and not paid on the data's last day (the last day of the
-- latest month that has data). For the insurers' follow-up on the 理赔时效 page: days open and whether that
-- is past the county's 未决赔案超期天数 (cfg_insurance). No personal field: claim and policy numbers, the
-- product, the insurer and the area only.
-- key: claim_id
create or replace table insurance_open_claims as
with data_end as (
  select max(last_day) as day from int_periods where period_type = 'month'
)
select
  c.claim_id,
  c.policy_id,
  coalesce(c.insurer, '（未注明）') as insurer,
  c.product,
  c.line_class,
  c.town_code,
  c.village_code,
  c.cause,
  c.report_date,
  date_diff('day', c.report_date, d.day)::integer as days_open,
  date_diff('day', c.report_date, d.day) > s.outstanding_overdue_days as overdue,
  c.outstanding
from int_claims c
cross join data_end d
cross join cfg_insurance s
where c.paid_date is null and c.report_date is not null and c.report_date <= d.day
order by days_open desc, c.claim_id;
