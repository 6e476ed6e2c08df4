import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, relative, sep } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { CONTRACTS } from "../contracts/index.ts";
import type { RowContext } from "../contracts/contract.ts";
import { createLoadTables, loadIdentity, loadedIdentities, logOutcome, storeRejections, type Rejection } from "./bookkeeping.ts";
import { faultPoint } from "../build/fault-points.ts";
import { loadFile, type LoadState } from "./load-file.ts";
import { locateExtract } from "./locate-extract.ts";
import { writeReports } from "./write-reports.ts";
import type { ExportProfile } from "../profiles/profile.ts";
import { detectProfile, loadProfileFiles } from "../profiles/load-profile-files.ts";

export interface FileOutcome {
  file: string;
  sheet: string | null;
  extract: string | null;
  period: string | null;
  checksum: string;
  status: "loaded" | "refused" | "skipped";
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** Accepted rows with at least one warning (counted among rowsAccepted). */
  rowsWarned: number;
  message: string | null;
}

export interface LoadSummary {
  files: FileOutcome[];
  refused: FileOutcome[];
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsWarned: number;
}

export interface LoadOptions {
  reportsDir: string;
  /** Allowed gap in yuan per person between 人均纯收入 and its components; default 1. */
  incomeTolerance?: number;
  /**
   * Rows per staging part inserted while the rest of the file is parsed; default 25,000, so the last part,
   * inserted after parsing ends, keeps the wait at the end short (tests make it smaller).
   */
  stagingPartRows?: number;
  /** Export profiles (data/config/profiles/): files in a real layout they recognise are read through them. */
  profiles?: readonly ExportProfile[];
}

const EXTRACT_FILE = new Set([".csv", ".xlsx", ".xls"]);

/** Every .csv/.xlsx under the folder (recursively), as paths relative to it with '/' separators. */
export function listExtractFiles(inputDir: string): string[] {
  if (!existsSync(inputDir) || !statSync(inputDir).isDirectory()) throw new Error(`找不到数据文件夹 ${inputDir}`);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (EXTRACT_FILE.has(extname(entry.name).toLowerCase())) out.push(relative(inputDir, full).split(sep).join("/"));
    }
  };
  walk(inputDir);
  return out.sort();
}

