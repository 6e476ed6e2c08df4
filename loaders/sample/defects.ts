// Deliberate defects: a few rows per file are broken the way real extracts break, and each one is recorded
// with the row number Excel shows and whether the loader must reject the row or keep it with a warning
// (DOMAIN §11), so loader tests can check every one is reported. Draws come from their own random stream per
// file: changing the defect rate never changes the clean data.
import { unknownVillageCode } from "./geography.ts";
import { breakIdChecksum } from "./id-numbers.ts";
import { dayOf, isoDay } from "./dates.ts";
import { rngFor, type Rng } from "./prng.ts";
import type { Row } from "./snapshot.ts";
import type { ExtractName } from "./headers.ts";

export type DefectKind = "bad_id_checksum" | "unknown_village" | "duplicate_household" | "negative_amount" | "date_order" | "income_mismatch";

/**
 * What the loader must do with a defect's row (DOMAIN §11): `reject` a row that cannot be used (bad ID, unknown
 * village, repeated key, an unusable value in a required column), `warn` and keep a row with a secondary error.
 */
export type DefectSeverity = "reject" | "warn";

export interface DefectRecord {
  file: string;
  /** Sheet name for XLSX files, null for CSV. */
  sheet: string | null;
  /** Row number as Excel shows it (title and header rows counted). */
  row: number;
  /** Header of the broken cell, as written in the file (e.g. 贷款余额(万元)). */
  column: string;
  /** The bad value as written in the file (dates of Excel date cells as YYYY-MM-DD). */
  value: string;
  kind: DefectKind;
  /** Rejected by the loader, or kept with a warning. */
  severity: DefectSeverity;
  extract: ExtractName;
  note?: string;
}

/** A defect applied to a row, before the writer knows how the column is spelled. */
export interface AppliedDefect {
  kind: DefectKind;
  severity: DefectSeverity;
  column: string;
  note?: string;
  /** The row is written twice; the defect is the second copy. */
  duplicate?: boolean;
}

const dayFromIso = (iso: string) => dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

function applicable(extract: ExtractName, row: Row): DefectKind[] {
  const kinds: DefectKind[] = [];
  const hasId = typeof row["证件号码"] === "string" && /^\d{17}[\dX]$/.test(row["证件号码"] as string);
  if (extract === "households") {
    kinds.push("bad_id_checksum", "unknown_village", "duplicate_household", "income_mismatch");
    if ((row["工资性收入"] as number) > 0) kinds.push("negative_amount");
    if (row["风险消除日期"]) kinds.push("date_order");
  } else if (extract === "loans") {
    kinds.push("negative_amount", "date_order");
    if (hasId && row["借款人类型"] === "个人") kinds.push("bad_id_checksum");
  } else if (extract === "claims") {
    if (row["赔付日期"]) kinds.push("date_order");
  } else if (extract === "policies") {
    if (hasId) kinds.push("bad_id_checksum");
  }
  return kinds;
}

function apply(rng: Rng, extract: ExtractName, kind: DefectKind, row: Row): AppliedDefect {
  switch (kind) {
    case "bad_id_checksum":
      row["证件号码"] = breakIdChecksum(row["证件号码"] as string);
      return { kind, severity: "reject", column: "证件号码" };
    case "unknown_village":
      row["区划代码"] = unknownVillageCode((row["区划代码"] as string).slice(0, 9));
      return { kind, severity: "reject", column: "区划代码" };
    case "duplicate_household":
      return { kind, severity: "reject", column: "户编号", duplicate: true };
    case "negative_amount": {
      // 贷款余额 is a required column (reject); 工资性收入 is optional: nulled with a warning.
      const column = extract === "households" ? "工资性收入" : "贷款余额";
      row[column] = -Math.abs(row[column] as number);
      return { kind, severity: extract === "households" ? "warn" : "reject", column };
    }
    case "income_mismatch": {
      // 人均纯收入 typed over by 10–40% more (plus 100 yuan, so always beyond any tolerance): kept with a warning.
      const pc = row["人均纯收入"] as number;
      row["人均纯收入"] = Math.round((pc * rng.uniform(1.1, 1.4) + 100) * 100) / 100;
      return { kind, severity: "warn", column: "人均纯收入", note: "人均纯收入与收入构成不符" };
    }
    case "date_order": {
      if (extract === "households") {
        row["风险消除日期"] = isoDay(dayFromIso(row["识别监测日期"] as string) - rng.int(1, 60));
        return { kind, severity: "warn", column: "风险消除日期", note: "风险消除日期早于识别监测日期" };
      }
      if (extract === "loans") {
        row["到期日期"] = isoDay(dayFromIso(row["发放日期"] as string) - rng.int(1, 365));
        return { kind, severity: "warn", column: "到期日期", note: "到期日期早于发放日期" };
      }
      row["赔付日期"] = isoDay(dayFromIso(row["报案日期"] as string) - rng.int(1, 20));
      return { kind, severity: "warn", column: "赔付日期", note: "赔付日期早于报案日期" };
    }
  }
}

export class DefectInjector {
  private rng: Rng;

  constructor(seed: number, file: string, private rate: number, private extract: ExtractName) {
    this.rng = rngFor(seed, "defects", file);
  }

  /** With probability `rate`, breaks `row` in place with one defect kind that fits it. */
  maybeBreak(row: Row): AppliedDefect | null {
    if (this.rate <= 0 || this.rng.next() >= this.rate) return null;
    const kinds = applicable(this.extract, row);
    if (kinds.length === 0) return null;
    return apply(this.rng, this.extract, this.rng.pick(kinds), row);
  }
}
