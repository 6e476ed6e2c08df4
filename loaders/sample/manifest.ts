// `_manifest.json`: what the generator wrote (it is not an extract). Loader tests read it to know each
// file's form and every deliberate defect.
import type { DefectKind, DefectRecord, DefectSeverity } from "./defects.ts";
import type { ExtractName } from "./headers.ts";
import type { FileFormat } from "./table-writer.ts";

export const MANIFEST_FILE = "_manifest.json";

export interface ManifestFile {
  name: string;
  extract: ExtractName;
  format: FileFormat;
  /** Sheet name for XLSX, null for CSV. */
  sheet: string | null;
  /** Rows above the header (a title such as 邮储银行扶贫小额信贷台账（2025年3月）). */
  titleRows: number;
  headerRow: number;
  /** Data rows, deliberate defects included, the 合计 row excluded. */
  dataRows: number;
  /** Row number of the trailing 合计 row, if the file has one. */
  totalRow: number | null;
  /** `YYYY-MM` for monthly extracts (households, loans). */
  period: string | null;
  /** Whether the period is only in the file name (no 数据期 column). */
  periodInName: boolean;
  /** The bank or insurer that produced the file. */
  source: string | null;
  headers: string[];
  dates: "iso" | "slash" | "excel";
  amountUnit: "元" | "万元";
}

export interface SampleManifest {
  generator: "dixian-sample-county";
  version: 1;
  seed: number;
  options: { households: number; months: number; end: string; defectRate: number; format: "canonical" | "national" };
  county: { code: string; name: string };
  periods: { first: string; last: string };
  files: ManifestFile[];
  defects: DefectRecord[];
  /** Loans made to exercise a policy check or a finance view (loan-cases.ts), by bank and 贷款编号. */
  loanCases: { case: string; bank: string; loanId: string }[];
  /** Bank ledgers deliberately not delivered (a gap the pages must show, not a zero). */
  missingLedgers: { bank: string; period: string }[];
  summary: {
    towns: number;
    villages: number;
    households: number;
    loans: number;
    policies: number;
    claims: number;
    dataRows: number;
    defectsByKind: Record<DefectKind, number>;
    /** Defects whose rows the loader rejects, and those it keeps with a warning. */
    defectsBySeverity: Record<DefectSeverity, number>;
  };
}
