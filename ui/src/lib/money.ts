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

// The decimal separators people type: the Persian «٫», the Arabic comma-like «٬» is a
// thousands separator (stripped above), and the Latin dot.
const DECIMAL_MARK = /[\u066b]/g;

/**
 * A decimal typed in any digit form, with or without thousands separators, with «٫»
 * or "." before the fraction: «۱۲٬۵۰۰٫۵» → "12500.5", "-3" → "-3". Null when it is
 * not a number. The result is canonical (no leading or trailing zeros) and stays a string.
 */
export function parseDecimal(text: string): string | null {
  const raw = toAsciiDigits(text.replace(INVISIBLES, ""))
    .replace(DECIMAL_MARK, ".")
    .replace(GROUP_SEPARATORS, "")
    .replace(/^\u2212/, "-");
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(raw)) return null;
  const normal = raw.replace(/^(-?)\./, "$10.").replace(/\.$/, "");
  return canonicalRials(normal);
}

/** Rounds units/divisor to the nearest integer, halves away from zero. */
function divideRounded(units: bigint, divisor: bigint): bigint {
  const negative = units < 0n !== divisor < 0n;
  const a = units < 0n ? -units : units;
  const b = divisor < 0n ? -divisor : divisor;
  const q = (a * 2n + b) / (2n * b);
  return negative ? -q : q;
}

/**
 * A decimal divided by 10^exponent and rounded to `places` decimals (halves away
 * from zero), as a canonical string: ("12345678", 6, 1) → "12.3". For showing large
 * amounts compactly («۱۲٫۳ میلیون ریال»); never used for sums.
 */
export function shiftDecimal(value: string, exponent: number, places: number): string {
  const scale = scaleOf([value]);
  const units = scaled(value, scale);
  // value = units / 10^scale; result·10^places = units·10^places / 10^(scale + exponent)
  const shift = places - scale - exponent;
  const result =
    shift >= 0 ? units * 10n ** BigInt(shift) : divideRounded(units, 10n ** BigInt(-shift));
  return unscaled(result, places);
}

/**
 * How much `current` changed from `previous`, in percent with one decimal (halves
 * away from zero): ("120", "100") → "20", ("95", "100") → "-5". Null when
 * `previous` is zero (no change can be said).
 */
export function changePercent(current: string, previous: string): string | null {
  const scale = scaleOf([current, previous]);
  const c = scaled(current, scale);
  const p = scaled(previous, scale);
  if (p === 0n) return null;
  return unscaled(divideRounded((c - p) * 1000n, p), 1);
}
