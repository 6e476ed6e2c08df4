import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import { DEFAULT_CONFIG_DIR } from "../paths.ts";
import { readHolidays } from "./read-holidays.ts";
import { SETTINGS_KEYS as K, settingsFileSchema } from "./settings-schema.ts";

/** County settings the SQL models and pages use. Monitoring lines are not here: they come from the monitoring_lines extract. */
export interface Settings {
  /** Working days from 风险发现日期 to 识别监测日期 (county approval). */
  identificationDeadlineDays: number;
  /** Working days from 识别监测日期 to 首次帮扶日期. */
  firstAssistDeadlineDays: number;
  /** Village figures are withheld where the village has fewer roster households than this (0 = never). */
  villageSuppressionMinHouseholds: number;
  /** Yuan per person a stated 人均纯收入 may differ from its components before the row is rejected (loader rule). */
  incomeTolerance: number;
  /** Colour grading by per-capita net income: red below `redBelow`, green from `greenFrom`, yellow between. */
  colourGrades: { redBelow: number; greenFrom: number };
  /** 规模性返贫研判: one row per trigger × area level × window (loaders/sql/marts/verdict_triggers.sql). */
  verdictThresholds: VerdictThreshold[];
  /** Extra non-working days ('YYYY-MM-DD'), from holidays.csv. */
  holidays: string[];
}

/**
 * A verdict threshold: the trigger is amber from `amber` and red from `red` on. Rates are fractions (the file
 * says %), per year for the 'period' triggers (the mart scales them to the period's months); clusters are
 * household counts within a calendar month or three months.
 */
export interface VerdictThreshold {
  trigger: "return_rate" | "new_poverty_rate" | "active_growth" | "ident_overdue" | "assist_overdue"
    | "cluster_identified" | "cluster_risk" | "cluster_below_line";
  areaLevel: "county" | "town" | "village";
  window: "period" | "month" | "quarter";
  amber: number;
  red: number;
}

function verdictThresholds(file: z.output<typeof settingsFileSchema>): VerdictThreshold[] {
  const v = file[K.verdict];
  const pair = (p: Record<string, number>, scale = 1) => ({ amber: p[K.amber] * scale, red: p[K.red] * scale });
  const rows: VerdictThreshold[] = [
    { trigger: "return_rate", areaLevel: "county", window: "period", ...pair(v[K.returnRate], 0.01) },
    { trigger: "new_poverty_rate", areaLevel: "county", window: "period", ...pair(v[K.newPovertyRate], 0.01) },
    { trigger: "active_growth", areaLevel: "county", window: "period", ...pair(v[K.activeGrowth], 0.01) },
    { trigger: "ident_overdue", areaLevel: "county", window: "period", ...pair(v[K.identOverdue]) },
    { trigger: "assist_overdue", areaLevel: "county", window: "period", ...pair(v[K.assistOverdue]) },
  ];
  for (const [areaLevel, key] of [["village", K.villageCluster], ["town", K.townCluster]] as const) {
    for (const [window, wkey] of [["month", K.oneMonth], ["quarter", K.oneQuarter]] as const) {
      for (const trigger of ["cluster_identified", "cluster_risk", "cluster_below_line"] as const) {
        rows.push({ trigger, areaLevel, window, ...pair(v[key][wkey]) });
      }
    }
  }
  return rows;
}

export const SETTINGS_FILE = "settings.json";
export const HOLIDAYS_FILE = "holidays.csv";

/** Thrown when a settings file cannot be used; the message says which file and what to fix. */
export class SettingsError extends Error {}

function stripComments(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith("说明")).map(([key, v]) => [key, stripComments(v)]));
}

function parseSettingsFile(path: string): z.output<typeof settingsFileSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf-8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new SettingsError(`设置文件 ${path} 不是有效的 JSON：${(error as Error).message}。请检查引号、逗号和括号（可参照 data/config/README.md）。`);
  }
  // Keys starting with 说明 are comments for the person editing the file, at any depth (规模性返贫研判 has one).
  const withoutComments = stripComments(raw);
  const parsed = settingsFileSchema.safeParse(withoutComments);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.message}`).join("\n");
    throw new SettingsError(`设置文件 ${path} 有误，请改正后重新运行：\n${problems}`);
  }
  return parsed.data;
}

/** Reads `settings.json` (defaults when absent) and the optional `holidays.csv` of a config folder. */
export function readSettings(dir: string = DEFAULT_CONFIG_DIR): Settings {
  const settingsPath = join(dir, SETTINGS_FILE);
  const file = existsSync(settingsPath) ? parseSettingsFile(settingsPath) : settingsFileSchema.parse({});
  const holidaysPath = join(dir, HOLIDAYS_FILE);
  let holidays: string[] = [];
  if (existsSync(holidaysPath)) {
    try {
      holidays = readHolidays(holidaysPath);
    } catch (error) {
      throw new SettingsError((error as Error).message);
    }
  }
  return {
    identificationDeadlineDays: file[K.identificationDeadlineDays],
    firstAssistDeadlineDays: file[K.firstAssistDeadlineDays],
    villageSuppressionMinHouseholds: file[K.villageSuppressionMinHouseholds],
    incomeTolerance: file[K.incomeTolerance],
    colourGrades: { redBelow: file[K.colourGrades][K.redBelow], greenFrom: file[K.colourGrades][K.greenFrom] },
    verdictThresholds: verdictThresholds(file),
    holidays,
  };
}

/**
 * Writes the settings as warehouse tables for the SQL models: `cfg_settings` (grain: one row; income_tolerance
 * is there as a record of what the loader applied), `cfg_holidays` (grain: holiday date) and
 * `cfg_verdict_thresholds` (grain: trigger × area_level × window).
 */
export async function writeSettingsTables(conn: DuckDBConnection, settings: Settings): Promise<void> {
  await conn.run(`
    create or replace table cfg_settings (
      identification_deadline_days integer not null, first_assist_deadline_days integer not null,
      village_suppression_min_households integer not null, grade_red_below double not null, grade_green_from double not null,
      income_tolerance double not null
    )`);
  await conn.run("insert into cfg_settings values ($1, $2, $3, $4, $5, $6)", [
    settings.identificationDeadlineDays, settings.firstAssistDeadlineDays, settings.villageSuppressionMinHouseholds,
    settings.colourGrades.redBelow, settings.colourGrades.greenFrom, settings.incomeTolerance,
  ]);
  await conn.run(`
    create or replace table cfg_verdict_thresholds (
      trigger varchar not null, area_level varchar not null, "window" varchar not null, amber double not null, red double not null,
      primary key (trigger, area_level, "window")
    )`);
  for (const t of settings.verdictThresholds) {
    await conn.run("insert into cfg_verdict_thresholds values ($1, $2, $3, $4, $5)", [t.trigger, t.areaLevel, t.window, t.amber, t.red]);
  }
  await conn.run("create or replace table cfg_holidays (holiday date primary key)");
  if (settings.holidays.length > 0) {
    await conn.run(`insert into cfg_holidays select unnest(from_json($1, '["DATE"]'))`, [JSON.stringify(settings.holidays)]);
  }
}
