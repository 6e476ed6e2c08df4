import type { CrossRule, TypedRow } from "./contract.ts";
import { checkIdNumber, gb11643CheckDigit } from "./gb11643.ts";

/** GB 11643 check on 证件号码; `applies` limits it to rows about persons (loans to firms carry credit codes). */
export function idRules(column = "id_number", applies: (row: TypedRow) => boolean = () => true): CrossRule[] {
  const value = (row: TypedRow) => row[column] as string | null;
  return [
    {
      code: "id_format",
      column,
      uses: [column],
      // An ID that is not an ID cannot match the household or borrower (DOMAIN §11: reject).
      severity: "reject",
      check(row) {
        const id = value(row);
        if (id === null || !applies(row) || checkIdNumber(id) !== "format") return null;
        return `证件号码 ${id.length} 位，应为18位：前17位为数字，最后一位为数字或X`;
      },
    },
    {
      code: "id_checksum",
      column,
      uses: [column],
      // A wrong check digit means a mistyped number: it would match nobody, or somebody else.
      severity: "reject",
      check(row) {
        const id = value(row);
        if (id === null || !applies(row) || checkIdNumber(id) !== "checksum") return null;
        return `证件号码校验位不对（按 GB 11643 最后一位应为 ${gb11643CheckDigit(id.slice(0, 17))}），请核对号码`;
      },
    },
  ];
}
