-- loan_industry_towns — grain: period × town (towns with 产业精准扶贫贷款): the industry loans of the period's last
-- ledger month attributed to the town (by the record's 区划代码, else the matched household), their balance and
-- the people they drive (带动脱贫人口, as the bank reports it on the loan). Loans that map to no town are
-- grouped under town_code = null (county level only).
-- key: period, town_code?
create or replace table loan_industry_towns as
select
  p.period,
  m.town_code,
  a.name as town_name,
  count(*) as loans,
  count(distinct coalesce(m.id_number, m.borrower_name, m.loan_id)) as borrowers,
  sum(m.balance) as balance,
  sum(coalesce(m.people_driven, 0)) as people_driven
from int_periods p
join int_loan_months m on m.ledger_month = p.loan_end_month
left join int_areas a on a.area_code = m.town_code and a.area_level = 'town'
where m.product_class = '产业精准扶贫贷款' and m.balance > 0
group by all
order by p.period, m.town_code;
