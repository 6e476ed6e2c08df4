import { describe, expect, it } from "vitest";
import { maskId, maskName, maskPhone, maskValue } from "../../loaders/privacy/mask.ts";

describe("masking", () => {
  it("masks names, IDs and phones as DOMAIN.md §9 shows", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧*");
    expect(maskId("110105199001010023")).toBe("110105********0023");
    expect(maskId("11010519900101002X")).toBe("110105********002X");
    expect(maskPhone("13812345678")).toBe("138****5678");
  });
  it("masks personal columns by staging name or header, and leaves others", () => {
    expect(maskValue("head_name", "张三")).toBe("张*");
    expect(maskValue("户主姓名", "张三")).toBe("张*");
    expect(maskValue("身份证号", "110105199001010023")).toBe("110105********0023");
    expect(maskValue("联系电话", "13812345678")).toBe("138****5678");
    expect(maskValue("区划代码", "530101001001")).toBe("530101001001");
    expect(maskValue("户类型", "脱贫户")).toBe("脱贫户");
    expect(maskValue("借款人类型", "个人")).toBe("个人");
  });
  it("masks an ID or mobile number found in a column that should not hold one", () => {
    expect(maskValue("户编号", "110105199001010023")).toBe("110105********0023");
    expect(maskValue("备注", "13812345678")).toBe("138****5678");
  });
  it("keeps blanks blank", () => {
    expect(maskValue("head_name", null)).toBeNull();
    expect(maskValue("head_name", "")).toBe("");
  });
});
