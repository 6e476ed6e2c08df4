import type { Contract, ExtractName } from "./contract.ts";
import { claims } from "./claims.ts";
import { countyStats } from "./county-stats.ts";
import { DEPARTMENT_CONTRACTS } from "./department.ts";
import { householdMembers } from "./household-members.ts";
import { households } from "./households.ts";
import { loans } from "./loans.ts";
import { monitoringLines } from "./monitoring-lines.ts";
import { policies } from "./policies.ts";
import { villages } from "./villages.ts";

/**
 * Every extract contract, in load order: the villages reference first, since other rules check against it;
 * the department records and the towns' lead feedback (DOMAIN.md §10) last.
 */
export const CONTRACTS: readonly Contract[] = [villages, monitoringLines, countyStats, households, loans, policies, claims, ...DEPARTMENT_CONTRACTS];

/**
 * Staging tables written by a step other than header detection, created in every build like the extracts'
 * tables: the person-level roster an export profile produces (stg_household_members; empty when only
 * canonical files were given).
 */
export const DERIVED_STAGING: readonly Contract[] = [householdMembers];

/** Every staging table's contract: the extracts' and the derived ones. */
export const STAGING_CONTRACTS: readonly Contract[] = [...CONTRACTS, ...DERIVED_STAGING];

export function contractFor(extract: ExtractName): Contract {
  const contract = STAGING_CONTRACTS.find((c) => c.extract === extract);
  if (!contract) throw new Error(`未知的数据类型 ${extract}`);
  return contract;
}

export type { Contract, ExtractName } from "./contract.ts";
