// Canonical headers of DOMAIN.md §6, in order. The generator writes exactly these (one bank varies them the
// way real ledgers do: no 数据期, or amounts in 万元), because the headers are the loaders' contract.
import { CONTRACTS } from "../contracts/index.ts";
import type { ExtractName } from "../contracts/contract.ts";

export type { ExtractName };

/** Each extract's canonical headers, taken from the loaders' contracts so the two cannot drift apart. */
export const HEADERS = {} as Record<ExtractName, readonly string[]>;
for (const contract of CONTRACTS) HEADERS[contract.extract] = contract.fields.map((field) => field.header);

/** Loan amount columns: a bank that reports in 万元 renames them `合同金额(万元)` and divides by 10,000. */
export const LOAN_AMOUNT_COLUMNS = ["合同金额", "贷款余额", "贴息金额", "逾期本金"] as const;
