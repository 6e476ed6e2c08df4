// The nginx configuration of docs/intranet-hosting.md, run as written (only root, port and file locations
// changed) when nginx is installed: pages load under its CSP with no violation, scripts arrive gzip'd,
// clean URLs resolve. CI machines without nginx skip this; the static server tests cover the same policy.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchChromium } from "./browser.ts";
import { CONTENT_SECURITY_POLICY } from "./csp.ts";
import { loadProblems } from "./inspect-page.ts";
import { sitePages } from "./pages.ts";

const NGINX = "/usr/sbin/nginx";
const { distDir, outputDir } = inject("e2e");
const doc = readFileSync(new URL("../../docs/intranet-hosting.md", import.meta.url), "utf-8");

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** The doc's server block and header file, pointed at this run's dist and port. */
function nginxConfig(dir: string, port: number): string {
  const [server, headers] = [...doc.matchAll(/```nginx\n([\s\S]*?)```/g)].map((m) => m[1]);
  const headersFile = join(dir, "dixian-headers.conf");
  writeFileSync(headersFile, headers);
  const site = server
    .replaceAll("/etc/nginx/dixian-headers.conf", headersFile)
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

  test.each(sitePages(distDir).slice(0, 3))("nginx: $url has no CSP violation, console error or failed request", async (sitePage) => {
    expect(await loadProblems(browser, origin + sitePage.url)).toEqual({ csp: [], consoleErrors: [], failedRequests: [], externalRequests: [] });
  });
});
