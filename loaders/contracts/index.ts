import type { Contract, ExtractName } from "./contract.ts";
import { claims } from "./claims.ts";
import { countyStats } from "./county-stats.ts";
import { households } from "./households.ts";
import { loans } from "./loans.ts";
import { monitoringLines } from "./monitoring-lines.ts";
import { policies } from "./policies.ts";
import { villages } from "./villages.ts";

/** Every extract contract, in load order: the villages reference first, since other rules check against it. */
export const CONTRACTS: readonly Contract[] = [villages, monitoringLines, countyStats, households, loans, policies, claims];

export function contractFor(extract: ExtractName): Contract {
  const contract = CONTRACTS.find((c) => c.extract === extract);
  if (!contract) throw new Error(`未知的数据类型 ${extract}`);
  return contract;
}

export type { Contract, ExtractName } from "./contract.ts";
