// Primary and secondary suppression of village figures (DOMAIN.md §9), on the relations of relations.ts.
//
// Primary: a village count of households or persons from 1 to threshold − 1 is withheld ("<5"), and with it
// every published village figure that carries that count (a rate whose numerator or denominator it is, a
// median over those households). Zero is shown.
// Secondary: an attacker knows every published figure, the relations (town = Σ villages, half-year = Σ
// months for flows, total = Σ parts across codes) and that "<5" means 1 to threshold − 1. Until no withheld
// count can be worked out — exactly, by linear algebra over all relations at once, or pinned by those bounds
// within one relation — the smallest published count of a relation that pins one is withheld too ("×").
// The result is a pure function of the data, whatever order the rows come in and whatever the last bits of
// their numbers (two publications of the same data with different patterns would let a reader work out a
// withheld count by differencing them, and builds would not be reproducible): cells and periods are sorted on
// (code, period, area_code) / period before anything is built, every map, set and relation list is built and
// walked in that order, counts are rounded to whole numbers (DuckDB's parallel sums may differ in the last
// bits between two builds), and every greedy choice breaks ties on the count key (quantity|month|village).
import { ADDITIVE, REFERENCE_QUANTITIES, codeFields, parseRef } from "./relations.ts";

export interface IndicatorCell {
  code: string;
  period: string;
  area_code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface PeriodInfo {
  period: string;
  period_type: string;
  end_month: string | null;
  start_month: string | null;
  first_month: string;
  last_month: string;
}

export interface SuppressInput {
  /** Village rows of the indicators mart (town and county rows are published as they are). */
  villageCells: IndicatorCell[];
  periods: PeriodInfo[];
  /** village code → town code */
  villageTown: Map<string, string>;
  /** Catalog unit and kind per code (for codes relations.ts does not declare). */
  codeInfo: Map<string, { unit: string; kind: string }>;
  threshold: number;
}

export type Suppression = "primary" | "secondary";

export interface SuppressResult {
  /** `code|period|area_code` → why the cell is withheld. */
  cells: Map<string, Suppression>;
  /** Withheld counts that could still be worked out because no published count was left to withhold. */
  unprotected: string[];
}

export const cellKey = (code: string, period: string, area: string): string => `${code}|${period}|${area}`;

/** A relation: Σ coef × count = a published figure (or 0). */
export interface Relation {
  kind: "area" | "time" | "additive";
  terms: Array<{ key: string; coef: number }>;
}

/** The village counts an attacker sees or does not see, and the relations between them. */
export interface CountModel {
  /** count key (`quantity|month or period|village`) → its value */
  values: Map<string, number>;
  /** count key → the cells that publish it */
  cellsOf: Map<string, string[]>;
  /** cell key → the count keys it publishes, and its base (withheld when that count is primary) */
  fieldsOf: Map<string, { keys: string[]; base?: string }>;
  relations: Relation[];
  /** count key → indexes into relations */
  relationsOf: Map<string, number[]>;
  /** counts published elsewhere as reference data: always known */
  reference: Set<string>;
}

const FIELDS = ["value", "numerator", "denominator"] as const;

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A count as the suppression compares it: a whole number when it is one up to floating-point noise (a count
 * summed as a double may come out as 6.999999999999999 in one build and 7 in the next), otherwise rounded to 12
 * significant digits, so that a value whose last bits differ is the same value.
 */
export function canonicalCount(x: number): number {
  const whole = Math.round(x);
  if (Math.abs(x - whole) <= 1e-9 * Math.max(1, Math.abs(x))) return whole;
  return Number(x.toPrecision(12));
}

/** The cells in one order, the data's own: (code, period, area_code). */
function sortedCells(cells: IndicatorCell[]): IndicatorCell[] {
  return [...cells].sort((a, b) => byString(a.code, b.code) || byString(a.period, b.period) || byString(a.area_code, b.area_code));
}

export function buildCountModel(input: Omit<SuppressInput, "threshold">): CountModel {
  // Everything below is built in the order of the sorted input, never in the order the rows came in.
  input = { ...input, villageCells: sortedCells(input.villageCells), periods: [...input.periods].sort((a, b) => byString(a.period, b.period)) };
  const periodOf = new Map(input.periods.map((p) => [p.period, p]));
  const values = new Map<string, number>();
  const cellsOf = new Map<string, string[]>();
  const fieldsOf = new Map<string, { keys: string[]; base?: string }>();
  const reference = new Set<string>();
  const monthsOfPeriod = new Map<string, string[]>();
  for (const p of input.periods) {
    if (p.period_type === "month") continue;
    monthsOfPeriod.set(p.period, input.periods.filter((m) => m.period_type === "month" && m.period >= p.first_month && m.period <= p.last_month).map((m) => m.period));
  }
  // Per code, once: its fields' references parsed (a county has ~100k cells but ~100 codes).
  const parsedRefs = new Map<string, ReturnType<typeof parseRef>>();
  const parsed = (ref: string) => {
    let p = parsedRefs.get(ref);
    if (!p) parsedRefs.set(ref, (p = parseRef(ref)));
    return p;
  };
  const fieldsByCode = new Map<string, ReturnType<typeof codeFields>>();
  const keyOf = (ref: string, period: string, area: string): string | null => {
    const { quantity, at } = parsed(ref);
    const info = periodOf.get(period);
    const at_ = at === "end" ? info?.end_month : at === "start" ? info?.start_month : period;
    if (!at_) return null;
    const key = `${quantity}|${at_}|${area}`;
    if (REFERENCE_QUANTITIES.has(quantity)) reference.add(key);
    return key;
  };
  const flowQuantities = new Set<string>();
  const seen = new Map<string, Set<string>>(); // quantity → cps seen (for relations)
  for (const cell of input.villageCells) {
    let fields = fieldsByCode.get(cell.code);
    if (!fields) {
      const info = input.codeInfo.get(cell.code) ?? { unit: "ratio", kind: "stock" };
      fieldsByCode.set(cell.code, (fields = codeFields(cell.code, info.unit, info.kind)));
    }
    const ck = cellKey(cell.code, cell.period, cell.area_code);
    const keys: string[] = [];
    for (const field of FIELDS) {
      const ref = fields[field];
      const raw = cell[field];
      if (!ref) continue;
      const key = keyOf(ref, cell.period, cell.area_code);
      if (!key) continue;
      const { quantity, flow } = parsed(ref);
      if (flow) flowQuantities.add(quantity);
      let cps = seen.get(quantity);
      if (!cps) seen.set(quantity, (cps = new Set()));
      cps.add(key.slice(quantity.length + 1, key.length - cell.area_code.length - 1));
      // The first cell in (code, period, area_code) order gives the value when two cells disagree.
      if (raw !== null && Number.isFinite(raw) && !values.has(key)) values.set(key, canonicalCount(raw));
      if (!keys.includes(key)) keys.push(key);
      const list = cellsOf.get(key);
      if (list) list.push(ck);
      else cellsOf.set(key, [ck]);
    }
    const base = fields.base ? keyOf(fields.base, cell.period, cell.area_code) ?? undefined : undefined;
    fieldsOf.set(ck, { keys, base });
  }

  const relations: Relation[] = [];
  // 1. area: every count of a town's villages adds up to the town's published figure.
  const byTownGroup = new Map<string, string[]>();
  for (const key of values.keys()) {
    if (reference.has(key)) continue;
    const [quantity, at, village] = key.split("|");
    const town = input.villageTown.get(village);
    if (!town) continue;
    const group = `${quantity}|${at}|${town}`;
    const list = byTownGroup.get(group);
    if (list) list.push(key);
    else byTownGroup.set(group, [key]);
  }
  for (const group of [...byTownGroup.keys()].sort(byString)) {
    const keys = (byTownGroup.get(group) ?? []).sort(byString);
    relations.push({ kind: "area", terms: keys.map((key) => ({ key, coef: 1 })) });
  }
  // 2. time: a flow's half-year or year is the sum of its months (and a year of its half-years).
  const villages = [...new Set(input.villageCells.map((c) => c.area_code))].sort(byString);
  for (const quantity of [...flowQuantities].sort(byString)) {
    const cps = seen.get(quantity) ?? new Set<string>();
    for (const [period, months] of [...monthsOfPeriod].sort(([a], [b]) => byString(a, b))) {
      if (!cps.has(period)) continue;
      const parts = months.filter((m) => cps.has(m));
      const halves = periodOf.get(period)?.period_type === "year" ? [`${period}-H1`, `${period}-H2`].filter((h) => cps.has(h)) : [];
      for (const village of villages) {
        const total = `${quantity}|${period}|${village}`;
        if (!values.has(total)) continue;
        relations.push({ kind: "time", terms: [{ key: total, coef: -1 }, ...parts.map((m) => ({ key: `${quantity}|${m}|${village}`, coef: 1 }))] });
        if (halves.length > 0) relations.push({ kind: "time", terms: [{ key: total, coef: -1 }, ...halves.map((h) => ({ key: `${quantity}|${h}|${village}`, coef: 1 }))] });
      }
    }
  }
  // 3. additive across codes, in one village and one month.
  for (const { total, parts } of ADDITIVE) {
    const refs = [total, ...parts].map(parseRef);
    const cps = new Set<string>();
    for (const ref of refs) for (const cp of seen.get(ref.quantity) ?? []) cps.add(cp);
    const cpsSorted = [...cps].sort(byString);
    for (const village of villages) {
      for (const cp of cpsSorted) {
        const terms = refs.map((ref, i) => ({ key: `${ref.quantity}|${cp}|${village}`, coef: i === 0 ? -1 : 1 }));
        for (const term of terms) if (REFERENCE_QUANTITIES.has(term.key.split("|")[0])) reference.add(term.key);
        // Only where at least the total or a part is published for this month.
        if (terms.some((t) => values.has(t.key))) relations.push({ kind: "additive", terms });
      }
    }
  }
  // Every stated relation is kept, even where this data breaks it (flows read from different snapshots):
  // a reader who trusts the methodology uses it, and may guess right.
  const relationsOf = new Map<string, number[]>();
  relations.forEach((relation, index) => {
    for (const { key } of relation.terms) {
      const list = relationsOf.get(key);
      if (list) list.push(index);
      else relationsOf.set(key, [index]);
    }
  });
  return { values, cellsOf, fieldsOf, relations, relationsOf, reference };
}

/** Counts nobody can read: every cell publishing them is withheld (or none publishes them). */
export function unknownCounts(model: CountModel, hiddenCells: Set<string>): Set<string> {
  const unknown = new Set<string>();
  const consider = new Set<string>([...model.cellsOf.keys(), ...model.relationsOf.keys()]);
  for (const key of consider) {
    if (model.reference.has(key)) continue;
    const cells = model.cellsOf.get(key) ?? [];
    if (cells.every((cell) => hiddenCells.has(cell))) unknown.add(key);
  }
  return unknown;
}

/**
 * The unknown counts that the relations fix exactly (Gaussian elimination per connected group of
 * unknowns: a count is fixed when a row of the reduced echelon form names it alone).
 */
export function determinedCounts(relations: Relation[], unknown: Set<string>): Set<string> {
  const rows = relations
    .map((relation) => relation.terms.filter((term) => unknown.has(term.key)))
    .filter((terms) => terms.length > 0);
  // union-find over unknowns that share a relation
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(x, root);
    return root;
  };
  for (const terms of rows) for (const t of terms) if (!parent.has(t.key)) parent.set(t.key, t.key);
  for (const terms of rows) for (const t of terms.slice(1)) parent.set(find(t.key), find(terms[0].key));
  const groups = new Map<string, Array<Array<{ key: string; coef: number }>>>();
  for (const terms of rows) {
    const root = find(terms[0].key);
    const list = groups.get(root);
    if (list) list.push(terms);
    else groups.set(root, [terms]);
  }
  const fixed = new Set<string>();
  for (const groupRows of groups.values()) {
    const columns = [...new Set(groupRows.flatMap((terms) => terms.map((t) => t.key)))];
    const col = new Map(columns.map((key, i) => [key, i]));
    const matrix = groupRows.map((terms) => {
      const row = new Float64Array(columns.length);
      for (const t of terms) row[col.get(t.key) ?? 0] += t.coef;
      return row;
    });
    for (const c of reducedPivotColumns(matrix, columns.length)) fixed.add(columns[c]);
  }
  return fixed;
}

