// 风险关联清单 page data (loan_risk_links): household-level lists joining loans with the roster. Names and ID
// numbers are masked HERE; with DIXIAN_PUBLIC=1 no household row is output at all.
import { maskId, maskName } from "../../loaders/privacy/mask.ts";
import { runLoader } from "./warehouse.ts";

const isPublic = process.env.DIXIAN_PUBLIC === "1";

runLoader(async (warehouse) => {
  if (isPublic) return { public: true, rows: null };
  const rows = await warehouse.query(`
    select list, snapshot_month, ledger_month, town_code, town_name, village_name, household_id, head_name, id_number,
           household_type, monitor_kind, labour_count, institution, loan_id, product, product_class, balance,
           overdue_principal, overdue_days, grade
    from loan_risk_links order by list, town_code, village_code, household_id, institution, loan_id`);
  return {
    public: false,
    rows: rows.map(({ head_name, id_number, ...rest }) => ({
      ...rest,
      head_name: typeof head_name === "string" && head_name ? maskName(head_name) : "",
      id_number: typeof id_number === "string" && id_number ? maskId(id_number) : "",
    })),
  };
});
