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
  /** Extra non-working days ('YYYY-MM-DD'), from holidays.csv. */
  holidays: string[];
}

export const SETTINGS_FILE = "settings.json";
export const HOLIDAYS_FILE = "holidays.csv";

/** Thrown when a settings file cannot be used; the message says which file and what to fix. */
export class SettingsError extends Error {}

function parseSettingsFile(path: string): z.output<typeof settingsFileSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf-8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new SettingsError(`设置文件 ${path} 不是有效的 JSON：${(error as Error).message}。请检查引号、逗号和括号（可参照 data/config/README.md）。`);
  }
  // Keys starting with 说明 are comments for the person editing the file.
  const withoutComments = raw && typeof raw === "object" && !Array.isArray(raw)
    ? Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith("说明")))
    : raw;
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
    holidays,
  };
}

/**
 * Writes the settings as warehouse tables for the SQL models: `cfg_settings` (grain: one row; income_tolerance
 * is there as a record of what the loader applied) and `cfg_holidays` (grain: holiday date).
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
  await conn.run("create or replace table cfg_holidays (holiday date primary key)");
  if (settings.holidays.length > 0) {
    await conn.run(`insert into cfg_holidays select unnest(from_json($1, '["DATE"]'))`, [JSON.stringify(settings.holidays)]);
  }
}
