// An attacker on a built warehouse: it reads only what is published (indicators_published, town and
// village rows) and the relations the methodology states (loaders/disclosure/relations.ts: a town is the
// sum of its villages, a flow's half-year and year the sum of its months, counts that add up across codes),
// and works out withheld village counts by subtraction: a relation with one unknown left gives it away; a
// relation whose unknowns' labels ("<N" = 0 to N − 1, "×" = N or more on a count code) leave one value
// gives that away too. It repeats until nothing new is learned, then compares with the true figures.
// Written apart from loaders/disclosure/suppress.ts (peeling and bounds, no linear algebra), so that the
// test does not simply re-run the code it checks.
import { DuckDBInstance } from "@duckdb/node-api";
import { ADDITIVE, REFERENCE_QUANTITIES, codeFields, parseRef } from "../../loaders/disclosure/relations.ts";

export interface Recovery {
  /** quantity|month or period|village */
  key: string;
  recovered: number;
  truth: number;
}

interface Row {
  code: string;
  period: string;
  area_code: string;
  area_level: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppression: string | null;
  true_value: number | null;
  true_numerator: number | null;
  true_denominator: number | null;
  unit: string;
  kind: string;
}

export async function attackWarehouse(dbPath: string): Promise<{ recovered: Recovery[]; withheld: number; threshold: number }> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  const q = async <T>(sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];
  try {
    const [{ threshold }] = await q<{ threshold: number }>("select village_suppression_min_households as threshold from cfg_settings");
    const rows = await q<Row>(`
      select p.code, p.period, p.area_code, p.area_level, p.value::double as value, p.numerator::double as numerator,
             p.denominator::double as denominator, p.suppression, i.value::double as true_value,
             i.numerator::double as true_numerator, i.denominator::double as true_denominator, c.unit, c.kind
      from indicators_published p
      join indicators i using (code, period, area_code)
      join indicator_catalog c using (code)
      where p.area_level in ('village', 'town')`);
    const periods = await q<{ period: string; period_type: string; end_month: string | null; first_month: string; last_month: string }>(
      "select period, period_type, end_month, first_month, last_month from periods",
    );
    const towns = new Map((await q<{ area_code: string; parent_code: string }>("select area_code, parent_code from areas where area_level = 'village'")).map((r) => [r.area_code, r.parent_code]));
    // periods mart has no start_month: take it from int_periods when present
    const starts = new Map((await q<{ period: string; start_month: string | null }>("select period, start_month from int_periods")).map((r) => [r.period, r.start_month]));
    const info = new Map(periods.map((p) => [p.period, { ...p, start_month: starts.get(p.period) ?? null }]));

    const known = new Map<string, number>(); // published (or worked out) counts
    const truth = new Map<string, number>();
    const unknown = new Set<string>();
    const bounds = new Map<string, [number, number]>();
    const keyOf = (ref: string, period: string, area: string) => {
      const { quantity, at } = parseRef(ref);
      const p = info.get(period);
      const month = at === "end" ? p?.end_month : at === "start" ? p?.start_month : period;
      return month ? `${quantity}|${month}|${area}` : null;
    };
    const flows = new Set<string>();
    for (const row of rows) {
      const fields = codeFields(row.code, row.unit, row.kind);
      for (const field of ["value", "numerator", "denominator"] as const) {
        const ref = fields[field];
        if (!ref) continue;
        const key = keyOf(ref, row.period, row.area_code);
        if (!key) continue;
        if (parseRef(ref).flow) flows.add(parseRef(ref).quantity);
        const trueValue = row[`true_${field}`];
        if (trueValue !== null) truth.set(key, trueValue);
        const shown = row[field];
        if (row.suppression === null) {
          if (shown !== null) known.set(key, shown);
        } else {
          unknown.add(key);
          if (field === "value" && (row.unit === "households" || row.unit === "persons")) {
            bounds.set(key, row.suppression === "primary" ? [0, threshold - 1] : [threshold, Infinity]);
          }
        }
      }
    }
    for (const key of known.keys()) unknown.delete(key);

    // relations as lists of [key, coefficient] summing to 0; town figures are known terms
    const relations: Array<Array<[string, number]>> = [];
    const byGroup = new Map<string, string[]>();
    for (const key of [...known.keys(), ...unknown]) {
      const [quantity, month, area] = key.split("|");
      const town = towns.get(area);
      if (!town) continue;
      const group = `${quantity}|${month}|${town}`;
      byGroup.set(group, [...(byGroup.get(group) ?? []), key]);
    }
    for (const [group, keys] of byGroup) if (known.has(group)) relations.push([[group, -1], ...keys.map((k): [string, number] => [k, 1])]);
    const villages = [...towns.keys()];
    for (const quantity of flows) {
      for (const p of periods) {
        if (p.period_type === "month") continue;
        const months = periods.filter((m) => m.period_type === "month" && m.period >= p.first_month && m.period <= p.last_month).map((m) => m.period);
        const halves = p.period_type === "year" ? [`${p.period}-H1`, `${p.period}-H2`].filter((h) => info.has(h)) : [];
        for (const v of villages) {
          relations.push([[`${quantity}|${p.period}|${v}`, -1], ...months.map((m): [string, number] => [`${quantity}|${m}|${v}`, 1])]);
          if (halves.length) relations.push([[`${quantity}|${p.period}|${v}`, -1], ...halves.map((h): [string, number] => [`${quantity}|${h}|${v}`, 1])]);
        }
      }
    }
    const months = new Set([...known.keys(), ...unknown].map((k) => k.split("|")[1]));
    for (const { total, parts } of ADDITIVE) {
      for (const v of villages) {
        for (const m of months) {
          relations.push([total, ...parts].map((ref, i): [string, number] => [`${parseRef(ref).quantity}|${m}|${v}`, i === 0 ? -1 : 1]));
        }
      }
    }
    // reference counts (农村户数) are known to everyone
    const isKnown = (key: string) => known.has(key) || REFERENCE_QUANTITIES.has(key.split("|")[0]);
    const valueOf = (key: string) => known.get(key) ?? truth.get(key) ?? 0;

    const recovered = new Map<string, number>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const relation of relations) {
        const open = relation.filter(([key]) => !isKnown(key));
        if (open.length === 0 || open.some(([key]) => !unknown.has(key))) continue;
        const rest = relation.filter(([key]) => isKnown(key)).reduce((s, [key, coef]) => s + coef * valueOf(key), 0);
        if (open.length === 1) {
          const [key, coef] = open[0];
          const value = -rest / coef;
          // a value its label rules out shows the relation does not hold in this data: no use to anyone
          const [lo, hi] = bounds.get(key) ?? [0, Infinity];
          if (value < lo - 1e-9 || value > hi + 1e-9) continue;
          known.set(key, value);
          recovered.set(key, value);
          if (process.env.ATTACK_TRACE) process.stderr.write(`solve ${key}=${value} by ${relation.map(([k, c]) => `${c}*${k}`).join(" ")}\n`);
          changed = true;
          continue;
        }
        // bounds: Σ coef·x over the open terms = −rest; a relation the labels contradict is dropped
        const ranges = open.map(([key, coef]) => {
          const [lo, hi] = bounds.get(key) ?? [0, Infinity];
          return coef > 0 ? [coef * lo, coef * hi] : [coef * hi, coef * lo];
        });
        const sumLo = ranges.reduce((t, r) => t + r[0], 0);
        const sumHi = ranges.reduce((t, r) => t + r[1], 0);
        if (-rest < sumLo - 1e-9 || -rest > sumHi + 1e-9) continue;
        open.forEach(([key, coef], i) => {
          let othersLo = 0;
          let othersHi = 0;
          ranges.forEach((r, j) => {
            if (j === i) return;
            othersLo += r[0];
            othersHi += r[1];
          });
          const lo = Math.max(ranges[i][0], -rest - othersHi);
          const hi = Math.min(ranges[i][1], -rest - othersLo);
          if (Number.isFinite(lo) && Number.isFinite(hi) && hi - lo < 1 && !known.has(key)) {
            known.set(key, lo / coef);
            recovered.set(key, lo / coef);
            if (process.env.ATTACK_TRACE) process.stderr.write(`pin ${key}=${lo / coef} by ${relation.map(([k, c]) => `${c}*${k}`).join(" ")}\n`);
            changed = true;
          }
        });
      }
    }
    const withheld = rows.filter((r) => r.suppression !== null).length;
    return {
      // only what is true is a disclosure (a relation that does not hold in this data misleads the attacker)
      recovered: [...recovered]
        .map(([key, value]) => ({ key, recovered: value, truth: truth.get(key) ?? NaN }))
        .filter((r) => Math.abs(r.recovered - r.truth) < 1e-6),
      withheld,
      threshold,
    };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
