import { describe, expect, test } from "vitest";
import { buildPersonalIndex, findNames, findPhones, findRosterIds } from "../../loaders/privacy/personal-index.ts";

const index = buildPersonalIndex({
  names: ["王建国", "青山", "李", " 欧阳娜娜 "],
  ids: ["52273119800101001", "440524188001010014"],
  phones: ["13812345678", "0851-2345678"],
  benignPhrases: ["青山镇", "青山村", "王建国家庭农场合作社"],
});

const values = (hits: { value: string }[]) => hits.map((hit) => hit.value);

describe("findNames", () => {
  test("finds roster names of two characters or more, trimmed", () => {
    expect(values(findNames("户主王建国，欧阳娜娜；李某", index))).toEqual(["王建国", "欧阳娜娜"]);
  });

  test("a name inside a place or firm name of the reference is not a leak, elsewhere it is", () => {
    expect(findNames("青山镇 青山村 王建国家庭农场合作社", index)).toEqual([]);
    expect(values(findNames("青山镇户主青山", index))).toEqual(["青山"]);
  });

  test("finds names decoded or not, at the very start and end", () => {
    expect(values(findNames("青山", index))).toEqual(["青山"]);
    expect(values(findNames("x王建国", index))).toEqual(["王建国"]);
  });
});

describe("findPhones", () => {
  test("finds roster phones written with spaces, hyphens or +86", () => {
    const text = "电话 138 1234 5678；+86 13812345678；138-1234-5678；座机 0851-2345678";
    expect(values(findPhones(text, index))).toEqual(["13812345678", "13812345678", "13812345678", "08512345678"]);
  });

  test("finds a phone followed by another number, and not inside a longer number", () => {
    expect(values(findPhones("13812345678 5", index))).toEqual(["13812345678"]);
    expect(findPhones("213812345678", index)).toEqual([]);
    expect(findPhones("13912345678", index)).toEqual([]);
  });
});

describe("findRosterIds", () => {
  test("finds roster IDs in clear even when their check digit is wrong or they are short", () => {
    expect(values(findRosterIds("旧号码 52273119800101001 新号码 440524188001010014", index))).toEqual(["52273119800101001", "440524188001010014"]);
    expect(findRosterIds("522731198001010012", index)).toEqual([]);
  });
});
