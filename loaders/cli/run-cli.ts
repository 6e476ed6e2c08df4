/** Runs a command's body; any error is printed as one readable message and the process exits non-zero. */
export async function runCli(body: () => Promise<unknown>): Promise<void> {
  try {
    await body();
  } catch (error) {
    process.stderr.write(`\n错误：${(error as Error).message}\n`);
    if (process.env.DIXIAN_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = 1;
  }
}
