// The set-based path (validate-table.ts) against the row path (validate-row.ts) on the same files: the
// fixture folder (aliases, GB18030, XLSX, refused files, defects), the hostile roster and a households file of
// hand-made edge values. Staging tables, rejections and warnings (file, row, column, value, rule, message,
// action) and every file's outcome must be identical.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { CONTRACTS } from "../../loaders/contracts/index.ts";
import { loadRoutes } from "../../loaders/load/load-file.ts";
import { loadInputFolder } from "../../loaders/load/load-input-folder.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const work = mkdtempSync(join(tmpdir(), "dixian-validate-table-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const EDGE_HEADER = "数据期,户编号,户主姓名,证件号码,区划代码,家庭人口数,劳动力人数,户类型,是否监测对象,监测对象类别,风险发现日期,识别监测日期,致贫返贫风险,风险是否消除,风险消除日期,整户无劳动能力,帮扶措施,工资性收入（万元）,生产经营性收入,财产性收入,转移性收入,生产经营性支出,人均纯收入";
const EDGE_ROWS = [
  // clean, with forms of dates, numbers and lists
  "2024-01,H1,张三,11010519491231002X,530101001001,3,2,脱贫户,是,脱贫不稳定户,2023/5/6,2023年5月20日,因病、因学,否,,否,产业帮扶;就业帮扶,1.2,\"1,000\",0,¥500,200,4433.33",
  "2024/1,H2,李四,110105194912310021,530101001001,３,1,一般户,否,,,,,,,是,,0.5,0,0,0,0,",
  "202401,H3,王五,11010519491231002x,530101001001,2,3,一般农户,yes,,20230506,45000,病|残,是,2022-01-01,n,小额信贷,1,2,3,4,5,1.5",
  " 2024-01 ,H4,赵六,1101051949123100,530101001001,2.5,1,脱贫户,否,边缘户,2023-13-01,2023-02-30 10:00,因灾,√,,×,,x,,,,,",
  "2024-01,H5,孙七,110105194912310030,530101001999,0,,其他户,也许,,2023.5.6,2023-05-01T00:00:00,外星人,否,,否,其他,,,,,,",
  "2024-01,H1,重复,11010519491231002X,530101001001,1,,脱贫户,否,,,,,,,否,,,,,,,100",
  "2024-01,H6,周八,11010519491231002X,530101001001,1,1,脱贫户,是,突发严重困难户,2024-01-05,2024-01-01,因病,是,2023-12-31,否,,,,,,,-3",
  "2024-01,H7,吴九,11010519491231002X,530101001001,4,1,脱贫户,否,,,,,,,否,,１２,3,４,5,6,9999",
  "合计,,,,,,,,,,,,,,,,,,,,,,",
  ",,,,,,,,,,,,,,,,,,,,,,",
];

async function load(input: string, rowPath: boolean) {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  const before = process.env.DIXIAN_VALIDATION;
  process.env.DIXIAN_VALIDATION = rowPath ? "row" : "sql";
  try {
    const summary = await loadInputFolder(conn, input, { reportsDir: join(work, `reports-${rowPath}`), stagingPartRows: 7 });
    const tables: Record<string, unknown[]> = {};
    for (const c of CONTRACTS) {
      tables[c.table] = (await conn.runAndReadAll(`select * from ${c.table} order by source_file, source_row`)).getRowObjectsJson();
    }
    for (const t of ["rejections", "warnings"]) tables[t] = (await conn.runAndReadAll(`select * from ${t}`)).getRowObjectsJson();
    const reports = Object.fromEntries(readdirSync(join(work, `reports-${rowPath}`)).map((f) => [f, readFileSync(join(work, `reports-${rowPath}`, f), "utf-8")]));
    return { files: summary.files, tables, reports };
  } finally {
    if (before === undefined) delete process.env.DIXIAN_VALIDATION;
    else process.env.DIXIAN_VALIDATION = before;
    conn.closeSync();
    instance.closeSync();
  }
}

async function same(input: string) {
  const sql = await load(input, false);
  const rows = await load(input, true);
  expect(sql.files).toEqual(rows.files);
  for (const table of Object.keys(rows.tables)) expect({ table, rows: sql.tables[table] }).toEqual({ table, rows: rows.tables[table] });
  expect(sql.reports).toEqual(rows.reports);
  return sql;
}

