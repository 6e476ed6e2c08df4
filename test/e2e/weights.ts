// Each page's cold-load weight (bytes Chromium received: gzip'd bodies and headers) and time to first chart.
export interface PageWeight {
  page: string;
  bytes: number;
  requests: number;
  /** Milliseconds from navigation start until the first chart or table was in the DOM. */
  firstChartMs: number | null;
  charts?: number;
  tables?: number;
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
