// Text colours of the site's stylesheet against its backgrounds: at least 4.5:1 (WCAG AA for body text), on white
// and on the cards' grey (Framework's theme-air: ink #1b1e23, page white, cards 4% ink on white).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync("src/style.css", "utf-8");
type Rgb = [number, number, number];
const INK: Rgb = [0x1b, 0x1e, 0x23];
const WHITE: Rgb = [255, 255, 255];
const mix = (a: Rgb, share: number, b: Rgb): Rgb => a.map((v, i) => v * share + b[i]! * (1 - share)) as Rgb;
const CARD = mix(INK, 0.04, WHITE);
const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
const luminance = (c: Rgb) => {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: Rgb, b: Rgb) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};
const share = (variable: string) => {
  const m = new RegExp(`${variable}:\\s*color-mix\\(in srgb, var\\(--theme-foreground\\) (\\d+)%`).exec(css);
  if (!m) throw new Error(`${variable} not set in style.css`);
  return Number(m[1]) / 100;
};

describe("text contrast in style.css", () => {
  it.each(["--theme-foreground-muted", "--theme-foreground-faint"])("%s grey text reads at 4.5:1 or more on white and on a card", (variable) => {
    const colour = mix(INK, share(variable), WHITE);
    expect(contrast(colour, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colour, CARD)).toBeGreaterThanOrEqual(4.5);
  });
  it("every hex colour used for text (color: #…) and the tone variables reads at 4.5:1 or more on a card", () => {
    const text = [...css.matchAll(/(?:^|[\s;{])color:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1]!);
    const tones = [...css.matchAll(/--tone-(?:good|bad):\s*(#[0-9a-f]{6})/gi)].map((m) => m[1]!);
    expect(text.length + tones.length).toBeGreaterThan(2);
    for (const colour of [...text, ...tones]) expect(contrast(hex(colour), CARD), colour).toBeGreaterThanOrEqual(4.5);
  });
});
