// Loans that exercise every policy check and finance view (issue 10): a top-up loan and a household above
// the 100,000 total, a single loan above 50,000, a 48-month loan, a rate above the LPR cap, borrowers of 18
// and 66 at issue (household members, not the head), an ordinary household that is not monitored, an overdue
// loan still subsidised, a loan past maturity without renewal, a renewed loan later extended, a cooperative
// and a project loan. Each is recorded in the manifest (loanCases) so tests know what the checks must find.
// Households are drawn from their own random stream: the rest of the book does not change with them.
import { gb11643CheckDigit } from "../contracts/gb11643.ts";
import { COUNTY, type Geography } from "./geography.ts";
import { dayOf, isoDay, monthEnd, monthStart, partsOf, type Day } from "./dates.ts";
import { socialCreditCode } from "./id-numbers.ts";
import { personName } from "./names.ts";
import { rngFor, type Rng } from "./prng.ts";
import type { Household, SimWindow } from "./roster.ts";
import type { Loan } from "./loans.ts";

export type LoanCase =
  | "top_up" | "household_over" | "single_over" | "term_over" | "rate_over_cap" | "age_18" | "age_66"
  | "not_eligible" | "subsidy_on_overdue" | "past_maturity" | "repeated_rollover" | "cooperative" | "project";

export type CaseDraft = Omit<Loan, "id"> & { case: LoanCase };

function addMonths(day: Day, months: number): Day {
  const { y, m, d } = partsOf(day);
  return dayOf(y, m + months, Math.min(d, 28));
}

