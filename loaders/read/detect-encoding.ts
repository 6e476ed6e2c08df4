// Tells UTF-8 (with or without BOM) from GB18030/GBK by the bytes, never by the file extension.

export type TextEncoding = "utf-8-bom" | "utf-8" | "gb18030";

const SAMPLE_BYTES = 1 << 20;

/** Strict UTF-8 check that forgives a multi-byte character cut off at the end of the sample. */
function isUtf8(bytes: Uint8Array, truncated: boolean): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    if (len === 0 || (len === 3 && b > 0xef)) return false;
    if (i + len > n) return truncated;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false;
    i += len;
  }
  return true;
}

/** GB18030 lead byte 0x81–0xFE followed by 0x40–0xFE (not 0x7F), or a 4-byte 0x30–0x39 sequence. */
function isGb18030(bytes: Uint8Array, truncated: boolean): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    if (b === 0x80 || b === 0xff) return false;
    if (i + 1 >= n) return truncated;
    const c = bytes[i + 1];
    if (c >= 0x30 && c <= 0x39) {
      if (i + 3 >= n) return truncated;
      if (bytes[i + 2] < 0x81 || bytes[i + 2] > 0xfe || bytes[i + 3] < 0x30 || bytes[i + 3] > 0x39) return false;
      i += 4;
      continue;
    }
    if (c < 0x40 || c === 0x7f || c === 0xff) return false;
    i += 2;
  }
  return true;
}

/**
 * Detects the encoding from the file's first megabyte; null when it is neither UTF-8 nor GB18030
 * (or looks binary), so the caller refuses the file instead of loading mojibake.
 */
export function detectEncoding(head: Uint8Array, fileSize: number): TextEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8-bom";
  const sample = head.subarray(0, SAMPLE_BYTES);
  if (sample.includes(0)) return null;
  const truncated = fileSize > sample.length;
  if (isUtf8(sample, truncated)) return "utf-8";
  if (isGb18030(sample, truncated)) return "gb18030";
  return null;
}

export const ENCODING_LABEL: Record<TextEncoding, string> = {
  "utf-8-bom": "UTF-8（带BOM）",
  "utf-8": "UTF-8",
  gb18030: "GB18030/GBK",
};
