// The loan book: microcredit to 脱贫 and monitored households (cycles of 1–3 year loans, renewals,
// extensions, a few bad loans after shocks), 个人精准扶贫贷款, 创业担保贷款 and 产业精准扶贫贷款 to firms.
import { COUNTY, type Geography } from "./geography.ts";
import { dayOf, monthEnd, monthStart, partsOf, type Day } from "./dates.ts";
import { socialCreditCode } from "./id-numbers.ts";
import { BANKS, MICRO_SHARE } from "./banks.ts";
import { firmName } from "./names.ts";
import { rngFor, type Rng } from "./prng.ts";
import type { Household, SimWindow } from "./roster.ts";
import { join } from "node:path";
import { LPR_FILE, readLpr, type LprRow } from "../config/finance.ts";
import { DEFAULT_CONFIG_DIR } from "../paths.ts";
import { caseLoans, type LoanCase } from "./loan-cases.ts";

let lprTable: LprRow[] | null = null;

/**
 * The microcredit rate cap of DOMAIN.md §4 for a loan issued on `issue`: the 1-year LPR for terms up to 12
 * months, else the 5-year-and-above LPR, as published on the 20th (data/config/lpr.csv). Infinity before
 * the LPR existed (August 2019).
 */
export function rateCap(issue: Day, termMonths: number): number {
  lprTable ??= readLpr(join(DEFAULT_CONFIG_DIR, LPR_FILE));
  const { y, m, d } = partsOf(issue);
  const month = d >= 20 ? `${y}-${String(m).padStart(2, "0")}` : m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  const row = [...lprTable].reverse().find((r) => r.month <= month);
  if (!row) return Infinity;
  return termMonths <= 12 ? row.oneYear : row.fiveYear;
}

export type Product = "脱贫人口小额信贷" | "个人精准扶贫贷款" | "产业精准扶贫贷款" | "项目精准扶贫贷款" | "创业担保贷款";

export interface Loan {
  bank: number;
  id: string;
  borrowerType: "个人" | "企业" | "合作社" | "项目";
  borrowerName: string;
  idNumber: string;
  household: Household | null;
  areaCode: string;
  product: Product;
  amount: number;
  issue: Day;
  maturity: Day;
  termMonths: number;
  rate: number;
  guarantee: string;
  amortising: boolean;
  renewal: boolean;
  /** Day the loan was extended by a year (展期), near its first maturity. */
  extendedOn: Day | null;
  /** First missed payment (amortising) — bullet loans fall overdue at maturity instead. */
  delinquentFrom: Day | null;
  /** Day the borrower pays everything back (early repayment or settling arrears). */
  settledOn: Day | null;
  /** Day a performing loan is put on the watch list (关注) after the household's shock. */
  watchFrom: Day | null;
  peopleDriven: number | null;
  /** The bank keeps paying the interest subsidy while the loan is overdue (a policy exception, case loans only). */
  subsidyWhileOverdue?: boolean;
  /** Which policy or finance case the loan was made for (loan-cases.ts), recorded in the manifest. */
  case?: LoanCase;
}

export function addMonths(day: Day, months: number): Day {
  const { y, m, d } = partsOf(day);
  return dayOf(y, m + months, Math.min(d, 28));
}

/** Maturity shown on the ledger on `day` (a year later once extended). */
export function maturityOn(loan: Loan, day: Day): Day {
  return loan.extendedOn !== null && day >= loan.extendedOn ? addMonths(loan.maturity, 12) : loan.maturity;
}

function issueDay(rng: Rng, from: Day, to: Day): Day {
  const d = rng.int(from, to);
  const { y, m } = partsOf(d);
  return dayOf(y, m, Math.min(partsOf(d).d, 28));
}

type Draft = Omit<Loan, "id" | "delinquentFrom" | "settledOn" | "watchFrom" | "extendedOn">;

