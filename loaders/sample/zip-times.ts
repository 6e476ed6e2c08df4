// exceljs (through archiver) stamps every zip entry with the current time, so two runs with the same seed
// would give different bytes and different checksums. This rewrites the DOS timestamps of every entry to
// one fixed date, walking the central directory (never guessing signatures inside compressed data).
import { readFileSync, writeFileSync } from "node:fs";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function dosDate(date: Date): number {
  return ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
}

/** Sets every entry's modification time in the zip file at `path` to midnight of `date`. */
export function fixZipTimes(path: string, date: Date): void {
  const zip = readFileSync(path);
  let eocd = -1;
  for (let p = zip.length - 22; p >= Math.max(0, zip.length - 22 - 65_535); p--) {
    if (zip.readUInt32LE(p) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error(`不是有效的 zip 文件：${path}`);
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const day = dosDate(date);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(p) !== CENTRAL) throw new Error(`zip 中央目录损坏：${path}`);
    zip.writeUInt16LE(0, p + 12);
    zip.writeUInt16LE(day, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error(`zip 本地文件头损坏：${path}`);
    zip.writeUInt16LE(0, local + 10);
    zip.writeUInt16LE(day, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  writeFileSync(path, zip);
}
