// Loading the files an export profile recognises (the national system's per-person downloads): detect,
// read, aggregate per period (aggregate.ts), then hand the canonical household rows to the one validation
// path every extract goes through (loadFile with the rows already located), and write the persons of the
// accepted households to stg_household_members through the members contract. Accounting stays per source
// file and row: a person row is read once in its file, and rejected or warned with its household.
import type { DuckDBConnection } from "@duckdb/node-api";
import { householdMembers } from "../contracts/household-members.ts";
import { households as householdsContract } from "../contracts/households.ts";
import type { Rejection } from "../load/bookkeeping.ts";
import { loadFile, MAX_DETAILS_PER_FILE, type LoadState } from "../load/load-file.ts";
import type { FileOutcome } from "../load/load-input-folder.ts";
import { isBlankRow, isSkippedRow, openSheets, type LocatedExtract } from "../load/locate-extract.ts";
import { StagingWriter, sqlString } from "../load/staging-writer.ts";
import { makePlan, validateRow } from "../load/validate-row.ts";
import { matchContract } from "../read/match-header.ts";
import { periodFromFileName, type Cell } from "../read/parse-values.ts";
import type { SourceRow } from "../read/source-rows.ts";
import { maskValue } from "../privacy/mask.ts";
import { aggregatePeriod, matchesProfile, type ProfileFile, type SourceRef } from "./aggregate.ts";
import { loadAreaIndex } from "./area-names.ts";
import type { ExportProfile } from "./profile.ts";

const HEADER_SEARCH_ROWS = 30;

/** The profile whose 识别列 are on one of the first rows of a sheet (title rows above are skipped). */
export async function detectProfile(path: string, profiles: readonly ExportProfile[]): Promise<ExportProfile | null> {
  if (profiles.length === 0) return null;
  const found = await readProfileFile(path, profiles, false).catch(() => null);
  return found?.profile ?? null;
}

interface ReadFile {
  profile: ExportProfile;
  sheet: string | null;
  header: Cell[];
  rows: SourceRow[];
}

/** The first sheet holding a profile's header, and (when `all`) its data rows, blank and 合计 rows left out. */
async function readProfileFile(path: string, profiles: readonly ExportProfile[], all: boolean): Promise<ReadFile | null> {
  const { sheets } = openSheets(path);
  try {
    for (;;) {
      const next = await sheets.next();
      if (next.done) return null;
      let seen = 0;
      let found: ReadFile | null = null;
      for await (const batch of next.value.rows) {
        for (const source of batch) {
          if (found) {
            if (!isSkippedRow(source.cells)) found.rows.push(source);
            continue;
          }
          if (isBlankRow(source.cells)) continue;
          if (++seen > HEADER_SEARCH_ROWS) break;
          const profile = profiles.find((p) => matchesProfile(p, source.cells));
          if (profile) {
            found = { profile, sheet: next.value.name, header: source.cells, rows: [] };
            if (!all) return found;
          }
        }
        if (!found && seen > HEADER_SEARCH_ROWS) break;
      }
      if (found) return found;
    }
  } finally {
    await sheets.return?.();
  }
}

export interface ProfileFileItem {
  rel: string;
  path: string;
  checksum: string;
}

export interface ProfileLoadResult {
  outcomes: FileOutcome[];
  rejections: Rejection[];
  warnings: Rejection[];
}

/** Canonical household headers in contract order: the text rows the profile produces. */
const CANONICAL_HEADERS = householdsContract.fields.map((f) => f.header);
const MEMBER_HEADERS = householdMembers.fields.map((f) => f.header);

function located(headers: string[], rows: SourceRow[], contract = householdsContract): LocatedExtract {
  const match = matchContract(contract, headers);
  return {
    sheet: null, match, headerRow: 1, headerWidth: headers.length, encoding: null,
    rows: (async function* () { yield rows; })(),
    close: async () => undefined,
  };
}

/**
 * Loads every profile file of the folder. Files are grouped by profile and period (from the file name: the
 * national system writes `…_20250630-风险未消除608人.xlsx`); each group becomes one set of households.
 */
