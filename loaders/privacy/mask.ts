// Masking for anything personal that leaves the county's own reports: names 张*, IDs first 6 + last 4,
// phones 138****5678 (DOMAIN.md §9).

/** '张三' → '张*', '欧阳娜娜' → '欧*': keeps the surname character only. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return "";
  // One star whatever the length (张*, as DOMAIN.md §9 writes it): the length of a name is itself a clue.
  return `${chars[0]}*`;
}

/** '110105199001010023' → '110105********0023'; shorter numbers keep at most a third of their characters. */
export function maskId(id: string): string {
  const text = id.trim();
  if (text.length >= 15) return text.slice(0, 6) + "*".repeat(text.length - 10) + text.slice(-4);
  const keep = Math.floor(text.length / 3);
  return text.slice(0, keep) + "*".repeat(text.length - keep);
}

/** '13812345678' → '138****5678'; other lengths keep the first 3 and last 4 when long enough. */
export function maskPhone(phone: string): string {
  const text = phone.trim();
  if (text.length >= 8) return text.slice(0, 3) + "*".repeat(text.length - 7) + text.slice(-4);
  return "*".repeat(text.length);
}

type PersonalKind = "name" | "id" | "phone";

// Staging names and the headers offices use for personal columns (canonical and aliases).
const BY_COLUMN: Record<string, PersonalKind> = {
  head_name: "name", borrower_name: "name", helper_name: "name", name: "name",
  id_number: "id", id: "id", phone: "phone",
};
const NAME_WORDS = /姓名|户主$|^户主|借款人(名称)?$|帮扶(责任)?人|帮扶干部|客户名称|^姓名/;
const ID_WORDS = /证件|身份证/;
const PHONE_WORDS = /电话|手机|联系方式/;

function kindOf(column: string): PersonalKind | null {
  const key = column.trim();
  if (BY_COLUMN[key]) return BY_COLUMN[key];
  if (ID_WORDS.test(key)) return "id";
  if (PHONE_WORDS.test(key)) return "phone";
  if (NAME_WORDS.test(key)) return "name";
  return null;
}

const LOOKS_LIKE_ID = /^\d{15}$|^\d{17}[\dXx]$/;
const LOOKS_LIKE_MOBILE = /^1\d{10}$/;

/**
 * Masks a value of a personal column (by staging name or header). Values elsewhere that look like an ID
 * or a mobile number (a shifted column, say) are masked too; everything else is left as it is.
 */
export function maskValue(column: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  if (text.trim() === "") return text;
  const kind = kindOf(column);
  if (kind === "name") return maskName(text);
  if (kind === "id") return maskId(text);
  if (kind === "phone") return maskPhone(text);
  const compact = text.replace(/\s/g, "");
  if (LOOKS_LIKE_ID.test(compact)) return maskId(compact);
  if (LOOKS_LIKE_MOBILE.test(compact)) return maskPhone(compact);
  return text;
}
