import { describe, expect, it } from "vitest";
import {
  INVALID, excelSerialToIso, parseBoolean, parseDate, parseInteger, parseList, parseNumber, parsePeriod, periodFromFileName,
} from "../../loaders/read/parse-values.ts";

describe("parseNumber", () => {
  it("reads thousands separators, full-width digits, currency and percent signs", () => {
    expect(parseNumber("1,234.5")).toBe(1234.5);
    expect(parseNumber("１２，３４５．５")).toBe(12345.5);
    expect(parseNumber("¥300")).toBe(300);
    expect(parseNumber("3.45%")).toBe(3.45);
    expect(parseNumber(" -12 ")).toBe(-12);
    expect(parseNumber(42)).toBe(42);
  });
  it("gives null for blanks and INVALID for words", () => {
    expect(parseNumber("")).toBeNull();
    expect(parseNumber(null)).toBeNull();
    expect(parseNumber("五万")).toBe(INVALID);
    expect(parseNumber("1.2.3")).toBe(INVALID);
  });
  it("accepts integers only where an integer is needed", () => {
    expect(parseInteger("3")).toBe(3);
    expect(parseInteger("3.5")).toBe(INVALID);
  });
});

describe("parseDate", () => {
  it.each([
    ["2024-01-31", "2024-01-31"],
    ["2024/1/5", "2024-01-05"],
    ["2024年1月5日", "2024-01-05"],
    ["20240105", "2024-01-05"],
    ["202401", "2024-01-01"],
    ["45292", "2024-01-01"],
    ["2024-01-05 00:00:00", "2024-01-05"],
    ["２０２４－０１－０５", "2024-01-05"],
  ])("%s → %s", (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
  it("reads Excel serial numbers and Date cells", () => {
    expect(parseDate(45292)).toBe("2024-01-01");
    expect(excelSerialToIso(46091)).toBe("2026-03-10");
    expect(parseDate(new Date(Date.UTC(2023, 2, 10)))).toBe("2023-03-10");
  });
  it("rejects impossible days and text", () => {
    expect(parseDate("2023-02-29")).toBe(INVALID);
    expect(parseDate("2024-02-29")).toBe("2024-02-29");
    expect(parseDate("2023-13-45")).toBe(INVALID);
    expect(parseDate("去年")).toBe(INVALID);
    expect(parseDate("  ")).toBeNull();
  });
});

describe("parsePeriod and periodFromFileName", () => {
  it("normalizes 数据期 to YYYY-MM", () => {
    expect(parsePeriod("202403")).toBe("2024-03");
    expect(parsePeriod("2024年3月")).toBe("2024-03");
    expect(parsePeriod("2024-3")).toBe("2024-03");
  });
  it("finds YYYY-MM or YYYYMM in a file name but not inside a longer number", () => {
    expect(periodFromFileName("households_2024-01.csv")).toBe("2024-01");
    expect(periodFromFileName("户信息202402.csv")).toBe("2024-02");
    expect(periodFromFileName("贷款2024年03月.xlsx")).toBe("2024-03");
    expect(periodFromFileName("户信息_2024年3月.xlsx")).toBe("2024-03");
    expect(periodFromFileName("households.csv")).toBeNull();
  });
  it("takes the month of an export date YYYYMMDD, as real exports are named", () => {
    expect(periodFromFileName("防止返贫致贫监测对象信息_20250902-风险未消除608人.xlsx")).toBe("2025-09");
    expect(periodFromFileName("脱贫人口信息_20251130.xlsx")).toBe("2025-11");
    expect(periodFromFileName("export_20240115.csv")).toBe("2024-01");
    expect(periodFromFileName("户信息快照_2025-06-30.csv")).toBe("2025-06"); // a full date: its month
    expect(periodFromFileName("监测对象_2025年9月2日导出.xlsx")).toBe("2025-09");
    // a year–month names the period; an export date beside it does not override it
    expect(periodFromFileName("农商银行_贷款台账_202506_导出20250705.xlsx")).toBe("2025-06");
  });
  it("does not misread counts, ID numbers, timestamps or impossible dates as a period", () => {
    expect(periodFromFileName("风险未消除608人.xlsx")).toBeNull();
    expect(periodFromFileName("监测对象_530101202509020018_张三.xlsx")).toBeNull(); // an 18-digit ID with 20250902 inside
    expect(periodFromFileName("监测对象_530101198001010019.xlsx")).toBeNull();
    expect(periodFromFileName("导出_2025090212.xlsx")).toBeNull(); // ten digits
    expect(periodFromFileName("监测对象信息_20250231.xlsx")).toBeNull(); // no 31 February
    expect(periodFromFileName("监测对象信息_20251301.xlsx")).toBeNull();
    expect(periodFromFileName("台账_12345678.csv")).toBeNull();
    expect(periodFromFileName("608户_1200人.csv")).toBeNull();
  });
});

describe("parseBoolean and parseList", () => {
  it("reads 是/否, Y/N, 1/0", () => {
    expect(["是", "Y", "y", "1", "true"].map(parseBoolean)).toEqual([true, true, true, true, true]);
    expect(["否", "N", "0"].map(parseBoolean)).toEqual([false, false, false]);
    expect(parseBoolean("可能")).toBe(INVALID);
  });
  it("splits on 、 , ; | and their full-width forms", () => {
    expect(parseList("因病、因学,因残;缺劳动力|其他，因灾")).toEqual(["因病", "因学", "因残", "缺劳动力", "其他", "因灾"]);
    expect(parseList(" ")).toBeNull();
  });
});