export async function fileChecksum(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Position of the file's extract in load order (villages first); unknown files go last. */
async function loadRank(path: string): Promise<number> {
  try {
    const located = await locateExtract(path);
    await located.close();
    return CONTRACTS.indexOf(located.match.contract);
  } catch {
    return CONTRACTS.length;
  }
}

async function villageLookups(conn: DuckDBConnection, ctx: RowContext): Promise<void> {
  const reader = await conn.runAndReadAll("select area_code, town_code, county_code from stg_villages");
  const rows = reader.getRows() as string[][];
  if (rows.length === 0) {
    ctx.villages = ctx.towns = ctx.counties = null;
    return;
  }
  ctx.villages = new Set(rows.map((r) => r[0]));
  ctx.towns = new Set(rows.map((r) => r[1]));
  ctx.counties = new Set(rows.map((r) => r[2]));
}

async function insurerLookup(conn: DuckDBConnection): Promise<Map<string, string>> {
  const reader = await conn.runAndReadAll("select policy_id, insurer from stg_policies where insurer is not null");
  return new Map((reader.getRows() as string[][]).map((r) => [r[0], r[1]]));
}

/**
 * Loads every extract file of a folder into the staging tables, with full accounting: per file, rows
 * read = accepted + rejected, rows with warnings counted among the accepted; rejections and warnings go to
 * the warehouse (masked) and to report files (raw, for the county's staff); bad files are refused, never
 * thrown; a file whose checksum is already loaded is skipped.
 */
export async function loadInputFolder(conn: DuckDBConnection, inputDir: string, options: LoadOptions): Promise<LoadSummary> {
  await createLoadTables(conn);
  const done = await loadedIdentities(conn);
  const tmpDir = mkdtempSync(join(tmpdir(), "dixian-load-"));
  const state: LoadState = {
    conn, tmpDir, keys: new Map(), partRows: options.stagingPartRows ?? 25_000,
    ctx: { villages: null, towns: null, counties: null, insurers: null, incomeTolerance: options.incomeTolerance ?? 1 },
  };
  const files: FileOutcome[] = [];
  const rejections: Rejection[] = [];
  const warnings: Rejection[] = [];
  try {
    const profiles = options.profiles ?? [];
    const householdsRank = CONTRACTS.findIndex((c) => c.extract === "households");
    const ranked: { rel: string; rank: number; profiled: boolean }[] = [];
    for (const rel of listExtractFiles(inputDir)) {
      // A file in a profile's layout loads with the households (after the villages reference it needs).
      const profiled = (await detectProfile(join(inputDir, rel), profiles)) !== null;
      ranked.push({ rel, rank: profiled ? householdsRank : await loadRank(join(inputDir, rel)), profiled });
    }
    ranked.sort((a, b) => a.rank - b.rank || a.rel.localeCompare(b.rel));
    let profilesDone = false;
    let lookupsReady = false;
    let warned = false;
    for (const { rel, rank, profiled } of ranked) {
      if (profiled && profilesDone) continue;
      const path = join(inputDir, rel);
      const checksum = await fileChecksum(path);
      if (done.has(loadIdentity(checksum, rel))) {
        const outcome: FileOutcome = {
          file: rel, sheet: null, extract: null, period: null, checksum, status: "skipped",
          rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, rowsWarned: 0, message: "内容相同的文件已经载入过，本次跳过",
        };
        files.push(outcome);
        await logOutcome(conn, outcome);
        continue;
      }
      if (rank === CONTRACTS.findIndex((c) => c.extract === "claims") && state.ctx.insurers === null) {
        state.ctx.insurers = await insurerLookup(conn);
      }
      if (!lookupsReady && rank > 0) {
        await villageLookups(conn, state.ctx);
        lookupsReady = true;
      }
      // Households, loans, policies and claims check 区划代码 against the villages reference.
      if (rank >= 3 && rank < CONTRACTS.length && state.ctx.villages === null && !warned) {
        console.warn("警告：没有村级参考数据（村级参考文件），本次跳过“区划代码须在村级参考中”的检查");
        warned = true;
      }
      if (profiled) {
        // Every file of every profile at once: overlapping files of a month are one roster.
        if (!lookupsReady) {
          await villageLookups(conn, state.ctx);
          lookupsReady = true;
        }
        profilesDone = true;
        const items = [];
        for (const item of ranked.filter((r) => r.profiled)) {
          const itemPath = join(inputDir, item.rel);
          const itemChecksum = item.rel === rel ? checksum : await fileChecksum(itemPath);
          if (!done.has(loadIdentity(itemChecksum, item.rel))) items.push({ rel: item.rel, path: itemPath, checksum: itemChecksum });
        }
        const loaded = await loadProfileFiles(items, profiles, state);
        for (const outcome of loaded.outcomes) {
          files.push(outcome);
          await logOutcome(conn, outcome);
          if (outcome.status === "loaded") done.add(loadIdentity(outcome.checksum, outcome.file));
        }
        for (const r of loaded.rejections) rejections.push(r);
        for (const w of loaded.warnings) warnings.push(w);
        await storeRejections(conn, loaded.rejections);
        await storeRejections(conn, loaded.warnings, "warnings");
        continue;
      }
      const result = extname(rel).toLowerCase() === ".xls"
        ? {
            outcome: {
              file: rel, sheet: null, extract: null, period: null, checksum, status: "refused" as const,
              rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, rowsWarned: 0, message: `${rel}：不支持旧版 .xls 格式，请用 Excel 或 WPS 另存为 .xlsx 或 CSV`,
            },
            rejections: [],
            warnings: [],
          }
        : await loadFile(path, rel, checksum, state);
      files.push(result.outcome);
      for (const r of result.rejections) rejections.push(r); // not push(...): a big file has too many for the stack
      for (const w of result.warnings) warnings.push(w);
      await logOutcome(conn, result.outcome);
      await storeRejections(conn, result.rejections);
      await storeRejections(conn, result.warnings, "warnings");
      if (result.outcome.status === "loaded") done.add(loadIdentity(checksum, rel));
      await faultPoint("load");
    }
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
  const summary: LoadSummary = {
    files,
    refused: files.filter((f) => f.status === "refused"),
    rowsRead: files.reduce((s, f) => s + f.rowsRead, 0),
    rowsAccepted: files.reduce((s, f) => s + f.rowsAccepted, 0),
    rowsRejected: files.reduce((s, f) => s + f.rowsRejected, 0),
    rowsWarned: files.reduce((s, f) => s + f.rowsWarned, 0),
  };
  writeReports(options.reportsDir, summary, rejections, warnings);
  return summary;
}
