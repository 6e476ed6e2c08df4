import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const preload = `--import=${join(root, "scripts", "no-network.mjs")}`;

function runNode(code: string): { ok: boolean; output: string } {
  try {
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", code], {
      env: { ...process.env, NODE_OPTIONS: preload },
      encoding: "utf-8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { ok: true, output };
  } catch (error) {
    const e = error as { stdout: string; stderr: string };
    return { ok: false, output: `${e.stdout}${e.stderr}` };
  }
}

// The offline-build test is only as good as this preload: prove that it refuses the network and
// still lets loopback through (the browser tests serve the site on 127.0.0.1).
describe("no-network preload", () => {
  it("refuses fetch to an outside host", () => {
    const r = runNode(`await fetch("https://cdn.jsdelivr.net/npm/d3")`);
    expect(r.ok).toBe(false);
    expect(r.output).toContain("已拒绝外部网络访问");
  });

  it("refuses http and https requests to an outside host", () => {
    for (const mod of ["http", "https"]) {
      const r = runNode(`import m from "node:${mod}"; m.get("${mod}://registry.npmjs.org/d3");`);
      expect(r.ok, mod).toBe(false);
      expect(r.output).toContain("已拒绝外部网络访问");
    }
  });

  it("refuses a raw socket to an outside host", () => {
    const r = runNode(`import net from "node:net"; net.connect(443, "93.184.216.34");`);
    expect(r.ok).toBe(false);
    expect(r.output).toContain("已拒绝外部网络访问");
  });

  it("lets a loopback server and client talk", () => {
    const r = runNode(`
      import http from "node:http";
      const server = http.createServer((q, s) => s.end("pong")).listen(0, "127.0.0.1", () => {
        http.get({ host: "127.0.0.1", port: server.address().port }, (res) => {
          res.on("data", (d) => { process.stdout.write(String(d)); server.close(); });
        });
      });`);
    expect(r).toEqual({ ok: true, output: "pong" });
  });
});