export async function loadProfileFiles(items: ProfileFileItem[], profiles: readonly ExportProfile[], state: LoadState): Promise<ProfileLoadResult> {
  const conn = state.conn;
  const outcomes = new Map<string, FileOutcome>();
  const rejections: Rejection[] = [];
  const warnings: Rejection[] = [];
  // Grouped by the period in the file name before reading: one month's files are in memory at a time.
  const groups = new Map<string, { period: string; items: ProfileFileItem[] }>();
  for (const item of items) {
    const outcome: FileOutcome = {
      file: item.rel, sheet: null, extract: "households", period: null, checksum: item.checksum, status: "refused",
      rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, rowsWarned: 0, message: null,
    };
    outcomes.set(item.rel, outcome);
    const period = periodFromFileName(item.rel.split("/").pop() ?? item.rel);
    if (period === null) {
      outcome.message = `${item.rel}：按导出格式识别为人员明细，但文件名中没有导出日期或年月（如 …_20250630-风险未消除608人.xlsx），无法确定数据期，请在文件名中写明`;
      continue;
    }
    const group = groups.get(period) ?? { period, items: [] };
    groups.set(period, group);
    group.items.push(item);
  }
  const areas = groups.size > 0 ? await loadAreaIndex(conn) : null;
  const status = new Map<string, "rejected" | "warned">();
  const mark = (ref: SourceRef, s: "rejected" | "warned") => {
    const k = `${ref.file}#${ref.row}`;
    if (status.get(k) !== "rejected") status.set(k, s);
  };
  const push = (list: Rejection[], r: Rejection) => {
    if (list.length < MAX_DETAILS_PER_FILE) list.push(r);
  };
  for (const { period, items: monthItems } of [...groups.values()].sort((a, b) => a.period.localeCompare(b.period))) {
    const byProfile = new Map<ExportProfile, ProfileFile[]>();
    for (const item of monthItems) {
      const outcome = outcomes.get(item.rel)!;
      let read: ReadFile | null;
      try {
        read = await readProfileFile(item.path, profiles, true);
      } catch (error) {
        outcome.message = `${item.rel}：文件无法读取（${(error as Error).message.split("\n")[0].slice(0, 200)}），如为 XLSX 请确认文件未损坏、未加密，可用 Excel 打开后另存`;
        continue;
      }
      if (!read) {
        outcome.message = `${item.rel}：没有找到导出格式的表头`;
        continue;
      }
      outcome.sheet = read.sheet;
      outcome.period = period;
      outcome.rowsRead = read.rows.length;
      const files = byProfile.get(read.profile) ?? [];
      byProfile.set(read.profile, files);
      files.push({ rel: item.rel, sheet: read.sheet, header: read.header, rows: read.rows });
    }
    for (const [profile, files] of byProfile) await loadGroup(profile, period, files);
  }

  async function loadGroup(profile: ExportProfile, period: string, files: ProfileFile[]): Promise<void> {
    const group = { profile, period };
    const result = aggregatePeriod(profile, period, files, areas);
    for (const issue of result.issues) {
      const list = issue.severity === "reject" ? rejections : warnings;
      push(list, {
        file: issue.ref.file, sheet: issue.ref.sheet, row: issue.ref.row, column: issue.column, value: issue.value,
        valueMasked: maskValue(issue.fieldKey, issue.value) ?? "", rule: issue.rule, message: issue.message,
        extract: "households", period: group.period, sourceKey: null, action: issue.severity === "warn" ? "keep" : null,
      });
      if (issue.severity === "warn") mark(issue.ref, "warned");
    }
    for (const ref of result.rejectedRefs) mark(ref, "rejected");
    // The canonical rows go through the households contract like any file's rows.
    const virtual = `导出格式 ${group.profile.名称} ${group.period}`;
    const rows: SourceRow[] = result.households.map((h, i) => ({ row: i + 1, cells: CANONICAL_HEADERS.map((header) => h.cells[header] ?? null) }));
    const loaded = await loadFile(virtual, virtual, "", state, async () => located(CANONICAL_HEADERS, rows));
    if (loaded.outcome.status !== "loaded") throw new Error(loaded.outcome.message ?? "导出格式的户信息无法载入");
    const rejectedRows = new Set<number>();
    for (const [list, from] of [[rejections, loaded.rejections], [warnings, loaded.warnings]] as const) {
      for (const r of from) {
        const household = result.households[r.row - 1];
        push(list, { ...r, file: household.ref.file, sheet: household.ref.sheet, row: household.ref.row });
        if (r.action === null) rejectedRows.add(r.row);
        for (const ref of household.refs) mark(ref, r.action === null ? "rejected" : "warned");
      }
    }
    // Rejections may be capped per file: a rejected row is also one whose household never reached staging.
    const staged = new Set((await conn.runAndReadAll(`select source_row from stg_households where source_file = ${sqlString(virtual)}`)).getRows().map((r) => Number(r[0])));
    result.households.forEach((h, i) => {
      if (!staged.has(i + 1) && !rejectedRows.has(i + 1)) for (const ref of h.refs) mark(ref, "rejected");
    });
    // Each household row points back at its head's row in the county's file.
    if (staged.size > 0) {
      await conn.run("create or replace temp table profile_refs (vrow INTEGER, file VARCHAR, srow INTEGER)");
      const values = result.households.map((h, i) => `(${i + 1}, ${sqlString(h.ref.file)}, ${h.ref.row})`);
      for (let at = 0; at < values.length; at += 5000) await conn.run(`insert into profile_refs values ${values.slice(at, at + 5000).join(", ")}`);
      await conn.run(`update stg_households set source_file = r.file, source_row = r.srow from profile_refs r where stg_households.source_file = ${sqlString(virtual)} and stg_households.source_row = r.vrow`);
      await conn.run("drop table profile_refs");
    }
    await writeMembers(conn, state, group.period, result.households.filter((_, i) => staged.has(i + 1)), warnings, mark);
  }
  for (const outcome of outcomes.values()) {
    if (outcome.period === null) continue;
    let rejected = 0;
    let warned = 0;
    for (const [k, s] of status) {
      if (!k.startsWith(`${outcome.file}#`)) continue;
      if (s === "rejected") rejected++;
      else warned++;
    }
    outcome.status = "loaded";
    outcome.rowsRejected = rejected;
    outcome.rowsAccepted = outcome.rowsRead - rejected;
    outcome.rowsWarned = warned;
    const parts: string[] = [];
    if (rejected > 0) parts.push(`${rejected} 行（人）随所在户被拒绝，见拒绝报告`);
    if (warned > 0) parts.push(`${warned} 行（人）已载入但有警告，见警告报告`);
    outcome.message = parts.length > 0 ? parts.join("；") : null;
  }
  return { outcomes: [...outcomes.values()], rejections, warnings };
}

