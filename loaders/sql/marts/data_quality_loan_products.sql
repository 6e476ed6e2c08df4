-- data_quality_loan_products — grain: bank (金融机构) × product name as the bank writes it (贷款品种).
-- How the county's keyword rules (data/config/finance.json → cfg_loan_product_rules) classified each name:
-- product_class, and matched = false when no rule matched and the name fell to 其他 — the list the data
-- administrator reviews to add a keyword. Never a rejection: the rows are all in the warehouse.
-- key: institution, product
create or replace table data_quality_loan_products as
select
  institution,
  product,
  any_value(product_class) as product_class,
  bool_and(product_known) as matched,
  count(*) as ledger_rows,
  count(distinct loan_id) as loans,
  min(ledger_month) as first_month,
  max(ledger_month) as last_month
from int_loan_months
group by institution, product
order by matched, institution, product;
