// Province benchmark inputs (issue 14 point 3): N fictional counties (prefectures 52-98 and 52-99, never real
// GB/T 2260 codes), each in its own folder as a county would deliver it: a village reference, one households
// snapshot per month (canonical headers, valid IDs, unique 户编号 per county) and one bank's monthly ledger.
// Households follow a simple but living monitoring story so the models have work to do: ~6% become monitored
// in some month (risk found, identified 10 days later, first measure 5 days after), most are eliminated months
// later; incomes drift month by month; ~8% hold a microloan whose balance falls. Deterministic: the same
// arguments write the same bytes. No insurance or department extracts (a gap of the province bench).
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { gb11643CheckDigit } from "../loaders/contracts/gb11643.ts";
import { households } from "../loaders/contracts/households.ts";
import { loans } from "../loaders/contracts/loans.ts";

const HH_HEADERS = households.fields.map((f) => f.header);
const LOAN_HEADERS = loans.fields.map((f) => f.header);
const TOWNS = 10;
const VILLAGES_PER_TOWN = 10;

export interface ProvinceOptions {
  outDir: string;
  counties: number;
  /** Households of the whole province (split evenly). */
  households: number;
  months: number;
  /** Last month, YYYY-MM. */
  end: string;
}

/** County c (0-based): prefecture 98 for the first 50, 99 for the next 50, and so on. */
export function countyCode(c: number): string {
  return `52${98 + Math.floor(c / 50)}${String((c % 50) + 1).padStart(2, "0")}`;
}