describe("set-based validation gives what row-by-row validation gives", () => {
  it("on the fixture folder (aliases, GB18030, XLSX, refused files)", async () => {
    const input = join(work, "extracts");
    cpSync(join(FIXTURES, "extracts"), input, { recursive: true });
    rmSync(join(input, "make-fixtures.ts"));
    const out = await same(input);
    expect(out.tables.stg_households.length).toBeGreaterThan(0);
  }, 120_000);

  it("on the hostile roster", async () => {
    const input = join(work, "hostile");
    cpSync(join(FIXTURES, "hostile", "roster"), input, { recursive: true });
    await same(input);
  }, 120_000);

  it("on hand-made edge values of every field kind", async () => {
    const input = join(work, "edge");
    cpSync(join(FIXTURES, "extracts", "villages.csv"), join(input, "villages.csv"));
    writeFileSync(join(input, "households_2024-01.csv"), [EDGE_HEADER, ...EDGE_ROWS].join("\r\n") + "\r\n");
    const out = await same(input);
    expect(out.tables.rejections.length + out.tables.warnings.length).toBeGreaterThan(10);
  }, 120_000);
});

describe("DuckDB reading the CSV file itself (read_csv) gives what the row path gives", () => {
  // The same rows in the layouts offices send; each file of the folder goes the read_csv route (checked),
  // except the one DuckDB cannot read as CsvParser does (a ragged row), which goes the text route.
  const rows = EDGE_ROWS.slice(0, -2);
  const gb = (text: string) => iconv.encode(text, "gb18030");
  it("with a BOM, title rows, quoted line breaks, blank and 合计 rows, tabs, GB18030, CR line ends, duplicates across files", async () => {
    const input = join(work, "direct");
    cpSync(join(FIXTURES, "extracts", "villages.csv"), join(input, "villages.csv"));
    const quoted = rows.map((line, i) => (i === 1 ? line.replace("李四", '"李\r\n四"') : i === 2 ? line.replace("王五", '"王""五"""') : line));
    const empty = ",".repeat(EDGE_HEADER.split(",").length - 1);
    // UTF-8 with a BOM, CRLF, two title rows and a blank line above the header, blank lines and a line of
    // empty cells among the rows, a quoted cell holding a line break, a 合计 row, no line end at the end.
    writeFileSync(join(input, "households_2024-01.csv"), "\uFEFF2024年1月 户信息快照\r\n填报单位：某县,,\r\n\r\n" + [EDGE_HEADER, quoted[0], "", quoted[1], quoted[2], empty, "", "", ...quoted.slice(3), `合计,8${empty.slice(1)}`, ` 小 计${empty}`].join("\r\n"));
    // GB18030, tab-delimited, LF.
    writeFileSync(join(input, "households_2024-02.csv"), gb([EDGE_HEADER, ...rows].map((l) => l.replace(/2024-01|2024\/1|202401/g, "2024-02").replaceAll(",", "\t")).join("\n") + "\n"));
    // Semicolons and CR-only line ends; the same households as the first file (duplicate keys across files).
    writeFileSync(join(input, "households_2024-01b.csv"), [EDGE_HEADER, ...rows, ""].map((l) => l.replaceAll(";", "|").replaceAll(",", ";")).join("\r"));
    // A row with more cells than the header: DuckDB will not read it, so the file goes the text route.
    writeFileSync(join(input, "households_2024-03.csv"), [EDGE_HEADER, rows[0].replace("2024-01", "2024-03"), `${rows[2].replace("202401", "202403")},多出的一格`, ""].join("\n"));
    loadRoutes.clear();
    const out = await same(input);
    expect(out.tables.stg_households.length).toBeGreaterThan(5);
    // Rejections of every file, the duplicates of the CR file among them (its households came in January).
    expect(out.tables.rejections.length).toBeGreaterThan(10);
    expect((out.tables.rejections as { file: string; rule: string }[]).filter((r) => r.file === "households_2024-01b.csv" && r.rule === "duplicate_key").length).toBeGreaterThan(2);
    loadRoutes.clear();
    await load(input, false);
    expect(Object.fromEntries([...loadRoutes.entries()].filter(([f]) => f.startsWith("households")))).toEqual({
      "households_2024-01.csv": "duckdb", "households_2024-01b.csv": "duckdb", "households_2024-02.csv": "duckdb", "households_2024-03.csv": "text",
    });
  }, 120_000);

  it("refuses a GB18030 or UTF-8 file with a bad byte past the sampled head with the row path's message", async () => {
    const input = join(work, "bad-gb");
    cpSync(join(FIXTURES, "extracts", "villages.csv"), join(input, "villages.csv"));
    const body = Array.from({ length: 12_000 }, (_, i) => rows[0].replace("H1,", `B${i},`)).join("\n");
    const bytes = Buffer.concat([gb(`${EDGE_HEADER}\n${body}\n`), Buffer.from([0x81, 0x0a]), gb(`${rows[0]}\n`)]);
    expect(bytes.length).toBeGreaterThan(1 << 20);
    writeFileSync(join(input, "households_2024-01.csv"), bytes);
    // The same for UTF-8: DuckDB declines the bad byte, the text route's reader refuses the file.
    const utf8 = Buffer.concat([Buffer.from(`${EDGE_HEADER}\n${body.replaceAll("2024-01", "2024-02")}\n`), Buffer.from([0xff, 0x0a])]);
    writeFileSync(join(input, "households_2024-02.csv"), utf8);
    const out = await same(input);
    const file = out.files.find((f) => f.file === "households_2024-01.csv")!;
    expect(file.status).toBe("refused");
    expect(file.message).toContain("GB18030");
    const file2 = out.files.find((f) => f.file === "households_2024-02.csv")!;
    expect(file2.status).toBe("refused");
    expect(file2.message).toContain("UTF-8");
    expect(out.tables.stg_households).toEqual([]);
  }, 120_000);
});

