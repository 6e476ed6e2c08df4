-- policy_exceptions — grain: policy rule × loan (金融机构 + 贷款编号): the 政策例外清单. The findings come from
-- int_policy_exceptions; this mart adds the rule's title and source sentence (cfg_policy_rules) and the area
-- names. borrower_name and id_number are in clear here (the county's own warehouse): page loaders mask them.
-- key: rule, institution, loan_id
create or replace table policy_exceptions as
select
  e.rule,
  r.title as rule_title,
  e.institution,
  e.loan_id,
  e.product,
  e.product_class,
  e.borrower_type,
  e.borrower_name,
  e.id_number,
  e.roster_household_id as household_id,
  e.contract_amount,
  e.issue_date,
  e.first_month,
  e.last_month,
  e.months,
  e.detail,
  e.town_code,
  t.name as town_name,
  e.village_code,
  v.name as village_name
from int_policy_exceptions e
join cfg_policy_rules r on r.code = e.rule
left join int_areas t on t.area_code = e.town_code and t.area_level = 'town'
left join int_areas v on v.area_code = e.village_code and v.area_level = 'village'
order by e.rule, e.institution, e.loan_id;
