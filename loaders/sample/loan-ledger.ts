// A loan's line in a bank's monthly ledger: balance, arrears and five-category grade at the month's end.
import { isoDay, monthEnd, monthLabel, monthYear, partsOf, type Day, type MonthIndex } from "./dates.ts";
import { BANKS } from "./banks.ts";
import { addMonths, maturityOn, type Loan } from "./loans.ts";
import type { Row } from "./snapshot.ts";

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Instalment dates (same day of month as the issue, which is ≤ 28) passed by `day`. */
function monthsElapsed(issue: Day, day: Day): number {
  const a = partsOf(issue);
  const b = partsOf(day);
  return Math.max(0, (b.y - a.y) * 12 + (b.m - a.m) - (b.d < a.d ? 1 : 0));
}

interface State {
  balance: number;
  overdue: number;
  overdueDays: number;
}

/** Balance and arrears on `day`, or null when the loan is not on the books (not issued yet, or repaid). */
export function loanState(loan: Loan, day: Day): State | null {
  if (loan.issue > day) return null;
  if (loan.settledOn !== null && loan.settledOn <= day) return null;
  if (loan.amortising) {
    // Equal monthly principal instalments; after the first missed one, nothing more is paid.
    const step = loan.amount / loan.termMonths;
    const due = Math.min(loan.termMonths, monthsElapsed(loan.issue, day));
    let paid = due;
    if (loan.delinquentFrom !== null && loan.delinquentFrom <= day) {
      paid = Math.min(due, monthsElapsed(loan.issue, loan.delinquentFrom - 1));
    }
    const balance = round2(loan.amount - paid * step);
    if (balance <= 0) return null;
    const overdue = round2((due - paid) * step);
    return { balance, overdue, overdueDays: overdue > 0 ? day - addMonths(loan.issue, paid + 1) + 1 : 0 };
  }
  const maturity = maturityOn(loan, day);
  if (day < maturity) return { balance: loan.amount, overdue: 0, overdueDays: 0 };
  if (loan.delinquentFrom === null) return null;
  return { balance: loan.amount, overdue: loan.amount, overdueDays: day - maturity + 1 };
}

/** Five-category grade from days overdue (the usual mapping banks apply to small loans). */
export function gradeOf(loan: Loan, state: State, day: Day): string {
  const d = state.overdueDays;
  if (d > 360) return "损失";
  if (d > 180) return "可疑";
  if (d > 90) return "次级";
  if (d > 0) return "关注";
  const extended = loan.extendedOn !== null && loan.extendedOn <= day;
  const watched = loan.watchFrom !== null && loan.watchFrom <= day;
  return extended || watched ? "关注" : "正常";
}

/**
 * The fiscal interest subsidy for the month on performing loans: microcredit fully subsidised until 2023 and
 * 70% from 2024 (DOMAIN.md §4; 2026 assumed unchanged); 创业担保贷款 half (illustrative).
 */
function subsidy(loan: Loan, state: State, year: number): number {
  if (state.overdue > 0 && !loan.subsidyWhileOverdue) return 0;
  const share = loan.product === "脱贫人口小额信贷" ? (year <= 2023 ? 1 : 0.7) : loan.product === "创业担保贷款" ? 0.5 : 0;
  return round2((state.balance * loan.rate) / 100 / 12 * share);
}

/** The canonical loans row (DOMAIN.md §6) for the month, or null when the loan is off the books. */
export function ledgerRow(loan: Loan, month: MonthIndex): Row | null {
  const day = monthEnd(month);
  const state = loanState(loan, day);
  if (state === null) return null;
  return {
    数据期: monthLabel(month),
    金融机构: BANKS[loan.bank].name,
    贷款编号: loan.id,
    借款人类型: loan.borrowerType,
    借款人名称: loan.borrowerName,
    证件号码: loan.idNumber,
    户编号: loan.household?.id ?? null,
    区划代码: loan.areaCode,
    // each bank writes the product its own way (loaders classify the name by the county's rules)
    贷款品种: BANKS[loan.bank].productNames?.[loan.product] ?? loan.product,
    合同金额: loan.amount,
    发放日期: isoDay(loan.issue),
    到期日期: isoDay(maturityOn(loan, day)),
    贷款余额: state.balance,
    年利率: loan.rate,
    贴息金额: subsidy(loan, state, monthYear(month)),
    担保方式: loan.guarantee,
    五级分类: gradeOf(loan, state, day),
    逾期本金: state.overdue,
    逾期天数: state.overdueDays,
    是否续贷: loan.renewal ? "是" : "否",
    是否展期: loan.extendedOn !== null && loan.extendedOn <= day ? "是" : "否",
    带动脱贫人口: loan.peopleDriven,
  };
}
