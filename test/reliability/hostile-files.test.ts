// Hostile and malformed extracts through the real loader: each ends in its rows accounted for
// (read = accepted + rejected, as the warehouse counts them) or in a refusal saying in Chinese what to
// fix; never a crash, a hang or memory without bound. Hand-picked monsters first, then fast-check's
// generated files: DIXIAN_FUZZ_RUNS raises the number of generated files per property (CI default small).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { accountingProblem, loadOne } from "./load-one.ts";
import { zipBombXlsx } from "./zip-bomb.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const HOUSEHOLDS = readFileSync(join(FIXTURES, "indicators", "extracts", "households_2025-06.csv"), "utf-8");
const HEADER = HOUSEHOLDS.split("\n")[0];
const XLSX = readFileSync(join(FIXTURES, "extracts", "loans-bank.xlsx"));
const RUNS = Number(process.env.DIXIAN_FUZZ_RUNS ?? 0) || 60;
/** Bound on one file's load: a hang fails the test instead of stalling the suite. */
const PER_FILE_MS = 30_000;

async function expectAccounted(name: string, bytes: Uint8Array) {
  const result = await Promise.race([
    loadOne(name, bytes),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${name}: no outcome within ${PER_FILE_MS} ms`)), PER_FILE_MS).unref()),
  ]);
  expect(accountingProblem(result), JSON.stringify(result.outcome)).toBeNull();
  return result;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

/** A minimal workbook with one sheet whose XML is given. */
function workbook(sheetXml: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheetXml),
    ...extra,
  });
}

const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const sheet = (rows: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;

function columnLetter(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

describe("hand-picked hostile files", () => {
  it.each([
    ["an empty file", "empty.csv", new Uint8Array(0)],
    ["a file that is only a BOM", "bom.csv", new Uint8Array(BOM)],
    ["a BOM and a header, no rows", "households_2025-06.csv", new Uint8Array([...BOM, ...utf8(`${HEADER}\r\n`)])],
    ["an empty .xlsx", "empty.xlsx", new Uint8Array(0)],
    ["random bytes named .xlsx", "random.xlsx", new Uint8Array(4096).map((_, i) => (i * 7919) % 251)],
    ["a quote that never closes", "households_2025-06.csv", utf8(`${HEADER}\n2025-06,"H01,测试户一\n2025-06,H02,测试户二\n`)],
    ["mixed line endings", "households_2025-06.csv", utf8(HOUSEHOLDS.split("\n").map((l, i) => l + ["\r\n", "\n", "\r"][i % 3]).join(""))],
    ["a truncated UTF-8 character at the end", "households_2025-06.csv", utf8(HOUSEHOLDS).subarray(0, utf8(HOUSEHOLDS).length - 1 - utf8("帮扶干部甲\n").length + 2)],
    ["a truncated GB18030 character at the end", "households_2025-06.csv", new Uint8Array([...iconv.encode(HOUSEHOLDS.trimEnd(), "gb18030"), 0xb0])],
  ] as const)("%s", async (_label, name, bytes) => {
    await expectAccounted(name, bytes);
  });

  it("a 10 MB cell", async () => {
    const row = HOUSEHOLDS.split("\n")[1].replace("测试户一", "户".repeat(10 * 1024 * 1024 / 3));
    const result = await expectAccounted("households_2025-06.csv", utf8(`${HEADER}\n${row}\n`));
    expect(result.outcome.rowsRead + (result.outcome.status === "refused" ? 1 : 0)).toBeGreaterThan(0);
  }, 60_000);

  it("a 10 MB cell inside a quote that never closes", async () => {
    const bytes = utf8(`${HEADER}\n2025-06,"${"x".repeat(10 * 1024 * 1024)}\n`);
    await expectAccounted("households_2025-06.csv", bytes);
  }, 60_000);

  it("100,000 columns", async () => {
    const wide = `${HEADER},${Array.from({ length: 100_000 }, (_, i) => `列${i}`).join(",")}\n`;
    const row = `${HOUSEHOLDS.split("\n")[1]},${",".repeat(99_999)}\n`;
    await expectAccounted("households_2025-06.csv", utf8(wide + row));
  }, 60_000);

  it("a zip bomb posing as XLSX", async () => {
    // About 4 MB that unpacks to a gigabyte of rows under a real header.
    const header = HEADER.split(",");
    const bytes = zipBombXlsx(header, HOUSEHOLDS.split("\n")[1].split(","), 1024);
    const result = await expectAccounted("households_2025-06.xlsx", bytes);
    expect(result.outcome.message).toMatch(/xl\/worksheets\/sheet1\.xml 压缩比异常（\d+ 字节解压后为 \d+ 字节），疑似“压缩炸弹”/);
  }, 60_000);

  it("an XLSX with formulas and an external link", async () => {
    const header = HEADER.split(",").slice(0, 8).map((h, i) => inlineCell(`${columnLetter(i)}1`, h)).join("");
    const cells = [
      inlineCell("A2", "2025-06"),
      `<c r="B2"><f>HYPERLINK("http://example.com","H01")</f></c>`,
      `<c r="C2" t="str"><f>[1]Sheet1!A1</f><v>外部值</v></c>`,
      `<c r="D2" t="str"><f>CONCAT("5299","01196503120112")</f></c>`,
      `<c r="E2"><f>1/0</f><v>#DIV/0!</v></c>`,
      inlineCell("F2", "529901001001"),
      `<c r="G2"><f>2+2</f><v>4</v></c>`,
      `<c r="H2"><f>WEBSERVICE("http://example.com")</f></c>`,
    ].join("");
    const link = strToU8(`<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></externalLink>`);
    const bytes = workbook(sheet([`<row r="1">${header}</row>`, `<row r="2">${cells}</row>`]), { "xl/externalLinks/externalLink1.xml": link });
    const result = await expectAccounted("households_2025-06.xlsx", bytes);
    expect(result.outcome.status).toBe("refused"); // the first eight columns miss required ones
  });
});

