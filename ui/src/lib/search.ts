// Finding a member by what the secretary types: a name however it was keyboarded
// (Arabic ي/ك or Persian ی/ک, with or without the half-space, with or without a
// space between «محمد» and «رضا»), a national code or a membership number in any
// digit form («۱۲», "12", «١٢»).
import { toAsciiDigits } from "./digits";
import type { MemberRow } from "./bindings/MemberRow";

// Letter forms that Arabic keyboards and old documents use for the Persian ones.
const YEH = /[\u064a\u0649\u0626\u06d2]/g; // ي ى ئ ے → ی
const KAF = /\u0643/g; // ك → ک
const HEH = /[\u0629\u06c0\u06c1]/g; // ة ۀ ہ → ه
const ALEF = /[\u0622\u0623\u0625\u0671]/g; // آ أ إ ٱ → ا
const WAW = /\u0624/g; // ؤ → و
// What never changes the meaning of a search: the half-space and joiners, direction
// marks, tatweel, short vowels, spaces and the punctuation people put in codes.
const IGNORED =
  /[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\u0640\u064b-\u065f\u0670\s\u00a0\u202f\u2009\-_.,/\u066b\u066c\u060c\u2010-\u2015'"«»()]/g;

/**
 * Text reduced to what a search compares: Persian letters, ASCII digits, Latin
 * lower case, nothing else. «علي‌رضا كريمی ۱۲» and "علیرضا کریمی 12" give the same key.
 */
export function normalizeSearch(text: string): string {
  return toAsciiDigits(
    text.replace(YEH, "ی").replace(KAF, "ک").replace(HEH, "ه").replace(ALEF, "ا").replace(WAW, "و"),
  )
    .replace(IGNORED, "")
    .toLowerCase();
}

/** The words of a query, each normalised; empty words dropped. */
export function queryTerms(query: string): string[] {
  return query
    .split(/[\s\u00a0\u202f\u2009]+/)
    .map(normalizeSearch)
    .filter((term) => term !== "");
}

/** Whether a normalised key holds every term (an empty query matches everything). */
export function matchesTerms(key: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!key.includes(term)) return false;
  return true;
}

/** Whether `text` matches what was typed: every word of the query, in any order. */
export function matches(text: string, query: string): boolean {
  return matchesTerms(normalizeSearch(text), queryTerms(query));
}

// Keeps one field's text from running into the next inside a key.
const FIELD_BREAK = "\u241f";

/** The search key of a member: name, national code or legal ID, and membership number. */
export function memberSearchKey(row: Pick<MemberRow, "member">): string {
  const m = row.member;
  return [m.display_name, m.first_name, m.last_name, m.national_code ?? "", m.legal_id ?? "", String(m.membership_no)]
    .map(normalizeSearch)
    .join(FIELD_BREAK);
}

/**
 * The rows that match a query, in their order; `keys[i]` is the search key of
 * `rows[i]` (computed once per list, so filtering 10,000 members per keystroke
 * only compares strings).
 */
export function filterByQuery<T>(rows: readonly T[], keys: readonly string[], query: string): T[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return rows.slice();
  const found: T[] = [];
  for (let i = 0; i < rows.length; i++) {
    const key = keys[i];
    const row = rows[i];
    if (key !== undefined && row !== undefined && matchesTerms(key, terms)) found.push(row);
  }
  return found;
}

/**
 * Members for a picker: those matching the query, a member whose number is exactly
 * what was typed first, then numbers that start with it, then the rest in order.
 */
export function rankMembers<T extends Pick<MemberRow, "member">>(
  rows: readonly T[],
  keys: readonly string[],
  query: string,
  limit = 8,
): T[] {
  const found = filterByQuery(rows, keys, query);
  const typed = normalizeSearch(query);
  if (/^\d+$/.test(typed)) {
    const rank = (row: T) => {
      const no = String(row.member.membership_no);
      return no === typed ? 0 : no.startsWith(typed) ? 1 : 2;
    };
    found.sort((a, b) => rank(a) - rank(b));
  }
  return found.slice(0, limit);
}
