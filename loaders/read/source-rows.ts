import type { Cell } from "./parse-values.ts";

/** One row as the office's file holds it; `row` is the number Excel shows beside it. */
export interface SourceRow {
  row: number;
  cells: Cell[];
}

/** A sheet of an XLSX file (CSV files have one, without a name), its rows streamed in batches. */
export interface SheetRows {
  name: string | null;
  rows: AsyncIterable<SourceRow[]>;
}
