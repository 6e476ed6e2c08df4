// The sample county's monitoring tells the truth (DOMAIN §8, issue 8 point 9): first assistance follows
// approval within days to a few weeks, a few cases late, none waiting years; new identifications are about a
// third of the active stock each year. Checked on the generator's own episodes (3,000 households, 36 months).
import { beforeAll, describe, expect, it } from "vitest";
import { addWorkingDays, monthEnd, monthStart, parseMonth, type Day } from "../../loaders/sample/dates.ts";
import { buildGeography } from "../../loaders/sample/geography.ts";
import { episodeAt, simulateMonitoring } from "../../loaders/sample/monitoring.ts";
import { buildRoster, type Household, type SimWindow } from "../../loaders/sample/roster.ts";

let households: Household[];
let window: SimWindow;

beforeAll(() => {
  const last = parseMonth("2026-06");
  window = { first: last - 35, last };
  households = buildRoster(7, 3000, buildGeography(7, 4, 30), window);
  for (const hh of households) simulateMonitoring(7, hh, window);
});

/** Households whose latest episode by `day` is identified and not eliminated. */
function active(day: Day): Household[] {
  return households.filter((hh) => {
    const ep = episodeAt(hh, day);
    return ep !== null && (ep.eliminated === null || ep.eliminated > day);
  });
}

describe("sample monitoring episodes", () => {
  it("gives every episode a first assistance, mostly within 15 working days and never later than 65", () => {
    const episodes = households.flatMap((hh) => hh.episodes);
    expect(episodes.length).toBeGreaterThan(200);
    let within15 = 0;
    for (const ep of episodes) {
      expect(ep.assist).not.toBeNull();
      expect(ep.assist!).toBeGreaterThan(ep.identified);
      expect(ep.assist!).toBeLessThanOrEqual(addWorkingDays(ep.identified, 65));
      if (ep.assist! <= addWorkingDays(ep.identified, 15)) within15++;
    }
    expect(within15 / episodes.length).toBeGreaterThan(0.7);
    expect(within15 / episodes.length).toBeLessThan(0.9); // and some late ones
  });

  it("leaves no active household without a measure for more than about three months at any month end", () => {
    for (let m = window.first; m <= window.last; m++) {
      const day = monthEnd(m);
      for (const hh of active(day)) {
        const ep = episodeAt(hh, day)!;
        if (ep.assist! > day) expect(day - ep.identified, `${hh.id} ${m}`).toBeLessThan(100);
      }
    }
  });

  it("identifies about a third of the active stock each full year, with the stock roughly level", () => {
    const years = [2024, 2025];
    for (const year of years) {
      const from = monthStart(parseMonth(`${year}-01`));
      const to = monthEnd(parseMonth(`${year}-12`));
      const identified = households.flatMap((hh) => hh.episodes).filter((ep) => ep.identified >= from && ep.identified <= to).length;
      const stockStart = active(from - 1).length;
      const stockEnd = active(to).length;
      const share = identified / ((stockStart + stockEnd) / 2);
      expect(share, String(year)).toBeGreaterThan(0.25);
      expect(share, String(year)).toBeLessThan(0.45);
      expect(Math.abs(stockEnd - stockStart) / stockStart, String(year)).toBeLessThan(0.2);
    }
  });
});
