import { describe, expect, it } from "vitest";
import { checkIdNumber, gb11643CheckDigit } from "../../loaders/contracts/gb11643.ts";

describe("GB 11643", () => {
  it("computes the MOD 11-2 check character, including X", () => {
    expect(gb11643CheckDigit("11010519491231002")).toBe("X"); // the standard's own example
    expect(gb11643CheckDigit("53010119800101001")).toBe("9");
  });
  it("tells format errors from checksum errors", () => {
    expect(checkIdNumber("11010519491231002X")).toBe("ok");
    expect(checkIdNumber("110105194912310021")).toBe("checksum");
    expect(checkIdNumber("11010519491231002")).toBe("format");
    expect(checkIdNumber("1101051949123100AX")).toBe("format");
  });
  it("refuses input that is not 17 digits", () => {
    expect(() => gb11643CheckDigit("123")).toThrow();
  });
});
