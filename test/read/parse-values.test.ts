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
    expect(periodFromFileName("export_20240115.csv")).toBeNull();
    expect(periodFromFileName("households.csv")).toBeNull();
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