describe("rows a program made (an export profile's canonical rows)", () => {
  it("go through the same entry point and give what the same rows in a file give, by either path", async () => {
    const { createLoadTables } = await import("../../loaders/load/bookkeeping.ts");
    const { loadFile } = await import("../../loaders/load/load-file.ts");
    const { canonicalSheet, locateInSheets } = await import("../../loaders/load/locate-extract.ts");
    const headers = EDGE_HEADER.split(",");
    const rows = EDGE_ROWS.slice(1).map((line, i) => ({ row: i + 3, cells: line.split(",") }));
    const results: unknown[] = [];
    for (const mode of ["row", "sql"]) {
      for (const fromFile of [true, false]) {
        const instance = await DuckDBInstance.create(":memory:");
        const conn = await instance.connect();
        process.env.DIXIAN_VALIDATION = mode;
        try {
          await createLoadTables(conn);
          await conn.run(`insert into stg_villages (area_code, town_code, county_code) values ('530101001001', '530101001', '530101')`);
          const state = {
            conn, keys: new Map(), partRows: 5, tmpDir: work,
            ctx: { villages: new Set(["530101001001"]), towns: new Set(["530101001"]), counties: new Set(["530101"]), insurers: null, incomeTolerance: 1 },
          };
          const file = join(work, "households_2024-01.csv");
          // The file holds the header on row 1 and a blank row 2, so its rows carry the same numbers.
          writeFileSync(file, [EDGE_HEADER, "", ...EDGE_ROWS.slice(1)].join("\n") + "\n");
          const result = fromFile
            ? await loadFile(file, "households_2024-01.csv", "x", state)
            : await loadFile("", "households_2024-01.csv", "x", state, () => locateInSheets(canonicalSheet(headers, rows)));
          const staged = (await conn.runAndReadAll("select * from stg_households order by source_row")).getRowObjectsJson();
          results.push({ result, staged });
        } finally {
          delete process.env.DIXIAN_VALIDATION;
          conn.closeSync();
          instance.closeSync();
        }
      }
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[3]).toEqual(results[0]);
    expect((results[0] as { result: { rejections: unknown[] } }).result.rejections.length).toBeGreaterThan(3);
  }, 120_000);
});
