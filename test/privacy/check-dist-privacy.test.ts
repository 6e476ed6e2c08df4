// Acceptance: a roster with a known name and ID goes through the real warehouse build; a page that prints
// them unmasked is rejected by the guard, the same page printing the masked forms passes.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DuckDBInstance } from "@duckdb/node-api";
import { strToU8, zipSync } from "fflate";
import { beforeAll, describe, expect, test } from "vitest";
import { publishSite } from "../../loaders/build/publish-site.ts";
import { checkDistPrivacy, formatPrivacyFindings } from "../../loaders/privacy/check-dist-privacy.ts";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { PROJECT_ROOT, buildThrowawaySite } from "./throwaway-site.ts";

const WORK = join(PROJECT_ROOT, "test-output", "privacy-guard");
const ROSTER = join(PROJECT_ROOT, "test", "fixtures", "privacy", "roster");
const dbPath = join(WORK, "warehouse.duckdb");
const NAME = "王建国";
const ID = "11010519491231002X";
const PHONE = "13812345678";

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  await buildWarehouse({ inputDir: ROSTER, dbPath, reportsDir: join(WORK, "reports"), configDir: join(PROJECT_ROOT, "data", "config") });
}, 120_000);

describe("checkDistPrivacy on a Framework build", () => {
  test("rejects a page whose data prints the roster's name, ID and phone in clear", async () => {
    const dist = await buildThrowawaySite(join(WORK, "leaky"), { dbPath, masked: false });
    const findings = await checkDistPrivacy({ distDir: dist, dbPath });
    const found = findings.map((f) => `${f.kind} ${f.value}`);
    expect(found).toContain("name 王*");
    expect(found).toContain("id 110105********002X");
    expect(found).toContain("phone 138****5678");
    // 青山 heads a household and names the town: in the title "青山镇名单" it is the town, in the data a person.
    expect(findings.filter((f) => f.kind === "name" && f.value === "青*").every((f) => f.file.startsWith("_file/"))).toBe(true);
    expect(findings.some((f) => f.kind === "name" && f.value === "青*")).toBe(true);
    const report = formatPrivacyFindings(findings);
    expect(report).toContain("隐私检查未通过");
    for (const clear of [NAME, ID, PHONE, "440524188001010014"]) expect(report).not.toContain(clear);
  }, 120_000);

  test("passes the same page printing only masked values", async () => {
    const dist = await buildThrowawaySite(join(WORK, "masked"), { dbPath, masked: true });
    expect(readdirSync(dist)).toContain("index.html");
    expect(await checkDistPrivacy({ distDir: dist, dbPath })).toEqual([]);
  }, 120_000);

  // The build's last step (runBuild → publishSite): a leaky fresh site fails the build and never goes live.
  test("fails the build on the leaky site and keeps the last good site; publishes the masked one", async () => {
    const live = join(WORK, "live");
    mkdirSync(live, { recursive: true });
    writeFileSync(join(live, "index.html"), "上一次的网站");
    const fresh = join(WORK, "live.tmp");
    cpSync(await buildThrowawaySite(join(WORK, "leaky-publish"), { dbPath, masked: false }), fresh, { recursive: true });
    await expect(publishSite(fresh, live, dbPath)).rejects.toThrow(/隐私检查未通过[\s\S]*网站未更新/);
    expect(readFileSync(join(live, "index.html"), "utf-8")).toBe("上一次的网站");
    expect(existsSync(fresh)).toBe(false);

    cpSync(await buildThrowawaySite(join(WORK, "masked-publish"), { dbPath, masked: true }), fresh, { recursive: true });
    expect(await publishSite(fresh, live, dbPath)).toContain("隐私检查通过");
    expect(readFileSync(join(live, "index.html"), "utf-8")).toContain("名单");
    expect(existsSync(fresh)).toBe(false);
  }, 240_000);
});

describe("checkDistPrivacy on files a build might emit", () => {
  test("finds values inside an XLSX download, an escaped script, a gzip'd file and a Parquet file", async () => {
    const dist = join(WORK, "hand-made");
    mkdirSync(join(dist, "downloads"), { recursive: true });
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${NAME}</t></is></c></row></sheetData></worksheet>`;
    writeFileSync(join(dist, "downloads", "名单.xlsx"), zipSync({ "xl/worksheets/sheet1.xml": strToU8(sheet) }));
    writeFileSync(join(dist, "app.js"), `const head="\\u738b\\u5efa\\u56fd";`);
    writeFileSync(join(dist, "ok.html"), `<p>青山镇 王* 110105********002X</p>`);
    writeFileSync(join(dist, "data.json.gz"), gzipSync(`{"phone":"13812345678"}`));
    // Parquet compresses its strings, so a text scan would miss this; the guard reads it through DuckDB.
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`copy (select '${ID}' as id_number) to '${join(dist, "rows.parquet")}' (format parquet, compression zstd)`);
    connection.closeSync();
    instance.closeSync();
    const findings = await checkDistPrivacy({ distDir: dist, dbPath });
    expect(findings.map((f) => [f.file, f.kind, f.value]).sort()).toEqual([
      ["app.js", "name", "王*"],
      ["data.json.gz!data.json", "phone", "138****5678"],
      ["downloads/名单.xlsx!xl/worksheets/sheet1.xml", "name", "王*"],
      ["rows.parquet", "id", "110105********002X"],
    ]);
  });

  test("refuses to pass a site when the warehouse has no roster to check against", async () => {
    const empty = join(WORK, "no-warehouse.duckdb");
    expect(existsSync(empty)).toBe(false);
    await expect(checkDistPrivacy({ distDir: join(WORK, "hand-made"), dbPath: empty })).rejects.toThrow();
  });
});
