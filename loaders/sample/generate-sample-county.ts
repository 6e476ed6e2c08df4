// The built-in sample county (青山县, fictional): every extract of DOMAIN.md §6 in the forms county offices
// exchange, coherent across months and extracts, deterministic per seed, with a few deliberate defects
// listed in _manifest.json.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, parse, resolve, sep } from "node:path";
import { BANKS } from "./banks.ts";
import { monthCompact, monthEnd, monthLabel, monthNumber, monthYear, parseMonth, utcDate } from "./dates.ts";
import type { DefectKind, DefectRecord, DefectSeverity } from "./defects.ts";
import { FileEmitter, type EmitContext, type FileSpec } from "./file-emitter.ts";
import { COUNTY, buildGeography } from "./geography.ts";
import { HEADERS } from "./headers.ts";
import { claimRow, buildInsurance, INSURERS, policyRow, type InsurerKey } from "./insurance.ts";
import { buildDepartmentRecords } from "./department.ts";
import { countyStatRows, monitoringLineRows } from "./lines.ts";
import { buildLoans } from "./loans.ts";
import { ledgerRow } from "./loan-ledger.ts";
import { MANIFEST_FILE, type ManifestFile, type SampleManifest } from "./manifest.ts";
import { simulateMonitoring } from "./monitoring.ts";
import { rngFor } from "./prng.ts";
import { buildRoster, type Household, type SimWindow } from "./roster.ts";
import { snapshotRow, type Row } from "./snapshot.ts";
import { writeNationalRoster } from "./national.ts";

export type { SampleManifest } from "./manifest.ts";

export interface SampleOptions {
  outDir: string;
  seed?: number;
  households?: number;
  months?: number;
  /** Last month, `YYYY-MM`. */
  end?: string;
  /** Share of data rows broken on purpose. */
  defectRate?: number;
  /**
   * Layout of the household roster: `canonical` (one row per household, DOMAIN.md §6) or `national` (the
   * national monitoring system's per-person downloads, read through the export profile; national.ts).
   */
  format?: SampleFormat;
}

export type SampleFormat = "canonical" | "national";

/**
 * Size of the national-layout sample the browser tests build the public site from: one row per person in XLSX
 * is several times slower to write and read than the canonical CSVs, so a quarter of the households over two years.
 */
export const NATIONAL_E2E_SIZE = { households: 5000, months: 24 } as const;

export const SAMPLE_DEFAULTS = { seed: 1, households: 20_000, months: 36, end: "2026-06", defectRate: 0.002, format: "canonical" } as const;

/** Empties (or creates) the output folder, refusing folders that would take the project or the disk with them. */
function prepareOutDir(outDir: string): void {
  const dir = resolve(outDir);
  const cwd = resolve(process.cwd());
  if (dir === parse(dir).root || cwd === dir || cwd.startsWith(dir + sep)) throw new Error(`拒绝清空目录 ${dir}：它包含当前工作目录或是根目录`);
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
}

function checkOptions(o: Required<SampleOptions>): void {
  if (!Number.isInteger(o.seed)) throw new Error(`种子必须是整数，得到 ${o.seed}`);
  if (!Number.isInteger(o.households) || o.households < 1) throw new Error(`户数必须是正整数，得到 ${o.households}`);
  if (!Number.isInteger(o.months) || o.months < 1 || o.months > 240) throw new Error(`月数必须是 1–240 的整数，得到 ${o.months}`);
  if (!(o.defectRate >= 0 && o.defectRate <= 0.5)) throw new Error(`缺陷比例必须在 0–0.5 之间，得到 ${o.defectRate}`);
  if (o.format !== "canonical" && o.format !== "national") throw new Error(`格式只能是 canonical（标准格式）或 national（全国系统导出格式），得到 ${o.format}`);
  parseMonth(o.end);
}

async function writeTable(ctx: EmitContext, spec: FileSpec, rows: Iterable<Row>): Promise<ManifestFile> {
  const emitter = new FileEmitter(ctx, spec);
  for (const row of rows) await emitter.write(row);
  return emitter.close();
}

async function writeHouseholds(ctx: EmitContext, households: Household[], window: SimWindow, files: ManifestFile[]): Promise<void> {
  for (let m = window.first; m <= window.last; m++) {
    // Most months arrive as UTF-8 CSV with BOM; every sixth month from an old office PC in GB18030.
    const gb = (m - window.first) % 6 === 3;
    const spec = {
      name: `户信息快照_${monthLabel(m)}.csv`, extract: "households" as const, format: gb ? ("csv-gb18030" as const) : ("csv-utf8-bom" as const),
      columns: HEADERS.households, period: monthLabel(m),
    };
    const emitter = new FileEmitter(ctx, spec);
    for (const hh of households) await emitter.write(snapshotRow(hh, m, window));
    files.push(await emitter.close());
  }
}

