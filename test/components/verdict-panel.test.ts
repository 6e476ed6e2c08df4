// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { triggerSentence, verdictPanel, type TriggerRow } from "../../src/components/verdict-panel.ts";

const base = { period: "2025-06", town_code: null, town_name: null, detail: null, numerator: null, denominator: null, window_start: "2025-06", window_end: "2025-06" };
const cluster: TriggerRow = {
  ...base, trigger: "cluster_identified", area_code: "529901001001", area_level: "village", area_name: "甲村",
  town_code: "529901001", town_name: "一镇", window: "month", figure: 5, amber: 3, red: 5, level: "red", link: "town/529901001",
};
const rate: TriggerRow = {
  ...base, trigger: "return_rate", area_code: "529901", area_level: "county", area_name: "示例县", window: "period",
  figure: 0.0005, numerator: 1, denominator: 2000, amber: 0.005 / 12, red: 0.01 / 12, level: "amber", link: "monitoring",
};
const overdue: TriggerRow = { ...rate, trigger: "ident_overdue", figure: 0, numerator: 0, denominator: null, amber: 1, red: 10, level: "green" };

describe("triggerSentence", () => {
  it("names the village, the window, the figure and the threshold it crossed", () => {
    expect(triggerSentence(cluster)).toBe("一镇甲村 2025年6月新识别监测对象 5户，达到红色线（黄色线 3户、红色线 5户）");
    expect(triggerSentence({ ...cluster, trigger: "cluster_risk", detail: "因自然灾害", window: "quarter", window_start: "2025-04", level: "amber", figure: 6, amber: 5, red: 8 }))
      .toBe("一镇甲村 2025年4月至2025年6月三个月新识别监测对象中“因自然灾害” 6户，达到黄色线（黄色线 5户、红色线 8户）");
  });
  it("does not name a village whose figures are withheld, nor give its count, but keeps town, level and thresholds", () => {
    const withheld = { ...cluster, suppressed: true, area_code: "", area_name: null, figure: null };
    expect(triggerSentence(withheld)).toBe("一镇一个户数较少的村（不公布村名和户数） 2025年6月新识别监测对象达到红色线（黄色线 3户、红色线 5户）");
  });
  it("shows a rate with its numerator and denominator and says the threshold is scaled", () => {
    expect(triggerSentence(rate)).toBe("全县返贫率 0.05%（1/2,000户），达到黄色线（黄色线 0.04%、红色线 0.08%，按全年阈值折算到本期月数）");
  });
});

describe("verdictPanel", () => {
  it("shows the level, one linked line per raised trigger and the calm figures", () => {
    const panel = verdictPanel({
      title: "最近一个月：2025年6月",
      verdict: { period: "2025-06", level: "red", red_triggers: 1, amber_triggers: 1 },
      triggers: [cluster, rate, overdue],
    });
    expect(panel.dataset.level).toBe("red");
    expect(panel.querySelector(".verdict-level")!.textContent).toContain("红色");
    const items = [...panel.querySelectorAll("li.verdict-trigger")];
    expect(items.map((li) => li.getAttribute("data-trigger"))).toEqual(["cluster_identified", "return_rate"]);
    expect(items[0]!.textContent).toContain("甲村");
    expect(items[0]!.querySelector("a")!.getAttribute("href")).toBe("./town/529901001");
    expect(items[0]!.querySelector("a")!.textContent).toBe("查看一镇");
    expect(items[1]!.querySelector("a")!.getAttribute("href")).toBe("./monitoring");
    expect(panel.querySelector(".verdict-rest")!.textContent).toBe("未达黄色线：全县期末超期未识别 0户。");
  });
  it("says green and that no cluster was found when nothing triggers", () => {
    const panel = verdictPanel({ title: "t", verdict: { period: "2025-06", level: "green", red_triggers: 0, amber_triggers: 0 }, triggers: [overdue] });
    expect(panel.querySelector(".verdict-level")!.textContent).toBe("绿色：未发现规模性返贫风险");
    expect(panel.textContent).toContain("未发现村、乡镇的新识别、同一风险或低于监测线户数聚集");
  });
});
