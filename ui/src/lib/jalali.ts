// Jalali (Solar Hijri, هجری شمسی) dates at the UI's edge. Dates cross IPC as ISO
// Gregorian "YYYY-MM-DD"; people read and type Jalali. Conversion is jalaali-js;
// the backend converts with icu_calendar, and both are tested against
// tests/fixtures/jalali-dates.json.
import { isLeapJalaaliYear, isValidJalaaliDate, toGregorian, toJalaali } from "jalaali-js";
import { localeDigits, toAsciiDigits, type Locale } from "./digits";

/** A Jalali calendar day: year, month 1–12, day 1–31. */
export type JalaliDate = { jy: number; jm: number; jd: number };

/** Why a typed date was refused; the code matches the backend's ErrorCode. */
export type JalaliParse = { ok: true; iso: string; date: JalaliDate } | { ok: false; code: "date_format" };

/** Month names, فروردین … اسفند, index 0 = month 1. */
export const JALALI_MONTHS: Record<Locale, readonly string[]> = {
  fa: ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"],
  en: ["Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"],
};

/** Weekday names, index 0 = Saturday (شنبه) … 6 = Friday (جمعه), as the Iranian week runs. */
export const WEEKDAYS: Record<Locale, readonly string[]> = {
  fa: ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"],
  en: ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
};

const pad2 = (n: number) => String(n).padStart(2, "0");
const pad4 = (n: number) => String(n).padStart(4, "0");

// Direction marks and tatweel that a pasted date may carry.
const INVISIBLES = /[\u200c-\u200f\u061c\u202a-\u202e\u2066-\u2069\u0640]/g;
const JALALI_TEXT = /^(\d{4})\s*[/\-]\s*(\d{1,2})\s*[/\-]\s*(\d{1,2})$/;
const ISO_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a Jalali year has 366 days (Esfand 30 exists). */
export function isLeapJalaliYear(jy: number): boolean {
  return isLeapJalaaliYear(jy);
}

/** The ISO Gregorian date of a Jalali day, or null when that day does not exist. */
export function jalaliToIso(date: JalaliDate): string | null {
  const { jy, jm, jd } = date;
  if (!Number.isInteger(jy) || !Number.isInteger(jm) || !Number.isInteger(jd)) return null;
  if (!isValidJalaaliDate(jy, jm, jd)) return null;
  const { gy, gm, gd } = toGregorian(jy, jm, jd);
  return `${pad4(gy)}-${pad2(gm)}-${pad2(gd)}`;
}

/**
 * Read a typed Jalali date: «۱۴۰۳/۱۲/۳۰», "1403/12/30", «١٤٠٣/١٢/٣٠», "1403-1-5";
 * year first, four digits; month and day with or without a leading zero.
 */
export function parseJalali(text: string): JalaliParse {
  const cleaned = toAsciiDigits(text.replace(INVISIBLES, "")).trim();
  const match = JALALI_TEXT.exec(cleaned);
  if (!match) return { ok: false, code: "date_format" };
  const date = { jy: Number(match[1]), jm: Number(match[2]), jd: Number(match[3]) };
  const iso = jalaliToIso(date);
  return iso === null ? { ok: false, code: "date_format" } : { ok: true, iso, date };
}

/** The Jalali day of an ISO Gregorian date, or null when the text is not a real ISO date. */
export function isoToJalali(iso: string): JalaliDate | null {
  const match = ISO_TEXT.exec(iso);
  if (!match) return null;
  const gy = Number(match[1]);
  const gm = Number(match[2]);
  const gd = Number(match[3]);
  const check = new Date(Date.UTC(gy, gm - 1, gd));
  check.setUTCFullYear(gy); // Date.UTC maps years 0–99 to 1900–1999
  if (check.getUTCFullYear() !== gy || check.getUTCMonth() !== gm - 1 || check.getUTCDate() !== gd) {
    return null;
  }
  const { jy, jm, jd } = toJalaali(gy, gm, gd);
  return { jy, jm, jd };
}

/** Day of the week of an ISO date: 0 = Saturday … 6 = Friday; null when not a date. */
export function weekdayOf(iso: string): number | null {
  if (!isoToJalali(iso)) return null;
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCFullYear(y);
  return (date.getUTCDay() + 1) % 7; // getUTCDay: 0 = Sunday
}

/** The weekday's name: «شنبه» … «جمعه» (or English). */
export function weekdayName(iso: string, locale: Locale = "fa"): string {
  const day = weekdayOf(iso);
  return day === null ? "" : (WEEKDAYS[locale][day] ?? "");
}

/** The name of Jalali month 1–12. */
export function monthName(month: number, locale: Locale = "fa"): string {
  return JALALI_MONTHS[locale][month - 1] ?? "";
}

/** How a Jalali date is written. */
export type JalaliFormat = {
  /** «۳۰ اسفند ۱۴۰۳» instead of «۱۴۰۳/۱۲/۳۰». */
  long?: boolean;
  /** Prefix the weekday: «چهارشنبه ۳۰ اسفند ۱۴۰۳». */
  weekday?: boolean;
  /** Persian digits and names (default) or Latin digits and transliterated names. */
  locale?: Locale;
};

/**
 * An ISO date written in Jalali: «۱۴۰۳/۱۲/۳۰» or, with `long`, «۳۰ اسفند ۱۴۰۳».
 * Text that is not an ISO date comes back unchanged, so nothing is silently hidden.
 */
export function formatJalali(iso: string, options: JalaliFormat = {}): string {
  const { long = false, weekday = false, locale = "fa" } = options;
  const date = isoToJalali(iso);
  if (!date) return iso;
  const body = long
    ? `${date.jd} ${monthName(date.jm, locale)} ${date.jy}`
    : `${pad4(date.jy)}/${pad2(date.jm)}/${pad2(date.jd)}`;
  const text = weekday ? `${weekdayName(iso, locale)} ${body}` : body;
  return localeDigits(text, locale);
}
