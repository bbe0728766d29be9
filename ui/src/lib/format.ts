// Digits and numbers for display and input. Display uses the locale's digits
// (Persian ۰–۹ in Persian, Latin in English); input accepts every digit form.
import { localeDigits, toAsciiDigits, toPersianDigits, type Locale } from "./digits";
import { formatJalali, isoToJalali } from "./jalali";

export { localeDigits, toAsciiDigits, toPersianDigits, type Locale } from "./digits";

/** Persian thousands separator (U+066C), as CLDR gives for fa-IR. */
export const PERSIAN_THOUSANDS = "\u066c";
/** Persian decimal separator (U+066B). */
export const PERSIAN_DECIMAL = "\u066b";

/**
 * An integer or decimal, grouped by thousands: «۱٬۲۳۴٬۵۶۷» in Persian, "1,234,567" in
 * English. Strings are accepted (money crosses IPC as a decimal string) and are
 * never rounded: the digits given are the digits shown.
 */
export function formatNumber(value: number | bigint | string, locale: Locale = "fa"): string {
  const raw = toAsciiDigits(String(value)).trim();
  const match = /^([-+]?)(\d+)(?:\.(\d+))?$/.exec(raw);
  if (!match) return localeDigits(raw, locale);
  const [, sign = "", whole = "", fraction] = match;
  const groupSep = locale === "fa" ? PERSIAN_THOUSANDS : ",";
  const decimalSep = locale === "fa" ? PERSIAN_DECIMAL : ".";
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, groupSep);
  const minus = sign === "-" ? (locale === "fa" ? "\u200e\u2212" : "-") : "";
  const text = fraction === undefined ? grouped : grouped + decimalSep + fraction;
  return minus + localeDigits(text, locale);
}

/** Tehran is UTC+03:30 all year (Iran has kept no daylight saving time since 2022). */
const TEHRAN_OFFSET_MINUTES = 3 * 60 + 30;

/** The Tehran wall-clock date (ISO) and time (HH:MM) of an RFC 3339 instant. */
export function tehranDateTime(rfc3339: string): { date: string; time: string } | null {
  const millis = Date.parse(rfc3339);
  if (Number.isNaN(millis)) return null;
  const shifted = new Date(millis + TEHRAN_OFFSET_MINUTES * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${String(shifted.getUTCFullYear()).padStart(4, "0")}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const time = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
  return { date, time };
}

/**
 * An RFC 3339 timestamp as a Jalali date and time in Tehran:
 * «۱۴۰۵/۰۹/۰۷، ساعت ۱۴:۳۰» or, in English, "1405/09/07, 14:30".
 * Unreadable input is returned as it came, so nothing is silently hidden.
 */
export function formatDateTime(
  rfc3339: string,
  locale: Locale = "fa",
  options: { long?: boolean } = {},
): string {
  const parts = tehranDateTime(rfc3339);
  if (!parts || !isoToJalali(parts.date)) return rfc3339;
  const date = formatJalali(parts.date, { long: options.long ?? false, locale });
  return locale === "fa"
    ? `${date}، ساعت ${toPersianDigits(parts.time)}`
    : `${date}, ${parts.time}`;
}

// Thousands separators people type or paste: Persian «٬», Arabic comma «،», Latin
// comma, apostrophe, and (thin / no-break) spaces.
const GROUP_SEPARATORS = /[\u066c\u060c,'\u2019\s\u00a0\u202f\u2009]/g;

/**
 * A whole number typed in any digit form, with or without thousands separators:
 * «۱٬۲۰۰», "1,200", «١٢٠٠» → 1200. Null when the text is not a whole number.
 */
export function parseInteger(text: string): number | null {
  const cleaned = toAsciiDigits(text).replace(/[\u200c-\u200f]/g, "").replace(GROUP_SEPARATORS, "");
  if (!/^-?\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : null;
}
