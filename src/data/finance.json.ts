// 金融帮扶总览 page data: per-bank figures (loan_banks), the breakdown by bank × product class × borrower type
// (loan_breakdown), coverage by household group and town (loan_coverage_groups), industry loans by town and the
// policy rules' counts. County and town loan indicators are in indicators-county/-towns.json. No
// household-level row leaves here.
import { bankSlug } from "./bank-list.ts";
import { runLoader } from "./warehouse.ts";

runLoader(async (warehouse) => {
  const banks = await warehouse.query("select * from loan_banks order by period, institution");
  return {
    banks: banks.map((b) => ({ ...b, slug: bankSlug(String(b.institution)) })),
    breakdown: await warehouse.query("select * from loan_breakdown order by period, institution, product_class, borrower_type"),
    // the page shows every group for the county and the 合计 group for each town (keeps the file small)
    coverage: await warehouse.query(`
      select period, area_code, area_level, area_name, household_group, households, with_loan, ever_borrowed, with_credit,
             coverage_rate, borrowed_rate, credit_rate
      from loan_coverage_groups
      where area_level = 'county' or household_group = '合计'
      order by period, area_level, area_code, household_group`),
    industry: await warehouse.query("select * from loan_industry_towns order by period, town_code"),
    rules: await warehouse.query("select rule, title, enabled, loans, banks from policy_rules order by rule"),
  };
});
