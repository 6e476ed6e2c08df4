import { rewriteHtmlPages } from "./rewrite-html.ts";

/** The site's language, for screen readers, fonts and hyphenation: Simplified Chinese as used in mainland China. */
export const SITE_LANG = "zh-CN";

/**
 * Puts `lang="zh-CN"` on the `<html>` element of every page a build wrote. Observable Framework writes a bare
 * `<html>` and ignores the config's `lang`, so the build sets it afterwards; an existing lang is replaced.
 * Returns how many files it changed.
 */
export function setHtmlLang(dir: string, lang: string = SITE_LANG): number {
  return rewriteHtmlPages(dir, (html) =>
    html.replace(/<html(\s[^>]*)?>/i, (_, attributes: string | undefined) => {
      const rest = (attributes ?? "").replace(/\s+lang\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, "");
      return `<html lang="${lang}"${rest}>`;
    }),
  );
}