const EPS = 1e-9;

/** Columns c whose unit vector lies in the row space (a reduced row names column c alone). */
function reducedPivotColumns(matrix: Float64Array[], width: number): number[] {
  let rank = 0;
  const pivots: number[] = [];
  for (let c = 0; c < width && rank < matrix.length; c++) {
    let best = rank;
    for (let r = rank + 1; r < matrix.length; r++) if (Math.abs(matrix[r][c]) > Math.abs(matrix[best][c])) best = r;
    if (Math.abs(matrix[best][c]) < EPS) continue;
    [matrix[rank], matrix[best]] = [matrix[best], matrix[rank]];
    const pivot = matrix[rank];
    const scale = pivot[c];
    for (let k = 0; k < width; k++) pivot[k] /= scale;
    for (let r = 0; r < matrix.length; r++) {
      if (r === rank) continue;
      const factor = matrix[r][c];
      if (Math.abs(factor) < EPS) continue;
      const row = matrix[r];
      for (let k = 0; k < width; k++) row[k] -= factor * pivot[k];
    }
    pivots.push(c);
    rank++;
  }
  const alone: number[] = [];
  for (let r = 0; r < rank; r++) {
    let count = 0;
    for (let k = 0; k < width && count < 2; k++) if (Math.abs(matrix[r][k]) > EPS) count++;
    if (count === 1) alone.push(pivots[r]);
  }
  return alone;
}