/** Repayment behaviour: most loans perform; after a severe shock some fall overdue, some are extended. */
function behaviour(rng: Rng, draft: Draft, baseRisk: number): Pick<Loan, "delinquentFrom" | "settledOn" | "watchFrom" | "extendedOn"> {
  const shock = draft.household?.shocks.find((s) => s.day >= draft.issue && s.day < draft.maturity && s.severity > 0.5);
  let delinquentFrom: Day | null = null;
  let settledOn: Day | null = null;
  let watchFrom: Day | null = null;
  let extendedOn: Day | null = null;
  if (rng.chance(baseRisk + (shock ? 0.25 : 0))) {
    // Extension (展期) adds a year, so only loans of up to two years are extended: the total stays ≤ 3 years.
    if (!draft.amortising && draft.termMonths <= 24 && rng.chance(0.4)) extendedOn = draft.maturity - rng.int(5, 30);
    else {
      delinquentFrom = draft.amortising ? addMonths(draft.issue, rng.int(1, draft.termMonths)) : draft.maturity;
      if (shock && shock.day > delinquentFrom - 30 && draft.amortising) delinquentFrom = addMonths(draft.issue, Math.min(draft.termMonths, Math.ceil((shock.day - draft.issue) / 30.4) + 1));
      if (rng.chance(0.35)) settledOn = delinquentFrom + rng.int(60, 300);
    }
  } else if (shock && rng.chance(0.3)) {
    watchFrom = shock.day + rng.int(10, 40);
  } else if (!draft.amortising && rng.chance(0.08)) {
    settledOn = rng.int(draft.issue + 90, draft.maturity - 10);
  }
  return { delinquentFrom, settledOn, watchFrom, extendedOn };
}

function microAmount(rng: Rng): number {
  // Mostly 30,000–50,000 (the 50,000 cap is the most common choice); a few small loans.
  return rng.chance(0.85) ? rng.weighted([30_000, 35_000, 40_000, 45_000, 50_000], [15, 8, 25, 7, 45]) : rng.int(2, 5) * 5_000;
}

function microLoans(seed: number, hh: Household, bookStart: Day, lastDay: Day): Draft[] {
  const rng = rngFor(seed, "loans", hh.index);
  const firstEpisode = hh.episodes[0];
  const eligibleFrom = hh.type === "脱贫户" ? bookStart : firstEpisode ? firstEpisode.identified : null;
  if (eligibleFrom === null) return [];
  const bank = rng.weightedIndex(MICRO_SHARE);
  const drafts: Draft[] = [];
  const make = (issue: Day, renewal: boolean): Draft => {
    const termMonths = rng.weighted([36, 24, 12], [55, 25, 20]);
    return {
      bank, borrowerType: "个人", borrowerName: hh.headName, idNumber: hh.idNumber, household: hh, areaCode: hh.village.code,
      product: "脱贫人口小额信贷", amount: microAmount(rng), issue, maturity: addMonths(issue, termMonths), termMonths,
      // banks price microcredit at their own rate, but never above the LPR cap of the issue date
      rate: Math.min(BANKS[bank].microRate, rateCap(issue, termMonths)), guarantee: "信用", amortising: rng.chance(0.35), renewal, peopleDriven: null,
    };
  };
  // Monitored households whose measures include 金融帮扶 borrow right after their first assistance.
  for (const ep of hh.episodes) {
    if (ep.assist !== null && ep.measures.includes("金融帮扶") && ep.assist <= lastDay) drafts.push(make(issueDay(rng, ep.assist, ep.assist + 20), false));
  }
  // About 40% of eligible working households borrow, in cycles: renewal (续贷) at maturity or a new loan later.
  if (!hh.noLabour ? rng.chance(0.42) : rng.chance(0.04)) {
    let issue = issueDay(rng, Math.max(eligibleFrom, bookStart), lastDay + 400);
    let renewal = false;
    while (issue <= lastDay) {
      const loan = make(issue, renewal);
      if (!drafts.some((d) => d.issue <= issue && issue < d.maturity)) drafts.push(loan);
      if (!rng.chance(0.55)) break;
      renewal = rng.chance(0.45);
      issue = renewal ? loan.maturity : issueDay(rng, loan.maturity + 30, loan.maturity + 540);
    }
  }
  if (hh.type === "脱贫户" && !hh.noLabour && rng.chance(0.008)) {
    const issue = issueDay(rng, bookStart, lastDay);
    const termMonths = rng.pick([24, 36]);
    drafts.push({
      bank: rng.pick([0, 2, 4]), borrowerType: "个人", borrowerName: hh.headName, idNumber: hh.idNumber, household: hh, areaCode: hh.village.code,
      product: "个人精准扶贫贷款", amount: rng.int(5, 10) * 10_000, issue, maturity: addMonths(issue, termMonths), termMonths,
      rate: rng.pick([4.35, 4.5, 4.75]), guarantee: "保证", amortising: rng.chance(0.5), renewal: false, peopleDriven: null,
    });
  }
  if (!hh.noLabour && rng.chance(0.01)) {
    const issue = issueDay(rng, bookStart, lastDay);
    drafts.push({
      bank: rng.pick([0, 3, 4]), borrowerType: "个人", borrowerName: hh.headName, idNumber: hh.idNumber, household: hh, areaCode: hh.village.code,
      product: "创业担保贷款", amount: rng.weighted([10, 15, 20, 30], [40, 30, 20, 10]) * 10_000, issue, maturity: addMonths(issue, 24), termMonths: 24,
      rate: rng.pick([3.85, 4.35, 4.85]), guarantee: "保证", amortising: rng.chance(0.3), renewal: false, peopleDriven: null,
    });
  }
  // Banks lend microcredit to heads aged 18–65 (DOMAIN.md §4); older heads' households get none here (the
  // out-of-range borrowers are the age cases of loan-cases.ts).
  return drafts.filter((d) => d.product !== "脱贫人口小额信贷" || ageAt(d.idNumber, d.issue) <= 65);
}

