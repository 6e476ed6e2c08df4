-- bank_scorecard — grain: evaluation period × bank. total = sum of the items' points (int_bank_scores); grade
-- by the county's cut-offs (优秀/良好/一般, else 勉励); rank within the bank's peer group (cfg_bank_peer_groups,
-- else 全部; ties share a rank); change against the bank's previous evaluation (the preceding evaluation
-- period that has ledgers).
-- key: period, institution
create or replace table bank_scorecard as
with totals as (
  select period, institution, sum(points) as total from int_bank_scores group by period, institution
),
graded as (
  select
    t.*,
    coalesce(g.peer_group, '全部') as peer_group,
    case when t.total >= s.grade_excellent then '优秀'
         when t.total >= s.grade_good then '良好'
         when t.total >= s.grade_fair then '一般'
         else '勉励' end as grade
  from totals t
  cross join cfg_scorecard_settings s
  left join cfg_bank_peer_groups g on g.institution = t.institution
),
ranked as (
  select *,
    rank() over (partition by period, peer_group order by total desc) as rank,
    count(*) over (partition by period, peer_group) as banks_in_group,
    lag(period) over (partition by institution order by period) as previous_period,
    lag(total) over (partition by institution order by period) as previous_total,
    lag(grade) over (partition by institution order by period) as previous_grade
  from graded
),
with_previous_rank as (
  select r.*, p.rank as previous_rank
  from ranked r
  left join ranked p on p.period = r.previous_period and p.institution = r.institution
)
select
  period, institution, peer_group, total, grade, rank, banks_in_group,
  previous_period, previous_total, total - previous_total as change, previous_grade, previous_rank
from with_previous_rank
order by period, peer_group, rank, institution;
