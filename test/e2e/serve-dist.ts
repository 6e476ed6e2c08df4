// A tiny static server for the browser tests: 127.0.0.1 on a random port, MIME types an intranet server
// would send, optional gzip and Content-Security-Policy, clean URLs as Framework links them (/town/x →
// town/x.html), and a count of the bytes it sent so each page's transferred weight can be measured.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".parquet": "application/vnd.apache.parquet",
  ".arrow": "application/vnd.apache.arrow.file",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
};
// What nginx's gzip_types in docs/intranet-hosting.md compresses.
const GZIP_TYPES = /^(text\/|application\/(json|javascript)|image\/svg)/;

export interface ServeOptions {
  root: string;
  gzip?: boolean;
  csp?: string;
}

export interface DistServer {
  origin: string;
  /** Bytes sent (headers and bodies) since start or the last reset. */
  bytesSent(): number;
  requests(): { path: string; status: number; bytes: number }[];
  reset(): void;
  close(): Promise<void>;
}

function resolveFile(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const base = normalize(join(root, path));
  if (base !== root && !base.startsWith(root + sep)) return null;
  const candidates = path.endsWith("/") ? [join(base, "index.html")] : [base, `${base}.html`, join(base, "index.html")];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

export async function serveDist(options: ServeOptions): Promise<DistServer> {
  const root = resolve(options.root);
  let sent = 0;
  let log: { path: string; status: number; bytes: number }[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    let file = resolveFile(root, url.pathname);
    let status = 200;
    if (!file) {
      status = 404;
      file = existsSync(join(root, "404.html")) ? join(root, "404.html") : null;
    }
    const type = file ? (MIME[extname(file).toLowerCase()] ?? "application/octet-stream") : "text/plain; charset=utf-8";
    const headers: Record<string, string> = { "Content-Type": type, "X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache" };
    if (options.csp) headers["Content-Security-Policy"] = options.csp;
    const body = file ? readFileSync(file) : Buffer.from("404");
    const gzip = options.gzip && GZIP_TYPES.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    const payload = gzip ? gzipSync(body, { level: 6 }) : body;
    if (gzip) {
      headers["Content-Encoding"] = "gzip";
      headers["Vary"] = "Accept-Encoding";
    }
    headers["Content-Length"] = String(payload.length);
    response.writeHead(status, headers);
    response.end(request.method === "HEAD" ? undefined : payload);
    const headerBytes = Object.entries(headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 17);
    const bytes = headerBytes + (request.method === "HEAD" ? 0 : payload.length);
    sent += bytes;
    log.push({ path: url.pathname, status, bytes });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    bytesSent: () => sent,
    requests: () => [...log],
    reset: () => {
      sent = 0;
      log = [];
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