/** Full years at `day` of the person whose 18-digit ID number is given. */
function ageAt(idNumber: string, day: Day): number {
  const birth = { y: Number(idNumber.slice(6, 10)), m: Number(idNumber.slice(10, 12)), d: Number(idNumber.slice(12, 14)) };
  const { y, m, d } = partsOf(day);
  return y - birth.y - (m < birth.m || (m === birth.m && d < birth.d) ? 1 : 0);
}

function firmLoans(seed: number, geography: Geography, count: number, bookStart: Day, lastDay: Day): Draft[] {
  const rng = rngFor(seed, "firms");
  const drafts: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const village = rng.pick(geography.villages);
    const { name, kind } = firmName(rng, COUNTY.name, village.name.replace(/村$/, ""));
    const code = socialCreditCode(rng, COUNTY.code, kind);
    const bank = rng.pick([0, 2, 4]);
    const areaCode = rng.chance(0.6) ? village.town.code : village.code;
    let issue = issueDay(rng, bookStart, lastDay);
    for (let n = 0; n < 3 && issue <= lastDay; n++) {
      const termMonths = rng.pick([12, 24, 36]);
      const amount = (kind === "企业" ? rng.int(10, 50) : rng.int(5, 20)) * 100_000;
      drafts.push({
        bank, borrowerType: kind, borrowerName: name, idNumber: code, household: null, areaCode, product: "产业精准扶贫贷款", amount,
        issue, maturity: addMonths(issue, termMonths), termMonths, rate: rng.pick([3.9, 4.15, 4.35, 4.8]), guarantee: rng.pick(["抵押", "保证"]),
        amortising: rng.chance(0.3), renewal: n > 0 && rng.chance(0.5), peopleDriven: Math.round(amount / 100_000 * rng.uniform(1.5, 4)),
      });
      issue = issueDay(rng, addMonths(issue, termMonths), addMonths(issue, termMonths) + 90);
    }
  }
  return drafts;
}

export function buildLoans(seed: number, households: Household[], geography: Geography, window: SimWindow): Loan[] {
  // Loans issued up to three years before the window are still on the books in its first months.
  const bookStart = monthStart(window.first - 36);
  const lastDay = monthEnd(window.last);
  const drafts: { draft: Draft; risk: number; key: string }[] = [];
  for (const hh of households) {
    microLoans(seed, hh, bookStart, lastDay).forEach((d, i) => drafts.push({ draft: d, risk: 0.03, key: `h${hh.index}-${i}` }));
  }
  const firms = Math.max(3, Math.round(households.length / 450));
  firmLoans(seed, geography, firms, bookStart, lastDay).forEach((d, i) => drafts.push({ draft: d, risk: 0.04, key: `f${i}` }));
  const loans: Loan[] = drafts.map(({ draft, risk, key }) => ({ ...draft, id: "", ...behaviour(rngFor(seed, "loan-behaviour", key), draft, risk) }));
  // the policy and finance cases keep the behaviour they were drawn with
  for (const draft of caseLoans(seed, households, geography, window, rateCap)) loans.push({ ...draft, id: "" });
  // Array.prototype.sort is stable, so ties keep the deterministic draft order.
  loans.sort((a, b) => a.bank - b.bank || a.issue - b.issue);
  const seq = BANKS.map(() => 0);
  for (const loan of loans) {
    const { y, m } = partsOf(loan.issue);
    loan.id = `${BANKS[loan.bank].prefix}${y}${String(m).padStart(2, "0")}${String(++seq[loan.bank]).padStart(6, "0")}`;
  }
  return loans;
}
