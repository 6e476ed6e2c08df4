// Period selector usable with Framework's view(): the element has a `value` and emits "input".
// Options are grouped 月度 / 半年度 / 年度, newest first, shown as 2025年上半年 etc.
// One default across pages: the latest month, with the latest half-year one click away (a button beside the
// list). The period a reader picks is carried to the next page they open (browser storage), and a link may
// name one (?period=2026-H1); a carried period the page does not offer falls back to the page's default.
import { formatPeriod } from "./format.js";
import { periodType } from "./periods.js";
import type { PeriodType } from "./periods.js";

export interface PeriodSelectOptions {
  label?: string;
  /** Initially selected period; defaults to the newest one. */
  value?: string;
  /** Which kinds to offer; default all. */
  types?: PeriodType[];
  /** Last month with data ('YYYY-MM'): a part half-year or year is labelled 2026年（截至6月）. */
  dataEnd?: string;
  /**
   * Carry the chosen period between pages (default true): read ?period= and the stored choice, store a new
   * choice. `storage` and `search` stand in for localStorage and location.search (tests).
   */
  carry?: boolean;
  storage?: Pick<Storage, "getItem" | "setItem"> | null;
  search?: string;
}

/** The browser storage key of the period carried between pages. */
export const PERIOD_STORAGE_KEY = "dixian.period";

function defaultStorage(): Pick<Storage, "getItem" | "setItem"> | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage refused (privacy settings): nothing is carried
  }
}

/** The carried period: a ?period= in the address first, else the one stored by the last page. */
export function carriedPeriod(search: string, storage: Pick<Storage, "getItem"> | null): string | undefined {
  const fromUrl = new URLSearchParams(search).get("period");
  if (fromUrl) return fromUrl;
  try {
    return storage?.getItem(PERIOD_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

const GROUPS: Array<[PeriodType, string]> = [
  ["month", "月度"],
  ["half", "半年度"],
  ["year", "年度"],
];

/** Periods of the wanted kinds, newest first, with months before halves before years of the same date. */
export function periodChoices(periods: string[], types: PeriodType[] = ["month", "half", "year"]): string[] {
  return [...new Set(periods)].filter((p) => {
    const type = periodType(p);
    return type !== undefined && types.includes(type);
  }).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

export function periodSelect(periods: string[], options: PeriodSelectOptions = {}): HTMLElement & { value: string } {
  const choices = periodChoices(periods, options.types);
  const wrapper = document.createElement("div") as unknown as HTMLElement & { value: string };
  wrapper.dataset.role = "period";
  wrapper.className = "period-select";
  const label = document.createElement("label");
  const select = document.createElement("select");
  select.name = "period";
  label.append(`${options.label ?? "统计期"} `, select);
  for (const [type, name] of GROUPS) {
    const inGroup = choices.filter((p) => periodType(p) === type);
    if (!inGroup.length) continue;
    const group = document.createElement("optgroup");
    group.label = name;
    for (const period of inGroup) group.append(new Option(formatPeriod(period, options.dataEnd), period));
    select.append(group);
  }
  // Default: the newest period of the first kind offered (the latest month on a monthly page).
  const firstOffered = GROUPS.map(([type]) => choices.find((p) => periodType(p) === type)).find(Boolean);
  const carry = options.carry !== false;
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const search = options.search ?? (typeof location === "undefined" ? "" : location.search);
  const carried = carry ? carriedPeriod(search, storage) : undefined;
  const initial = [carried, options.value, firstOffered].find((p) => p !== undefined && choices.includes(p));
  if (initial) select.value = initial;
  const remember = () => {
    if (!carry) return;
    try {
      storage?.setItem(PERIOD_STORAGE_KEY, select.value);
    } catch {
      // storage full or refused: the choice simply is not carried
    }
  };
  select.addEventListener("input", remember);
  select.addEventListener("change", remember);
  Object.defineProperty(wrapper, "value", {
    get: () => select.value,
    set: (v: string) => {
      select.value = v;
    },
  });
  // The select's own "input" event bubbles to the wrapper, which is what view() listens to.
  wrapper.append(label);
  // One click to the latest month or half-year (the two a meeting asks for), whatever was carried.
  const latest: Array<[string | undefined, string]> = [
    [choices.find((p) => periodType(p) === "month"), "最近一个月"],
    [choices.find((p) => periodType(p) === "half"), "最近半年"],
  ];
  for (const [period, name] of latest) {
    if (period === undefined) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "period-quick";
    button.dataset.period = period;
    button.textContent = `${name}（${formatPeriod(period, options.dataEnd)}）`;
    button.addEventListener("click", () => {
      if (select.value === period) return;
      select.value = period;
      select.dispatchEvent(new Event("input", { bubbles: true }));
    });
    wrapper.append(" ", button);
  }
  return wrapper;
}
