-- int_claims — grain: claim (赔案号; the latest delivered row of each, so a claims file re-sent with payments
-- filled in replaces the earlier open row).
-- Adds the 险种大类 of the claim's own 险种, the matched household (户编号, else 证件号码, else the policy's
-- household), the area (the record's 区划代码, else the matched household, else the policy's area), the
-- calendar days from 报案日期 to 赔付日期, and open_amount: what was owed while the claim was open — the
-- 未决赔款 of a claim not yet paid, or the 赔付金额 of a claim since paid (the best current knowledge of what
-- was outstanding at an earlier period's end). A claim is paid when it has a 赔付日期.
-- key: claim_id
create or replace table int_claims as
with deduped as (
  select *
  from stg_claims
  where claim_id is not null
  qualify row_number() over (partition by claim_id order by source_file desc, source_row desc) = 1
),
matched as (
  select
    d.*,
    coalesce(pr.line_class, '其他') as line_class,
    v.area_code as record_village,
    t.area_code as record_town,
    c.area_code as record_county,
    coalesce(hh.household_id, hi.household_id, p.matched_household) as matched_household,
    coalesce(hh.village_code, hi.village_code) as household_village,
    p.insurer,
    p.village_code as policy_village,
    p.town_code as policy_town,
    p.county_code as policy_county
  from deduped d
  left join int_insurance_products pr on pr.product = trim(d.line)
  left join int_areas v on v.area_code = d.area_code and v.area_level = 'village'
  left join int_areas t on t.area_code = d.area_code and t.area_level = 'town'
  left join int_areas c on c.area_code = d.area_code and c.area_level = 'county'
  left join int_household_keys hh on hh.household_id = d.household_id
  -- the condition on d inside the key (not beside it) keeps this a hash join: beside it, DuckDB compared every
  -- record with every ID (a nested loop, records × households)
  left join int_id_number_keys hi on hi.id_number = case when d.household_id is null then d.id_number end
  left join int_policies p on p.policy_id = d.policy_id
),
placed as (
  select
    m.*,
    k.village_code as matched_village,
    case when m.record_village is not null then m.record_village
         when m.record_town is not null or m.record_county is not null then null
         else coalesce(m.household_village, k.village_code, m.policy_village)
    end as village_code
  from matched m
  left join int_household_keys k on k.household_id = m.matched_household
)
select
  p.claim_id,
  p.policy_id,
  p.insurer,
  trim(p.line) as product,
  p.line_class,
  p.household_id,
  p.id_number,
  p.matched_household,
  p.cause,
  p.loss_date,
  p.report_date,
  p.paid_date,
  coalesce(p.paid_amount, 0) as paid_amount,
  coalesce(p.outstanding, 0) as outstanding,
  case when p.paid_date is null then coalesce(p.outstanding, 0) else coalesce(p.paid_amount, 0) end as open_amount,
  case when p.paid_date is not null and p.report_date is not null then date_diff('day', p.report_date, p.paid_date)::integer end as settle_days,
  p.village_code,
  coalesce(left(p.village_code, 9), p.record_town,
           case when p.record_county is null and p.record_village is null then p.policy_town end) as town_code,
  coalesce(p.record_county, left(p.record_town, 6), left(p.village_code, 6), p.policy_county, oc.county_code) as county_code
from placed p
left join int_home_county oc on oc.source_file = p.source_file;
