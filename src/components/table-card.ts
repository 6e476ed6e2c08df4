// A card holding one table and its two download buttons. The table is a plain <table> (not a virtual
// scroller) so it prints whole and browser tests can read it; `data-table-name` names it for tests and files.
import { cellText, suppressionOf } from "./table-model.js";
import type { CellOptions, Column, Row } from "./table-model.js";
import { MIME, csvBytes, fileName, saveBytes, xlsxBytes } from "./download.js";

export interface TableCardOptions extends CellOptions {
  columns: Column[];
  /** Heading shown on the card. */
  title: string;
  /** Stable name for tests and the download file, e.g. 乡镇排名. */
  name: string;
  /** File name parts before the table name and after it, e.g. page 总览 and period 2025年上半年. */
  page?: string;
  period?: string;
  /** Small print under the heading (source, suppression note). */
  note?: string;
  /** Text shown instead of an empty table. */
  empty?: string;
  /** Title and notice rows on top of the Excel sheet (work lists: 内部资料 不得外传). */
  fileTitle?: string;
  fileNotice?: string;
}

function numericKind(column: Column): boolean {
  return column.kind !== undefined && column.kind !== "text" && column.kind !== "date" && column.kind !== "period";
}

function compareCells(a: unknown, b: unknown): number {
  const missingA = a == null || a === "" || (typeof a === "number" && !Number.isFinite(a));
  const missingB = b == null || b === "" || (typeof b === "number" && !Number.isFinite(b));
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "zh-CN");
}

/** Rows sorted by one column; empty and suppressed cells always last. */
export function sortRows(rows: Row[], key: string, descending: boolean): Row[] {
  const sign = descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const missX = x.row.suppressed === true || suppressionOf(x.row, key) !== null || x.row[key] == null;
      const missY = y.row.suppressed === true || suppressionOf(y.row, key) !== null || y.row[key] == null;
      if (missX !== missY) return missX ? 1 : -1;
      return sign * compareCells(x.row[key], y.row[key]) || x.index - y.index;
    })
    .map(({ row }) => row);
}

function renderBody(tbody: HTMLTableSectionElement, rows: Row[], columns: Column[], options: CellOptions): void {
  tbody.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement("tr");
      if (row.suppressed === true) tr.className = "suppressed";
      for (const column of columns) {
        const td = document.createElement("td");
        const text = cellText(row, column, options);
        if (column.href && text) td.append(Object.assign(document.createElement("a"), { href: column.href(row), textContent: text }));
        else td.textContent = text;
        if (numericKind(column)) td.className = "num";
        tr.append(td);
      }
      return tr;
    }),
  );
}

export function tableCard(rows: Row[], options: TableCardOptions): HTMLElement {
  const { columns, title, name } = options;
  const card = document.createElement("div");
  card.className = "card table-card";

  const heading = document.createElement("h2");
  heading.textContent = title;
  card.append(heading);
  if (options.note) {
    const note = document.createElement("h3");
    note.textContent = options.note;
    card.append(note);
  }

  const scroller = document.createElement("div");
  scroller.className = "table-scroll";
  const table = document.createElement("table");
  table.dataset.tableName = name;
  const thead = table.createTHead();
  const headRow = thead.insertRow();
  const tbody = table.createTBody();
  let sortKey: string | undefined;
  let descending = false;
  for (const column of columns) {
    const th = document.createElement("th");
    th.textContent = column.label;
    th.scope = "col";
    if (numericKind(column)) th.className = "num";
    th.title = "点击排序";
    th.addEventListener("click", () => {
      descending = sortKey === column.key ? !descending : numericKind(column);
      sortKey = column.key;
      for (const cell of headRow.cells) cell.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      renderBody(tbody, sortRows(rows, column.key, descending), columns, options);
    });
    headRow.append(th);
  }
  renderBody(tbody, rows, columns, options);
  scroller.append(table);

  if (rows.length === 0) {
    const empty = document.createElement("p");
    empty.className = "table-empty";
    empty.textContent = options.empty ?? "没有符合条件的记录。";
    card.append(scroller, empty);
  } else {
    card.append(scroller);
  }

  const actions = document.createElement("div");
  actions.className = "downloads";
  for (const kind of ["csv", "xlsx"] as const) {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.download = kind;
    button.textContent = kind === "csv" ? "下载 CSV" : "下载 Excel";
    button.addEventListener("click", () => {
      const file = fileName([options.page, name, options.period], kind);
      const bytes = kind === "csv" ? csvBytes(columns, rows, options) : xlsxBytes(columns, rows, { ...options, sheet: name, title: options.fileTitle, notice: options.fileNotice });
      saveBytes(bytes, file, MIME[kind]);
    });
    actions.append(button);
  }
  card.append(actions);
  return card;
}
