-- int_loan_months — grain: institution × loan × ledger month (a loan is identified by 金融机构 + 贷款编号 across
-- the monthly ledgers; a repeated row inside one month keeps the last one read).
-- Area: the record's 区划代码 decides when it names a known village (12 digits) or town (9 digits: the loan
-- counts for the town but no village); otherwise the village of the household matched by 户编号, else by
-- 证件号码, where that household lived in the ledger month (its snapshot of that month, else its latest snapshot
-- before it, else its earliest: a household that moves is counted where it lives at each period's end,
-- DOMAIN.md §7). county_code: from the village or town, else the record's own 6-digit county prefix, else the
-- home county of its ledger file (int_home_county: the one county the file's other records are placed in, else
-- the roster's one county, even when the village file lists other counties). A
-- loan that none of these places has county_code NULL and attribution 'unattributed': it is in no area's
-- figures and is listed in the unattributed_records mart, never dropped silently.
-- attribution: 'record' (区划代码), 'household', 'home_county' or 'unattributed'.
-- Borrower: roster_household_id is the roster household matched by 户编号, else by 证件号码 (match_method
-- says which; each household's latest snapshot); a blank 借款人类型 is read as 个人 when 证件号码 has the shape of
-- a person's ID number.
-- Product: product is the bank's own name (free text); product_class is the DOMAIN §4 product of the first
-- county keyword rule (cfg_loan_product_rules, in file order) whose keyword the name contains, else 其他.
-- key: ledger_month, institution, loan_id
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
snapshots as (
  select household_id, id_number, snapshot_month, village_code from int_household_snapshots where village_code is not null
),
ledger_households as (
  -- each (ledger month, household) a loan names, by 户编号 or else by 证件号码
  select distinct d.period, d.household_id, d.id_number from deduped d
),
placed as (
  -- the household's snapshot at or before the ledger month; failing that, its earliest snapshot
  select
    l.period,
    l.household_id,
    l.id_number,
    coalesce(
      (select arg_max(s.village_code, s.snapshot_month) from snapshots s where s.household_id = l.household_id and s.snapshot_month <= l.period),
      (select arg_min(s.village_code, s.snapshot_month) from snapshots s where s.household_id = l.household_id),
      (select arg_max(s.village_code, s.snapshot_month) from snapshots s where s.id_number = l.id_number and s.snapshot_month <= l.period),
      (select arg_min(s.village_code, s.snapshot_month) from snapshots s where s.id_number = l.id_number)
    ) as household_village
  from ledger_households l
),
roster_households as (
  select distinct household_id from int_household_snapshots
),
person_households as (
  select id_number, arg_max(household_id, snapshot_month) as household_id
  from int_household_snapshots
  where id_number is not null
  group by id_number
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
    p.household_village,
    case when rh.household_id is not null then rh.household_id else ph.household_id end as roster_household_id,
    case when rh.household_id is not null then '户编号' when ph.household_id is not null then '证件号码' end as match_method
  from deduped d
  left join villages v on v.area_code = d.area_code
  left join towns t on t.area_code = d.area_code
  left join placed p on p.period = d.period
    and p.household_id is not distinct from d.household_id and p.id_number is not distinct from d.id_number
  left join roster_households rh on rh.household_id = d.household_id
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
  coalesce(left(a.town_code, 6), case when length(a.area_code) >= 6 then left(a.area_code, 6) end, h.county_code) as county_code,
  case
    when a.record_village is not null or a.record_town is not null then 'record'
    when a.household_village is not null then 'household'
    when length(a.area_code) >= 6 then 'record'
    when h.county_code is not null then 'home_county'
    else 'unattributed'
  end as attribution
from attributed a
join classified c on c.product = a.product
left join int_home_county h on h.source_file = a.source_file;
