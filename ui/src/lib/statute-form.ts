// The statute form's data, apart from its looks: every number as typed (any digit
// form, with or without separators), how a recorded version fills the form, and
// the StatuteValues sent to statute_set. Only the shape of what was typed is
// checked here (a whole number, a decimal, a fraction with a denominator); whether
// the numbers make sense together is the backend's to say.
import type { Fraction } from "./bindings/Fraction";
import type { StatuteValues } from "./bindings/StatuteValues";
import type { Threshold } from "./bindings/Threshold";
import { formatNumber, localeDigits, toAsciiDigits, type Locale } from "./format";
import { canonicalDecimal, CHOICES, isChoiceParam, PARAMS, STATUTE_PARAMS, type StatuteParam } from "./statute";

/** A fraction as typed in its two boxes. */
export type FractionText = { numerator: string; denominator: string };
/** A threshold as typed: the fraction, and «بیش از» (strict) or «دست‌کم». */
export type ThresholdText = FractionText & { strict: boolean };

/** What the form's boxes hold, one entry per statute number. */
export type StatuteFormValues = {
  [P in StatuteParam]: StatuteValues[P] extends Threshold
    ? ThresholdText
    : StatuteValues[P] extends Fraction
      ? FractionText
      : string;
};

/** Why a typed number cannot be sent (a key of the catalogue's statute.problems). */
export type LocalProblem =
  | "whole_number"
  | "number"
  | "money"
  | "fraction_whole"
  | "fraction_zero"
  | "fraction_above_one"
  | "choice";

/** Largest value of the backend's u32 counts. */
const U32_MAX = 4_294_967_295;

