-- int_loan_months — grain: institution × loan × ledger month (a loan is identified by 金融机构 + 贷款编号 across
-- the monthly ledgers; a repeated row inside one month keeps the last one read).
-- Area: the record's 区划代码 decides when it names a known village (12 digits) or town (9 digits: the loan
-- counts for the town but no village); otherwise the village of the household matched by 户编号, else by
-- 证件号码 (each household's latest snapshot). county_code is set for every loan: loans that map to no
-- village or town count at county level only.
-- Borrower: roster_household_id is the roster household matched by 户编号, else by 证件号码 (match_method
-- says which); a blank 借款人类型 is read as 个人 when 证件号码 has the shape of a person's ID number.
-- Product: product is the bank's own name (free text); product_class is the DOMAIN §4 product of the first
-- county keyword rule (cfg_loan_product_rules, in file order) whose keyword the name contains, else 其他.
create or replace table int_loan_months as
with deduped as (
  select *
  from stg_loans
  where period is not null
  qualify row_number() over (partition by period, institution, loan_id order by source_file desc, source_row desc) = 1
),
villages as (
  select area_code from int_areas where area_level = 'village'
),
towns as (
  select area_code from int_areas where area_level = 'town'
),
household_villages as (
  select household_id, arg_max(village_code, snapshot_month) as village_code
  from int_household_snapshots
  group by household_id
),
person_households as (
  select id_number, arg_max(household_id, snapshot_month) as household_id, arg_max(village_code, snapshot_month) as village_code
  from int_household_snapshots
  where id_number is not null
  group by id_number
),
only_county as (
  -- a warehouse normally holds one county: loans with no area at all belong to it
  select case when count(*) = 1 then any_value(area_code) end as county_code
  from int_areas
  where area_level = 'county'
),
product_names as (
  select distinct product from deduped
),
classified as (
  select n.product, coalesce(min_by(r.product_class, r.priority), '其他') as product_class, count(r.keyword) > 0 as product_known
  from product_names n
  left join cfg_loan_product_rules r on contains(n.product, r.keyword)
  group by n.product
),
matched as (
  select
    d.*,
    v.area_code as record_village,
    t.area_code as record_town,
    coalesce(hv.village_code, ph.village_code) as household_village,
    case when hv.household_id is not null then hv.household_id else ph.household_id end as roster_household_id,
    case when hv.household_id is not null then '户编号' when ph.household_id is not null then '证件号码' end as match_method
  from deduped d
  left join villages v on v.area_code = d.area_code
  left join towns t on t.area_code = d.area_code
  left join household_villages hv on hv.household_id = d.household_id
  left join person_households ph on ph.id_number = d.id_number
),
attributed as (
  select
    m.*,
    case when m.record_village is not null then m.record_village
         when m.record_town is null then m.household_village
    end as village_code,
    coalesce(left(m.record_village, 9), m.record_town, left(m.household_village, 9)) as town_code
  from matched m
)
select
  a.period as ledger_month,
  a.institution,
  a.loan_id,
  a.product,
  c.product_class,
  c.product_known,
  coalesce(a.borrower_type, case when regexp_full_match(coalesce(a.id_number, ''), '[1-6][0-9]{16}[0-9Xx]') then '个人' end, '未填') as borrower_type,
  a.borrower_name,
  a.id_number,
  a.household_id,
  a.roster_household_id,
  a.match_method,
  a.contract_amount,
  a.issue_date,
  a.maturity_date,
  a.balance,
  a.annual_rate,
  coalesce(a.interest_subsidy, 0) as interest_subsidy,
  a.grade,
  coalesce(a.overdue_principal, 0) as overdue_principal,
  coalesce(a.overdue_days, 0) as overdue_days,
  coalesce(a.is_renewal, false) as is_renewal,
  coalesce(a.is_extension, false) as is_extension,
  a.credit_line,
  a.credit_rating,
  a.people_driven,
  a.village_code,
  a.town_code,
  coalesce(left(a.town_code, 6), case when length(a.area_code) >= 6 then left(a.area_code, 6) end, o.county_code) as county_code
from attributed a
join classified c on c.product = a.product
cross join only_county o;