/** A citizen ID with an exact birth date (for the age cases), unique against `taken`. */
function idBornOn(rng: Rng, birth: Day, male: boolean, taken: Set<string>): string {
  for (;;) {
    const seq = rng.int(0, 99) * 10 + rng.int(0, 4) * 2 + (male ? 1 : 0);
    const first17 = COUNTY.code + isoDay(birth).replaceAll("-", "") + String(seq).padStart(3, "0");
    const id = first17 + gb11643CheckDigit(first17);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/**
 * The case loans, issued inside the window (or, for the maturity cases, so that maturity falls inside it).
 * `rateCap(issue, termMonths)` is the LPR cap the ordinary book respects.
 */
export function caseLoans(seed: number, households: Household[], geography: Geography, window: SimWindow, rateCap: (issue: Day, termMonths: number) => number): CaseDraft[] {
  const rng = rngFor(seed, "loan-cases");
  const used = new Set<number>();
  const taken = new Set(households.map((h) => h.idNumber));
  const pickHousehold = (fits: (h: Household) => boolean): Household | null => {
    const pool = households.filter((h) => !used.has(h.index) && fits(h));
    if (pool.length === 0) return null;
    const hh = rng.pick(pool);
    used.add(hh.index);
    return hh;
  };
  const worker = (h: Household) => h.type === "脱贫户" && !h.noLabour && h.labour > 0;
  const start = monthStart(window.first);
  const inWindow = (afterMonths = 0): Day => Math.min(start + 2 + rng.int(0, 20) + afterMonths * 30, monthEnd(window.last) - 5);
  const drafts: CaseDraft[] = [];
  const micro = (hh: Household, c: LoanCase, bank: number, amount: number, issue: Day, termMonths: number, extra: Partial<CaseDraft> = {}): CaseDraft => ({
    case: c, bank, borrowerType: "个人", borrowerName: hh.headName, idNumber: hh.idNumber, household: hh, areaCode: hh.village.code,
    product: "脱贫人口小额信贷", amount, issue, maturity: addMonths(issue, termMonths), termMonths, rate: rateCap(issue, termMonths),
    guarantee: "信用", amortising: false, renewal: false, extendedOn: null, delinquentFrom: null, settledOn: null, watchFrom: null,
    peopleDriven: null, ...extra,
  });

  const a = pickHousehold(worker);
  if (a) {
    const first = inWindow();
    drafts.push(micro(a, "top_up", 0, 50_000, first, 36));
    drafts.push(micro(a, "top_up", 0, 30_000, first + 35, 12)); // the top-up: wholly beyond the first 50,000, yet subsidised
  }
  const b = pickHousehold(worker);
  if (b) {
    const first = inWindow();
    drafts.push(micro(b, "household_over", 0, 50_000, first, 36));
    drafts.push(micro(b, "household_over", 0, 40_000, first + 20, 24));
    drafts.push(micro(b, "household_over", 1, 20_000, first + 40, 12));
  }
  const c = pickHousehold(worker);
  if (c) drafts.push(micro(c, "single_over", 2, 60_000, inWindow(), 36));
  const d = pickHousehold(worker);
  if (d) drafts.push(micro(d, "term_over", 0, 40_000, inWindow(), 48));
  const e = pickHousehold(worker);
  if (e) {
    const issue = inWindow();
    drafts.push(micro(e, "rate_over_cap", 3, 30_000, issue, 12, { rate: Math.round((rateCap(issue, 12) + 0.5) * 100) / 100 }));
  }
  for (const [kase, age] of [["age_18", 18], ["age_66", 66]] as const) {
    const hh = pickHousehold(worker);
    if (!hh) continue;
    const issue = inWindow();
    const { y, m, d } = partsOf(issue);
    const birth = dayOf(y - age, m, Math.min(d, 28)) - 20; // the birthday passed 20 days before the issue
    const male = rng.chance(0.5);
    drafts.push(micro(hh, kase, 0, 20_000, issue, 12, { borrowerName: personName(rng, male).replace(/^./, hh.headName[0]!), idNumber: idBornOn(rng, birth, male, taken) }));
  }
  const f = pickHousehold((h) => h.type === "一般农户" && h.episodes.length === 0 && !h.noLabour);
  if (f) drafts.push(micro(f, "not_eligible", 4, 20_000, inWindow(), 24));
  const g = pickHousehold(worker);
  if (g) {
    const issue = inWindow();
    drafts.push(micro(g, "subsidy_on_overdue", 0, 30_000, issue, 24, { amortising: true, delinquentFrom: addMonths(issue, 2), subsidyWhileOverdue: true }));
  }
  const h = pickHousehold(worker);
  if (h) {
    // matures a month before the window ends and is not repaid: balance past maturity, no renewal or extension
    const issue = addMonths(monthStart(window.last - 1), -12) + 3;
    drafts.push(micro(h, "past_maturity", 1, 20_000, issue, 12, { delinquentFrom: addMonths(issue, 12) }));
  }
  const r = pickHousehold(worker);
  if (r) {
    // a renewal (续贷) extended (展期) shortly before its maturity inside the window
    const issue = addMonths(monthStart(window.last), -12) + 10;
    drafts.push(micro(r, "repeated_rollover", 0, 30_000, issue, 12, { renewal: true, extendedOn: addMonths(issue, 12) - 15 }));
  }
  const village = rng.pick(geography.villages);
  const coopIssue = inWindow();
  drafts.push({
    case: "cooperative", bank: 2, borrowerType: "合作社", borrowerName: `${COUNTY.name}${village.name.replace(/村$/, "")}种养殖农民专业合作社`,
    idNumber: socialCreditCode(rng, COUNTY.code, "合作社"), household: null, areaCode: village.code, product: "产业精准扶贫贷款",
    amount: 800_000, issue: coopIssue, maturity: addMonths(coopIssue, 24), termMonths: 24, rate: 4.15, guarantee: "保证", amortising: false,
    renewal: false, extendedOn: null, delinquentFrom: null, settledOn: null, watchFrom: null, peopleDriven: 26,
  });
  const town = rng.pick(geography.towns);
  const projectIssue = inWindow();
  drafts.push({
    case: "project", bank: 2, borrowerType: "项目", borrowerName: `${COUNTY.name}易地扶贫搬迁安置点配套设施项目`,
    idNumber: socialCreditCode(rng, COUNTY.code, "企业"), household: null, areaCode: town.code, product: "项目精准扶贫贷款",
    amount: 3_000_000, issue: projectIssue, maturity: addMonths(projectIssue, 60), termMonths: 60, rate: 4.2, guarantee: "抵押", amortising: false,
    renewal: false, extendedOn: null, delinquentFrom: null, settledOn: null, watchFrom: null, peopleDriven: null,
  });
  return drafts;
}
