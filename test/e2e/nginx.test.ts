// The nginx configuration of docs/intranet-hosting.md, run as written (only root, port and file locations
// changed) when nginx is installed: pages load under its CSP with no violation, scripts arrive gzip'd,
// clean URLs resolve, and each town's household lists (PER_TOWN_LISTS: /worklist, /insurance-worklist, /risk-links,
// /leads, /checks; page and data file) open only with that town's password.
// CI machines without nginx skip this; the static server tests cover the same policy.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchChromium } from "./browser.ts";
import { CONTENT_SECURITY_POLICY } from "./csp.ts";
import { loadProblems } from "./inspect-page.ts";
import { sitePages } from "./pages.ts";
import { PER_TOWN_LISTS } from "../../src/data/household-list.ts";

const NGINX = "/usr/sbin/nginx";
const { distDir, outputDir } = inject("e2e");
const doc = readFileSync(new URL("../../docs/intranet-hosting.md", import.meta.url), "utf-8");
// the towns whose work list the full build has (/worklist/<town>)
const worklistTowns = sitePages(distDir).map((p) => /^\/worklist\/(\d{9})$/.exec(p.url)?.[1]).filter((t): t is string => Boolean(t));
const perTownList = new RegExp(`^/(${PER_TOWN_LISTS.join("|")})/\\d{9}$`);
const basic = (town: string) => ({ Authorization: `Basic ${Buffer.from(`town${town}:pw-${town}`).toString("base64")}` });

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** The doc's server block and header file, pointed at this run's dist and port and a folder of town passwords. */
function nginxConfig(dir: string, port: number): string {
  const [server, headers] = [...doc.matchAll(/```nginx\n([\s\S]*?)```/g)].map((m) => m[1]);
  const headersFile = join(dir, "dixian-headers.conf");
  writeFileSync(headersFile, headers);
  const site = server
    .replaceAll("/etc/nginx/dixian-headers.conf", headersFile)
    .replaceAll("/etc/nginx/dixian-worklist", join(dir, "worklist-passwords"))
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/root \/srv\/dixian\/dist;/, `root ${distDir};`);
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${join(dir, t)};`).join(" ");
  return `worker_processes 1; pid ${join(dir, "nginx.pid")}; error_log ${join(dir, "error.log")};
events { worker_connections 64; }
http { include /etc/nginx/mime.types; default_type application/octet-stream; access_log ${join(dir, "access.log")}; ${temp}
${site}
}
`;
}

describe.skipIf(!existsSync(NGINX))("nginx as documented", () => {
  let nginx: ChildProcess;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    const dir = join(outputDir, "nginx");
    mkdirSync(dir, { recursive: true });
    const port = await freePort();
    // one password file per town, as the doc says; {SHA} is one of the formats nginx reads
    mkdirSync(join(dir, "worklist-passwords"), { recursive: true });
    for (const town of worklistTowns) {
      const hash = createHash("sha1").update(`pw-${town}`).digest("base64");
      writeFileSync(join(dir, "worklist-passwords", `${town}.htpasswd`), `town${town}:{SHA}${hash}\n`);
    }
    const config = join(dir, "nginx.conf");
    writeFileSync(config, nginxConfig(dir, port));
    nginx = spawn(NGINX, ["-c", config, "-g", "daemon off;"], { stdio: "inherit" });
    origin = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i++) {
      if (await fetch(origin).then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    nginx?.kill("SIGQUIT");
  });

  test("sends the CSP, gzip and clean URLs", async () => {
    const page = await fetch(`${origin}/`, { headers: { "Accept-Encoding": "gzip" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    const script = /src="\.\/(_observablehq\/client\.[0-9a-f]+\.js)"|href="\.\/(_observablehq\/client\.[0-9a-f]+\.js)"/.exec(readFileSync(join(distDir, "index.html"), "utf-8"));
    const asset = await fetch(`${origin}/${script?.[1] ?? script?.[2]}`, { headers: { "Accept-Encoding": "gzip" } });
    expect(asset.headers.get("content-encoding")).toBe("gzip");
    const town = sitePages(distDir).find((p) => p.url.startsWith("/town/"));
    if (town) expect((await fetch(origin + town.url)).status).toBe(200);
  });

  test.each([...PER_TOWN_LISTS])("a town's %s page and its data open with that town's password only", async (list) => {
    expect(worklistTowns.length).toBeGreaterThan(1);
    const [town, other] = worklistTowns;
    const dataFile = readdirSync(join(distDir, "_file", "data", list)).find((f) => f.startsWith(`${town}.`));
    expect(dataFile, "没有找到该乡镇的清单数据文件").toBeDefined();
    for (const path of [`/${list}/${town}`, `/${list}/${town}.html`, `/_file/data/${list}/${dataFile}`]) {
      expect((await fetch(origin + path)).status, `${path} 无密码`).toBe(401);
      expect((await fetch(origin + path, { headers: basic(other) })).status, `${path} 用其他乡镇的密码`).toBe(401);
      const own = await fetch(origin + path, { headers: basic(town) });
      expect(own.status, `${path} 用本乡镇的密码`).toBe(200);
      expect(own.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    }
    // the index (or, for /leads, the county's aggregates) holds no household: open to everyone on the intranet
    expect((await fetch(`${origin}/${list}`)).status).toBe(200);
  });

  test.each(sitePages(distDir).filter((p) => !perTownList.test(p.url)).slice(0, 3))("nginx: $url has no CSP violation, console error or failed request", async (sitePage) => {
    expect(await loadProblems(browser, origin + sitePage.url)).toEqual({ csp: [], consoleErrors: [], failedRequests: [], externalRequests: [] });
  });
});
