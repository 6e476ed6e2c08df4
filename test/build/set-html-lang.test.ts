import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { setHtmlLang } from "../../loaders/build/set-html-lang.ts";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("setHtmlLang", () => {
  it("puts lang=zh-CN on every page of a built site, in subfolders too, and leaves other files alone", () => {
    dir = mkdtempSync(join(tmpdir(), "dixian-lang-"));
    mkdirSync(join(dir, "town"));
    writeFileSync(join(dir, "index.html"), "<!DOCTYPE html>\n<html>\n<head><title>总览</title></head><body><p>&lt;html&gt;</p></body></html>");
    writeFileSync(join(dir, "town", "529901001.html"), '<!DOCTYPE html><html lang="en" class="x"><body></body></html>');
    writeFileSync(join(dir, "data.json"), '{"html": "<html>"}');
    expect(setHtmlLang(dir)).toBe(2);
    expect(readFileSync(join(dir, "index.html"), "utf-8")).toBe("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><title>总览</title></head><body><p>&lt;html&gt;</p></body></html>");
    expect(readFileSync(join(dir, "town", "529901001.html"), "utf-8")).toBe('<!DOCTYPE html><html lang="zh-CN" class="x"><body></body></html>');
    expect(readFileSync(join(dir, "data.json"), "utf-8")).toBe('{"html": "<html>"}');
    // a second run changes nothing
    expect(setHtmlLang(dir)).toBe(0);
  });
});
