// Reads the input's personal values from the warehouse's staging tables, and the ordinary phrases (place,
// institution and indicator names) a name may be part of without being a leak.
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { PersonalValues } from "./personal-index.ts";

interface Source {
  table: string;
  column: string;
  where?: string;
}

const NAMES: Source[] = [
  { table: "stg_households", column: "head_name" },
  { table: "stg_loans", column: "borrower_name", where: "borrower_type = '个人' or borrower_type is null" },
  { table: "stg_medical_costs", column: "name" },
  { table: "stg_social_aid", column: "name" },
];
const IDS: Source[] = [
  { table: "stg_households", column: "id_number" },
  { table: "stg_loans", column: "id_number", where: "borrower_type = '个人' or borrower_type is null" },
  { table: "stg_policies", column: "id_number" },
  { table: "stg_claims", column: "id_number" },
  { table: "stg_medical_costs", column: "id_number" },
  { table: "stg_social_aid", column: "id_number" },
  { table: "stg_dwelling_appraisals", column: "id_number" },
  { table: "stg_school_dropouts", column: "student_id" },
  { table: "stg_school_dropouts", column: "guardian_id" },
  { table: "stg_disability_certificates", column: "id_number" },
  { table: "stg_disaster_losses", column: "id_number" },
  // every family member an export profile read (placeholders for people without an ID are too short or kept)
  { table: "stg_household_members", column: "id_number", where: "length(id_number) >= 15" },
];
const PHONES: Source[] = [
  { table: "stg_households", column: "phone" },
  { table: "stg_household_members", column: "phone", where: "length(phone) >= 7" },
];
const BENIGN: Source[] = [
  { table: "stg_villages", column: "village_name" },
  { table: "stg_villages", column: "town_name" },
  { table: "stg_villages", column: "county_name" },
  { table: "areas", column: "name" },
  { table: "stg_loans", column: "borrower_name", where: "borrower_type in ('企业', '合作社', '项目')" },
  { table: "stg_loans", column: "institution" },
  { table: "stg_policies", column: "insurer" },
  { table: "indicator_catalog", column: "name_zh" },
  { table: "indicator_catalog", column: "formula_zh" },
];

async function existingColumns(conn: DuckDBConnection): Promise<Set<string>> {
  const reader = await conn.runAndReadAll("select table_name, column_name from information_schema.columns");
  return new Set(reader.getRows().map(([table, column]) => `${String(table)}.${String(column)}`));
}

async function distinctValues(conn: DuckDBConnection, columns: Set<string>, sources: Source[]): Promise<string[]> {
  const values: string[] = [];
  for (const { table, column, where } of sources) {
    if (!columns.has(`${table}.${column}`)) continue;
    // Without a borrower_type column every borrower counts as a person (the safe side), and none as benign.
    const typed = columns.has(`${table}.borrower_type`) || !where?.includes("borrower_type");
    if (where && !typed && sources === BENIGN) continue;
    const filter = where && typed ? `and (${where})` : "";
    const sql = `select distinct cast("${column}" as varchar) as v from "${table}" where "${column}" is not null ${filter}`;
    const reader = await conn.runAndReadAll(sql);
    for (const [value] of reader.getRows()) if (value !== null) values.push(String(value));
  }
  return values;
}

export interface WarehousePersonalValues extends PersonalValues {
  names: string[];
  ids: string[];
  phones: string[];
  benignPhrases: string[];
}

export async function readPersonalValues(dbPath: string): Promise<WarehousePersonalValues> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  try {
    const columns = await existingColumns(conn);
    if (!columns.has("stg_households.head_name")) {
      throw new Error(`隐私检查无法进行：数据仓库 ${dbPath} 中没有 stg_households 表，无法得知哪些姓名、证件号码需要保护`);
    }
    return {
      names: await distinctValues(conn, columns, NAMES),
      ids: await distinctValues(conn, columns, IDS),
      phones: await distinctValues(conn, columns, PHONES),
      benignPhrases: await distinctValues(conn, columns, BENIGN),
    };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
