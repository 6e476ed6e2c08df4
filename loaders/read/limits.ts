// Excel's own limits on a sheet: no extract an office saves can exceed them, so a file that does is not
// an extract (a quote that never closes swallows the rest of the file into one cell; a corrupted or
// hostile file). The readers stop at the limit instead of holding the rest of the file in memory.

/** Most characters in one cell (Excel: 32,767). */
export const MAX_CELL_CHARS = 32_767;
/** Most columns in one row (Excel: 16,384, column XFD). */
export const MAX_COLUMNS = 16_384;

/** A file beyond Excel's limits; its message says in Chinese where and what to check. */
export class SheetLimitError extends Error {}

export function cellTooLong(row: number): SheetLimitError {
  return new SheetLimitError(
    `第 ${row} 行有超过 ${MAX_CELL_CHARS} 个字符的单元格（超出 Excel 单元格的上限），通常是某个引号没有配对，把后面的内容都并进了一个单元格；请用 Excel 或 WPS 打开检查该行后另存`,
  );
}

export function tooManyColumns(row: number, count: number): SheetLimitError {
  return new SheetLimitError(`第 ${row} 行有 ${count} 列，超出 Excel 的上限 ${MAX_COLUMNS} 列，不是正常的数据表；请用 Excel 或 WPS 打开检查后另存`);
}
