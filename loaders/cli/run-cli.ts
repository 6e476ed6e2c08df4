/** The message a person sees for an error; a full disk is named as such, whichever layer hit it. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOSPC" || /ENOSPC|No space left on device|not enough space on the disk/i.test(message)) {
    return `磁盘空间不足，构建未完成。数据仓库和网站保留上一次的结果；请清理磁盘后重新运行。\n（详细信息：${message.split("\n")[0]}）`;
  }
  return message;
}

/** Runs a command's body; any error is printed as one readable message and the process exits non-zero. */
export async function runCli(body: () => Promise<unknown>): Promise<void> {
  try {
    await body();
  } catch (error) {
    process.stderr.write(`\n错误：${describeError(error)}\n`);
    if (process.env.DIXIAN_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = 1;
  }
}
