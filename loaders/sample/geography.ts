// The invented county: one 6-digit county, ~15 towns (9 digits), ~200 villages (12 digits), codes nested
// as in the statistical division code (统计用区划代码).
import { TOWN_NAMES, villageName } from "./names.ts";
import { rngFor } from "./prng.ts";

/** Prefecture 99 does not exist in GB/T 2260, so this code cannot be mistaken for a real county. */
export const COUNTY = { code: "529931", name: "青山县", province: "52" } as const;

export interface Town {
  code: string;
  name: string;
}

export interface Village {
  code: string;
  name: string;
  town: Town;
  /** Relative size, used to place households. */
  weight: number;
  /** Registered poor village (脱贫村): more 脱贫户 are placed here. */
  lifted: boolean;
}

export interface Geography {
  towns: Town[];
  villages: Village[];
}

/** Never issued to a village (villages use 201–2xx), so a row carrying it is an unknown village. */
export function unknownVillageCode(townCode: string): string {
  return `${townCode}399`;
}

export function buildGeography(seed: number, townCount = 15, villageCount = 200): Geography {
  const rng = rngFor(seed, "geography");
  const towns: Town[] = [];
  for (let i = 0; i < townCount; i++) {
    // The seat is a street office (街道, 001); towns 1xx; townships (乡) 2xx, as the code rules number them.
    const name = TOWN_NAMES[i % TOWN_NAMES.length];
    const part = i === 0 ? "001" : name.endsWith("乡") ? String(200 + i) : String(100 + i);
    towns.push({ code: COUNTY.code + part, name: i === 0 ? "青山街道" : name });
  }
  const townWeights = towns.map(() => rng.uniform(0.6, 1.4));
  const perTown = towns.map(() => 0);
  for (let i = 0; i < villageCount; i++) perTown[i < townCount ? i : rng.weightedIndex(townWeights)]++;
  const villages: Village[] = [];
  const taken = new Set<string>();
  towns.forEach((town, t) => {
    for (let v = 0; v < perTown[t]; v++) {
      villages.push({
        code: `${town.code}${201 + v}`,
        name: villageName(rng, taken),
        town,
        // About one village in forty is a hamlet with a handful of roster households, so the site's
        // small-count suppression has something to hide in the sample county too.
        weight: rng.chance(0.025) ? 0.02 : rng.logNormalMean(1, 0.85),
        lifted: rng.chance(0.3),
      });
    }
  });
  return { towns, villages };
}
