import { describe, expect, test } from "vitest";
import { findIdNumbers, isValidIdNumber } from "../../loaders/privacy/find-id-numbers.ts";

// The two worked examples printed in GB 11643-1999 itself.
const STANDARD_X = "11010519491231002X";
const STANDARD_4 = "440524188001010014";

describe("findIdNumbers", () => {
  test("finds valid IDs wherever they sit in text, X in either case", () => {
    const text = `户主证件号码：${STANDARD_X}，配偶 ${STANDARD_4.slice(0, 17)}4；"id":"${STANDARD_X.toLowerCase()}"`;
    expect(findIdNumbers(text).map((hit) => hit.value)).toEqual([STANDARD_X, STANDARD_4, STANDARD_X]);
  });

  test("ignores 18-digit runs whose check character is wrong", () => {
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    expect(findIdNumbers("110105194912310021 440524188001010015")).toEqual([]);
  });

  test("ignores valid check digits inside longer numbers and decimal fractions", () => {
    expect(findIdNumbers(`9${STANDARD_4}`)).toEqual([]);
    expect(findIdNumbers(`${STANDARD_4}7`)).toEqual([]);
    expect(findIdNumbers(`0.${STANDARD_4}`)).toEqual([]);
    // After a letter or a dot that is not a decimal point it is an ID again.
    expect(findIdNumbers(`id.${STANDARD_4}`)).toHaveLength(1);
    expect(findIdNumbers(`a${STANDARD_4}b`)).toHaveLength(1);
  });

  test("reports positions", () => {
    const [hit] = findIdNumbers(`号码 ${STANDARD_4}`);
    expect(hit).toEqual({ start: 3, end: 21, value: STANDARD_4 });
  });
});
