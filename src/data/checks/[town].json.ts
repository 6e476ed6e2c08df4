// One town's 疑点清单 (/checks/<town>), from the check_list mart: every 疑点核查 hit of the latest roster snapshot in the
// town's households, with the rule's name, severity and hint (data/config/checks.json), a finding written from the
// figure and threshold that fired, and the catalogue with the town's counts. Only the town's own rows leave, so
// hosting can restrict the page and this file to the town's cadres (DOMAIN.md §9, docs/intranet-hosting.md). The
// head's name and ID and the flagged ID or phone are masked HERE; with DIXIAN_PUBLIC=1 no household row is output.
import { maskId, maskPhone } from "../../../loaders/privacy/mask.ts";
import { isPublicBuild, maskHouseholdRow, townArgument } from "../household-list.ts";
import { runLoader, type JsonRow } from "../warehouse.ts";

const yuan = (n: unknown) => `${Number(n).toLocaleString("en-US", { maximumFractionDigits: 0 })} 元`;

/** The finding of one hit in words, from what the rule kept (figure, threshold, detail: no personal value). */
export function finding(row: JsonRow): string {
  const { figure, threshold, detail } = row;
  switch (row.rule) {
    case "below_line_not_monitored":
      return `人均纯收入 ${yuan(figure)}，低于监测线 ${yuan(threshold)}`;
    case "eliminated_below_line":
      return `${detail}；人均纯收入 ${yuan(figure)}，低于监测线 ${yuan(threshold)}`;
    case "quick_elimination":
      return `${detail}，相隔 ${figure} 个月（不满 ${threshold} 个月）`;
    case "early_assisted_elimination":
      return String(detail);
    case "no_measure_after_identification":
      return `${detail}，已满 ${figure} 个月，帮扶措施为空`;
    case "identified_income_high":
      return `${detail} ${yuan(figure)}（不低于 ${yuan(threshold)}）`;
    case "illness_no_self_paid":
      return "致贫返贫风险含因病，合规自付支出 0 元";
    case "job_measure_no_wage":
      return `帮扶措施含${detail}，工资性收入 ${yuan(figure)}`;
    case "phone_invalid":
      return `${detail}有 ${figure} 位数字，不是以1开头的11位手机号码`;
    default:
      return String(detail ?? "");
  }
}

const maskFlagged = (row: JsonRow): string => {
  const value = typeof row.flagged_value === "string" ? row.flagged_value : "";
  if (!value) return "";
  return row.value_kind === "phone" ? maskPhone(value) : maskId(value);
};

runLoader(async (warehouse) => {
  const town = townArgument();
  if (isPublicBuild()) return { public: true, town, snapshotMonth: null, rules: null, rows: null };
  const rows = await warehouse.query(`
    select snapshot_month, village_code, village_name, household_id, head_name, id_number, household_type, monitor_kind,
           rule, title, severity, figure, threshold, detail, flagged_value, value_kind
    from check_list where town_code = $town
    order by severity = '疑点', sort_order, village_code, household_id, person_ref`, { town });
  const rules = await warehouse.query(`
    select r.rule, r.title, r.severity, r.definition, r.message, r.status, r.status_note,
           coalesce(c.hits, 0)::integer as hits, coalesce(c.households, 0)::integer as households
    from check_rules r
    left join check_counts c on c.rule = r.rule and c.snapshot_month = r.snapshot_month and c.area_code = $town
    order by r.sort_order`, { town });
  const [latest] = await warehouse.query("select max(snapshot_month) as snapshot_month from check_rules");
  return {
    public: false,
    town,
    snapshotMonth: latest?.snapshot_month ?? null,
    rules,
    rows: rows.map((row) => {
      const masked = maskHouseholdRow(row, { names: ["head_name"], ids: ["id_number"] });
      const out: JsonRow = { ...masked, finding: finding(row), flagged_value: maskFlagged(row) };
      delete out.value_kind;
      delete out.detail;
      return out;
    }),
  };
});
