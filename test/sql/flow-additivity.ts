// The invariant DOMAIN.md §7 "Events" promises: every flow is counted in the period containing its date, so
// the months of a half-year and of a year add up exactly to the half-year and the year — for every flow code
// of the indicators mart and every flow of the page marts — and the page marts equal the indicators.
// Shared by the hand-made fixtures (test/sql/events.test.ts) and a generated sample county.
import { expect } from "vitest";
import { CATALOG } from "../../loaders/indicators/catalog.ts";

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
}

/**
 * The additive parts of the flow codes: numerators of every flow code, and the denominator of
 * timely_identification_rate (each household enters it once, in the period its outcome became known).
 * Not additive by definition, and so left out: timely_assist_rate (its cohort's outcome is read at the
 * period's end, DOMAIN.md §7) and the start-snapshot denominators of return_rate(_pop) and new_poverty_rate
 * (stocks); the numerator of ins_loss_ratio (it adds the claims outstanding at the period's end, a stock; its
 * denominator, the premiums, is checked instead); ins_density and ins_depth (years only: no months to add).
 */
const NOT_ADDITIVE = new Set(["timely_assist_rate", "ins_loss_ratio", "ins_density", "ins_depth"]);
export const ADDITIVE_PARTS: Array<{ code: string; part: "numerator" | "denominator" }> = [
  ...CATALOG.filter((c) => c.kind === "flow" && !NOT_ADDITIVE.has(c.code)).map((c) => ({ code: c.code, part: "numerator" as const })),
  { code: "timely_identification_rate", part: "denominator" },
  { code: "ins_loss_ratio", part: "denominator" },
];

type Level = "county" | "town" | "village";

/** Asserts months add up to half-years and years for the levels given; returns how many sums it checked. */
export async function expectFlowsAddUp(warehouse: Queryable, levels: Level[] = ["county", "town", "village"]): Promise<number> {
  let checked = 0;
  const levelList = levels.map((l) => `'${l}'`).join(", ");
  // every flow code has a row for every period and area; a sum is over the months inside the bigger period
  for (const { code, part } of ADDITIVE_PARTS) {
    const rows = await warehouse.query<{ period: string; area_code: string; whole: number | null; months: number | null; n: number }>(`
      with big as (
        select i.period, i.area_code, i.${part} as whole, p.first_month, p.last_month
        from indicators i join int_periods p on p.period = i.period
        where i.code = '${code}' and p.period_type in ('half', 'year') and i.area_level in (${levelList})
      )
      select b.period, b.area_code, b.whole, sum(m.${part}) as months, count(m.period)::integer as n
      from big b
      left join indicators m on m.code = '${code}' and m.area_code = b.area_code and m.period between b.first_month and b.last_month
        and length(m.period) = 7 and m.period[5] = '-' and m.period[6] <> 'H'
      group by all`);
    expect(rows.length, code).toBeGreaterThan(0);
    for (const r of rows) {
      expect(Number(r.months ?? 0), `${code} ${part} ${r.period} ${r.area_code}: sum of months`).toBeCloseTo(Number(r.whole ?? 0), 6);
      checked++;
    }
  }
  // the page marts: monitoring_flows (months only) against the indicators, per month, half-year and year
  const flows = await warehouse.query<{ period: string; area_code: string; code_value: number; mart: number }>(`
    with identified as (
      select month, area_code, sum(households) as households from monitoring_flows
      where dimension = 'identified_kind' group by all
    )
    select i.period, i.area_code, i.numerator as code_value, coalesce(sum(f.households), 0) as mart
    from indicators i
    join int_periods p on p.period = i.period
    left join identified f on f.area_code = i.area_code and f.month between p.first_month and p.last_month
    where i.code = 'mon_identified' and i.area_level in ('county', 'town') and i.area_level in (${levelList})
    group by all`);
  for (const r of flows) {
    expect(Number(r.mart), `monitoring_flows identified ${r.period} ${r.area_code}`).toBe(Number(r.code_value));
    checked++;
  }
  // eliminations have no code: the months of monitoring_flows add up to the events model's half-years and years
  const eliminated = await warehouse.query<{ period: string; area_code: string; events: number; mart: number }>(`
    with mart as (
      select month, area_code, sum(households) as households from monitoring_flows
      where dimension = 'eliminated_mode' group by all
    ),
    events as (
      select e.period, r.area_code, count(*) as households
      from int_period_events e join int_area_rollup r on r.village_code = e.village_code
      where e.eliminated and r.area_level in ('county', 'town') and r.area_level in (${levelList})
      group by all
    )
    select p.period, a.area_code, coalesce(any_value(e.households), 0) as events, coalesce(sum(m.households), 0) as mart
    from int_periods p
    cross join int_areas a
    left join events e on e.period = p.period and e.area_code = a.area_code
    left join mart m on m.area_code = a.area_code and m.month between p.first_month and p.last_month
    where a.area_level in ('county', 'town') and a.area_level in (${levelList})
    group by all`);
  for (const r of eliminated) {
    expect(Number(r.mart), `monitoring_flows eliminated ${r.period} ${r.area_code}`).toBe(Number(r.events));
    checked++;
  }
  // timeliness mart (read per period) against the indicators it explains
  const timely = await warehouse.query<{ period: string; area_code: string; code: string; code_value: number | null; mart: number }>(`
    with t as (
      select period, area_code,
        sum(households) filter (where stage = 'identification' and status = 'on_time') as ident_on_time,
        sum(households) filter (where stage = 'identification' and status in ('on_time', 'late')) as ident_counted,
        sum(households) filter (where stage = 'identification' and status = 'pending') as ident_pending,
        sum(households) filter (where stage = 'identification' and status = 'overdue') as ident_overdue,
        sum(households) filter (where stage = 'assist' and status = 'on_time') as assist_on_time,
        sum(households) filter (where stage = 'assist' and status in ('on_time', 'late')) as assist_known,
        sum(households) filter (where stage = 'assist' and status = 'pending') as assist_pending,
        sum(households) filter (where stage = 'assist' and status = 'overdue') as assist_overdue
      from timeliness group by all
    ),
    pairs as (
      select i.period, i.area_code, i.code,
        case i.code
          when 'timely_identification_rate' then [i.numerator, i.denominator]
          when 'timely_assist_rate' then [i.numerator, i.denominator]
          else [i.numerator, null] end as code_values,
        case i.code
          when 'timely_identification_rate' then [t.ident_on_time, t.ident_counted]
          when 'timely_assist_rate' then [t.assist_on_time, t.assist_known]
          when 'ident_pending' then [t.ident_pending, null]
          when 'ident_overdue' then [t.ident_overdue, null]
          when 'assist_pending' then [t.assist_pending, null]
          when 'assist_overdue' then [t.assist_overdue, null] end as mart_values
      from indicators i
      left join t on t.period = i.period and t.area_code = i.area_code
      where i.code in ('timely_identification_rate', 'timely_assist_rate', 'ident_pending', 'ident_overdue', 'assist_pending', 'assist_overdue')
        and i.area_level in ('county', 'town') and i.area_level in (${levelList})
    )
    select period, area_code, code || '[' || k || ']' as code, code_values[k] as code_value, coalesce(mart_values[k], 0) as mart
    from pairs, range(1, 3) as r(k)
    where code_values[k] is not null`);
  for (const r of timely) {
    expect(Number(r.mart), `timeliness ${r.code} ${r.period} ${r.area_code}`).toBe(Number(r.code_value));
    checked++;
  }
  return checked;
}
