-- policy_rules — grain: policy rule. Every configured rule (data/config/finance.json), on or off, with its
-- threshold, the source sentence the page shows, and how many loans, banks and households it flagged.
-- key: rule
create or replace table policy_rules as
with counts as (
  select rule, count(*) as loans, count(distinct institution) as banks,
    count(distinct coalesce(roster_household_id, id_number, institution || '/' || loan_id)) as borrowers
  from int_policy_exceptions
  group by rule
)
select
  r.code as rule, r.title, r.enabled, r.threshold, r.source,
  coalesce(c.loans, 0) as loans, coalesce(c.banks, 0) as banks, coalesce(c.borrowers, 0) as borrowers
from cfg_policy_rules r
left join counts c on c.rule = r.code;
