import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";

// The site under test was built by the real build command with the network refused (see global-setup.ts).
describe("offline build", () => {
  const log = readFileSync(inject("e2e").offlineBuildLog, "utf-8");

  it("ran with the no-network guard loaded in the build and in its child processes", () => {
    const pids = new Set([...log.matchAll(/\[no-network\] 已启用 pid (\d+)/g)].map((m) => m[1]));
    // the build command, Framework, and at least one data loader
    expect(pids.size).toBeGreaterThanOrEqual(3);
  });

  it("never tried to reach the network", () => {
    expect(log).not.toContain("已拒绝外部网络访问");
  });

  it("built the site", () => {
    expect(log).toContain("网站已生成");
  });
});
