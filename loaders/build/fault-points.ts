// Named points in a build where tests stop it deterministically. With DIXIAN_PAUSE_AT=<point>[,<point>]
// the build prints `[dixian-pause] <point>` on stderr when it reaches the point and waits there, until the
// file named by DIXIAN_PAUSE_RESUME exists (or forever, for a test that kills it). With
// DIXIAN_FAIL_AT=<point>:<code> it throws, at that point, the file-system error <code> (ENOSPC, EIO),
// as a write there would. Without these variables a point costs one lookup.
import { existsSync } from "node:fs";

export type FaultPoint = "load" | "models" | "warehouse-swap" | "site" | "site-swap";

const MESSAGES: Record<string, string> = {
  ENOSPC: "no space left on device, write",
  EIO: "i/o error, write",
};

function listed(variable: string | undefined, point: string): string | null {
  if (!variable) return null;
  for (const item of variable.split(",")) {
    const [name, code] = item.split(":");
    if (name.trim() === point) return code?.trim() ?? "";
  }
  return null;
}

export async function faultPoint(point: FaultPoint): Promise<void> {
  const fail = listed(process.env.DIXIAN_FAIL_AT, point);
  if (fail !== null) {
    const code = fail || "EIO";
    throw Object.assign(new Error(`${code}: ${MESSAGES[code] ?? "injected failure"} (${point})`), { code });
  }
  if (listed(process.env.DIXIAN_PAUSE_AT, point) === null) return;
  process.stderr.write(`[dixian-pause] ${point}\n`);
  const resume = process.env.DIXIAN_PAUSE_RESUME;
  for (;;) {
    if (resume && existsSync(resume)) return;
    await new Promise((done) => setTimeout(done, 50));
  }
}
