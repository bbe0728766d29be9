// Jalali report periods as people type them and as the backend names them: a month
// (`1403-12`), a calendar quarter (`1403-Q4`, Farvardin–Khordad is Q1) or a fiscal
// year (`1403`, the fiscal year that starts in 1403). Typed in any digit form, with
// "-" or "/", and «ف» (فصل) for a quarter: «۱۴۰۳-۱۲», "1403/12", «۱۴۰۳-ف۴».
import { localeDigits, toAsciiDigits, type Locale } from "./digits";
import { isoToJalali, monthName } from "./jalali";

export type Period =
  | { kind: "month"; year: number; month: number }
  | { kind: "quarter"; year: number; quarter: number }
  | { kind: "year"; year: number };

const INVISIBLES = /[\u200c-\u200f\u061c\u202a-\u202e\u2066-\u2069\u0640\s]/g;
const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})[-/](\d{1,2})$/;
const QUARTER = /^(\d{4})[-/](?:Q|ف|فصل)(\d)$/;

/** The years the backend accepts in a period. */
const inRange = (year: number) => year >= 1300 && year <= 1500;

/** A typed period, or null when it is not one. */
export function parsePeriod(text: string): Period | null {
  const t = toAsciiDigits(text.replace(INVISIBLES, "")).toUpperCase();
  let match = YEAR.exec(t);
  if (match) {
    const year = Number(match[1]);
    return inRange(year) ? { kind: "year", year } : null;
  }
  match = MONTH.exec(t);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    return inRange(year) && month >= 1 && month <= 12 ? { kind: "month", year, month } : null;
  }
  match = QUARTER.exec(t);
  if (match) {
    const year = Number(match[1]);
    const quarter = Number(match[2]);
    return inRange(year) && quarter >= 1 && quarter <= 4 ? { kind: "quarter", year, quarter } : null;
  }
  return null;
}

/** The canonical text the backend reads: `1403-12`, `1403-Q4`, `1403`. */
export function periodKey(period: Period): string {
  switch (period.kind) {
    case "month":
      return `${period.year}-${String(period.month).padStart(2, "0")}`;
    case "quarter":
      return `${period.year}-Q${period.quarter}`;
    case "year":
      return String(period.year);
  }
}

/** A canonical period typed back into a field, in the locale's digits: «۱۴۰۳-۱۲». */
export function periodText(period: Period, locale: Locale = "fa"): string {
  return localeDigits(periodKey(period), locale);
}

/** The Jalali month of an ISO date. */
export function monthOf(iso: string): Period & { kind: "month" } {
  const date = isoToJalali(iso);
  if (!date) throw new Error(`not an ISO date: ${iso}`);
  return { kind: "month", year: date.jy, month: date.jm };
}

/** The Jalali calendar quarter of an ISO date. */
export function quarterOf(iso: string): Period & { kind: "quarter" } {
  const { year, month } = monthOf(iso);
  return { kind: "quarter", year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/**
 * The fiscal year containing an ISO date, named by the Jalali year it starts in:
 * with years starting on 1 Tir, 1403/03/31 is in fiscal year 1402.
 */
export function fiscalYearOf(iso: string, startMonth = 1, startDay = 1): Period & { kind: "year" } {
  const date = isoToJalali(iso);
  if (!date) throw new Error(`not an ISO date: ${iso}`);
  const beforeStart = date.jm < startMonth || (date.jm === startMonth && date.jd < startDay);
  return { kind: "year", year: beforeStart ? date.jy - 1 : date.jy };
}

/** A month key (`1403-12`) as the Jalali year and month. */
export function parseMonthKey(key: string): { year: number; month: number } | null {
  const period = parsePeriod(key);
  return period?.kind === "month" ? { year: period.year, month: period.month } : null;
}

/** Words for a period: «آذر ۱۴۰۵», «فصل ۳ ۱۴۰۵», «سال مالی ۱۴۰۵». */
export function periodWords(
  period: Period,
  words: { quarter: (n: string, year: string) => string; fiscalYear: (year: string) => string },
  locale: Locale = "fa",
): string {
  const year = localeDigits(String(period.year), locale);
  switch (period.kind) {
    case "month":
      return `${monthName(period.month, locale)} ${year}`;
    case "quarter":
      return words.quarter(localeDigits(String(period.quarter), locale), year);
    case "year":
      return words.fiscalYear(year);
  }
}

/** A month key (`1405-09`) in words: «آذر ۱۴۰۵»; the key itself when it is not a month. */
export function monthWords(key: string, locale: Locale = "fa"): string {
  const month = parseMonthKey(key);
  if (!month) return localeDigits(key, locale);
  return `${monthName(month.month, locale)} ${localeDigits(String(month.year), locale)}`;
}
