// Disclosure control (DOMAIN.md §9): the ONE place that says which published village figures are counts
// of households or persons, which figures are the same count seen through different codes, and which
// counts add up. The suppression (suppress.ts) and the test that tries to undo it both read this file.
//
// A *quantity* is a count kept for every area and month (or period, for flows). A code's value, numerator
// and denominator each name the quantity they carry, or nothing when they are not a count (yuan, means).
//   - `q`          the quantity at the period's end snapshot (stocks) — so 2025-H1 and 2025-06 share it;
//   - `q@start`    the quantity at the period's start snapshot (return_rate's base = the lifted households
//                  of the month before);
//   - flows (FLOW_QUANTITIES) are per period, and a half-year or year equals the sum of its months.
// Relations an attacker can subtract with, all checked by the suppression and by its test:
//   1. area: a town's published figure = the sum of its villages' (every count quantity);
//   2. time: a flow's half-year and year = the sum of its months;
//   3. ADDITIVE below: counts that add up across codes in the same village and period.

export type QuantityRef = string;

export interface CodeFields {
  value?: QuantityRef;
  numerator?: QuantityRef;
  denominator?: QuantityRef;
  /** Not a count itself (a mean, a median), but a statement about the households of this quantity:
   *  withheld wherever that quantity is a small count (1 to threshold − 1). */
  base?: QuantityRef;
}

/** Quantities counted over a period (events), as opposed to end-snapshot stocks. */
export const FLOW_QUANTITIES: ReadonlySet<string> = new Set([
  "identified", "returned", "returned_pop", "newly_poor", "identified_timely", "identified_both_dates", "loans_issued", "leads",
]);

/** Quantities published elsewhere as reference data (never suppressed: 农村户数 of the village table). */
export const REFERENCE_QUANTITIES: ReadonlySet<string> = new Set(["rural_households"]);

/** Every catalog code's fields (loaders/indicators/catalog.ts; a unit test keeps the two in step). */
export const CODE_FIELDS: Readonly<Record<string, CodeFields>> = {
  hh_lifted: { value: "lifted" },
  pop_lifted: { value: "lifted_pop" },
  mon_active: { value: "active" },
  mon_active_pop: { value: "active_pop" },
  mon_identified: { value: "identified" },
  mon_share_pop: { numerator: "active_pop", denominator: "lifted_pop" },
  risk_elim_rate: { numerator: "eliminated", denominator: "monitored" },
  return_rate: { numerator: "returned", denominator: "lifted@start" },
  return_rate_pop: { numerator: "returned_pop", denominator: "lifted_pop@start" },
  new_poverty_rate: { numerator: "newly_poor", denominator: "not_lifted@start" },
  below_line_share: { numerator: "below_line", denominator: "line_known" },
  assist_coverage: { numerator: "active_assisted", denominator: "active" },
  guarantee_rate: { numerator: "all_ok", denominator: "households" },
  housing_ok_rate: { numerator: "housing_ok", denominator: "households" },
  edu_ok_rate: { numerator: "edu_ok", denominator: "households" },
  med_ok_rate: { numerator: "med_ok", denominator: "households" },
  water_ok_rate: { numerator: "water_ok", denominator: "households" },
  timely_identification_rate: { numerator: "identified_timely", denominator: "identified_both_dates" },
  // DOMAIN §7: the cohort is the households identified in the period whose outcome is known at its end, so
  // neither part adds up over months (a per-period count, never equated with another period's).
  timely_assist_rate: { numerator: "assisted_timely@period", denominator: "assist_known@period" },
  ident_pending: { value: "ident_pending" },
  ident_overdue: { value: "ident_overdue" },
  assist_pending: { value: "assist_pending" },
  assist_overdue: { value: "assist_overdue" },
  // per person (DOMAIN §7): the denominator is the persons of the 脱贫户 with a known 人均纯收入
  income_pc_mean: { denominator: "lifted_pop_with_income", base: "lifted_with_income" },
  income_pc_median: { denominator: "lifted_pop_with_income", base: "lifted_with_income" },
  income_growth: { base: "lifted" },
  // insurance (DOMAIN §7): coverage counts households of the end snapshot; amounts are not counts; the
  // settlement median is taken over the claims paid in the period (a flow), withheld where they are few
  ins_coverage_antipoverty: { numerator: "ins_covered", denominator: "lifted_or_monitored" },
  ins_premium: {},
  ins_subsidy: {},
  ins_paid: {},
  ins_loss_ratio: {},
  ins_settle_days_median: { denominator: "claims_settled@flow" },
  ins_density: {},
  ins_depth: {},
  // Amounts, not counts of households (DOMAIN §9 suppresses counts and rates on counts).
  loan_balance: {},
  loan_issued: {},
  loan_balance_yoy: {},
  npl_ratio: {},
  overdue_ratio: {},
  interest_subsidy: {},
  // a loan is a household's: a village's few loans are as telling as its few households
  loan_issued_count: { value: "loans_issued" },
  // the eligible households (脱贫户 or monitored, end snapshot) are the ones ins_coverage_antipoverty counts
  loan_coverage: { numerator: "loan_covered", denominator: "lifted_or_monitored" },
  // distinct borrowers of the period: a borrower of two months is one borrower of the half-year, so not a flow
  loan_avg: { denominator: "loan_borrowers@period" },
  // department leads (DOMAIN §10): raised in the period (a flow); the checked/identified parts are judged at the
  // period's end, so they are per-period counts
  lead_count: { value: "leads" },
  lead_checked_timely_rate: { numerator: "leads_checked_timely@period", denominator: "leads_due@period" },
  lead_identified_rate: { numerator: "leads_identified@period", denominator: "leads_closed@period" },
};

