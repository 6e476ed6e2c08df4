// One town's 风险关联清单 (/risk-links/<town>), from loan_risk_links: the town's household-level lists joining
// loans with the roster. Only the town's own rows leave, so hosting can restrict the page and this file to the
// town's cadres (DOMAIN.md §9, docs/intranet-hosting.md). Names and ID numbers are masked HERE; with
// DIXIAN_PUBLIC=1 no household row is output at all (and the page is not built).
import { isPublicBuild, maskHouseholdRow, townArgument } from "../household-list.ts";
import { runLoader } from "../warehouse.ts";

runLoader(async (warehouse) => {
  const town = townArgument();
  if (isPublicBuild()) return { public: true, town, rows: null };
  const rows = await warehouse.query(`
    select list, snapshot_month, ledger_month, town_code, town_name, village_name, household_id, head_name, id_number,
           household_type, monitor_kind, labour_count, institution, loan_id, product, product_class, balance,
           overdue_principal, overdue_days, grade
    from loan_risk_links where town_code = $town
    order by list, village_code, household_id, institution, loan_id`, { town });
  // the months the lists were drawn from, the same for every town (an empty town's page still says them)
  const [months] = await warehouse.query("select max(snapshot_month) as snapshot_month, max(ledger_month) as ledger_month from loan_risk_links");
  return {
    public: false,
    town,
    snapshotMonth: months?.snapshot_month ?? null,
    ledgerMonth: months?.ledger_month ?? null,
    rows: rows.map((row) => maskHouseholdRow(row, { names: ["head_name"], ids: ["id_number"] })),
  };
});
