// Reference figures by year: monitoring lines and county statistics.
import { COUNTY } from "./geography.ts";

// ILLUSTRATIVE values only: provinces set their own lines each year (DOMAIN.md §3 cites 6,000 in 2021,
// 6,900 in one Hubei county in 2022, 8,700 in Yunnan in 2024). These numbers are not any province's.
const PROVINCE_LINE: Record<number, number> = { 2021: 6000, 2022: 6600, 2023: 6900, 2024: 7200, 2025: 7500, 2026: 7800 };
// The county raises its own line above the province's in some years (also illustrative).
const COUNTY_LINE: Record<number, number> = { 2025: 7600, 2026: 7900 };

export function provinceLine(year: number): number {
  return PROVINCE_LINE[year] ?? 6900 + 300 * (year - 2023);
}

/** The line that applies to the county's households: the county override when there is one. */
export function countyLine(year: number): number {
  return COUNTY_LINE[year] ?? provinceLine(year);
}

export function monitoringLineRows(years: number[]): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  for (const year of years) {
    rows.push({ 年度: year, 区划代码: COUNTY.province, 监测线: provinceLine(year) });
    if (COUNTY_LINE[year] !== undefined) rows.push({ 年度: year, 区划代码: COUNTY.code, 监测线: COUNTY_LINE[year] });
  }
  return rows;
}

/** Yearly county statistics: ~300k residents slowly shrinking, GDP (万元) and rural income growing. */
export function countyStatRows(years: number[], rural: { population: number }): Record<string, string | number>[] {
  return years.map((year) => {
    const k = year - 2023;
    const population = Math.round(Math.max(rural.population / 0.66, 150_000) * Math.pow(0.994, k));
    return {
      年度: year,
      县代码: COUNTY.code,
      常住人口: population,
      "地区生产总值(万元)": Math.round(1_180_000 * Math.pow(1.052, k)),
      农村居民人均可支配收入: Math.round(14_600 * Math.pow(1.068, k)),
    };
  });
}
