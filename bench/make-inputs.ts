// Benchmark inputs: one households extract of N rows (canonical headers, valid IDs and codes, a realistic
// mix of monitored households), written as CSV UTF-8, CSV GB18030 and XLSX, plus a small villages file
// so the village-code rule runs as it does in a county.
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { gb11643CheckDigit } from "../loaders/contracts/gb11643.ts";
import { households } from "../loaders/contracts/households.ts";

const HEADERS = households.fields.map((f) => f.header);
const COUNTY = "529931";
const TOWNS = 20;
const VILLAGES_PER_TOWN = 12;

function villageCode(i: number): string {
  const town = (i % TOWNS) + 1;
  const village = Math.floor(i / TOWNS) % VILLAGES_PER_TOWN + 1;
  return `${COUNTY}${String(town).padStart(3, "0")}${String(village).padStart(3, "0")}`;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same bytes. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function* householdRows(count: number): Generator<(string | number | null)[]> {
  const r = rng(42);
  for (let i = 0; i < count; i++) {
    const birth = `19${50 + Math.floor(r() * 50)}0${1 + Math.floor(r() * 9)}1${Math.floor(r() * 9)}`;
    const first17 = `${COUNTY}${birth}${String(i % 1000).padStart(3, "0")}`;
    const size = 1 + Math.floor(r() * 6);
    const labour = Math.floor(r() * (size + 1));
    const monitored = r() < 0.08;
    const lifted = r() < 0.3;
    const wage = Math.round(r() * 40000);
    const business = Math.round(r() * 20000);
    const property = Math.round(r() * 1000);
    const transfer = Math.round(r() * 8000);
    const cost = Math.round(r() * 5000);
    const incomePc = Math.round(((wage + business + property + transfer - cost) / size) * 100) / 100;
    const row: Record<string, string | number | null> = {
      数据期: "2026-06", 户编号: `H${String(i).padStart(8, "0")}`, 户主姓名: "王某某", 证件号码: first17 + gb11643CheckDigit(first17),
      联系电话: `139${String(10_000_000 + i).slice(-8)}`, 区划代码: villageCode(i), 家庭人口数: size, 劳动力人数: labour,
      户类型: lifted ? "脱贫户" : "一般农户", 是否监测对象: monitored ? "是" : "否",
      监测对象类别: monitored ? (lifted ? "脱贫不稳定户" : "边缘易致贫户") : null,
      风险发现日期: monitored ? "2025-03-02" : null, 识别监测日期: monitored ? "2025-03-20" : null,
      致贫返贫风险: monitored ? "因病、因学" : null, 风险是否消除: monitored ? "否" : null, 风险消除方式: null, 风险消除日期: null,
      整户无劳动能力: labour === 0 ? "是" : "否", 帮扶措施: monitored ? "产业帮扶、健康帮扶" : null, 首次帮扶日期: monitored ? "2025-04-01" : null,
      工资性收入: wage, 生产经营性收入: business, 财产性收入: property, 转移性收入: transfer, 生产经营性支出: cost, 人均纯收入: incomePc,
      住房安全: "是", 义务教育保障: "是", 基本医疗保险: "是", 饮水安全: "是", 帮扶责任人: "李某",
    };
    yield HEADERS.map((h) => row[h] ?? null);
  }
}

function csvLine(cells: (string | number | null)[]): string {
  return cells.map((v) => (v === null ? "" : String(v))).join(",") + "\r\n";
}

export function writeVillages(dir: string): void {
  const lines = ["区划代码,村名称,乡镇代码,乡镇名称,县代码,县名称,农村户数,农村人口,是否脱贫村"];
  for (let t = 1; t <= TOWNS; t++) {
    for (let v = 1; v <= VILLAGES_PER_TOWN; v++) {
      const town = `${COUNTY}${String(t).padStart(3, "0")}`;
      lines.push(`${town}${String(v).padStart(3, "0")},村${t}-${v},${town},镇${t},${COUNTY},测试县,400,1400,否`);
    }
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "villages.csv"), lines.join("\n") + "\n");
}

/** Writes households.csv in UTF-8 or GB18030, streaming. */
export async function writeHouseholdsCsv(path: string, rows: number, encoding: "utf-8" | "gb18030"): Promise<void> {
  const out = createWriteStream(path);
  let buffer = csvLine(HEADERS);
  const flush = async () => {
    const ok = out.write(encoding === "utf-8" ? Buffer.from(buffer, "utf-8") : iconv.encode(buffer, "gb18030"));
    buffer = "";
    if (!ok) await once(out, "drain");
  };
  for (const row of householdRows(rows)) {
    buffer += csvLine(row);
    if (buffer.length > 1 << 20) await flush();
  }
  await flush();
  out.end();
  await once(out, "close");
}

/** Writes households.xlsx with exceljs' streaming writer (a title row above the header, as offices do). */
export async function writeHouseholdsXlsx(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet("户信息");
  ws.addRow(["测试县户信息快照（2026年6月）"]).commit();
  ws.addRow(HEADERS).commit();
  for (const row of householdRows(rows)) ws.addRow(row).commit();
  ws.commit();
  await wb.commit();
}
