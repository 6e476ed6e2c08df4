import type { CrossRule, SqlValue, TypedRow } from "./contract.ts";
import { checkIdNumber, gb11643CheckDigit } from "./gb11643.ts";

/**
 * A disability certificate number (残疾人证号) is the holder's 18-character ID plus 2 (or 4) digits: 20 or 22
 * characters. Its first 18 are the ID, checked and matched as one.
 */
export function certificateId(value: string): string {
  return (value.length === 20 || value.length === 22) && /^\d+$/.test(value.slice(18)) ? value.slice(0, 18) : value;
}

/**
 * GB 11643 check on 证件号码; `applies` limits it to rows about persons (loans to firms carry credit codes);
 * `certificate` accepts a disability certificate number (the ID plus 2 or 4 digits) and checks its ID part.
 */
export function idRules(
  column = "id_number",
  applies: ((row: TypedRow) => boolean) | null = null,
  { certificate = false, appliesSql = applies === null ? "true" : null as string | ((v: SqlValue) => string) | null } = {},
): CrossRule[] {
  const appliesRow = applies ?? (() => true);
  // The SQL form: only when `applies` has one too (a rule of every row has it by default).
  const inSql = (v: SqlValue) => {
    const raw = v(column);
    const id = certificate ? `dx_certificate_id(${raw})` : raw;
    const when = typeof appliesSql === "function" ? appliesSql(v) : appliesSql!;
    return { id, when };
  };
  const sqlFormat = appliesSql === null ? undefined : {
    broken: (v: SqlValue) => {
      const { id, when } = inSql(v);
      return `(${id} is not null and (${when}) and not regexp_full_match(${id}, '[0-9]{17}[0-9X]'))`;
    },
    message: (v: SqlValue) => `'证件号码 ' || dx_jslen(${inSql(v).id}) || ' 位，${certificate ? "应为18位（残疾人证号可为20或22位：身份证号后加2或4位数字）" : "应为18位"}：前17位为数字，第18位为数字或X'`,
  };
  const sqlChecksum = appliesSql === null ? undefined : {
    broken: (v: SqlValue) => {
      const { id, when } = inSql(v);
      return `(${id} is not null and (${when}) and regexp_full_match(${id}, '[0-9]{17}[0-9X]') and dx_gb11643(${id}) <> right(${id}, 1))`;
    },
    message: (v: SqlValue) => `'证件号码校验位不对（按 GB 11643 最后一位应为 ' || dx_gb11643(${inSql(v).id}) || '），请核对号码'`,
  };
  const value = (row: TypedRow) => {
    const raw = row[column] as string | null;
    return raw !== null && certificate ? certificateId(raw) : raw;
  };
  const lengths = certificate ? "应为18位（残疾人证号可为20或22位：身份证号后加2或4位数字）" : "应为18位";
  return [
    {
      code: "id_format",
      column,
      uses: [column],
      // An ID that is not an ID cannot match the household or borrower (DOMAIN §11: reject).
      severity: "reject",
      sql: sqlFormat,
      check(row) {
        const id = value(row);
        if (id === null || !appliesRow(row) || checkIdNumber(id) !== "format") return null;
        return `证件号码 ${id.length} 位，${lengths}：前17位为数字，第18位为数字或X`;
      },
    },
    {
      code: "id_checksum",
      column,
      uses: [column],
      // A wrong check digit means a mistyped number: it would match nobody, or somebody else.
      severity: "reject",
      sql: sqlChecksum,
      check(row) {
        const id = value(row);
        if (id === null || !appliesRow(row) || checkIdNumber(id) !== "checksum") return null;
        return `证件号码校验位不对（按 GB 11643 最后一位应为 ${gb11643CheckDigit(id.slice(0, 17))}），请核对号码`;
      },
    },
  ];
}
