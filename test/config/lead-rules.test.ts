import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { leadRules, readLeadSettings } from "../../loaders/config/lead-rules.ts";
import { SettingsError } from "../../loaders/config/settings.ts";

function configDir(content?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "dixian-lead-rules-"));
  if (content !== undefined) writeFileSync(join(dir, "lead-rules.json"), content);
  return dir;
}

describe("readLeadSettings", () => {
  it("uses the defaults of DOMAIN.md §10 without a file", () => {
    expect(readLeadSettings(configDir())).toEqual({
      checkDeadlineDays: 5, medicalLine: 10000, medicalIncomeShare: 0.5, disasterLine: 10000, schoolAgeFrom: 6, schoolAgeTo: 15,
      dropoutStatuses: ["辍学", "失学", "失学辍学", "疑似辍学"], aidEndedLeads: true,
    });
  });
  it("reads the county's values and ignores 说明 keys", () => {
    const s = readLeadSettings(configDir(JSON.stringify({ 说明: "x", 入户核查时限工作日: 3, 医疗自付线: 8000, 低保终止预警: false })));
    expect([s.checkDeadlineDays, s.medicalLine, s.aidEndedLeads]).toEqual([3, 8000, false]);
  });
  it("refuses a wrong value or an unknown key, saying what to fix", () => {
    expect(() => readLeadSettings(configDir(JSON.stringify({ 入户核查时限工作日: 0 })))).toThrow(SettingsError);
    expect(() => readLeadSettings(configDir(JSON.stringify({ 入户核查时限工作日: 0 })))).toThrow(/“入户核查时限工作日”应为 1–60 之间的整数/);
    expect(() => readLeadSettings(configDir(JSON.stringify({ 医疗自付比例: 0.5 })))).toThrow(/不认识的设置项：医疗自付比例/);
    expect(() => readLeadSettings(configDir(JSON.stringify({ 义务教育起始年龄: 16 })))).toThrow(/不能大于/);
    expect(() => readLeadSettings(configDir("{"))).toThrow(/不是有效的 JSON/);
  });
});

describe("leadRules", () => {
  it("writes each rule's sentence from the county's values, and drops the 低保-ended rule when turned off", () => {
    const s = readLeadSettings(configDir(JSON.stringify({ 医疗自付线: 8000, 灾害损失线: 20000, 低保终止预警: false })));
    const rules = leadRules(s);
    expect(rules.map((r) => r.rule)).toEqual(["medical_self_paid", "aid_new", "dwelling_unsafe", "school_dropout", "disability_new", "disaster_loss"]);
    expect(rules[0].sentence_zh).toContain("8,000 元");
    expect(rules.at(-1)!.sentence_zh).toContain("20,000 元");
  });
});
