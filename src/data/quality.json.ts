// 数据质量 page data, read from the data_quality_* marts (values already masked by the loader). The extract and
// rule titles and the field documentation are code, not data: they come straight from the zod contracts the
// loader checks against, so they cannot drift from it. A public build (DIXIAN_PUBLIC=1) leaves out the
// rejected-row and warning details. The delivery grid comes from source_completeness; the 疑点核查 counts from
// check_rules and check_counts (aggregates by town: the households themselves are on the per-town /checks lists).
import { CONTRACTS } from "../../loaders/contracts/index.ts";
import { fieldDocs } from "../../loaders/contracts/field-docs.ts";
import { RULE_TITLES } from "../../loaders/contracts/rules.ts";
import { runLoader } from "./warehouse.ts";

const omitDetails = process.env.DIXIAN_PUBLIC === "1";

runLoader(async (warehouse) => {
  const [totals] = await warehouse.query("select * from data_quality_totals");
  return {
    extracts: CONTRACTS.map((c) => ({ extract: c.extract, title: c.title })),
    rules: Object.entries(RULE_TITLES).map(([rule, title]) => ({ rule, title })),
    files: await warehouse.query(`
      select file, sheet, extract, period, status, rows_read, rows_accepted, rows_rejected, rows_warned, message, loaded_at
      from data_quality_files order by status = 'loaded', extract, file, sheet`),
    byExtractPeriod: await warehouse.query(`
      select extract, period, files, rows_read, rows_accepted, rows_rejected, rows_warned, reject_rate
      from data_quality_periods order by extract, period`),
    topRules: await warehouse.query(`
      select extract, rule, rows, example from data_quality_rules order by extract, rows desc, rule`),
    bySource: await warehouse.query(`
      select extract, period, source_key, source_name, rejected, accepted, warned, reject_rate
      from data_quality_sources order by extract, source_key, period`),
    bySourceRule: await warehouse.query(`
      select extract, source_key, rule, rows from data_quality_source_rules order by extract, source_key, rows desc, rule`),
    loanProducts: await warehouse.query(`
      select institution, product, product_class, matched, loans, ledger_rows, first_month, last_month
      from data_quality_loan_products order by matched, institution, product`),
    details: omitDetails
      ? null
      : await warehouse.query(`
          select file, sheet, "row", column_name, value_masked, rule, message, extract, period, source_key
          from data_quality_details order by detail_order`),
    warningRules: await warehouse.query(`
      select extract, rule, rows, nulled, example from data_quality_warning_rules order by extract, rows desc, rule`),
    warningDetails: omitDetails
      ? null
      : await warehouse.query(`
          select file, sheet, "row", column_name, value_masked, rule, message, action, extract, period, source_key
          from data_quality_warning_details order by detail_order`),
    // the delivery grid (source × month) of source_completeness: who delivered, who is missing
    deliveries: await warehouse.query(`
      select source_type, source_key, source_name, month, delivered, rows, missing
      from source_completeness order by source_type, source_name, month`),
    unattributed: await warehouse.query(`
      select extract, month, institution, records, amount from unattributed_records order by extract, month, institution`),
    // 疑点核查: the rules with their status and counts in the latest snapshot, counts per town, and the county by month
    checks: {
      lists: !omitDetails,
      rules: await warehouse.query(`
        select rule, title, severity, threshold, unit, enabled, definition, message, status, status_note, snapshot_month,
               hits::integer as hits, households::integer as households
        from check_rules order by sort_order`),
      byTown: await warehouse.query(`
        select c.rule, c.area_code, c.area_name, c.households::integer as households
        from check_counts c join check_rules r on r.rule = c.rule and r.snapshot_month = c.snapshot_month
        where c.area_level = 'town' order by c.area_code, c.rule`),
      trend: await warehouse.query(`
        select c.rule, c.snapshot_month, sum(c.households)::integer as households
        from check_counts c where c.area_level = 'county' group by c.rule, c.snapshot_month order by c.snapshot_month, c.rule`),
    },
    totals,
    detailTotal: Number(totals?.rejections ?? 0),
    warningTotal: Number(totals?.warnings ?? 0),
    fields: CONTRACTS.flatMap((c) => fieldDocs(c)),
  };
});
