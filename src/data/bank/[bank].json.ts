// One bank's page data: its figures by period (loan_banks), its breakdown by product class and borrower type
// (loan_breakdown), its scorecard results and its policy exceptions counted by rule and period. No
// household-level row leaves here.
import { bankSlug } from "../bank-list.ts";
import { runLoader } from "../warehouse.ts";

const slug = process.argv.find((arg) => arg.startsWith("--bank="))?.slice("--bank=".length) ?? "";

runLoader(async (warehouse) => {
  const names = await warehouse.query("select distinct institution from loan_banks");
  const name = names.map((r) => String(r.institution)).find((n) => bankSlug(n) === slug);
  if (name === undefined) throw new Error(`没有代码为「${slug}」的银行`);
  const params = { name };
  return {
    name,
    periods: await warehouse.query("select * from loan_banks where institution = $name order by period", params),
    breakdown: await warehouse.query("select * from loan_breakdown where institution = $name order by period, product_class, borrower_type", params),
    scores: await warehouse.query("select * from bank_scorecard where institution = $name order by period", params),
    exceptions: await warehouse.query(`
      select e.rule, r.title, count(*) as loans
      from policy_exceptions e join policy_rules r using (rule)
      where e.institution = $name
      group by e.rule, r.title order by e.rule`, params),
  };
});