/**
 * What a reader learns of a withheld count from its label: "<N" (a primary count, or a zero withheld to
 * protect one — zero is fewer than N too) lies in [0, N − 1]; "×" (withheld to protect, never below N) in
 * [N, ∞); a count hidden only because it shares a cell with a withheld one, in [0, ∞).
 */
export function labelBounds(model: CountModel, withheld: Set<string>, threshold: number): (key: string) => [number, number] {
  return (key) => {
    if (!withheld.has(key)) return [0, Infinity];
    const value = model.values.get(key) ?? 0;
    return value < threshold ? [0, threshold - 1] : [threshold, Infinity];
  };
}

/** Unknown counts pinned to one value inside one relation by the bounds their labels give. */
export function pinnedCounts(model: CountModel, relations: Relation[], unknown: Set<string>, bounds: (key: string) => [number, number]): Set<string> {
  const pinned = new Set<string>();
  for (const relation of relations) {
    const terms = relation.terms.filter((t) => unknown.has(t.key));
    // a count no cell publishes has no value here: what the relation leaves is then unknown too
    if (terms.length < 2 || terms.some((t) => !model.values.has(t.key))) continue;
    const sum = terms.reduce((s, t) => s + t.coef * (model.values.get(t.key) ?? 0), 0);
    const ranges = terms.map((t) => {
      const [lo, hi] = bounds(t.key);
      return t.coef > 0 ? [t.coef * lo, t.coef * hi] : [t.coef * hi, t.coef * lo];
    });
    const finite = (x: number) => (Number.isFinite(x) ? x : 0);
    const infiniteLo = ranges.filter((r) => !Number.isFinite(r[0])).length;
    const infiniteHi = ranges.filter((r) => !Number.isFinite(r[1])).length;
    const totalLo = ranges.reduce((s, r) => s + finite(r[0]), 0);
    const totalHi = ranges.reduce((s, r) => s + finite(r[1]), 0);
    terms.forEach((t, i) => {
      const [lo, hi] = ranges[i];
      // the others' range, with infinities counted apart so that ∞ − ∞ never arises
      const othersHi = infiniteHi - (Number.isFinite(hi) ? 0 : 1) > 0 ? Infinity : totalHi - finite(hi);
      const othersLo = infiniteLo - (Number.isFinite(lo) ? 0 : 1) > 0 ? -Infinity : totalLo - finite(lo);
      const low = Math.max(lo, sum - othersHi);
      const high = Math.min(hi, sum - othersLo);
      if (Number.isFinite(low) && Number.isFinite(high) && high - low < 1) pinned.add(t.key);
    });
  }
  return pinned;
}

