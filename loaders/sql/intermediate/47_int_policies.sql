-- int_policies — grain: policy (保单号; the latest delivered row of each).
-- Adds the 险种大类 (line_class), whether the policy is a county or town group policy (统保), the matched
-- household and the area the policy counts for (DOMAIN.md §7: the record's 区划代码, else the matched
-- household). A record naming a village counts for that village; naming a town (9 digits) for the town and
-- no village; naming the county (6 digits) for the county only; with no 区划代码, for the village of the
-- household matched by 户编号, else 证件号码. A policy nothing else places counts for the home county of its
-- file (int_home_county; a warehouse may hold several counties).
-- A 统保 policy covers every household whose village code starts with its 区划代码 (coverage, not premium).
-- key: policy_id
create or replace table int_policies as
with deduped as (
  select *
  from stg_policies
  where policy_id is not null
  qualify row_number() over (partition by policy_id order by source_file desc, source_row desc) = 1
),
matched as (
  select
    d.*,
    coalesce(pr.line_class, '其他') as line_class,
    v.area_code as record_village,
    t.area_code as record_town,
    c.area_code as record_county,
    coalesce(hh.household_id, hi.household_id) as matched_household,
    coalesce(hh.village_code, hi.village_code) as household_village
  from deduped d
  left join int_insurance_products pr on pr.product = trim(d.line)
  left join int_areas v on v.area_code = d.area_code and v.area_level = 'village'
  left join int_areas t on t.area_code = d.area_code and t.area_level = 'town'
  left join int_areas c on c.area_code = d.area_code and c.area_level = 'county'
  left join int_household_keys hh on hh.household_id = d.household_id
  -- the condition on d inside the key (not beside it) keeps this a hash join: beside it, DuckDB compared every
  -- record with every ID (a nested loop, records × households)
  left join int_id_number_keys hi on hi.id_number = case when d.household_id is null then d.id_number end
)
select
  m.policy_id,
  m.insurer,
  trim(m.line) as product,
  m.line_class,
  -- a row without 投保方式 that names no person but an area is a group policy too
  coalesce(m.enrol_mode = '统保', m.household_id is null and m.id_number is null and length(m.area_code) in (6, 9)) as is_group,
  m.household_id,
  m.id_number,
  m.matched_household,
  m.area_code as record_area_code,
  m.insured_count,
  coalesce(m.premium, 0) as premium,
  coalesce(m.subsidy, 0) as subsidy,
  m.sum_insured,
  m.start_date,
  m.end_date,
  case when m.record_village is not null then m.record_village
       when m.record_town is null and m.record_county is null then m.household_village
  end as village_code,
  coalesce(left(m.record_village, 9), m.record_town,
           case when m.record_county is null then left(m.household_village, 9) end) as town_code,
  coalesce(m.record_county, left(m.record_town, 6), left(m.record_village, 6), left(m.household_village, 6), oc.county_code) as county_code
from matched m
left join int_home_county oc on oc.source_file = m.source_file;
