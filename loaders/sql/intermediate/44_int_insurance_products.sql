-- int_insurance_products — grain: an insurer's product name (险种 as written on policies and claims, trimmed).
-- Each name gets a 险种大类 (line_class) from the county's keyword rules (cfg_insurance_line_rules, from
-- data/config/insurance-lines.csv): the first rule in file order whose keyword the name contains wins. A name
-- no rule matches is 其他 with matched_keyword NULL — accepted, never rejected (DOMAIN.md §5, §11), and listed
-- for the data administrator by the insurance_products mart.
-- key: product
create or replace table int_insurance_products as
with names as (
  select distinct trim(line) as product from stg_policies where line is not null and trim(line) <> ''
  union
  select distinct trim(line) from stg_claims where line is not null and trim(line) <> ''
),
matches as (
  select n.product, r.rule_order, r.keyword, r.line_class
  from names n
  join cfg_insurance_line_rules r on contains(lower(n.product), lower(r.keyword))
  qualify row_number() over (partition by n.product order by r.rule_order) = 1
)
select
  n.product,
  coalesce(m.line_class, '其他') as line_class,
  m.keyword as matched_keyword,
  m.rule_order
from names n
left join matches m on m.product = n.product;
