// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { sortRows, tableCard } from "../../src/components/table-card.ts";
import type { Column } from "../../src/components/table-model.ts";

const columns: Column[] = [
  { key: "name", label: "村" },
  { key: "households", label: "户数", kind: "count" },
  { key: "rate", label: "达标率", kind: "rate" },
];
const rows = [
  { name: "甲村", households: 120, rate: 0.95 },
  { name: "乙村", households: 3, rate: null, suppressed: true },
  { name: "丙村", households: 80, rate: 0.99 },
];

describe("tableCard", () => {
  it("renders a named table with both download buttons in one card", () => {
    const card = tableCard(rows, { columns, title: "村级情况", name: "村级情况", threshold: 5 });
    expect(card.classList.contains("card")).toBe(true);
    const table = card.querySelector("table")!;
    expect(table.dataset.tableName).toBe("村级情况");
    expect([...card.querySelectorAll("button")].map((b) => [b.dataset.download, b.textContent])).toEqual([
      ["csv", "下载 CSV"],
      ["xlsx", "下载 Excel"],
    ]);
    expect([...table.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["村", "户数", "达标率"]);
    const cells = [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    expect(cells).toEqual([
      ["甲村", "120", "95.0%"],
      ["乙村", "<5", "<5"],
      ["丙村", "80", "99.0%"],
    ]);
  });
  it("sorts on a header click, suppressed rows last", () => {
    const card = tableCard(rows, { columns, title: "t", name: "t", threshold: 5 });
    const header = card.querySelectorAll("th")[2] as HTMLElement;
    header.click();
    const names = () => [...card.querySelectorAll("tbody tr")].map((tr) => tr.firstElementChild!.textContent);
    expect(names()).toEqual(["丙村", "甲村", "乙村"]);
    header.click();
    expect(names()).toEqual(["甲村", "丙村", "乙村"]);
  });
  it("shows each withheld cell by why: <N for a small count, × for one withheld to protect it", () => {
    const mixed = [
      { name: "甲村", households: null, rate: 0.95, hidden: { households: "secondary" } },
      { name: "乙村", households: null, rate: null, hidden: { households: "primary", rate: "primary" } },
    ];
    const card = tableCard(mixed, { columns, title: "t", name: "t", threshold: 5 });
    const cells = [...card.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    expect(cells).toEqual([
      ["甲村", "×", "95.0%"],
      ["乙村", "<5", "<5"],
    ]);
  });
  it("links a cell on screen when its column has an address", () => {
    const card = tableCard([{ name: "青山镇", code: "522731101" }], {
      columns: [{ key: "name", label: "乡镇", href: (row) => `./worklist/${row.code}` }], title: "t", name: "t",
    });
    const link = card.querySelector("tbody td a") as HTMLAnchorElement;
    expect([link.textContent, link.getAttribute("href")]).toEqual(["青山镇", "./worklist/522731101"]);
  });
  it("says so when there are no rows", () => {
    const card = tableCard([], { columns, title: "t", name: "t", empty: "暂无" });
    expect(card.querySelector(".table-empty")!.textContent).toBe("暂无");
  });
});

describe("sortRows", () => {
  it("keeps missing values last in both directions", () => {
    const data = [{ v: 2 }, { v: null }, { v: 1 }, { v: 3 }];
    expect(sortRows(data, "v", false).map((r) => r.v)).toEqual([1, 2, 3, null]);
    expect(sortRows(data, "v", true).map((r) => r.v)).toEqual([3, 2, 1, null]);
  });
});
