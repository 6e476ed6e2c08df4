// Bundlers and serialisers may write Chinese as \uXXXX, HTML entities or percent-encoding. Personal values
// hidden that way are still in clear for anyone who opens the file, so the scan reads the decoded text.

const JS_ESCAPE = /\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})/g;
const HTML_ENTITY = /&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));/g;
const PERCENT_RUN = /(?:%[0-9a-fA-F]{2})+/g;

function fromCodePoint(code: number, original: string): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : original;
}

export function decodeEscapes(text: string): string {
  let out = text;
  if (out.includes("\\u")) {
    out = out.replace(JS_ESCAPE, (all, braced: string | undefined, plain: string | undefined) =>
      fromCodePoint(parseInt(braced ?? plain ?? "", 16), all),
    );
  }
  if (out.includes("&#")) {
    out = out.replace(HTML_ENTITY, (all, hex: string | undefined, dec: string | undefined) =>
      fromCodePoint(hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? "", 10), all),
    );
  }
  if (out.includes("%")) {
    out = out.replace(PERCENT_RUN, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run; // not UTF-8: leave it as it was
      }
    });
  }
  return out;
}
