import { createReadStream, openSync, readSync, closeSync, fstatSync } from "node:fs";
import { CsvParser } from "./csv-parser.ts";
import { detectEncoding, type TextEncoding } from "./detect-encoding.ts";
import type { SheetRows, SourceRow } from "./source-rows.ts";

/** Reads the head of a file to detect its encoding without loading the whole file. */
export function detectFileEncoding(path: string): TextEncoding | null {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, 1 << 20));
    readSync(fd, head, 0, head.length, 0);
    return detectEncoding(head, size);
  } finally {
    closeSync(fd);
  }
}

/** Thrown when bytes later in the file break the encoding detected from its head. */
export class EncodingError extends Error {}

/**
 * A file's text, chunk by chunk, decoded strictly: bytes that break the encoding throw EncodingError, with the
 * same message wherever the file is read (the row path here, the transcoding of the set-based path).
 */
export async function* decodedChunks(path: string, encoding: TextEncoding, chunkBytes: number): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding === "gb18030" ? "gb18030" : "utf-8", { fatal: true, ignoreBOM: false });
  const stream = createReadStream(path, { highWaterMark: chunkBytes });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      stream.destroy();
      throw new EncodingError(`文件中有不符合 ${encoding === "gb18030" ? "GB18030" : "UTF-8"} 编码的字节`);
    }
    yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new EncodingError("文件末尾的字节不完整，无法按所识别的编码读取");
  }
  yield rest;
}

/**
 * Streams a CSV file as batches of rows. The delimiter is a comma unless the first line holds more
 * tabs or semicolons than commas (some exports use them).
 */
export async function* readCsvRows(path: string, encoding: TextEncoding): AsyncGenerator<SourceRow[]> {
  let batch: SourceRow[] = [];
  let parser: CsvParser | null = null;
  const onRecord = (cells: string[], row: number) => batch.push({ row, cells });
  // Small chunks keep each batch of rows short-lived, so they die young instead of being promoted.
  for await (const text of decodedChunks(path, encoding, 1 << 16)) {
    if (parser === null) parser = new CsvParser(onRecord, pickDelimiter(text));
    parser.push(text);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  parser!.end();
  if (batch.length > 0) yield batch;
}

export function pickDelimiter(text: string): string {
  const line = text.slice(0, text.search(/\r|\n/) >>> 0);
  const count = (ch: string) => line.split(ch).length - 1;
  const comma = count(",");
  if (count("\t") > comma) return "\t";
  if (count(";") > comma) return ";";
  return ",";
}

/** A CSV file is one sheet without a name. */
export function csvSheets(path: string, encoding: TextEncoding): AsyncIterable<SheetRows> {
  return (async function* () {
    yield { name: null, rows: readCsvRows(path, encoding) };
  })();
}
