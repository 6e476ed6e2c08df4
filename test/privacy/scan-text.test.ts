import { describe, expect, test } from "vitest";
import { decodeEscapes } from "../../loaders/privacy/decode-escapes.ts";
import { buildPersonalIndex } from "../../loaders/privacy/personal-index.ts";
import { redact, scanText } from "../../loaders/privacy/scan-text.ts";

const ID = "11010519491231002X";
const index = buildPersonalIndex({ names: ["王建国", "李秀英"], ids: [], phones: ["13812345678"], benignPhrases: [] });

describe("scanText", () => {
  test("reports each value masked, with a masked context that holds no value in clear", () => {
    const text = `户主王建国，证件号码${ID}，电话13812345678，邻居李秀英`;
    const findings = scanText(text, index);
    expect(findings.map((f) => [f.kind, f.masked]).sort()).toEqual(
      [["id", "110105********002X"], ["name", "李*"], ["name", "王*"], ["phone", "138****5678"]].sort(),
    );
    for (const finding of findings) {
      for (const clear of ["王建国", "李秀英", ID, "13812345678"]) expect(finding.context).not.toContain(clear);
    }
  });

  test("a masked work list passes", () => {
    expect(scanText(`王*  110105********002X  138****5678`, index)).toEqual([]);
  });
});

describe("redact", () => {
  test("stars digits cut at the edge of a snippet", () => {
    expect(redact("号码1049123100", index)).toBe("号码104*******");
  });
});

describe("decodeEscapes", () => {
  test("reads \\u escapes, HTML entities and percent-encoding", () => {
    expect(decodeEscapes("\\u738b\\u5efa\\u56fd")).toBe("王建国");
    expect(decodeEscapes("&#x738B;&#24314;&#x56FD;")).toBe("王建国");
    expect(decodeEscapes("%E7%8E%8B%E5%BB%BA%E5%9B%BD.csv")).toBe("王建国.csv");
    expect(decodeEscapes("100% %ZZ")).toBe("100% %ZZ");
  });

  test("a name written escaped in a bundle is found", () => {
    expect(scanText(decodeEscapes('const a="\\u738b\\u5efa\\u56fd"'), index).map((f) => f.masked)).toEqual(["王*"]);
  });
});
