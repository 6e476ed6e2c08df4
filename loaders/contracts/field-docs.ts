import type { Contract } from "./contract.ts";
import { SQL_TYPES } from "./field.ts";

export interface FieldDoc {
  extract: string;
  header: string;
  column: string;
  type: string;
  required: boolean;
  aliases: string;
  values: string | null;
  doc: string;
}

/** The user-facing field documentation, straight from the contract so it cannot drift from the loader. */
export function fieldDocs(contract: Contract): FieldDoc[] {
  return contract.fields.map((field) => ({
    extract: contract.extract,
    header: field.header,
    column: field.key,
    type: SQL_TYPES[field.kind],
    required: field.required === true,
    aliases: field.aliases.join("、"),
    values: field.values ? field.values.join("、") : null,
    doc: field.doc,
  }));
}
