// A small streaming RFC 4180 parser: quoted fields, doubled quotes, CR/LF/CRLF line ends, newlines
// inside quotes. It keeps one partial record between chunks, never the whole file.

export class CsvParser {
  private field = "";
  private record: string[] = [];
  private inQuotes = false;
  private quoteSeen = false;
  private pendingCr = false;
  /** Number of the record being built, 1-based, as Excel numbers its rows. */
  private recordNumber = 1;

  constructor(private readonly onRecord: (cells: string[], row: number) => void, private readonly delimiter = ",") {}

  push(chunk: string): void {
    const delim = this.delimiter;
    let field = this.field;
    let i = 0;
    const n = chunk.length;
    if (this.pendingCr && n > 0) {
      this.pendingCr = false;
      if (chunk[0] === "\n") i = 1;
    }
    while (i < n) {
      if (this.inQuotes) {
        const q = chunk.indexOf('"', i);
        if (q === -1) { field += chunk.slice(i); i = n; break; }
        field += chunk.slice(i, q);
        if (q + 1 >= n) { this.quoteSeen = true; this.inQuotes = false; i = n; break; }
        if (chunk[q + 1] === '"') { field += '"'; i = q + 2; continue; }
        this.inQuotes = false;
        i = q + 1;
        continue;
      }
      if (this.quoteSeen) {
        // A quote closed right at the end of the previous chunk: a following quote means an escaped one.
        this.quoteSeen = false;
        if (chunk[i] === '"') { field += '"'; this.inQuotes = true; i++; continue; }
      }
      // Fast path: scan to the next special character.
      let j = i;
      while (j < n) {
        const c = chunk.charCodeAt(j);
        if (c === 44 /* , */ && delim === ",") break;
        if (c === 34 || c === 10 || c === 13 || (delim !== "," && chunk[j] === delim)) break;
        j++;
      }
      if (j > i) field += chunk.slice(i, j);
      if (j >= n) { i = n; break; }
      const ch = chunk[j];
      if (ch === '"') {
        if (field === "") this.inQuotes = true;
        else field += '"'; // stray quote inside an unquoted field: keep it, as Excel does
        i = j + 1;
      } else if (ch === "\n" || ch === "\r") {
        this.record.push(field);
        field = "";
        this.emit();
        if (ch === "\r") {
          if (j + 1 < n) i = chunk[j + 1] === "\n" ? j + 2 : j + 1;
          else { this.pendingCr = true; i = n; }
        } else i = j + 1;
      } else {
        this.record.push(field);
        field = "";
        i = j + 1;
      }
    }
    this.field = field;
  }

  /** Flushes the last record when the file does not end with a newline. */
  end(): void {
    if (this.field !== "" || this.record.length > 0) {
      this.record.push(this.field);
      this.field = "";
      this.emit();
    }
  }

  private emit(): void {
    const cells = this.record;
    this.record = [];
    this.onRecord(cells, this.recordNumber++);
  }
}
