// Period selector usable with Framework's view(): the element has a `value` and emits "input".
// Options are grouped 年度 / 半年度 / 月度, newest first, shown as 2025年上半年 etc.
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
  const initial = options.value && choices.includes(options.value) ? options.value : firstOffered;
  if (initial) select.value = initial;
  Object.defineProperty(wrapper, "value", {
    get: () => select.value,
    set: (v: string) => {
      select.value = v;
    },
  });
  // The select's own "input" event bubbles to the wrapper, which is what view() listens to.
  wrapper.append(label);
  return wrapper;
}
