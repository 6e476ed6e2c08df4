-- insurance_worklist — grain: household, latest snapshot month only: active monitored households (risk not
-- eliminated) with a shock risk (cfg_shock_risk_lines: 因病, 因自然灾害, 因意外事故 by default) and, for at least
-- one of those risks, no policy in force on the month's last day of a line that covers it (an individual policy
-- matched by 户编号 or 证件号码, or a 统保 policy whose 区划代码 prefixes the household's village code).
-- Holds names and ID numbers in clear, like worklist: the site loader masks them and a public build omits it.
-- key: household_id
create or replace table insurance_worklist as
with latest as (
  select max(period) as month, last_day(strptime(max(period) || '-01', '%Y-%m-%d'))::date as ref_date
  from household_status
),
active as (
  select s.*, l.ref_date
  from household_status s
  join latest l on l.month = s.period
  where s.is_active
),
shock_risks as (
  select a.household_id, a.id_number, a.area_code, a.ref_date, unnest(a.risks) as risk
  from active a
),
needs as (
  select distinct s.household_id, s.id_number, s.area_code, s.ref_date, s.risk
  from shock_risks s
  where s.risk in (select risk from cfg_shock_risk_lines)
),
covered as (
  select distinct n.household_id, n.risk
  from needs n
  join cfg_shock_risk_lines m on m.risk = n.risk
  join int_policies p on p.line_class = m.line_class and n.ref_date between p.start_date and p.end_date
  where case when p.is_group then starts_with(n.area_code, p.record_area_code)
             else p.household_id = n.household_id or p.id_number = n.id_number end
),
uncovered as (
  select n.household_id, list(n.risk order by n.risk) as uncovered_risks
  from needs n
  left join covered c on c.household_id = n.household_id and c.risk = n.risk
  where c.household_id is null
  group by n.household_id
)
select
  a.period as month,
  a.town_code,
  coalesce(t.name, a.town_code) as town_name,
  a.area_code,
  coalesce(v.name, a.area_code) as village_name,
  a.household_id,
  a.head_name,
  a.id_number,
  a.household_size,
  a.household_type,
  a.monitor_kind,
  a.risks,
  u.uncovered_risks,
  a.income_pc,
  a.line
from active a
join uncovered u on u.household_id = a.household_id
left join areas t on t.area_code = a.town_code and t.area_level = 'town'
left join areas v on v.area_code = a.area_code and v.area_level = 'village'
order by a.area_code, a.household_id;