/** Cells as offices and broken exports write them: good values, quotes, separators, line ends, junk. */
const cellText = fc.oneof(
  fc.constantFrom(...HOUSEHOLDS.split("\n")[1].split(","), ...HOUSEHOLDS.split("\n")[2].split(",")),
  fc.constantFrom('"', '""', ",", "\r", "\n", "\r\n", '"a,b"', '"未闭合', "\uFEFF", "\u0000", "=1+1", "合计", " ", "１２３", "\u202E"),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);

const csvText = fc
  .record({
    headerCut: fc.integer({ min: 0, max: 30 }),
    rows: fc.array(fc.array(cellText, { maxLength: 30 }), { maxLength: 25 }),
    eol: fc.constantFrom("\n", "\r\n", "\r", "mixed"),
  })
  .map(({ headerCut, rows, eol }) => {
    const header = HEADER.split(",").slice(headerCut % 3 === 0 ? 0 : headerCut % 26).join(",");
    const lines = [header, ...rows.map((cells) => cells.join(","))];
    return lines.map((line, i) => line + (eol === "mixed" ? ["\n", "\r\n", "\r"][i % 3] : eol)).join("");
  });

/** The text encoded as offices save it, then maybe cut at any byte or with a byte changed. */
const csvBytes = fc
  .record({
    text: csvText,
    encoding: fc.constantFrom("utf-8", "utf-8-bom", "gb18030"),
    cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    flip: fc.option(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { nil: undefined }),
  })
  .map(({ text, encoding, cut, flip }) => {
    let bytes: Uint8Array = encoding === "gb18030" ? iconv.encode(text, "gb18030") : utf8(text);
    if (encoding === "utf-8-bom") bytes = new Uint8Array([...BOM, ...bytes]);
    if (cut !== undefined) bytes = bytes.subarray(0, Math.floor(bytes.length * cut));
    if (flip !== undefined && bytes.length > 0) {
      bytes = Uint8Array.from(bytes);
      bytes[Math.floor(flip[0] * (bytes.length - 1))] = flip[1];
    }
    return bytes;
  });

/** The good bank workbook, cut short or with bytes changed anywhere (inside the deflated sheets too). */
const xlsxBytes = fc
  .record({
    cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
  })
  .map(({ cut, flips }) => {
    const bytes = Uint8Array.from(XLSX);
    for (const [at, value] of flips) bytes[Math.floor(at * (bytes.length - 1))] = value;
    return cut === undefined ? bytes : bytes.subarray(0, Math.floor(bytes.length * cut));
  });

describe(`generated hostile files (${RUNS} per kind; DIXIAN_FUZZ_RUNS for more)`, () => {
  let peakHeap = 0;
  const statuses = new Map<string, number>();
  const check = async (name: string, bytes: Uint8Array) => {
    const { outcome } = await expectAccounted(name, bytes);
    const kind = `${name.endsWith(".xlsx") ? "xlsx" : "csv"} ${outcome.status}${outcome.rowsRejected > 0 ? " with rejections" : ""}`;
    statuses.set(kind, (statuses.get(kind) ?? 0) + 1);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const options = { numRuns: RUNS, interruptAfterTimeLimit: undefined };
  const timeout = 10_000 + RUNS * 1_000;

  it("random bytes, as CSV and as XLSX", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom("households_2025-06.csv", "loans.xlsx"), (bytes, name) => check(name, bytes)),
      options,
    );
  }, timeout);

  it("CSV with broken quotes, line ends, encodings, truncation and changed bytes", async () => {
    await fc.assert(fc.asyncProperty(csvBytes, (bytes) => check("households_2025-06.csv", bytes)), { ...options, numRuns: RUNS * 2 });
  }, timeout * 2);

  it("a real workbook cut short or with bytes changed", async () => {
    await fc.assert(fc.asyncProperty(xlsxBytes, (bytes) => check("贷款台账_2025-06.xlsx", bytes)), options);
  }, timeout);

  it("reach both the refusals and the row accounting", () => {
    for (const kind of ["csv refused", "csv loaded with rejections", "xlsx refused"]) expect(statuses.get(kind), kind).toBeGreaterThan(0);
  });

  it("memory stays bounded over all of them", () => {
    expect(peakHeap).toBeGreaterThan(0);
    expect(peakHeap).toBeLessThan(1024 * 1024 * 1024);
  });
});