/**
 * Everything a reader can work out: counts fixed by the relations or pinned by the labels, then, with
 * those known, again — a zero pinned in one relation can give a neighbour away in another.
 */
export function exposedCounts(
  model: CountModel,
  unknown: Set<string>,
  bounds: (key: string) => [number, number],
  relations: Relation[] = model.relations,
): Set<string> {
  const exposed = new Set<string>();
  let open = new Set(unknown);
  for (let pass = 0; pass < 50; pass++) {
    const found = [...determinedCounts(relations, open), ...pinnedCounts(model, relations, open, bounds)].filter((key) => !exposed.has(key));
    if (found.length === 0) break;
    for (const key of found) exposed.add(key);
    open = new Set([...open].filter((key) => !exposed.has(key)));
  }
  return exposed;
}

export function hiddenCellsFor(model: CountModel, withheld: Set<string>, primary: Set<string>): Set<string> {
  const hidden = new Set<string>();
  for (const [cell, { keys, base }] of model.fieldsOf) {
    if (keys.some((key) => withheld.has(key)) || (base !== undefined && primary.has(base))) hidden.add(cell);
  }
  return hidden;
}

export function suppress(input: SuppressInput): SuppressResult {
  const { threshold } = input;
  const cells = new Map<string, Suppression>();
  if (threshold <= 1) return { cells, unprotected: [] };
  const model = buildCountModel(input);
  const primary = new Set<string>();
  for (const [key, value] of model.values) if (!model.reference.has(key) && value >= 1 && value < threshold) primary.add(key);
  const withheld = new Set(primary);
  const unprotected = new Set<string>();
  // Relations fall into groups that share no count (a flow of one town and year, the three monitored
  // counts of one town and month…): a group is worked out again only when one of its counts changed.
  const groups = relationGroups(model);
  const exposedByGroup = new Map<number, Set<string>>();
  // Withholding only ever adds: hidden cells and unknown counts only grow, so each round adds what the
  // counts withheld in the round before hide (their cells, then the counts all of whose cells are hidden)
  // instead of recomputing both over every cell (that made the step grow with rounds × cells).
  const hidden = hiddenCellsFor(model, withheld, primary);
  const unknown = unknownCounts(model, hidden);
  let newlyWithheld: string[] = [];
  for (let round = 0; round < 1000; round++) {
    const newlyUnknown: string[] = [];
    for (const key of newlyWithheld) {
      for (const cell of model.cellsOf.get(key) ?? []) {
        if (hidden.has(cell)) continue;
        hidden.add(cell);
        for (const other of model.fieldsOf.get(cell)?.keys ?? []) {
          if (unknown.has(other) || model.reference.has(other)) continue;
          if ((model.cellsOf.get(other) ?? []).every((c) => hidden.has(c))) {
            unknown.add(other);
            newlyUnknown.push(other);
          }
        }
      }
    }
    const bounds = labelBounds(model, withheld, threshold);
    // a count that became unknown, or whose label (and so its bounds) changed
    const changed = new Set<number>();
    for (const key of newlyUnknown) markGroup(groups, key, changed);
    for (const key of newlyWithheld) if (unknown.has(key)) markGroup(groups, key, changed);
    for (const g of round === 0 ? groups.relations.keys() : changed) {
      const relations = (groups.relations.get(g) ?? []).map((i) => model.relations[i]);
      const inGroup = new Set(groups.keys.get(g)?.filter((key) => unknown.has(key)) ?? []);
      exposedByGroup.set(g, inGroup.size > 0 ? exposedCounts(model, inGroup, bounds, relations) : new Set());
    }
    newlyWithheld = [];
    const exposed = new Set<string>();
    for (const set of exposedByGroup.values()) for (const key of set) exposed.add(key);
    // A zero worked out is no disclosure (zeros are shown anyway).
    const todo = [...exposed].filter((key) => model.cellsOf.has(key) && (model.values.get(key) ?? 0) !== 0 && !unprotected.has(key)).sort();
    if (todo.length === 0) break;
    const touched = new Set<number>();
    let added = 0;
    for (const key of todo) {
      // relations are numbered in the sorted order buildCountModel made them in, so the index is a stable tie-break
      const direct = (model.relationsOf.get(key) ?? []).slice().sort((a, b) => kindOrder(model.relations[a].kind) - kindOrder(model.relations[b].kind) || a - b);
      if (direct.some((r) => touched.has(r))) continue;
      // Its own relations first; when every count in them is withheld already, the relations of those
      // withheld counts (what pins it is then further away).
      const relations = [...direct];
      for (let i = 0; i < relations.length && relations.length < 200; i++) {
        for (const t of model.relations[relations[i]].terms) {
          if (!unknown.has(t.key)) continue;
          for (const r of model.relationsOf.get(t.key) ?? []) if (!relations.includes(r)) relations.push(r);
        }
      }
      let done = false;
      for (const r of relations) {
        const candidates = model.relations[r].terms
          .map((t) => t.key)
          .filter((k) => !unknown.has(k) && !withheld.has(k) && model.cellsOf.has(k) && !model.reference.has(k))
          .sort((a, b) => complementOrder(model, a, threshold) - complementOrder(model, b, threshold) || (a < b ? -1 : 1));
        if (candidates.length === 0) continue;
        withheld.add(candidates[0]);
        newlyWithheld.push(candidates[0]);
        for (const other of model.relationsOf.get(candidates[0]) ?? []) touched.add(other);
        touched.add(r);
        added++;
        done = true;
        break;
      }
      if (!done) unprotected.add(key);
    }
    if (added === 0 && todo.every((key) => unprotected.has(key))) break;
  }
  // what the last round withheld hides too; cells in the model's (sorted) order
  for (const key of newlyWithheld) for (const cell of model.cellsOf.get(key) ?? []) hidden.add(cell);
  for (const cell of model.fieldsOf.keys()) {
    if (!hidden.has(cell)) continue;
    const { keys, base } = model.fieldsOf.get(cell) ?? { keys: [] };
    const small = (key: string) => withheld.has(key) && (model.values.get(key) ?? 0) < threshold;
    const isSmall = keys.some(small) || (base !== undefined && primary.has(base));
    cells.set(cell, isSmall ? "primary" : "secondary");
  }
  return { cells, unprotected: [...unprotected].sort() };
}

