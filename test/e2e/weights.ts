// Each page's cold-load weight (bytes Chromium received: gzip'd bodies and headers) and time to first chart.
export interface PageWeight {
  page: string;
  bytes: number;
  requests: number;
  /** Milliseconds from navigation start until the first chart or table was in the DOM. */
  firstChartMs: number | null;
  charts?: number;
  tables?: number;
  /** Ms from navigation start until the top cards (KPI cards or the verdict) were in the DOM; null without cards. */
  cardsMs?: number | null;
  /** Ms until the first chart (an svg in a figure or chart card) was in the DOM; null without charts. */
  figureMs?: number | null;
  /** Ms until the first table was in the DOM; null without tables. */
  tableMs?: number | null;
}

/**
 * The first view of a page: its top cards and first chart both shown, or, on a page with neither, its first table
 * (issue 16: within 1 s on this machine; measured and reported, not a timed test).
 */
export function firstViewMs(w: Pick<PageWeight, "cardsMs" | "figureMs" | "tableMs">): number | null {
  const shown = [w.cardsMs, w.figureMs].filter((v): v is number => typeof v === "number");
  if (shown.length > 0) return Math.max(...shown);
  return w.tableMs ?? null;
}

/** The first-view table of the e2e report: per page the cards, first chart, first table and the first view, slowest first. */
export function formatFirstView(weights: PageWeight[], budgetMs = 1000): string {
  const ms = (v: number | null | undefined) => (typeof v === "number" ? String(v) : "—");
  const sorted = [...weights].sort((a, b) => (firstViewMs(b) ?? -1) - (firstViewMs(a) ?? -1) || a.page.localeCompare(b.page));
  const rows = sorted.map((w) => {
    const first = firstViewMs(w);
    return [w.page, ms(w.cardsMs), ms(w.figureMs), ms(w.tableMs), ms(first), first === null ? "—" : first <= budgetMs ? "是" : "否"];
  });
  const header = ["页面", "卡片(ms)", "首个图表(ms)", "首个表格(ms)", "首屏(ms)", `≤ ${budgetMs} ms`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const over = sorted.filter((w) => (firstViewMs(w) ?? 0) > budgetMs);
  return [
    "首屏时间（冷加载，从导航开始到顶部卡片和第一个图表都已出现；没有卡片和图表的页面取第一个表格）",
    line(header),
    ...rows.map(line),
    `共 ${weights.length} 个页面；超过 ${budgetMs} ms 的 ${over.length} 个${over.length ? `：${over.map((w) => w.page).join("、")}` : ""}`,
  ].join("\n");
}

export function formatWeights(weights: PageWeight[], limit: number): string {
  const rows = weights.map((w) => [
    w.page,
    (w.bytes / 1024).toFixed(1),
    String(w.requests),
    w.firstChartMs === null ? "—" : String(w.firstChartMs),
    `${w.charts ?? "—"}/${w.tables ?? "—"}`,
    w.bytes < limit ? "是" : "否",
  ]);
  const header = ["页面", "传输(KB, gzip)", "请求数", "首个图表(ms)", "图/表", `< ${(limit / 1e6).toFixed(0)} MB`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const total = weights.reduce((n, w) => n + w.bytes, 0);
  const heaviest = weights.reduce<PageWeight | null>((m, w) => (m === null || w.bytes > m.bytes ? w : m), null);
  return [
    "页面重量（冷加载，Chromium 统计的传输字节：gzip 压缩后含响应头）与首个图表出现时间",
    line(header),
    ...rows.map(line),
    `共 ${weights.length} 个页面；最重 ${heaviest ? `${heaviest.page} ${(heaviest.bytes / 1024).toFixed(1)} KB` : "—"}；合计 ${(total / 1024).toFixed(1)} KB`,
  ].join("\n");
}