/** Counts that add up inside one village and period: total = sum of parts. */
export const ADDITIVE: ReadonlyArray<{ total: QuantityRef; parts: QuantityRef[] }> = [
  // 是否监测对象=是 splits into 风险已消除 and 风险未消除 (int_household_snapshots: is_active = monitored and not eliminated).
  { total: "monitored", parts: ["eliminated", "active"] },
  // new_poverty_rate's base: 农村户数 (reference, published) − 脱贫户 of the start snapshot.
  { total: "rural_households@start", parts: ["not_lifted@start", "lifted@start"] },
  // When the three kinds of monitored households are published per village, add here:
  // { total: "active", parts: ["active_unstable", "active_marginal", "active_sudden"] },
];

/**
 * The fields of a code, declared or, for a code this file does not know yet, the conservative default:
 * a household/person value and any ratio's numerator and denominator are counts of their own, flows per
 * period, stocks per period (never merged with another period, so nothing is assumed equal).
 */
export function codeFields(code: string, unit: string, kind: string): CodeFields {
  const declared = CODE_FIELDS[code];
  if (declared) return declared;
  const own = (field: string) => `${code}.${field}@${kind === "flow" ? "flow" : "period"}`;
  if (unit === "households" || unit === "persons") return { value: own("value") };
  if (unit === "ratio") return { numerator: own("numerator"), denominator: own("denominator") };
  return { denominator: own("denominator") };
}

export interface ParsedRef {
  quantity: string;
  /** Which month's count it is: the period's end snapshot, its start snapshot, or the period itself. */
  at: "end" | "start" | "period";
  /** A flow: a half-year or year is the sum of its months. */
  flow: boolean;
}

/** A quantity reference (`q`, `q@start`, `q@period`, `q@flow`) split into its parts. */
export function parseRef(ref: QuantityRef): ParsedRef {
  const [quantity, at = "end"] = ref.split("@");
  if (FLOW_QUANTITIES.has(quantity) || at === "flow") return { quantity, at: "period", flow: true };
  if (at !== "end" && at !== "start" && at !== "period") throw new Error(`未知的快照「${at}」：${ref}`);
  return { quantity, at, flow: false };
}
