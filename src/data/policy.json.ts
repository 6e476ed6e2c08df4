// 政策例外清单 page data: every rule with its source sentence and counts (policy_rules), counts by rule and
// bank, and the loan-level list (policy_exceptions) with the borrower's name and ID number masked HERE,
// before anything leaves Node. With DIXIAN_PUBLIC=1 the loan-level list is left out (counts only).
import { maskId, maskName } from "../../loaders/privacy/mask.ts";
import { runLoader } from "./warehouse.ts";

const isPublic = process.env.DIXIAN_PUBLIC === "1";

runLoader(async (warehouse) => {
  const rules = await warehouse.query("select rule, title, enabled, threshold, source, loans, banks, borrowers from policy_rules order by rule");
  const byBank = await warehouse.query(`
    select institution, rule, count(*) as loans from policy_exceptions group by institution, rule order by institution, rule`);
  if (isPublic) return { public: true, rules, byBank, loans: null };
  const rows = await warehouse.query(`
    select rule, rule_title, institution, loan_id, product, product_class, borrower_type, borrower_name, id_number,
           household_id, contract_amount, issue_date, first_month, last_month, months, detail, town_code, town_name, village_name
    from policy_exceptions order by rule, institution, loan_id`);
  const loans = rows.map(({ borrower_name, id_number, borrower_type, ...rest }) => {
    const person = borrower_type === "个人" || borrower_type === "未填";
    return {
      ...rest,
      borrower_type,
      // firms and cooperatives are named in full (their loans are public-interest lending); persons masked
      borrower_name: typeof borrower_name === "string" && borrower_name ? (person ? maskName(borrower_name) : borrower_name) : "",
      id_number: typeof id_number === "string" && id_number ? maskId(id_number) : "",
    };
  });
  return { public: false, rules, byBank, loans };
});
