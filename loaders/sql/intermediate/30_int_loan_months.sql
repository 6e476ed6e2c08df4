-- int_loan_months — grain: institution × loan × ledger month, with the area the loan belongs to. The
-- record's 区划代码 decides when it names a known village (12 digits) or town (9 digits: the loan counts for
-- the town but no village); otherwise the village of the household matched by 户编号, else by 证件号码
-- (each household's latest snapshot). county_code is set for every loan: loans that map to no village or
-- town count at county level only.
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
household_villages as (
  select household_id, arg_max(village_code, snapshot_month) as village_code
  from int_household_snapshots
  group by household_id
),
person_villages as (
  select id_number, arg_max(village_code, snapshot_month) as village_code
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
matched as (
  select
    d.*,
    v.area_code as record_village,
    t.area_code as record_town,
    coalesce(hv.village_code, pv.village_code) as household_village
  from deduped d
  left join villages v on v.area_code = d.area_code
  left join towns t on t.area_code = d.area_code
  left join household_villages hv on hv.household_id = d.household_id
  left join person_villages pv on pv.id_number = d.id_number
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
  a.borrower_type,
  a.balance,
  a.village_code,
  a.town_code,
  coalesce(left(a.town_code, 6), case when length(a.area_code) >= 6 then left(a.area_code, 6) end, c.county_code) as county_code
from attributed a
cross join only_county c;
