// Rials as decimal strings, end to end. Amounts cross IPC as strings ("12500000")
// and are never turned into JavaScript numbers: a number loses digits above 2^53
// and rounds decimals. Formatting inserts separators into the string; sums and
// comparisons use BigInt on the digits.
import { toAsciiDigits, type Locale } from "./digits";
import { formatNumber } from "./format";

// Direction marks, tatweel and the half-space a pasted amount may carry.
const INVISIBLES = /[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\u0640]/g;
// Thousands separators people type or paste: «٬», Arabic comma «،», Latin comma, apostrophe, underscore, spaces.
const GROUP_SEPARATORS = /[\u066c\u060c,'\u2019_\s\u00a0\u202f\u2009]/g;
// The unit, when it is typed after the number.
const UNITS = /ریال|rials?/gi;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A decimal as the backend writes it, reduced to its canonical form: no leading
 * zeros, no trailing fractional zeros, no "-0". Null when it is not a decimal.
 */
export function canonicalRials(value: string): string | null {
  const match = DECIMAL.exec(toAsciiDigits(value.trim()));
  if (!match) return null;
  const [, sign = "", whole = "0", fraction = ""] = match;
  const int = whole.replace(/^0+(?=\d)/, "");
  const frac = fraction.replace(/0+$/, "");
  const body = frac ? `${int}.${frac}` : int;
  return body === "0" ? "0" : sign + body;
}

/**
 * Whole rials typed in any digit form, with or without separators and the unit:
 * «۱٬۲۰۰٬۰۰۰ ریال», "1,200,000", «١٢٠٠٠٠٠» → "1200000". Null when empty or not a
 * whole, non-negative number.
 */
export function parseRials(text: string): string | null {
  const raw = toAsciiDigits(text.replace(INVISIBLES, "")).replace(UNITS, "").replace(GROUP_SEPARATORS, "");
  if (!/^\d+$/.test(raw)) return null;
  return raw.replace(/^0+(?=\d)/, "");
}

/**
 * Rials for display, separators inserted into the string: "12500000" →
 * «۱۲٬۵۰۰٬۰۰۰» in Persian, "12,500,000" in English. Every digit given is shown.
 */
export function formatRials(value: string, locale: Locale = "fa"): string {
  return formatNumber(canonicalRials(value) ?? value, locale);
}

/**
 * A percent as the backend sends it (2 decimals) with trailing zeros dropped:
 * "28.60" → «۲۸٫۶», "25.00" → «۲۵». Dropping zeros is not rounding.
 */
export function formatPercent(value: string, locale: Locale = "fa"): string {
  return formatNumber(canonicalRials(value) ?? value, locale);
}

/** A decimal string as an integer count of 10^-scale units, for exact arithmetic. */
function scaled(value: string, scale: number): bigint {
  const match = DECIMAL.exec(toAsciiDigits(value.trim()));
  if (!match) return 0n;
  const [, sign = "", whole = "0", fraction = ""] = match;
  const units = BigInt(whole + fraction.padEnd(scale, "0").slice(0, scale));
  return sign === "-" ? -units : units;
}

function scaleOf(values: readonly string[]): number {
  let scale = 0;
  for (const value of values) {
    const dot = value.indexOf(".");
    if (dot >= 0) scale = Math.max(scale, value.length - dot - 1);
  }
  return scale;
}

function unscaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = scale === 0 ? digits : digits.slice(0, -scale);
  const fraction = scale === 0 ? "" : digits.slice(-scale);
  return canonicalRials(`${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`) ?? "0";
}

/** The exact sum of decimal strings ("0" for none); unreadable values count as zero. */
export function sumRials(values: readonly string[]): string {
  const scale = scaleOf(values);
  let total = 0n;
  for (const value of values) total += scaled(value, scale);
  return unscaled(total, scale);
}

/** a − b, exactly. */
export function subtractRials(a: string, b: string): string {
  const scale = scaleOf([a, b]);
  return unscaled(scaled(a, scale) - scaled(b, scale), scale);
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareRials(a: string, b: string): number {
  const scale = scaleOf([a, b]);
  const x = scaled(a, scale);
  const y = scaled(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether an amount is more than zero. */
export function isPositiveRials(value: string): boolean {
  return compareRials(value, "0") > 0;
}

/** Whether an amount is below zero (a reversal's line). */
export function isNegativeRials(value: string): boolean {
  return compareRials(value, "0") < 0;
}

/** A change for a statement column: "+" before increases, the locale's minus before decreases. */
export function formatSignedRials(value: string, locale: Locale = "fa"): string {
  const shown = formatRials(value, locale);
  // The mark keeps "+" before the digits in right-to-left text, as formatNumber does for "−".
  return isPositiveRials(value) ? `\u200e+${shown}` : shown;
}
