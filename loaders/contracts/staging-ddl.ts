import type { Contract } from "./contract.ts";
import { SQL_TYPES } from "./field.ts";

/** CREATE TABLE for a contract's staging table: its fields in order, then source_file and source_row. */
export function stagingDdl(contract: Contract): string {
  const columns = contract.fields.map((field) => `  ${field.key} ${SQL_TYPES[field.kind]}`);
  columns.push("  source_file VARCHAR", "  source_row INTEGER");
  return `create table if not exists ${contract.table} (\n${columns.join(",\n")}\n);`;
}
