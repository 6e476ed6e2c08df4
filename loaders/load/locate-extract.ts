import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { extname } from "node:path";
import { CONTRACTS } from "../contracts/index.ts";
import { ENCODING_LABEL, type TextEncoding } from "../read/detect-encoding.ts";
import { csvSheets, detectFileEncoding } from "../read/read-csv.ts";
import { describeField, identifyHeaderRow, type HeaderMatch } from "../read/match-header.ts";
import { cellText, type Cell } from "../read/parse-values.ts";
import { readXlsxSheets } from "../read/read-xlsx.ts";
import type { SheetRows, SourceRow } from "../read/source-rows.ts";

/** Rows a title block may take before the header row. */
const HEADER_SEARCH_ROWS = 30;

/** A file that cannot be used, with the Chinese message naming what is missing or wrong. */
export class Refusal extends Error {
  constructor(message: string, readonly sheet: string | null = null, readonly extract: string | null = null) {
    super(message);
  }
}

function firstText(cells: readonly Cell[]): string | null {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === null || c === undefined || c === "") continue;
    const text = cellText(c);
    if (text !== null) return text;
  }
  return null;
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  return firstText(cells) === null;
}

const TOTAL = /^\s*(合\s*计|小\s*计|总\s*计|累\s*计|total)/i;

/** 合计/小计/总计 rows that offices add under a table. */
export function isTotalRow(cells: readonly Cell[]): boolean {
  const text = firstText(cells);
  return text !== null && TOTAL.test(text);
}

/** A blank row or a 合计 row: isBlankRow || isTotalRow, finding the first text once. */
export function isSkippedRow(cells: readonly Cell[]): boolean {
  const text = firstText(cells);
  return text === null || TOTAL.test(text);
}

/** The sheet holding an extract, its header match, and its remaining rows (those after the header). */
export interface LocatedExtract {
  sheet: string | null;
  match: HeaderMatch;
  headerRow: number;
  /** Cells in the header row (a CSV file's columns, as CsvParser split the header). */
  headerWidth: number;
  encoding: TextEncoding | null;
  rows: AsyncIterable<SourceRow[]>;
  /** Stops reading the workbook (other sheets are not needed). */
  close(): Promise<void>;
}

/**
 * An entry this much larger unpacked than packed, and this large, is a zip bomb, not a worksheet: the
 * sample county's sheets unpack about 7 times, Excel's rows of empty styled cells some tens of times.
 */
const BOMB_RATIO = 100;
const BOMB_MIN_BYTES = 100 * 1024 * 1024;
/** More unpacked XML than any county's extract (a sheet of a million rows is a few hundred megabytes). */
const MAX_UNPACKED_BYTES = 4 * 1024 * 1024 * 1024;

/**
 * Checks an XLSX file is a whole zip before exceljs sees it: a truncated or foreign file would otherwise
 * fail deep inside its stream. Encrypted workbooks are OLE files, not zips. The central directory's sizes
 * are checked too, so that a zip bomb (a kilobyte that unpacks to gigabytes) is refused before unpacking.
 */
function checkXlsxContainer(path: string): void {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, 8));
    readSync(fd, head, 0, head.length, 0);
    if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      throw new Refusal("文件是加密的工作簿或旧版 .xls 格式，请取消密码保护后另存为 .xlsx");
    }
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    const end = tail.lastIndexOf(Buffer.from("PK\u0005\u0006", "latin1"));
    if (!head.subarray(0, 4).equals(Buffer.from("PK\u0003\u0004", "latin1")) || end === -1 || end + 22 > tail.length) {
      throw new Refusal("XLSX 文件已损坏或不完整（不是完整的 zip 压缩包），请用 Excel 或 WPS 打开确认后重新另存");
    }
    checkUnpackedSizes(fd, size, tail.readUInt32LE(end + 16), tail.readUInt32LE(end + 12));
  } finally {
    closeSync(fd);
  }
}

function checkUnpackedSizes(fd: number, fileSize: number, cdOffset: number, cdSize: number): void {
  // A ZIP64 directory (not written by Excel or WPS) is left to the reader; the cell limits still hold.
  if (cdOffset === 0xffffffff || cdSize === 0xffff_ffff) return;
  if (cdOffset + cdSize > fileSize || cdSize > 64 * 1024 * 1024) {
    throw new Refusal("XLSX 文件已损坏或不完整（zip 目录不完整），请用 Excel 或 WPS 打开确认后重新另存");
  }
  const cd = Buffer.alloc(cdSize);
  readSync(fd, cd, 0, cdSize, cdOffset);
  let total = 0;
  for (let at = 0; at + 46 <= cd.length && cd.readUInt32LE(at) === 0x02014b50; ) {
    const packed = cd.readUInt32LE(at + 20);
    const unpacked = cd.readUInt32LE(at + 24);
    total += unpacked;
    if (unpacked === 0xffffffff || total > MAX_UNPACKED_BYTES) {
      throw new Refusal("XLSX 文件解压后超过 4GB，不是正常的数据报表，请按月份或乡镇拆分后再报送");
    }
    if (unpacked >= BOMB_MIN_BYTES && unpacked > packed * BOMB_RATIO) {
      const name = cd.subarray(at + 46, at + 46 + cd.readUInt16LE(at + 28)).toString("utf-8");
      throw new Refusal(`XLSX 文件中的 ${name} 压缩比异常（${packed} 字节解压后为 ${unpacked} 字节），疑似“压缩炸弹”而不是数据报表，已拒收；请用 Excel 或 WPS 打开确认后重新另存`);
    }
    at += 46 + cd.readUInt16LE(at + 28) + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
  }
}

