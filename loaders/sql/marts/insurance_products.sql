-- insurance_products — grain: insurer × product name (险种 as the insurer writes it) on policies or claims.
-- For the data administrator (数据质量 page): how each name was classified into a 险种大类 and by which keyword.
-- unclassified = no keyword rule matched, so the name counts as 其他: the row was accepted, and the county
-- may add a keyword to data/config/insurance-lines.csv. A claim's insurer is its policy's (claims carry none).
-- key: insurer, product
create or replace table insurance_products as
with policy_names as (
  select insurer, product, count(*) as policies, sum(premium) as premium
  from int_policies
  where product is not null
  group by all
),
claim_names as (
  select insurer, product, count(*) as claims, sum(paid_amount) as paid
  from int_claims
  where product is not null
  group by all
),
names as (
  select
    coalesce(p.insurer, c.insurer) as insurer,
    coalesce(p.product, c.product) as product,
    coalesce(p.policies, 0) as policies,
    coalesce(p.premium, 0) as premium,
    coalesce(c.claims, 0) as claims,
    coalesce(c.paid, 0) as paid
  from policy_names p
  full join claim_names c on c.product = p.product and c.insurer is not distinct from p.insurer
)
select
  n.insurer,
  n.product,
  pr.line_class,
  pr.matched_keyword,
  pr.matched_keyword is null as unclassified,
  n.policies,
  n.premium,
  n.claims,
  n.paid
from names n
join int_insurance_products pr on pr.product = n.product
order by unclassified desc, n.insurer, n.product;
