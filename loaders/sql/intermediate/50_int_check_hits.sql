-- int_check_hits — grain: rule × snapshot month × household × person (person_ref: empty for a rule about the
-- household; for a rule about a person's ID or phone, the member's 人编号 (else source file#row) from
-- stg_household_members, or '户主' for the head of int_roster when the household has no member rows that month).
-- The 疑点核查 rules (issue 17 point 4; catalogue, thresholds and on/off in cfg_checks from data/config/checks.json),
-- run on every roster snapshot. Each hit keeps the figure that fired (figure) beside the threshold it broke, and a
-- short reason (detail) that names no personal value; the ID or phone a person rule flagged is kept raw in
-- flagged_value (value_kind says which), for the list's loader to mask. Rules and their reasons:
--   below_line_not_monitored   not monitored, 人均纯收入 below the village's line of the snapshot's year (int_household_status);
--   quick_elimination          risk eliminated less than N whole months after 识别监测日期 (elimination in principle
--                              needs half a year of monitoring, DOMAIN §3);
--   early_assisted_elimination 帮扶消除 at most N calendar months after the identification month (0 = same month):
--                              a measure rarely works that fast;
--   no_measure_after_identification  monitored, N whole months from 识别监测日期 to the snapshot's last day, no measure;
--   eliminated_below_line      eliminated (either mode) with 人均纯收入 still below the line;
--   identified_income_high     人均纯收入 ≥ N at identification: the snapshot of the identification month, else the
--                              first snapshot after it; listed while the household stays monitored under that
--                              identification (a record fact, like the dates above);
--   illness_no_self_paid       因病 with 合规自付支出 = 0 (a roster without that column holds null: no hit; the
--                              check_rules mart says the rule did not run);
--   job_measure_no_wage        公益岗位 or 就业帮扶 with 工资性收入 ≤ N (an empty wage is unknown, not zero);
--   eliminated_guarantee_unmet eliminated with a guarantee recorded 否 (an empty flag is unknown: not listed);
--   duplicate_head             one ID (a disability certificate's 18-character ID part) heads ≥ 2 households in a snapshot;
--   duplicate_person           one member's ID in ≥ 2 households in a snapshot (stg_household_members only: without
--                              member rows the rule has nothing to read, and check_rules says it did not run);
--   id_invalid                 each person's ID (the members' where the household has member rows that month, else
--                              the head's): not 18 characters, bad check digit, no province code, birth date not a date,
--                              before 1900 or after the snapshot, or a placeholder (one digit repeated, 00000000,
--                              12345678). The load rejects heads' IDs of the wrong length or check digit (DOMAIN §11),
--                              so those are in the rejections, not here; members' IDs are staged as written, so this
--                              rule is where a member's bad ID shows;
--   phone_invalid              a person's non-empty 联系电话 (the same people as id_invalid) that, without spaces and hyphens, is not 11 digits starting with 1.
-- Rules disabled in cfg_checks produce no rows; thresholds come from cfg_checks.
-- key: rule, snapshot_month, household_id, person_ref?
create or replace table int_check_hits as
with rules as (
  select rule, threshold from cfg_checks where enabled
),
hh as (
  select
    r.period as snapshot_month,
    left(r.period, 4)::integer * 12 + right(r.period, 2)::integer as month_no,
    last_day(strptime(r.period || '-01', '%Y-%m-%d'))::date as month_end,
    r.household_id,
    r.area_code as village_code,
    r.id_number,
    r.phone,
    coalesce(r.is_monitored, false) as is_monitored,
    coalesce(r.risk_eliminated, false) as risk_eliminated,
    r.elimination_mode,
    r.identified_date,
    r.elimination_date,
    year(r.identified_date) * 12 + month(r.identified_date) as identified_month_no,
    coalesce(r.risks, []) as risks,
    coalesce(r.measures, []) as measures,
    r.income_wage,
    r.income_pc,
    r.medical_self_paid,
    r.housing_ok,
    r.edu_ok,
    r.med_ok,
    r.water_ok,
    s.line,
    s.below_line,
    s.has_measure
  from int_roster r
  join int_household_status s on s.snapshot_month = r.period and s.household_id = r.household_id
),
-- whole months from d1 to d2 (an anniversary not yet reached in d2's month does not count)
spans as (
  select
    *,
    (year(elimination_date) * 12 + month(elimination_date)) - identified_month_no
      - case when day(elimination_date) < day(identified_date) then 1 else 0 end as months_to_elimination,
    (year(elimination_date) * 12 + month(elimination_date)) - identified_month_no as calendar_months_to_elimination,
    (year(month_end) * 12 + month(month_end)) - identified_month_no
      - case when day(month_end) < day(identified_date) then 1 else 0 end as months_since_identification
  from hh
),
identification_income as (
  select household_id, identified_date, arg_min(income_pc, month_no) as income_at, min(snapshot_month) as from_month
  from hh
  where is_monitored and identified_date is not null and month_no >= identified_month_no
  group by household_id, identified_date
),
-- the people whose ID and phone are checked: each member where the snapshot has member rows for the household
-- (stg_household_members, from a per-person export; the head is one of them), else the head of int_roster
members as (
  select
    period as snapshot_month,
    household_id,
    coalesce(person_id, source_file || '#' || source_row) as person_ref,
    coalesce(relation, '成员') as relation,
    id_number,
    phone
  from stg_household_members
  where period is not null and household_id is not null
  qualify row_number() over (
    partition by period, household_id, coalesce(person_id, source_file || '#' || source_row) order by source_file desc, source_row desc
  ) = 1
),
people as (
  select h.snapshot_month, h.household_id, '户主' as person_ref, '户主' as relation, h.id_number, h.phone, false as from_members
  from hh h
  anti join (select distinct snapshot_month, household_id from members) m
    on m.snapshot_month = h.snapshot_month and m.household_id = h.household_id
  union all
  select snapshot_month, household_id, person_ref, relation, id_number, phone, true from members
),
ids as (
  select
    *,
    case when length(id_number) in (20, 22) and regexp_full_match(substr(id_number, 19), '[0-9]+') then left(id_number, 18) else id_number end as id18
  from people
  where id_number is not null and trim(id_number) <> ''
),
-- each distinct ID checked once (a person's ID repeats in every snapshot month): everything but the snapshot's
-- month; the check digit's 17 weighted digits written out on the number (a per-row list lambda cost seconds
-- per million IDs)
distinct_ids as (
  select
    id18,
    regexp_full_match(id18, '[0-9]{17}[0-9X]') as well_formed,
    try_strptime(substr(id18, 7, 8), '%Y%m%d')::date as birth_date
  from (select distinct id18 from ids)
),
checked_ids as (
  select
    id18,
    case
      when not well_formed then '位数或格式不对'
      when substr('10X98765432', (
        (n17 // 10000000000000000 % 10) * 7 + (n17 // 1000000000000000 % 10) * 9 + (n17 // 100000000000000 % 10) * 10 + (n17 // 10000000000000 % 10) * 5 +
        (n17 // 1000000000000 % 10) * 8 + (n17 // 100000000000 % 10) * 4 + (n17 // 10000000000 % 10) * 2 + (n17 // 1000000000 % 10) * 1 +
        (n17 // 100000000 % 10) * 6 + (n17 // 10000000 % 10) * 3 + (n17 // 1000000 % 10) * 7 + (n17 // 100000 % 10) * 9 +
        (n17 // 10000 % 10) * 10 + (n17 // 1000 % 10) * 5 + (n17 // 100 % 10) * 8 + (n17 // 10 % 10) * 4 +
        (n17 // 1 % 10) * 2) % 11 + 1, 1)
        <> substr(id18, 18, 1) then '校验位不对'
      when length(replace(left(id18, 17), left(id18, 1), '')) = 0
        or contains(id18, '00000000') or contains(id18, '12345678') then '为占位号码'
      when left(id18, 2) not in ('11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
        '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82')
        then '前两位不是省级代码'
      when birth_date is null then '出生日期部分不是有效日期'
      when birth_date < date '1900-01-01' then '出生日期早于1900年'
    end as id_reason,
    -- a valid birth date here is from 1900 on (four-digit years), so its 'YYYY-MM' compares with the snapshot's
    strftime(birth_date, '%Y-%m') as birth_month
  from (select *, case when well_formed then left(id18, 17)::bigint end as n17 from distinct_ids)
),
id_reasons as (
  select
    i.snapshot_month,
    i.household_id,
    i.person_ref,
    i.relation,
    i.id_number,
    coalesce(c.id_reason, case when c.birth_month > i.snapshot_month then '出生日期晚于数据期' end) as reason
  from ids i
  join checked_ids c on c.id18 = i.id18
),
-- the heads of int_roster (one per household, whether or not members are known) for duplicate_head
heads as (
  select
    snapshot_month,
    household_id,
    id_number,
    case when length(id_number) in (20, 22) and regexp_full_match(substr(id_number, 19), '[0-9]+') then left(id_number, 18) else id_number end as id18
  from hh
  where id_number is not null and trim(id_number) <> ''
),
hits as (
  select 'below_line_not_monitored' as rule, snapshot_month, household_id, null as person_ref,
    income_pc as figure, line as threshold, null as detail, null as flagged_value, null as value_kind
  from hh
  where not is_monitored and below_line
  union all
  select 'quick_elimination', s.snapshot_month, s.household_id, null, s.months_to_elimination, r.threshold,
    '识别监测日期 ' || strftime(s.identified_date, '%Y-%m-%d') || '，风险消除日期 ' || strftime(s.elimination_date, '%Y-%m-%d'),
    null, null
  from spans s
  join rules r on r.rule = 'quick_elimination'
  where s.is_monitored and s.risk_eliminated and s.identified_date is not null and s.elimination_date is not null
    and s.months_to_elimination < r.threshold
  union all
  select 'early_assisted_elimination', s.snapshot_month, s.household_id, null, s.calendar_months_to_elimination, r.threshold,
    '识别监测于 ' || strftime(s.identified_date, '%Y年%m月') || '，帮扶消除于 ' || strftime(s.elimination_date, '%Y年%m月'),
    null, null
  from spans s
  join rules r on r.rule = 'early_assisted_elimination'
  where s.is_monitored and s.risk_eliminated and s.elimination_mode = '帮扶消除'
    and s.identified_date is not null and s.elimination_date is not null
    and s.calendar_months_to_elimination <= r.threshold
  union all
  select 'no_measure_after_identification', s.snapshot_month, s.household_id, null, s.months_since_identification, r.threshold,
    '识别监测日期 ' || strftime(s.identified_date, '%Y-%m-%d'), null, null
  from spans s
  join rules r on r.rule = 'no_measure_after_identification'
  where s.is_monitored and s.identified_date is not null and not s.has_measure
    and s.months_since_identification >= r.threshold
  union all
  select 'eliminated_below_line', snapshot_month, household_id, null, income_pc, line,
    coalesce(elimination_mode, '消除方式未填'), null, null
  from hh
  where is_monitored and risk_eliminated and below_line
  union all
  select 'identified_income_high', h.snapshot_month, h.household_id, null, i.income_at, r.threshold,
    '纳入监测时（' || left(i.from_month, 4) || '年' || right(i.from_month, 2) || '月快照）的人均纯收入', null, null
  from hh h
  join identification_income i on i.household_id = h.household_id and i.identified_date = h.identified_date
  join rules r on r.rule = 'identified_income_high'
  where h.is_monitored and h.snapshot_month >= i.from_month and i.income_at >= r.threshold
  union all
  select 'illness_no_self_paid', snapshot_month, household_id, null, medical_self_paid, null, null, null, null
  from hh
  where is_monitored and list_contains(risks, '因病') and medical_self_paid = 0
  union all
  select 'job_measure_no_wage', h.snapshot_month, h.household_id, null, h.income_wage, r.threshold,
    list_string_agg(list_filter(h.measures, (m) -> m in ('公益岗位', '就业帮扶'))), null, null
  from hh h
  join rules r on r.rule = 'job_measure_no_wage'
  where (list_contains(h.measures, '公益岗位') or list_contains(h.measures, '就业帮扶')) and h.income_wage <= r.threshold
  union all
  select 'eliminated_guarantee_unmet', snapshot_month, household_id, null, null, null,
    concat_ws('、',
      case when not housing_ok then '住房安全' end, case when not edu_ok then '义务教育保障' end,
      case when not med_ok then '基本医疗保险' end, case when not water_ok then '饮水安全' end) || ' 为“否”',
    null, null
  from hh
  where is_monitored and risk_eliminated and (not housing_ok or not edu_ok or not med_ok or not water_ok)
  union all
  select 'duplicate_head', h.snapshot_month, h.household_id, '户主', d.households, null,
    '同一证件号码还是户 ' || list_string_agg(list_filter(d.household_ids, (x) -> x <> h.household_id)) || ' 的户主',
    h.id_number, 'id'
  from heads h
  join (
    select snapshot_month, id18, count(distinct household_id) as households, list(distinct household_id order by household_id) as household_ids
    from heads
    -- only IDs that ever name two households (a cheap aggregate over few groups first: distinct lists for every
    -- ID and month cost more)
    semi join (select id18 from heads group by id18 having min(household_id) < max(household_id)) using (id18)
    group by snapshot_month, id18
    having count(distinct household_id) > 1
  ) d on d.snapshot_month = h.snapshot_month and d.id18 = h.id18
  union all
  select 'id_invalid', snapshot_month, household_id, person_ref, null, null,
    relation || '证件号码' || (case when reason like '为%' then '' else '：' end) || reason, id_number, 'id'
  from id_reasons
  where reason is not null
  union all
  select 'duplicate_person', i.snapshot_month, i.household_id, i.person_ref, d.households, null,
    i.relation || '的证件号码还在户 ' || list_string_agg(list_filter(d.household_ids, (x) -> x <> i.household_id)) || ' 中',
    i.id_number, 'id'
  from ids i
  join (
    select snapshot_month, id18, count(distinct household_id) as households, list(distinct household_id order by household_id) as household_ids
    from ids
    where from_members
      and id18 in (select id18 from ids where from_members group by id18 having min(household_id) < max(household_id))
    group by snapshot_month, id18
    having count(distinct household_id) > 1
  ) d on d.snapshot_month = i.snapshot_month and d.id18 = i.id18
  where i.from_members
  union all
  select 'phone_invalid', snapshot_month, household_id, person_ref, length(regexp_replace(trim(phone), '[^0-9]', '', 'g')), 11,
    relation || '联系电话', phone, 'phone'
  from people
  where phone is not null and trim(phone) <> '' and not regexp_full_match(regexp_replace(phone, '[\s-]', '', 'g'), '1[0-9]{10}')
)
select
  h.rule,
  h.snapshot_month,
  h.household_id,
  h.person_ref,
  hh.village_code,
  h.figure::double as figure,
  h.threshold::double as threshold,
  h.detail,
  h.flagged_value,
  h.value_kind
from hits h
join rules r on r.rule = h.rule
join hh on hh.snapshot_month = h.snapshot_month and hh.household_id = h.household_id;
