// Spawns builds as separate processes for the lock and fault tests, and waits for their pause markers.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../loaders/paths.ts";

export const PLUMBING_BUILD = join(PROJECT_ROOT, "test", "reliability", "plumbing-build.ts");

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when the process prints `[dixian-pause] <point>` on stderr; rejects if it exits first. */
  paused: (point: string) => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** One process (node with tsx as a loader, no wrapper), so a SIGKILL kills the build itself. */
export function spawnNode(script: string, args: string[], env: Record<string, string> = {}): Spawned {
  return watch(spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } }));
}

/** `npm run <script> -- args`, as a person types it. */
export function spawnNpm(script: string, args: string[], env: Record<string, string> = {}): Spawned {
  return watch(spawn("npm", ["run", "--silent", script, "--", ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } }));
}

function watch(child: ChildProcess): Spawned {
  let out = "";
  let err = "";
  const waiters: Array<() => void> = [];
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => {
    err += chunk.toString();
    for (const check of waiters) check();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    paused: (point) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (err.includes(`[dixian-pause] ${point}\n`)) resolve();
        };
        waiters.push(check);
        check();
        void exited.then(({ code, signal }) => reject(new Error(`exited (${code ?? signal}) before pausing at ${point}:\n${err}`)));
      }),
  };
}
