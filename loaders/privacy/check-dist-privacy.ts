// The build's privacy guard: nothing under dist/ may hold a personal value of the input in clear — an ID
// number (any 18-character string with a valid GB 11643 check character, or any ID of the input), a phone
// number of the input, or a household head's (or personal borrower's) name from the roster.
import { DuckDBInstance } from "@duckdb/node-api";
import { join, relative, sep } from "node:path";
import { PROJECT_ROOT } from "../paths.ts";
import { distTexts, isTableFile, walkFiles, type DistText } from "./dist-texts.ts";
import { decodeEscapes } from "./decode-escapes.ts";
import { buildPersonalIndex, type PersonalIndex, type PersonalValues } from "./personal-index.ts";
import { readPersonalValues } from "./personal-values.ts";
import { scanText, type PrivacyKind } from "./scan-text.ts";
import { sourcePhrases } from "./source-phrases.ts";

export type { PrivacyKind } from "./scan-text.ts";

export interface PrivacyFinding {
  /** Relative to distDir; "file.xlsx!xl/sharedStrings.xml" for a file inside an archive. */
  file: string;
  kind: PrivacyKind;
  /** The value MASKED (张*, 110105********002X, 138****5678). */
  value: string;
  /** Text around the first occurrence, itself masked. */
  context: string;
  occurrences: number;
}

export interface CheckDistPrivacyOptions {
  distDir: string;
  /** Warehouse whose staging tables hold the input's personal values. */
  dbPath: string;
  /** Use these values instead of reading the warehouse (tests, or a build without one). */
  personal?: PersonalValues;
  /**
   * Folders whose Chinese wording is the site's own text (default: DEFAULT_SOURCE_DIRS); a roster
   * name inside a phrase written there is not a leak.
   */
  sourceDirs?: string[];
}

/**
 * The Framework root and the code that writes enumerations, indicator names and messages the pages show.
 * Not loaders/sample: its name lists are exactly what must never count as ordinary wording.
 */
export const DEFAULT_SOURCE_DIRS = ["src", "loaders/contracts", "loaders/indicators", "loaders/sql"].map((dir) => join(PROJECT_ROOT, dir));

function findingsOf(item: DistText, index: PersonalIndex): PrivacyFinding[] {
  const byValue = new Map<string, PrivacyFinding>();
  for (const hit of scanText(decodeEscapes(item.text), index)) {
    const key = `${hit.kind}\u0000${hit.value}`;
    const seen = byValue.get(key);
    if (seen) seen.occurrences++;
    else byValue.set(key, { file: item.file, kind: hit.kind, value: hit.masked, context: hit.context, occurrences: 1 });
  }
  return [...byValue.values()];
}

/** Parquet files are read through DuckDB: their strings are usually compressed, so a text scan would miss them. */
async function* tableTexts(distDir: string): AsyncGenerator<DistText> {
  const tables = [...walkFiles(distDir)].filter(isTableFile);
  if (tables.length === 0) return;
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    for (const path of tables) {
      const reader = await conn.runAndReadAll(`select * from read_parquet('${path.replaceAll("'", "''")}')`);
      const text = reader.getRows().map((row) => row.map((cell) => (cell === null ? "" : String(cell))).join("\t")).join("\n");
      yield { file: relative(distDir, path).split(sep).join("/"), text };
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

export async function checkDistPrivacy(options: CheckDistPrivacyOptions): Promise<PrivacyFinding[]> {
  const personal = options.personal ?? (await readPersonalValues(options.dbPath));
  const wording = sourcePhrases(options.sourceDirs ?? DEFAULT_SOURCE_DIRS);
  const index = buildPersonalIndex({ ...personal, benignPhrases: [...personal.benignPhrases, ...wording] });
  const findings: PrivacyFinding[] = [];
  for (const item of distTexts(options.distDir)) findings.push(...findingsOf(item, index));
  for await (const item of tableTexts(options.distDir)) findings.push(...findingsOf(item, index));
  return findings;
}

const KIND_ZH: Record<PrivacyKind, string> = { id: "证件号码", phone: "联系电话", name: "户主姓名" };

/** The findings as the build prints them: what leaked where, masked, and what to do. */
export function formatPrivacyFindings(findings: PrivacyFinding[], limit = 50): string {
  if (findings.length === 0) return "隐私检查通过：网站文件中没有明文的证件号码、联系电话或户主姓名。";
  const files = new Set(findings.map((f) => f.file));
  const lines = [
    `隐私检查未通过：${files.size} 个网站文件中发现 ${findings.length} 处明文个人信息（以下已脱敏显示）。`,
    "网站不得包含明文的证件号码、联系电话或户主姓名；工作清单须脱敏（张*、前6位和后4位证件号），公开版（--public）不含户级清单。",
  ];
  for (const f of findings.slice(0, limit)) {
    const times = f.occurrences > 1 ? `（${f.occurrences} 处）` : "";
    lines.push(`  - ${f.file}：${KIND_ZH[f.kind]} ${f.value}${times}\u3000…${f.context}…`);
  }
  if (findings.length > limit) lines.push(`  ……另有 ${findings.length - limit} 处未列出`);
  return lines.join("\n");
}
