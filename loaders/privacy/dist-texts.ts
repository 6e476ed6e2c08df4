// Every piece of text a built site holds: text files as they are, the XML inside XLSX (and other zip)
// files, gzip'd files decompressed. Parquet and Arrow need a database to read and are listed apart.
import { readdirSync, readFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { gunzipSync } from "node:zlib";
import { unzipSync } from "fflate";

export interface DistText {
  /** Path relative to the site root, with "!entry" for a file inside an archive. */
  file: string;
  text: string;
}

const ZIP_EXTENSIONS = new Set([".xlsx", ".xlsm", ".docx", ".zip", ".ods"]);
const TABLE_EXTENSIONS = new Set([".parquet"]);
// Formats that cannot carry text we could read without a decoder of their own.
const OPAQUE_EXTENSIONS = new Set([".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".pdf", ".wasm", ".mp4", ".webm"]);

export function* walkFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFiles(path);
    else if (entry.isFile()) yield path;
  }
}

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  return !head.includes(0);
}

const utf8 = new TextDecoder("utf-8");

function* textsOf(name: string, bytes: Uint8Array, depth = 0): Generator<DistText> {
  const ext = extname(name.split("!").pop() ?? name).toLowerCase();
  if (depth < 2 && ZIP_EXTENSIONS.has(ext)) {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch {
      yield { file: name, text: utf8.decode(bytes) }; // not a real zip: read what is readable
      return;
    }
    for (const [entry, content] of Object.entries(entries)) yield* textsOf(`${name}!${entry}`, content, depth + 1);
    return;
  }
  if (depth < 2 && ext === ".gz") {
    const inner = (name.split("!").pop() ?? name).split("/").pop() ?? name;
    yield* textsOf(`${name}!${inner.slice(0, -3)}`, gunzipSync(bytes), depth + 1);
    return;
  }
  if (OPAQUE_EXTENSIONS.has(ext)) return;
  if (looksLikeText(bytes)) yield { file: name, text: utf8.decode(bytes) };
  else yield { file: name, text: latin1Strings(bytes) };
}

/** Printable runs of an unknown binary file, read as UTF-8: uncompressed strings in it stay findable. */
function latin1Strings(bytes: Uint8Array): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this strips
  return utf8.decode(bytes).replace(/[\u0000-\u0008\u000e-\u001f\ufffd]+/g, "\n");
}


export function isTableFile(path: string): boolean {
  return TABLE_EXTENSIONS.has(extname(path).toLowerCase());
}

/** Texts of every file under distDir except table files (see isTableFile), which the caller reads. */
export function* distTexts(distDir: string): Generator<DistText> {
  for (const path of walkFiles(distDir)) {
    if (isTableFile(path)) continue;
    const name = relative(distDir, path).split(sep).join("/");
    yield* textsOf(name, readFileSync(path));
  }
}
