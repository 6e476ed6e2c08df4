// What a contract says about one column: its staging name, canonical header, aliases, type and checks.

export type FieldKind =
  | "text" // free text
  | "code" // digits-only code (区划代码, 乡镇代码…), kept as text
  | "id" // GB 11643 ID number (or a credit code for firms), kept as text
  | "int"
  | "amount" // money, stored in yuan unless `unit` says 万元
  | "rate" // a percentage written as 3.45 or 3.45%
  | "date"
  | "bool"
  | "enum"
  | "list" // several enum values in one cell
  | "period" // 数据期 'YYYY-MM'
  | "year";

export interface FieldSpec {
  /** Staging column name (snake_case). */
  key: string;
  /** Canonical Chinese header of DOMAIN.md §6. */
  header: string;
  /** Other headers accepted for this column: English names and common variants. */
  aliases: readonly string[];
  kind: FieldKind;
  /** The column must be present, or the file is refused. */
  required?: boolean;
  /** A blank value rejects the row; defaults to `required`. */
  notNull?: boolean;
  /** Allowed values for enum and list fields. */
  values?: readonly string[];
  /** Allowed digit counts for code fields. */
  codeLengths?: readonly number[];
  /** Unit of an amount column in staging. */
  unit?: "yuan" | "10k_yuan";
  /** Smallest allowed number (integers, amounts); default 0. */
  min?: number;
  /** Personal data, masked wherever it leaves the county's own reports. */
  personal?: "name" | "id" | "phone";
  /** One line of user-facing documentation. */
  doc: string;
}

export const SQL_TYPES: Record<FieldKind, string> = {
  text: "VARCHAR",
  code: "VARCHAR",
  id: "VARCHAR",
  int: "INTEGER",
  amount: "DOUBLE",
  rate: "DOUBLE",
  date: "DATE",
  bool: "BOOLEAN",
  enum: "VARCHAR",
  list: "VARCHAR[]",
  period: "VARCHAR",
  year: "INTEGER",
};

/** Compact field builder: f("household_id", "户编号", "text", ["户码"], { required: true, doc }) */
export function f(
  key: string,
  header: string,
  kind: FieldKind,
  aliases: readonly string[],
  extra: Omit<FieldSpec, "key" | "header" | "kind" | "aliases">,
): FieldSpec {
  return { key, header, kind, aliases, ...extra };
}
