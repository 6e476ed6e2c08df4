// 比对预警 page data (DOMAIN.md §10), from the leads, lead_rules, department_matches,
// lead_indicators_by_department and indicators marts: aggregates only, the same in every build. No household
// row: each town's lead list, its overdue leads included, is a separate file (leads/[town].json.ts), so hosting
// can restrict it to the town (DOMAIN.md §9); public builds have none.
import { isPublicBuild } from "./household-list.ts";
import { runLoader } from "./warehouse.ts";

runLoader(async (warehouse) => {
  const [settings] = await warehouse.query("select check_deadline_days from cfg_lead_settings");
  const [asOf] = await warehouse.query("select max(as_of_date) as as_of_date from leads");
  const rules = await warehouse.query("select rule, department, name_zh, sentence_zh from lead_rules order by sort_order");
  const matches = await warehouse.query("select * from department_matches order by department");
  const byMonth = await warehouse.query(
    "select lead_month as month, department, count(*)::integer as leads from leads group by all order by month, department",
  );
  const outcomes = await warehouse.query(`
    select department,
      count(*)::integer as leads,
      count(*) filter (where status = '已纳入监测')::integer as identified,
      count(*) filter (where status = '核查不符合')::integer as not_qualifying,
      count(*) filter (where status = '已核查待办结')::integer as checked_open,
      count(*) filter (where status = '待核查')::integer as pending,
      count(*) filter (where status = '逾期未核查')::integer as overdue
    from leads group by department order by department`);
  const byDepartment = await warehouse.query(`
    select department, code, period, value, numerator, denominator
    from lead_indicators_by_department where area_level = 'county'
    union all
    select '全部', code, period, value, numerator, denominator
    from indicators_published where area_level = 'county' and code in ('lead_count', 'lead_checked_timely_rate', 'lead_identified_rate')
    order by period, department, code`);
  const byTown = await warehouse.query(`
    select i.area_code, a.name, i.code, i.period, i.value, i.numerator, i.denominator
    from indicators_published i join areas a on a.area_code = i.area_code and a.area_level = 'town'
    where i.area_level = 'town' and i.code in ('lead_count', 'lead_checked_timely_rate', 'lead_identified_rate')
    order by i.period, i.area_code, i.code`);
  const overdueByTown = await warehouse.query(`
    select town_code, town_name, count(*)::integer as leads, count(*) filter (where is_overdue)::integer as overdue,
      count(*) filter (where not is_closed)::integer as open
    from leads where town_code is not null group by all order by town_code`);
  return {
    // public: whether the per-town lists exist (the page links to them only if they do)
    public: isPublicBuild(),
    deadline: settings?.check_deadline_days ?? null,
    asOf: asOf?.as_of_date ?? null,
    rules, matches, byMonth, outcomes, byDepartment, byTown, overdueByTown,
  };
});