/**
 * The bank month that is never delivered (the village bank misses the month two before the last), so the
 * finance pages and the completeness flags have a gap to show; none when the window is under four months.
 */
export function missingLedger(window: SimWindow): { bank: number; month: number } | null {
  return window.last - window.first >= 3 ? { bank: 3, month: window.last - 2 } : null;
}

async function writeLedgers(ctx: EmitContext, loans: ReturnType<typeof buildLoans>, window: SimWindow, files: ManifestFile[]): Promise<void> {
  const byBank = BANKS.map((_, b) => loans.filter((l) => l.bank === b).sort((x, y) => (x.id < y.id ? -1 : 1)));
  const missing = missingLedger(window);
  for (let m = window.first; m <= window.last; m++) {
    for (const [b, bank] of BANKS.entries()) {
      if (missing && missing.bank === b && missing.month === m) continue;
      const label = monthLabel(m);
      const ext = bank.format === "xlsx" ? "xlsx" : "csv";
      const name = bank.periodInName ? `${bank.short}_${bank.fileStem}_${monthCompact(m)}.${ext}` : `${bank.short}_${bank.fileStem}_${label}.${ext}`;
      const spec = {
        name, extract: "loans" as const, format: bank.format, period: label, periodInName: bank.periodInName, source: bank.name,
        columns: bank.periodInName ? HEADERS.loans.filter((h) => h !== "数据期") : HEADERS.loans,
        sheet: bank.format === "xlsx" ? "台账" : undefined,
        title: bank.titled ? `${bank.short}${bank.ledgerTitle}（${monthYear(m)}年${monthNumber(m)}月）` : undefined,
        dates: bank.dates, tenThousand: bank.tenThousand,
        totals: bank.titled ? ["合同金额", "贷款余额", "贴息金额", "逾期本金"] : undefined,
      };
      const rows = (function* () {
        for (const loan of byBank[b]) {
          const row = ledgerRow(loan, m);
          if (row) yield row;
        }
      })();
      files.push(await writeTable(ctx, spec, rows));
    }
  }
}

