// One build at a time. A build holds a lock file beside each output it writes (`dixian.duckdb.lock`,
// `dist.lock`) naming its process id, start time and command. A second build waits a short while for the
// lock, then stops with a message naming the running build. A lock whose process is gone (a build killed
// or the power lost) is taken over with a note. Locks held by this process are re-entrant, so `npm run
// build` can hold the warehouse's lock around the whole build while buildWarehouse asks for it again.
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, resolve } from "node:path";

export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the build started. */
  started: string;
  command: string;
}

export interface BuildLock {
  path: string;
  release(): void;
}

/** Thrown when another build holds the lock for longer than we were willing to wait. */
export class BuildLockedError extends Error {
  constructor(readonly lockPath: string, readonly owner: LockOwner | null) {
    super(
      owner
        ? `另一个构建正在进行（进程号 ${owner.pid}，开始于 ${localTime(owner.started)}，命令：${owner.command}）。` +
            `请等它结束后再运行；若确认该进程已不存在，可删除锁文件 ${lockPath}`
        : `另一个构建正在进行（锁文件 ${lockPath}）。请等它结束后再运行`,
    );
  }
}

/** Default wait for a running build before giving up: short, so a double-click does not queue builds. */
export const DEFAULT_LOCK_WAIT_MS = 5_000;

/** Milliseconds to wait, from DIXIAN_LOCK_WAIT_SECONDS when set. */
export function lockWaitMs(): number {
  const text = process.env.DIXIAN_LOCK_WAIT_SECONDS;
  if (text === undefined || text.trim() === "") return DEFAULT_LOCK_WAIT_MS;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`DIXIAN_LOCK_WAIT_SECONDS 应为不小于 0 的秒数，得到 "${text}"`);
  return seconds * 1000;
}

function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The command line of this process as a person typed it (npm's script name when run through npm). */
export function currentCommand(): string {
  const script = process.env.npm_lifecycle_event;
  const args = process.argv.slice(2).join(" ");
  return script ? `npm run ${script}${args ? ` -- ${args}` : ""}` : [process.argv[1] ?? "node", args].filter(Boolean).join(" ");
}

/** A lock that cannot be read may be one being written right now (without hard links): give it this long. */
const HALF_WRITTEN_GRACE_MS = 10_000;

function readOwner(path: string): { text: string; owner: LockOwner | null; young: boolean } | null {
  let text: string;
  try {
    text = readFileSync(path, "utf-8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let young = false;
  try {
    young = Date.now() - statSync(path).mtimeMs < HALF_WRITTEN_GRACE_MS;
  } catch {
    // Gone since: treated as unreadable below.
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return { text, owner: typeof owner?.pid === "number" ? owner : null, young };
  } catch {
    // A lock half-written when the power went: nobody holds it, once it is older than the grace period.
    return { text, owner: null, young };
  }
}

/** True when the process named by the lock still runs (on this machine; another host's lock is trusted). */
function ownerAlive(owner: LockOwner | null): boolean {
  if (owner === null) return false;
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return false; // our own leftover from an earlier, dead process image
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const held = new Map<string, { count: number; text: string }>();
let exitHookInstalled = false;

function releaseAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const [path, entry] of held) removeIfOurs(path, entry.text);
    held.clear();
  });
}

function removeIfOurs(path: string, text: string): void {
  try {
    if (readFileSync(path, "utf-8") === text) rmSync(path, { force: true });
  } catch {
    // Already gone.
  }
}

/**
 * Creates the lock with its whole content in one step: written to a file of our own, then hard-linked to
 * the lock's name, which fails if the lock exists. No one ever reads a half-written lock.
 */
function tryCreate(path: string, text: string): boolean {
  const own = `${path}.${process.pid}-${randomBytes(4).toString("hex")}`;
  writeFileSync(own, text, { flag: "wx" });
  try {
    linkSync(own, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    // A file system without hard links (FAT32 on a USB disk): create the lock directly, exclusively.
    if (code === "EPERM" || code === "ENOTSUP" || code === "ENOSYS" || code === "EXDEV") return createDirectly(path, text);
    throw error;
  } finally {
    rmSync(own, { force: true });
  }
}

function createDirectly(path: string, text: string): boolean {
  try {
    writeFileSync(path, text, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface AcquireOptions {
  /** How long to wait for a running build; default lockWaitMs(). */
  waitMs?: number;
  command?: string;
  /** Where notes (a stale lock taken over, waiting) go; default stderr. */
  log?: (message: string) => void;
}

/**
 * Takes the lock `<target>.lock`. Waits up to `waitMs` while a live build holds it, then throws
 * BuildLockedError. A lock left by a dead process is removed with a note and taken.
 */
export async function acquireBuildLock(target: string, options: AcquireOptions = {}): Promise<BuildLock> {
  const path = `${resolve(target)}.lock`;
  const log = options.log ?? ((message: string) => process.stderr.write(`[dixian] ${message}\n`));
  const mine = held.get(path);
  if (mine) {
    mine.count++;
    return { path, release: () => releaseOne(path) };
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: options.command ?? currentCommand() };
  const text = `${JSON.stringify(owner, null, 2)}\n`;
  mkdirSync(dirname(path), { recursive: true });
  const deadline = Date.now() + (options.waitMs ?? lockWaitMs());
  let waitingNoted = false;
  for (;;) {
    if (tryCreate(path, text)) {
      // Two builds taking over the same stale lock at once: the one whose file survives wins.
      await sleep(50);
      if (readOwner(path)?.text === text) break;
      continue;
    }
    const current = readOwner(path);
    if (current === null) continue; // released between our two calls
    if (current.owner === null && current.young && Date.now() < deadline) {
      await sleep(100);
      continue;
    }
    if (!ownerAlive(current.owner)) {
      const who = current.owner ? `进程号 ${current.owner.pid}，开始于 ${localTime(current.owner.started)}，命令：${current.owner.command}` : "内容不完整";
      log(`发现上一次构建留下的锁（${who}），该进程已不存在，接管此锁`);
      if (readOwner(path)?.text === current.text) rmSync(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new BuildLockedError(path, current.owner);
    if (!waitingNoted && current.owner) {
      log(`另一个构建正在进行（进程号 ${current.owner.pid}），等待它结束……`);
      waitingNoted = true;
    }
    await sleep(Math.min(250, Math.max(10, deadline - Date.now())));
  }
  held.set(path, { count: 1, text });
  releaseAllOnExit();
  return { path, release: () => releaseOne(path) };
}

function releaseOne(path: string): void {
  const entry = held.get(path);
  if (!entry) return;
  if (--entry.count > 0) return;
  held.delete(path);
  removeIfOurs(path, entry.text);
}

/** Runs `work` holding the locks of every target, taken in the order given and released in reverse. */
export async function withBuildLocks<T>(targets: string[], work: () => Promise<T>, options: AcquireOptions = {}): Promise<T> {
  const locks: BuildLock[] = [];
  try {
    for (const target of targets) locks.push(await acquireBuildLock(target, options));
    return await work();
  } finally {
    for (const lock of locks.reverse()) lock.release();
  }
}