interface RelationGroups {
  /** count key → group */
  of: Map<string, number>;
  relations: Map<number, number[]>;
  keys: Map<number, string[]>;
}

/** Connected groups of relations (through the counts they share, reference counts aside). */
function relationGroups(model: CountModel): RelationGroups {
  const parent: number[] = model.relations.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const firstRelation = new Map<string, number>();
  model.relations.forEach((relation, i) => {
    for (const { key } of relation.terms) {
      if (model.reference.has(key)) continue;
      const j = firstRelation.get(key);
      if (j === undefined) firstRelation.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups: RelationGroups = { of: new Map(), relations: new Map(), keys: new Map() };
  model.relations.forEach((_, i) => {
    const g = find(i);
    const list = groups.relations.get(g);
    if (list) list.push(i);
    else groups.relations.set(g, [i]);
  });
  for (const [key, i] of firstRelation) {
    const g = find(i);
    groups.of.set(key, g);
    const list = groups.keys.get(g);
    if (list) list.push(key);
    else groups.keys.set(g, [key]);
  }
  return groups;
}

function markGroup(groups: RelationGroups, key: string, changed: Set<number>): void {
  const g = groups.of.get(key);
  if (g !== undefined) changed.add(g);
}

/** Withhold first in the village's own town total, then across codes, then across months. */
function kindOrder(kind: Relation["kind"]): number {
  return kind === "area" ? 0 : kind === "additive" ? 1 : 2;
}

/**
 * The smallest count above the threshold first (withholding it hides the least); then a zero (it reads
 * "<N", which is true of 0); a count equal to the threshold last (beside a 1 it would pin both).
 */
function complementOrder(model: CountModel, key: string, threshold: number): number {
  const value = model.values.get(key) ?? 0;
  if (value > threshold) return value;
  if (value <= 0) return 1e12;
  return 1e13 + value;
}
