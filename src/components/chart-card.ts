// Puts a Plot chart in a card with a heading, always as an svg inside a <figure> (Plot returns a bare
// svg without a legend), or a sentence instead when there is nothing to draw. The figure is labelled for
// screen readers (role img, aria-label: a sentence, or at least the title); axis text is 12 px (style.css).
export interface ChartCardOptions {
  title: string;
  subtitle?: string;
  empty?: boolean;
  emptyText?: string;
  /** For rendering outside a browser page (tests). */
  document?: Document;
  /**
   * The chart's text alternative: a sentence saying what it shows. Default: its title and subtitle, so a
   * screen reader announces every chart; charts that can say more (trend lines) pass their own sentence.
   */
  description?: string;
  /**
   * The figures the chart draws, as [label, value in words] pairs (e.g. ["因病", "12户"]): the text alternative
   * becomes a sentence with them (chartSentence), so a screen reader gets the numbers, not only the title.
   */
  figures?: Array<[string, string]>;
}

/** At most this many figures are read out; the rest are counted ("另有 5 项"). */
export const MAX_SPOKEN_FIGURES = 24;

/** "图：识别及时性（2026年6月）：时限内 12户；超时限 3户。" — a chart's text alternative with its figures. */
export function chartSentence(title: string, subtitle: string | undefined, figures: Array<[string, string]>): string {
  const head = `图：${title}${subtitle ? `（${subtitle}）` : ""}`;
  if (figures.length === 0) return `${head}：没有数据。`;
  const spoken = figures.slice(0, MAX_SPOKEN_FIGURES).map(([label, value]) => `${label} ${value}`);
  const rest = figures.length - spoken.length;
  return `${head}：${spoken.join("；")}${rest > 0 ? `；另有 ${rest} 项见表格` : ""}。`;
}

export function chartCard(chart: (() => Element) | Element | null, options: ChartCardOptions): HTMLElement {
  const document = options.document ?? globalThis.document;
  const card = document.createElement("div");
  card.className = "card chart";
  const heading = document.createElement("h2");
  heading.textContent = options.title;
  card.append(heading);
  if (options.subtitle) {
    const sub = document.createElement("h3");
    sub.textContent = options.subtitle;
    card.append(sub);
  }
  if (options.empty || chart === null) {
    const note = document.createElement("p");
    note.className = "table-empty";
    note.textContent = options.emptyText ?? "本期没有数据";
    card.append(note);
    return card;
  }
  const element = typeof chart === "function" ? chart() : chart;
  let figure: Element;
  if (element.tagName.toLowerCase() === "figure") figure = element;
  else {
    figure = document.createElement("figure");
    figure.append(element);
  }
  figure.setAttribute("role", "img");
  figure.setAttribute(
    "aria-label",
    options.description ??
      (options.figures ? chartSentence(options.title, options.subtitle, options.figures) : `图：${options.title}${options.subtitle ? `（${options.subtitle}）` : ""}`),
  );
  card.append(figure);
  return card;
}