export async function generateSampleCounty(options: SampleOptions): Promise<SampleManifest> {
  const o: Required<SampleOptions> = {
    outDir: options.outDir,
    seed: options.seed ?? SAMPLE_DEFAULTS.seed,
    households: options.households ?? SAMPLE_DEFAULTS.households,
    months: options.months ?? SAMPLE_DEFAULTS.months,
    end: options.end ?? SAMPLE_DEFAULTS.end,
    defectRate: options.defectRate ?? SAMPLE_DEFAULTS.defectRate,
    format: options.format ?? SAMPLE_DEFAULTS.format,
  };
  checkOptions(o);
  prepareOutDir(o.outDir);
  const last = parseMonth(o.end);
  const window: SimWindow = { first: last - o.months + 1, last };
  const villageCount = Math.min(200, Math.max(12, Math.round(o.households / 100)));
  const geography = buildGeography(o.seed, Math.min(15, Math.max(3, Math.round(villageCount / 13.3))), villageCount);
  const households = buildRoster(o.seed, o.households, geography, window);
  for (const hh of households) simulateMonitoring(o.seed, hh, window);
  const insurance = buildInsurance(o.seed, households, geography, window);
  const loans = buildLoans(o.seed, households, geography, window);

  const defects: DefectRecord[] = [];
  const ctx: EmitContext = { outDir: o.outDir, seed: o.seed, defectRate: o.defectRate, fixedDate: utcDate(monthEnd(window.last)), defects };
  const files: ManifestFile[] = [];
  // The national layout names villages; one renamed village is still written under its former name there, and
  // the reference carries that name as 曾用名 (areas by name, DOMAIN.md §6).
  const formerNames = new Map<string, string>();
  if (o.format === "national") {
    const renamed = geography.villages[geography.villages.length - 1];
    formerNames.set(renamed.code, `老${renamed.name}`);
    files.push(...await writeNationalRoster(o.outDir, o.seed, households, window, ctx.fixedDate, formerNames));
  } else await writeHouseholds(ctx, households, window, files);
  await writeLedgers(ctx, loans, window, files);

  for (const key of Object.keys(INSURERS) as InsurerKey[]) {
    const insurer = INSURERS[key];
    const policies = insurance.policies.filter((p) => p.insurer === key);
    const claims = insurance.claims.filter((c) => c.insurer === key);
    files.push(await writeTable(ctx, { name: `${insurer.short}_承保清单.xlsx`, extract: "policies", format: "xlsx", sheet: "保单", columns: HEADERS.policies, source: insurer.name }, policies.map(policyRow)));
    files.push(await writeTable(ctx, { name: `${insurer.short}_理赔清单.xlsx`, extract: "claims", format: "xlsx", sheet: "理赔", columns: HEADERS.claims, source: insurer.name }, claims.map(claimRow)));
  }

  // Village reference: rural households ≈ 3× the roster (the roster holds only 脱贫 and screened households).
  const rng = rngFor(o.seed, "village-reference");
  const rosterCount = new Map<string, number>();
  for (const hh of households) rosterCount.set(hh.village.code, (rosterCount.get(hh.village.code) ?? 0) + 1);
  let ruralPopulation = 0;
  const villageRows = geography.villages.map((v) => {
    const roster = rosterCount.get(v.code) ?? 0;
    const ruralHouseholds = Math.max(roster, Math.round(roster * rng.uniform(2.6, 3.4)) || rng.int(80, 300));
    const ruralPeople = Math.round(ruralHouseholds * rng.uniform(3.0, 3.6));
    ruralPopulation += ruralPeople;
    return {
      区划代码: v.code, 村名称: v.name, 乡镇代码: v.town.code, 乡镇名称: v.town.name, 县代码: COUNTY.code, 县名称: COUNTY.name,
      农村户数: ruralHouseholds, 农村人口: ruralPeople, 是否脱贫村: v.lifted ? "是" : "否", 曾用名: formerNames.get(v.code) ?? null,
    };
  });
  files.push(await writeTable(ctx, { name: `${COUNTY.name}村级基础信息表.xlsx`, extract: "villages", format: "xlsx", sheet: "村级参考", title: `${COUNTY.name}村级基础信息表（${monthYear(window.last)}年）`, columns: HEADERS.villages }, villageRows));

  // Department records (DOMAIN.md §10) from the same shocks, and the towns' feedback on false leads.
  const department = buildDepartmentRecords(o.seed, households, window);
  files.push(await writeTable(ctx, { name: "医保局_医疗费用结算明细.csv", extract: "medical_costs", format: "csv-utf8-bom", source: "医保", columns: HEADERS.medical_costs }, department.medical));
  files.push(await writeTable(ctx, { name: "应急管理局_农户灾情统计.xlsx", extract: "disaster_losses", format: "xlsx", sheet: "灾情", title: `${COUNTY.name}农户受灾损失台账`, source: "应急", columns: HEADERS.disaster_losses }, department.disasters));
  files.push(await writeTable(ctx, { name: "乡镇线索核查反馈.csv", extract: "lead_feedback", format: "csv-utf8-bom", columns: HEADERS.lead_feedback }, department.feedback));

  const years: number[] = [];
  for (let y = monthYear(window.first); y <= monthYear(window.last); y++) years.push(y);
  files.push(await writeTable(ctx, { name: "监测线标准.csv", extract: "monitoring_lines", format: "csv-utf8-bom", columns: HEADERS.monitoring_lines }, monitoringLineRows(years)));
  files.push(await writeTable(ctx, { name: `${COUNTY.name}县级统计数据.csv`, extract: "county_stats", format: "csv-utf8-bom", columns: HEADERS.county_stats }, countyStatRows(years, { population: ruralPopulation })));

  const defectsByKind: Record<DefectKind, number> = {
    bad_id_checksum: 0, unknown_village: 0, duplicate_household: 0, negative_amount: 0, date_order: 0, income_mismatch: 0,
  };
  const defectsBySeverity: Record<DefectSeverity, number> = { reject: 0, warn: 0 };
  for (const d of defects) {
    defectsByKind[d.kind]++;
    defectsBySeverity[d.severity]++;
  }
  const manifest: SampleManifest = {
    generator: "dixian-sample-county",
    version: 1,
    seed: o.seed,
    options: { households: o.households, months: o.months, end: o.end, defectRate: o.defectRate, format: o.format },
    county: { code: COUNTY.code, name: COUNTY.name },
    periods: { first: monthLabel(window.first), last: monthLabel(window.last) },
    files,
    defects,
    loanCases: loans.filter((l) => l.case).map((l) => ({ case: l.case!, bank: BANKS[l.bank].name, loanId: l.id })),
    missingLedgers: (() => {
      const missing = missingLedger(window);
      return missing ? [{ bank: BANKS[missing.bank].name, period: monthLabel(missing.month) }] : [];
    })(),
    summary: {
      towns: geography.towns.length, villages: geography.villages.length, households: households.length, loans: loans.length,
      policies: insurance.policies.length, claims: insurance.claims.length,
      dataRows: files.reduce((n, f) => n + f.dataRows, 0), defectsByKind, defectsBySeverity,
    },
  };
  writeFileSync(join(o.outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}
