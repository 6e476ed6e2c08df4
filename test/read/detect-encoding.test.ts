import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectEncoding } from "../../loaders/read/detect-encoding.ts";
import { detectFileEncoding, readCsvRows } from "../../loaders/read/read-csv.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "extracts");

describe("detectEncoding", () => {
  it("tells UTF-8 with BOM, UTF-8 and GB18030 by their bytes", () => {
    const text = "户编号,证件号码\n";
    expect(detectEncoding(Buffer.from("\uFEFF" + text), 100)).toBe("utf-8-bom");
    expect(detectEncoding(Buffer.from(text), 100)).toBe("utf-8");
    expect(detectEncoding(iconv.encode(text, "gb18030"), 100)).toBe("gb18030");
  });
  it("forgives a character cut at the end of a sample of a longer file, not of a whole file", () => {
    const bytes = Buffer.from("户编号");
    expect(detectEncoding(bytes.subarray(0, 4), 1000)).toBe("utf-8");
    expect(detectEncoding(bytes.subarray(0, 4), 4)).toBe("gb18030"); // E6 88 B7 E7 is not UTF-8 whole, but is valid GB
  });
  it("refuses UTF-16 and binary", () => {
    expect(detectEncoding(readFileSync(join(FIXTURES, "refused", "utf16.csv")), 10_000)).toBeNull();
  });
  it("detects the GB18030 fixture from its content, not its name", () => {
    expect(detectFileEncoding(join(FIXTURES, "gb18030", "户信息202402.csv"))).toBe("gb18030");
    expect(detectFileEncoding(join(FIXTURES, "households_2024-01.csv"))).toBe("utf-8-bom");
  });
  it("decodes GB18030 rows into the right Chinese text", async () => {
    const rows = [];
    for await (const batch of readCsvRows(join(FIXTURES, "gb18030", "户信息202402.csv"), "gb18030")) rows.push(...batch);
    expect(rows[0].cells.slice(0, 3)).toEqual(["户编号", "户主姓名", "证件号码"]);
    expect(rows[2].cells[1]).toBe("欧阳娜娜");
    expect(rows).toHaveLength(4);
  });
});
