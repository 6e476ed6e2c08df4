import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { matchesProfile } from "../../loaders/profiles/aggregate.ts";
import { readProfiles } from "../../loaders/profiles/profile.ts";

const root = mkdtempSync(join(tmpdir(), "dixian-profiles-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const NATIONAL = readFileSync(join(import.meta.dirname, "..", "..", "data", "config", "profiles", "national.json"), "utf-8");

function configWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, "config-"));
  mkdirSync(join(dir, "profiles"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, "profiles", name), text);
  return dir;
}

describe("readProfiles", () => {
  it("reads the shipped national profile and none without a profiles folder", () => {
    const [national] = readProfiles(join(import.meta.dirname, "..", "..", "data", "config"));
    expect(national.名称).toBe("全国防返贫监测信息系统人员明细");
    expect(national.措施列.公益性岗位帮扶).toBe("公益岗位");
    expect(readProfiles(mkdtempSync(join(root, "empty-")))).toEqual([]);
  });

  it("takes a province's own layout as another file, without code", () => {
    const province = JSON.parse(NATIONAL);
    province.名称 = "某省防返贫监测平台导出";
    province.识别列 = ["农户编号", "与户主关系"];
    province.户编号 = ["农户编号"];
    const profiles = readProfiles(configWith({ "national.json": NATIONAL, "province.json": JSON.stringify(province) }));
    expect(profiles.map((p) => p.file)).toEqual(["national.json", "province.json"]);
    expect(profiles.map((p) => matchesProfile(p, ["序号", "农户编号", "与户主关系", "姓名"]))).toEqual([false, true]);
    expect(profiles.map((p) => matchesProfile(p, ["户编号", " 与户主关系 ", "姓名"]))).toEqual([true, false]);
  });

  it("refuses a broken file with a message naming the file and the key", () => {
    expect(() => readProfiles(configWith({ "bad.json": "{" }))).toThrow(/导出格式 profiles\/bad\.json 不是有效的 JSON/);
    const unknownMeasure = JSON.parse(NATIONAL);
    unknownMeasure.措施列.产业帮扶 = "产业扶持";
    expect(() => readProfiles(configWith({ "m.json": JSON.stringify(unknownMeasure) }))).toThrow(/profiles\/m\.json 有误：措施列 → 产业帮扶：取值应为：产业帮扶、就业帮扶/);
    const typo = { ...JSON.parse(NATIONAL), 户字断: {} };
    expect(() => readProfiles(configWith({ "t.json": JSON.stringify(typo) }))).toThrow(/profiles\/t\.json 有误：整个文件：有不认识的项：户字断/);
    const { 户主: _head, ...headless } = JSON.parse(NATIONAL);
    expect(() => readProfiles(configWith({ "h.json": JSON.stringify(headless) }))).toThrow(/profiles\/h\.json 有误：户主：缺少此项/);
  });
});
