import { describe, expect, it } from "vitest";
import { describeError } from "../../loaders/cli/run-cli.ts";

describe("describeError", () => {
  it("names a full disk whichever layer hit it: Node, DuckDB, Framework's build", () => {
    const errors = [
      Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }),
      new Error('FATAL Error: Failed to create checkpoint because of error: Could not write file "x.tmp": No space left on device'),
      new Error("Observable Framework build 失败（退出码 1）：ENOSPC"),
    ];
    for (const error of errors) expect(describeError(error)).toMatch(/^磁盘空间不足，构建未完成。数据仓库和网站保留上一次的结果；请清理磁盘后重新运行。\n（详细信息：/);
    expect(describeError(new Error("SQL 模型 a.sql 执行失败"))).toBe("SQL 模型 a.sql 执行失败");
  });
});