/** The persons of the staged households, through the members contract, one staging pass per source file. */
async function writeMembers(
  conn: DuckDBConnection,
  state: LoadState,
  period: string,
  staged: { persons: { ref: SourceRef; cells: Record<string, string | null> }[] }[],
  warnings: Rejection[],
  mark: (ref: SourceRef, s: "rejected" | "warned") => void,
): Promise<void> {
  const plan = makePlan(householdMembers, matchContract(householdMembers, MEMBER_HEADERS).columns, period);
  const byFile = new Map<string, { ref: SourceRef; cells: Cell[] }[]>();
  for (const h of staged) {
    for (const p of h.persons) {
      const list = byFile.get(p.ref.file) ?? [];
      byFile.set(p.ref.file, list);
      list.push({ ref: p.ref, cells: MEMBER_HEADERS.map((header) => p.cells[header] ?? null) });
    }
  }
  for (const [file, persons] of byFile) {
    const writer = new StagingWriter(householdMembers, `${state.tmpDir}/members-${process.pid}-${Date.now()}.csv`, file, conn, state.partRows);
    try {
      for (const person of persons) {
        const result = validateRow(plan, person.cells, state.ctx);
        for (const d of result.defects) {
          warnings.push({
            file, sheet: person.ref.sheet, row: person.ref.row, column: d.column, value: d.value, valueMasked: maskValue(d.fieldKey, d.value) ?? "",
            rule: d.rule, message: d.message, extract: "households", period, sourceKey: null, action: d.action ?? "null",
          });
          mark(person.ref, "warned");
        }
        writer.add(result.row, person.ref.row);
        if (writer.full) await writer.flush();
      }
      await writer.commit();
    } catch (error) {
      await writer.discard();
      throw error;
    }
  }
}

