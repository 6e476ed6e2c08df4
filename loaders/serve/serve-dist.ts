import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { createGzip } from "node:zlib";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".parquet": "application/octet-stream",
  ".arrow": "application/vnd.apache.arrow.file",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".csv", ".svg", ".txt"]);

export interface ServeOptions {
  root: string;
  port?: number;
  host?: string;
  /** Gzip text responses, as the intranet nginx sample does. */
  gzip?: boolean;
  /** Extra headers on every response, e.g. a Content-Security-Policy. */
  headers?: Record<string, string>;
}

/** Resolves a URL path to a file in root the way Framework's clean URLs expect (`/a` → `a.html`). */
function fileFor(root: string, urlPath: string): string | null {
  const path = normalize(decodeURIComponent(urlPath.split("?")[0]));
  const base = resolve(root, `.${path}`);
  if (base !== root && !base.startsWith(root + sep)) return null;
  for (const candidate of [base, `${base}.html`, join(base, "index.html")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** A small static server for the built site (preview and browser tests); loopback only by default. */
export function serveDist(options: ServeOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(options.root);
  const server = createServer((req, res) => {
    const file = fileFor(root, req.url ?? "/");
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("未找到");
      return;
    }
    const ext = extname(file);
    res.setHeader("content-type", MIME[ext] ?? "application/octet-stream");
    const gzip = options.gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers["accept-encoding"]));
    if (gzip) {
      res.writeHead(200, { "content-encoding": "gzip", vary: "accept-encoding" });
      createReadStream(file).pipe(createGzip()).pipe(res);
    } else {
      res.writeHead(200, { "content-length": statSync(file).size });
      createReadStream(file).pipe(res);
    }
  });
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      resolvePromise({ server, url: `http://${host}:${port}` });
    });
  });
}
