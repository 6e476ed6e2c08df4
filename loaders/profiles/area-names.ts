// Areas by name: the national system's downloads name the county, town and village (县(市、区、旗), 乡(镇),
// 行政村) instead of giving the 12-digit code. The villages reference (stg_villages) turns names into codes:
// a village is found by its 村名称 or one of its 曾用名/别名 (renamed or merged villages), narrowed by the town
// and county names where the file gives them. No match, or more than one, is a per-row message listing the
// candidates, so the county can fix the name or add an alias to the reference.
import type { DuckDBConnection } from "@duckdb/node-api";
import { toHalfWidth } from "../read/parse-values.ts";

export interface VillageRef {
  code: string;
  village: string;
  town: string;
  county: string;
  aliases: string[];
}

export interface AreaQuery {
  county: string | null;
  town: string | null;
  village: string;
}

export type AreaAnswer = { code: string } | { code: null; ambiguous: boolean; message: string };

/** Names compared without spaces and full-width forms. */
function norm(name: string): string {
  return toHalfWidth(name).replace(/\s/g, "");
}

/** Split an alias cell: 、 , ; | separate several former names. */
export function aliasList(cell: string | null): string[] {
  if (cell === null) return [];
  return cell.split(/[、,;|，；]/).map((s) => norm(s)).filter((s) => s !== "");
}

function describe(v: VillageRef): string {
  return `${v.county}${v.town}${v.village}（${v.code}）`;
}

export class AreaIndex {
  private readonly byName = new Map<string, VillageRef[]>();

  constructor(readonly villages: readonly VillageRef[]) {
    for (const v of villages) {
      for (const name of new Set([norm(v.village), ...v.aliases])) {
        const list = this.byName.get(name) ?? [];
        list.push(v);
        this.byName.set(name, list);
      }
    }
  }

  resolve(query: AreaQuery): AreaAnswer {
    const village = norm(query.village);
    const town = query.town === null ? null : norm(query.town);
    const county = query.county === null ? null : norm(query.county);
    const named = this.byName.get(village) ?? [];
    const candidates = named.filter((v) => (town === null || norm(v.town) === town) && (county === null || norm(v.county) === county));
    if (candidates.length === 1) return { code: candidates[0].code };
    const where = [query.county, query.town, query.village].filter(Boolean).join("");
    if (candidates.length > 1) {
      return { code: null, ambiguous: true, message: `村名“${where}”对应村级参考中的多个村：${candidates.map(describe).join("；")}，请在文件中写明乡镇，或在村级参考的曾用名中区分` };
    }
    if (named.length > 0) {
      return { code: null, ambiguous: false, message: `村级参考中有名为“${query.village}”的村，但乡镇或县名不符：${named.map(describe).join("；")}，请核对乡镇、县名称` };
    }
    const inTown = town === null ? [] : this.villages.filter((v) => norm(v.town) === town && (county === null || norm(v.county) === county));
    const hint = inTown.length > 0
      ? `该乡镇的村有：${inTown.slice(0, 20).map((v) => v.village).join("、")}${inTown.length > 20 ? " 等" : ""}`
      : "乡镇名称也不在村级参考中";
    return { code: null, ambiguous: false, message: `村名“${where}”不在村级参考中（${hint}），请核对村名，或在村级参考的“曾用名”列中补充改名、合并前的村名` };
  }
}

/** The villages reference as loaded into staging; null when no villages file was given. */
export async function loadAreaIndex(conn: DuckDBConnection): Promise<AreaIndex | null> {
  const reader = await conn.runAndReadAll("select area_code, village_name, town_name, county_name, former_names from stg_villages order by area_code");
  const rows = reader.getRows() as (string | null)[][];
  if (rows.length === 0) return null;
  return new AreaIndex(rows.map((r) => ({ code: r[0]!, village: r[1] ?? "", town: r[2] ?? "", county: r[3] ?? "", aliases: aliasList(r[4]) })));
}
