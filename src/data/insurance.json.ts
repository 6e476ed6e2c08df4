// 保险保障, 理赔时效 and 保险兜底成效 pages: the insurance marts (no personal field in any of them). The claim-level
// list of open claims is left out of a public build (DIXIAN_PUBLIC=1) like every record-level list.
import { runLoader } from "./warehouse.ts";

const isPublic = process.env.DIXIAN_PUBLIC === "1";

runLoader(async (warehouse) => {
  const [settings] = await warehouse.query(
    "select outstanding_overdue_days, warning_multiple, poverty_line, warning_line, cap_per_household, trigger_tolerance from cfg_insurance",
  );
  return {
    public: isPublic,
    settings: settings ?? null,
    tiers: await warehouse.query("select tier, gap_from, gap_to, ratio from cfg_antipoverty_tiers order by tier"),
    // county: every line × insurer split; towns: their totals only (keeps the file small)
    breakdown: await warehouse.query(`
      select period, area_code, area_level, line_class, insurer, policies, premium, subsidy, self_paid, claims_paid, paid,
             claims_open, open_amount, claims_overdue, overdue_amount, loss_ratio,
             settle_days_median, settle_days_mean, settle_days_p90, settle_days_max
        from insurance_breakdown
       where area_level = 'county' or (line_class = '全部' and insurer = '全部')
       order by period, area_level, area_code, line_class, insurer`),
    lift: await warehouse.query("select * exclude (period_type) from insurance_lift order by period, area_level, area_code"),
    causeRisk: await warehouse.query("select * exclude (period_type) from insurance_cause_risk order by period, cause_group, claims desc, risk"),
    medGap: await warehouse.query("select * exclude (period_type) from insurance_med_gap order by period, area_level, area_code"),
    openClaims: isPublic ? null : await warehouse.query(`
      select claim_id, policy_id, insurer, product, line_class, town_code, cause, report_date, days_open, overdue, outstanding
        from insurance_open_claims order by days_open desc, claim_id`),
  };
});