export function openSheets(path: string): { sheets: AsyncIterator<SheetRows>; encoding: TextEncoding | null } {
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx") checkXlsxContainer(path);
  if (ext === ".xlsx") return { sheets: readXlsxSheets(path)[Symbol.asyncIterator](), encoding: null };
  const encoding = detectFileEncoding(path);
  if (encoding === null) throw new Refusal("无法识别文件编码：既不是 UTF-8 也不是 GB18030/GBK，请用 Excel 或 WPS 另存为 CSV UTF-8 或 XLSX");
  return { sheets: csvSheets(path, encoding)[Symbol.asyncIterator](), encoding };
}

function refusalFor(match: HeaderMatch): string {
  const parts: string[] = [];
  if (match.missing.length > 0) parts.push(`缺少必需列：${match.missing.map(describeField).join("；")}`);
  if (match.missingOneOf) {
    const sets = match.missingOneOf.map((set) => set.map((f) => `「${f.header}」`).join("、"));
    parts.push(`需要 ${sets.join(" 或 全部 ")} 列（别名见字段说明）：${match.missingOneOf.flat().map(describeField).join("；")}`);
  }
  return `识别为「${match.contract.title}」，但${parts.join("；")}`;
}

async function drain(rows: AsyncIterable<SourceRow[]>): Promise<void> {
  for await (const _ of rows) void _;
}

/**
 * Finds the sheet and header row of the extract: the first row, within the first rows of a sheet, whose
 * cells match at least two headers of a contract. A match missing required columns is kept as the
 * refusal reason unless a later sheet holds a usable extract.
 */
export async function locateExtract(path: string): Promise<LocatedExtract> {
  return locateInSheets(openSheets(path));
}

/**
 * The same search over sheets from any source: a file's readers, or rows a program made (an export
 * profile's canonical rows, see `canonicalSheet`).
 */
export async function locateInSheets({ sheets, encoding }: { sheets: AsyncIterator<SheetRows>; encoding: TextEncoding | null }): Promise<LocatedExtract> {
  let incomplete: { sheet: string | null; match: HeaderMatch } | null = null;
  for (;;) {
    const next = await sheets.next();
    if (next.done) break;
    const sheet = next.value;
    const iterator = sheet.rows[Symbol.asyncIterator]();
    let seen = 0;
    let found: { match: HeaderMatch; row: number; width: number; rest: SourceRow[] } | null = null;
    while (found === null && seen < HEADER_SEARCH_ROWS) {
      const batch = await iterator.next();
      if (batch.done) break;
      for (let i = 0; i < batch.value.length; i++) {
        const { row, cells } = batch.value[i];
        if (isBlankRow(cells)) continue;
        if (++seen > HEADER_SEARCH_ROWS) break;
        const match = identifyHeaderRow(cells);
        if (match) {
          found = { match, row, width: cells.length, rest: batch.value.slice(i + 1) };
          break;
        }
      }
    }
    const restRows: AsyncIterable<SourceRow[]> = { [Symbol.asyncIterator]: () => iterator };
    if (found && found.match.missing.length === 0 && found.match.missingOneOf === null) {
      const rest = found.rest;
      const rows = (async function* () {
        if (rest.length > 0) yield rest;
        yield* restRows;
      })();
      return {
        sheet: sheet.name,
        match: found.match,
        headerRow: found.row,
        headerWidth: found.width,
        encoding,
        rows,
        close: async () => {
          // The rows' reader too, when they were not read to the end (its file stays open otherwise).
          await iterator.return?.();
          await sheets.return?.();
        },
      };
    }
    if (found && incomplete === null) incomplete = { sheet: sheet.name, match: found.match };
    await drain(restRows);
  }
  if (incomplete) throw new Refusal(refusalFor(incomplete.match), incomplete.sheet, incomplete.match.contract.extract);
  const known = CONTRACTS.map((c) => `${c.title}（${c.fields.filter((f) => f.required).map((f) => f.header).join("、")}）`).join("；");
  const where = encoding ? `（编码 ${ENCODING_LABEL[encoding]}）` : "";
  throw new Refusal(`无法识别表头${where}：前 ${HEADER_SEARCH_ROWS} 行中没有找到任何数据类型的表头。可识别的数据类型及其必需列：${known}`);
}

/**
 * Rows with canonical headers (DOMAIN §6 or an alias) as one sheet: the header row first, then each row with the
 * number its source gives it (for reports), for locateInSheets and loadFile.
 */
export function canonicalSheet(headers: readonly string[], rows: Iterable<SourceRow> | AsyncIterable<SourceRow[]>, name: string | null = null): { sheets: AsyncIterator<SheetRows>; encoding: null } {
  const body = (async function* () {
    yield [{ row: 0, cells: [...headers] }];
    if (Symbol.asyncIterator in rows) {
      yield* rows as AsyncIterable<SourceRow[]>;
      return;
    }
    let batch: SourceRow[] = [];
    for (const row of rows as Iterable<SourceRow>) {
      batch.push(row);
      if (batch.length >= 10_000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  })();
  const sheets = (async function* () {
    yield { name, rows: body };
  })();
  return { sheets, encoding: null };
}