function hash(a: number, b: number, c = 0): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(c + 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

function monthList(end: string, months: number): string[] {
  const [y, m] = end.split("-").map(Number);
  const out: string[] = [];
  for (let k = months - 1; k >= 0; k--) {
    const total = y * 12 + (m - 1) - k;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`);
  }
  return out;
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
const day = (index: number, d: number) => `${monthOf(index)}-${String(d).padStart(2, "0")}`;

function idNumber(county: string, i: number): string {
  let n = i;
  const d = (n % 28) + 1;
  n = Math.floor(n / 28);
  const m = (n % 12) + 1;
  n = Math.floor(n / 12);
  const y = 1940 + (n % 60);
  n = Math.floor(n / 60);
  const first17 = `${county}${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${String(n % 1000).padStart(3, "0")}`;
  return first17 + gb11643CheckDigit(first17);
}

class CsvFile {
  private buffer = "";
  private readonly out;
  constructor(path: string, headers: string[]) {
    this.out = createWriteStream(path);
    this.buffer = headers.join(",") + "\n";
  }
  async row(cells: (string | number | null)[]): Promise<void> {
    this.buffer += cells.map((v) => (v === null ? "" : String(v))).join(",") + "\n";
    if (this.buffer.length > 1 << 20) await this.flush();
  }
  private async flush(): Promise<void> {
    const ok = this.out.write(this.buffer);
    this.buffer = "";
    if (!ok) await once(this.out, "drain");
  }
  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, "close");
  }
}

interface Story {
  village: string;
  size: number;
  labour: number;
  lifted: boolean;
  /** month index the risk is found, or null */
  found: number | null;
  eliminated: number | null;
  incomeBase: number;
  loanIssued: number | null;
  loanAmount: number;
}

function story(c: number, i: number, villages: string[], first: number, last: number): Story {
  const size = 1 + Math.floor(hash(c, i, 1) * 6);
  const monitored = hash(c, i, 2) < 0.06;
  const found = monitored ? first - 24 + Math.floor(hash(c, i, 3) * (last - first + 25)) : null;
  const eliminated = found !== null && hash(c, i, 4) < 0.7 ? found + 3 + Math.floor(hash(c, i, 5) * 15) : null;
  const loan = hash(c, i, 6) < 0.08;
  return {
    village: villages[i % villages.length],
    size,
    labour: Math.floor(hash(c, i, 7) * (size + 1)),
    lifted: hash(c, i, 8) < 0.3,
    found,
    eliminated,
    incomeBase: 4000 + Math.floor(hash(c, i, 9) * 16000),
    loanIssued: loan ? first - 12 + Math.floor(hash(c, i, 10) * (last - first + 13)) : null,
    loanAmount: 10000 + 5000 * Math.floor(hash(c, i, 11) * 9),
  };
}

/** Writes the province; returns the counties' codes and the data rows written. */
export async function writeProvince(o: ProvinceOptions): Promise<{ counties: string[]; rows: number; households: number }> {
  const months = monthList(o.end, o.months);
  const first = monthIndex(months[0]);
  const last = monthIndex(months[months.length - 1]);
  const perCounty = Math.max(1, Math.floor(o.households / o.counties));
  const counties: string[] = [];
  let rows = 0;
  for (let c = 0; c < o.counties; c++) {
    const county = countyCode(c);
    counties.push(county);
    const dir = join(o.outDir, county);
    mkdirSync(dir, { recursive: true });
    const villages: string[] = [];
    const villageLines = ["区划代码,村名称,乡镇代码,乡镇名称,县代码,县名称,农村户数,农村人口,是否脱贫村"];
    for (let t = 1; t <= TOWNS; t++) {
      const town = `${county}${String(100 + t)}`;
      for (let v = 1; v <= VILLAGES_PER_TOWN; v++) {
        const village = `${town}${String(200 + v)}`;
        villages.push(village);
        villageLines.push(`${village},第${c + 1}县${t}镇${v}村,${town},第${c + 1}县${t}镇,${county},第${c + 1}县,${Math.ceil(perCounty / 80)},${Math.ceil(perCounty / 25)},${v % 3 === 0 ? "是" : "否"}`);
      }
    }
    writeFileSync(join(dir, "villages.csv"), villageLines.join("\n") + "\n");
    const stories = Array.from({ length: perCounty }, (_, i) => story(c, i, villages, first, last));
    const bank = `第${c + 1}县农村商业银行`;
    for (const month of months) {
      const mi = monthIndex(month);
      const hh = new CsvFile(join(dir, `households_${month}.csv`), HH_HEADERS);
      const ledger = new CsvFile(join(dir, `loans_${month}.csv`), LOAN_HEADERS);
      for (let i = 0; i < perCounty; i++) {
        const s = stories[i];
        const householdId = `${county}${String(i + 1).padStart(8, "0")}`;
        const id = idNumber(county, i);
        const known = s.found !== null && s.found <= mi;
        const identified = known; // identified in the month the risk is found (10 days later)
        const gone = identified && s.eliminated !== null && s.eliminated <= mi;
        const incomePc = Math.round(s.incomeBase * (1 + 0.004 * (mi - first)) * (known && !gone ? 0.6 : 1));
        const row: Record<string, string | number | null> = {
          数据期: month, 户编号: householdId, 户主姓名: "王某", 证件号码: id, 联系电话: null, 区划代码: s.village,
          家庭人口数: s.size, 劳动力人数: s.labour, 户类型: s.lifted ? "脱贫户" : "一般农户",
          是否监测对象: identified ? "是" : "否",
          监测对象类别: identified ? (s.lifted ? "脱贫不稳定户" : "边缘易致贫户") : null,
          风险发现日期: identified ? day(s.found!, 1) : null,
          识别监测日期: identified ? day(s.found!, 11) : null,
          致贫返贫风险: identified ? (hash(c, i, 12) < 0.5 ? "因病" : "因务工就业不稳") : null,
          风险是否消除: identified ? (gone ? "是" : "否") : null,
          风险消除方式: gone ? "帮扶消除" : null,
          风险消除日期: gone ? day(s.eliminated!, 20) : null,
          整户无劳动能力: s.labour === 0 ? "是" : "否",
          帮扶措施: identified ? "产业帮扶" : null,
          首次帮扶日期: identified ? day(s.found!, 16) : null,
          人均纯收入: incomePc,
          住房安全: "是", 义务教育保障: "是", 基本医疗保险: hash(c, i, 13) < 0.99 ? "是" : "否", 饮水安全: "是", 帮扶责任人: identified ? "李某" : null,
        };
        await hh.row(HH_HEADERS.map((h) => row[h] ?? null));
        rows++;
        if (s.loanIssued !== null && s.loanIssued <= mi && mi < s.loanIssued + 36) {
          const balance = Math.max(0, Math.round(s.loanAmount * (1 - (mi - s.loanIssued) / 36)));
          const loan: Record<string, string | number | null> = {
            数据期: month, 金融机构: bank, 贷款编号: `${county}L${i + 1}`, 借款人类型: "个人", 借款人名称: "王某", 证件号码: id,
            户编号: householdId, 区划代码: null, 贷款品种: "脱贫人口小额信贷", 合同金额: s.loanAmount,
            发放日期: day(s.loanIssued, 15), 到期日期: day(s.loanIssued + 36, 14), 贷款余额: balance, 年利率: 3.45, 贴息金额: Math.round(balance * 0.0029),
            担保方式: "信用", 五级分类: "正常", 逾期本金: 0, 逾期天数: 0, 是否续贷: "否", 是否展期: "否", 带动脱贫人口: null,
          };
          await ledger.row(LOAN_HEADERS.map((h) => loan[h] ?? null));
          rows++;
        }
      }
      await hh.close();
      await ledger.close();
    }
  }
  // The province's line, in every county's folder (a county builds alone too); a province build loads the first
  // copy and skips the identical others (same checksum).
  const lines = `年度,区划代码,监测线\n${[...new Set(months.map((m) => m.slice(0, 4)))].map((y) => `${y},52,${7000 + 300 * (Number(y) - 2024)}`).join("\n")}\n`;
  for (const county of counties) writeFileSync(join(o.outDir, county, "monitoring_lines.csv"), lines);
  return { counties, rows, households: perCounty * o.counties };
}
