// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { changeTone, kpiCard } from "../../src/components/kpi-card.ts";

describe("kpiCard", () => {
  it("shows the figure with 环比 and 同比 in percentage points for rates", () => {
    const card = kpiCard({ label: "风险消除率", value: 0.62, unit: "%", previous: 0.6, lastYear: 0.65, higherIsBetter: true, target: 1 });
    expect(card.querySelector(".big")!.textContent).toBe("62.0%");
    const changes = [...card.querySelectorAll(".kpi-change")];
    expect(changes.map((c) => c.textContent)).toEqual(["环比 +2.0个百分点", "同比 -3.0个百分点"]);
    expect(changes.map((c) => c.className)).toEqual(["kpi-change tone-good", "kpi-change tone-bad"]);
    expect(card.querySelector(".kpi-target")!.textContent).toBe("目标 100.0%");
  });
  it("shows relative change for counts and leaves missing bases empty", () => {
    const card = kpiCard({ label: "新识别监测对象", value: 110, unit: "户", previous: 100, lastYear: null });
    expect([...card.querySelectorAll(".kpi-change")].map((c) => c.textContent)).toEqual(["环比 +10.0%", "同比 —"]);
  });
});

describe("kpiCard on an incomplete value", () => {
  it("says 数据不完整 and names the missing sources", () => {
    const card = kpiCard({ label: "贷款余额", value: 40000, unit: "yuan", code: "loan_balance", missing: ["县农业银行 2025年6月贷款台账"] });
    expect(card.classList.contains("incomplete")).toBe(true);
    expect(card.querySelector(".kpi-incomplete")!.textContent).toBe("数据不完整：缺 县农业银行 2025年6月贷款台账");
    expect(kpiCard({ label: "x", value: 1, unit: "户" }).querySelector(".kpi-incomplete")).toBeNull();
  });
});

describe("changeTone", () => {
  it("reads the direction of the indicator", () => {
    expect(changeTone(0.05, 0.04, false, "%")).toBe("bad");
    expect(changeTone(0.03, 0.04, false, "%")).toBe("good");
    expect(changeTone(0.04001, 0.04, true, "%")).toBe("flat");
    expect(changeTone(5, 4, null, "户")).toBe("none");
    expect(changeTone(5, undefined, true, "户")).toBe("none");
  });
});

describe("kpiCard amounts", () => {
  it("shows incomes in 元 and other amounts by size", () => {
    expect(kpiCard({ code: "income_pc_median", label: "中位数", value: 14300, unit: "yuan" }).querySelector(".big")!.textContent).toBe("14,300元");
    expect(kpiCard({ code: "loan_balance", label: "余额", value: 123_450_000, unit: "yuan" }).querySelector(".big")!.textContent).toBe("1.23亿元");
  });
});