// Direction marks and tatweel a pasted number may carry.
const INVISIBLES = /[\u200c-\u200f\u061c\u202a-\u202e\u2066-\u2069\u0640]/g;
// Thousands separators people type or paste: «٬», Arabic comma «،», Latin comma, apostrophe, spaces.
const GROUP_SEPARATORS = /[\u066c\u060c,'\u2019\s\u00a0\u202f\u2009]/g;

function cleaned(text: string): string {
  return toAsciiDigits(text.replace(INVISIBLES, "")).replace(GROUP_SEPARATORS, "");
}

/** A count typed in any digits: «۲۰», "1,000" → 20, 1000; null when not a whole number the backend can hold. */
export function parseWhole(text: string): number | null {
  const raw = cleaned(text);
  if (!/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value <= U32_MAX ? value : null;
}

/** Rials typed in any digits, with or without separators: «۱٬۰۰۰٬۰۰۰» → "1000000"; null unless whole. Never rounded. */
export function parseMoney(text: string): string | null {
  const raw = cleaned(text).replace(/ریال|rials?/gi, "");
  if (!/^\d+$/.test(raw)) return null;
  return raw.replace(/^0+(?=\d)/, "");
}

/**
 * A decimal typed in any digits, with «٫», "." or «/» as the decimal separator
 * (Persian writers use all three) and an optional percent sign: «۲۲٫۵٪» → "22.5".
 * Null when it is not a non-negative number. Never rounded.
 */
export function parseDecimal(text: string): string | null {
  const raw = cleaned(text).replace(/[%\u066a]/g, "").replace(/[\u066b/]/g, ".");
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(raw)) return null;
  return canonicalDecimal(raw.startsWith(".") ? `0${raw}` : raw);
}

/** A fraction from its two boxes; the denominator is never 0 and the fraction is at most 1. */
export function parseFraction(text: FractionText): { ok: true; fraction: Fraction } | { ok: false; problem: LocalProblem } {
  const numerator = parseWhole(text.numerator);
  const denominator = parseWhole(text.denominator);
  if (numerator === null || denominator === null) return { ok: false, problem: "fraction_whole" };
  if (denominator === 0) return { ok: false, problem: "fraction_zero" };
  if (numerator > denominator) return { ok: false, problem: "fraction_above_one" };
  return { ok: true, fraction: { numerator, denominator } };
}

function fractionText(fraction: Fraction, locale: Locale): FractionText {
  return {
    numerator: localeDigits(String(fraction.numerator), locale),
    denominator: localeDigits(String(fraction.denominator), locale),
  };
}

/** A recorded version (or the defaults) shown in the form, in the display locale's digits. */
export function formFromValues(values: StatuteValues, locale: Locale = "fa"): StatuteFormValues {
  const form: Record<string, unknown> = {};
  for (const param of STATUTE_PARAMS) {
    const value = values[param];
    const kind = PARAMS[param].kind;
    if (kind === "threshold") {
      const threshold = value as Threshold;
      form[param] = { ...fractionText(threshold.fraction, locale), strict: threshold.strict };
    } else if (kind === "fraction") {
      form[param] = fractionText(value as Fraction, locale);
    } else if (kind === "choice") {
      form[param] = value;
    } else {
      form[param] = formatNumber(value as string | number, locale);
    }
  }
  return form as StatuteFormValues;
}

/** What is wrong with how one number was typed, or null when it can be sent. */
export function checkParam(param: StatuteParam, form: StatuteFormValues): LocalProblem | null {
  const kind = PARAMS[param].kind;
  const value = form[param];
  if (kind === "threshold" || kind === "fraction") {
    const parsed = parseFraction(value as FractionText);
    return parsed.ok ? null : parsed.problem;
  }
  const text = value as string;
  if (isChoiceParam(param)) return (CHOICES[param] as readonly string[]).includes(text) ? null : "choice";
  if (kind === "money") return parseMoney(text) === null ? "money" : null;
  if (kind === "percent") return parseDecimal(text) === null ? "number" : null;
  return parseWhole(text) === null ? "whole_number" : null;
}

/** The form as StatuteValues, or every number that cannot be sent as typed. */
export function valuesFromForm(
  form: StatuteFormValues,
): { ok: true; values: StatuteValues } | { ok: false; problems: Partial<Record<StatuteParam, LocalProblem>> } {
  const problems: Partial<Record<StatuteParam, LocalProblem>> = {};
  const values: Record<string, unknown> = {};
  for (const param of STATUTE_PARAMS) {
    const problem = checkParam(param, form);
    if (problem) {
      problems[param] = problem;
      continue;
    }
    const kind = PARAMS[param].kind;
    const value = form[param];
    if (kind === "threshold") {
      const text = value as ThresholdText;
      const parsed = parseFraction(text);
      if (parsed.ok) values[param] = { fraction: parsed.fraction, strict: text.strict };
    } else if (kind === "fraction") {
      const parsed = parseFraction(value as FractionText);
      if (parsed.ok) values[param] = parsed.fraction;
    } else if (kind === "choice") {
      values[param] = value;
    } else if (kind === "money") {
      values[param] = parseMoney(value as string);
    } else if (kind === "percent") {
      values[param] = parseDecimal(value as string);
    } else {
      values[param] = parseWhole(value as string);
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, values: values as StatuteValues };
}

/**
 * One number shown back normalised after the user left its box: «1000000» →
 * «۱٬۰۰۰٬۰۰۰», «٢٢/٥» → «۲۲٫۵». Text that cannot be read is kept as typed.
 */
export function normaliseParam<P extends StatuteParam>(
  param: P,
  form: StatuteFormValues,
  locale: Locale = "fa",
): StatuteFormValues[P] {
  const kind = PARAMS[param].kind;
  const value = form[param];
  if (kind === "threshold" || kind === "fraction") {
    const text = value as FractionText;
    const digits = (part: string) => {
      const n = parseWhole(part);
      return n === null ? part : localeDigits(String(n), locale);
    };
    return { ...text, numerator: digits(text.numerator), denominator: digits(text.denominator) } as StatuteFormValues[P];
  }
  const text = value as string;
  if (kind === "choice") return text as StatuteFormValues[P];
  const parsed = kind === "money" ? parseMoney(text) : kind === "percent" ? parseDecimal(text) : parseWhole(text);
  return (parsed === null ? text : formatNumber(parsed, locale)) as StatuteFormValues[P];
}

/** Every number shown again in another locale's digits and separators (after a language switch). */
export function relocaliseStatuteForm(form: StatuteFormValues, locale: Locale): StatuteFormValues {
  const next: Record<string, unknown> = { ...form };
  for (const param of STATUTE_PARAMS) {
    if (isChoiceParam(param)) continue;
    const value = normaliseParam(param, form, locale);
    if (typeof value === "string") {
      next[param] = localeDigits(value, locale);
    } else {
      next[param] = {
        ...value,
        numerator: localeDigits(value.numerator, locale),
        denominator: localeDigits(value.denominator, locale),
      };
    }
  }
  return next as StatuteFormValues;
}
