// The statute profile (اساسنامه) for display: which numbers there are, how they are
// grouped on screen, which form field a refusal names for each, and how each is
// written («۱٬۰۰۰٬۰۰۰ ریال», «۳۰٪», «بیش از ۱/۲», «هر تعداد حاضر»). The numbers
// themselves and their rules are the backend's; nothing here judges them.
import type { DefaultSource } from "./bindings/DefaultSource";
import type { Field } from "./bindings/Field";
import type { Fraction } from "./bindings/Fraction";
import type { StatuteValues } from "./bindings/StatuteValues";
import type { SurplusBasis } from "./bindings/SurplusBasis";
import type { Threshold } from "./bindings/Threshold";
import { formatNumber, localeDigits, toAsciiDigits, type Locale } from "./format";
import type { Messages } from "./i18n/fa";

/** One number of the statute, named as in StatuteValues. */
export type StatuteParam = keyof StatuteValues;

/** The fields a statute refusal can name about its numbers (effective_from and resolution aside). */
export type StatuteField = Extract<
  Field,
  | "par_value"
  | "min_shares_per_member"
  | "max_member_capital_pct"
  | "admission_paid_fraction"
  | "min_members"
  | "election_notice_window"
  | "notice_window"
  | "thresholds"
  | "board_size"
  | "inspectors"
  | "legal_reserve_cap"
  | "reserve_percentages"
>;

/** How a number is typed and written; a "choice" is one of a few named options (a select). */
export type ParamKind = "money" | "percent" | "count" | "fraction" | "threshold" | "choice";

/** The unit a count is written with (a key of the catalogue's statute.units). */
export type CountUnit = "days" | "months" | "years" | "fiscalYears" | "shares" | "members" | "votes" | "people";

type ParamInfo = {
  kind: ParamKind;
  unit?: CountUnit;
  /** The field a refusal names for this number (several numbers can share one). */
  field: StatuteField | null;
};

/** Every statute number: its kind, its unit and the Field that refusals name for it. */
export const PARAMS: Readonly<Record<StatuteParam, ParamInfo>> = {
  par_value: { kind: "money", field: "par_value" },
  min_shares_per_member: { kind: "count", unit: "shares", field: "min_shares_per_member" },
  max_member_capital_pct: { kind: "percent", field: "max_member_capital_pct" },
  admission_paid_fraction: { kind: "fraction", field: "admission_paid_fraction" },
  unpaid_deadline_months: { kind: "count", unit: "months", field: null },
  min_members: { kind: "count", unit: "members", field: "min_members" },
  specialist_withdrawal_notice_months: { kind: "count", unit: "months", field: null },
  expulsion_warning_gap_days: { kind: "count", unit: "days", field: null },
  expulsion_wait_days: { kind: "count", unit: "days", field: null },
  refund_due_months: { kind: "count", unit: "months", field: null },
  election_notice_min_days: { kind: "count", unit: "days", field: "election_notice_window" },
  election_notice_max_days: { kind: "count", unit: "days", field: "election_notice_window" },
  notice_min_days: { kind: "count", unit: "days", field: "notice_window" },
  notice_max_days: { kind: "count", unit: "days", field: "notice_window" },
  ordinary_quorum_call1: { kind: "threshold", field: "thresholds" },
  ordinary_quorum_call2: { kind: "threshold", field: "thresholds" },
  extraordinary_quorum_call1: { kind: "threshold", field: "thresholds" },
  extraordinary_quorum_call2: { kind: "threshold", field: "thresholds" },
  extraordinary_quorum_call3: { kind: "threshold", field: "thresholds" },
  ordinary_majority: { kind: "threshold", field: "thresholds" },
  extraordinary_majority: { kind: "threshold", field: "thresholds" },
  proxies_per_member: { kind: "count", unit: "votes", field: null },
  proxies_per_non_member: { kind: "count", unit: "votes", field: null },
  board_majority: { kind: "threshold", field: "thresholds" },
  ordinary_request: { kind: "threshold", field: "thresholds" },
  extraordinary_request: { kind: "threshold", field: "thresholds" },
  presiding_panel: { kind: "count", unit: "people", field: null },
  annual_notice_months: { kind: "count", unit: "months", field: null },
  annual_assembly_months: { kind: "count", unit: "months", field: null },
  election_notice_months: { kind: "count", unit: "months", field: null },
  convening_months: { kind: "count", unit: "months", field: null },
  decisions_notice_days: { kind: "count", unit: "days", field: null },
  inspector_replacement_days: { kind: "count", unit: "days", field: null },
  board_min: { kind: "count", unit: "people", field: "board_size" },
  board_max: { kind: "count", unit: "people", field: "board_size" },
  board_term_years: { kind: "count", unit: "years", field: null },
  inspectors: { kind: "count", unit: "people", field: "inspectors" },
  inspector_term_years: { kind: "count", unit: "fiscalYears", field: null },
  legal_reserve_pct: { kind: "percent", field: "reserve_percentages" },
  legal_reserve_cap: { kind: "fraction", field: "legal_reserve_cap" },
  precautionary_reserve_max_pct: { kind: "percent", field: "reserve_percentages" },
  cooperation_education_pct: { kind: "percent", field: "reserve_percentages" },
  bonuses_max_pct: { kind: "percent", field: "reserve_percentages" },
  return_on_shares_pct: { kind: "percent", field: "reserve_percentages" },
  surplus_basis: { kind: "choice", field: null },
};

/** The statute's choices: each choice parameter and its options, in the order a select lists them. */
export const CHOICES = {
  surplus_basis: ["hours", "production"],
} as const satisfies { readonly surplus_basis: readonly SurplusBasis[] };

/** A statute parameter that is a choice among named options. */
export type ChoiceParam = keyof typeof CHOICES;

/** Whether a parameter is a choice (a select) rather than a number. */
export function isChoiceParam(param: StatuteParam): param is ChoiceParam {
  return PARAMS[param].kind === "choice";
}

/** The screen's groups, a key of the catalogue's statute.groups each. */
export type StatuteGroupId = "capital" | "membership" | "assemblies" | "organs" | "reserves";

/** A group of numbers, and within it the sets of numbers one refusal names together. */
export type StatuteGroup = { id: StatuteGroupId; params: readonly StatuteParam[] };

/** The groups in screen order: سرمایه و سهام، عضویت، مجامع، ارکان، اندوخته‌ها. */
export const STATUTE_GROUPS: readonly StatuteGroup[] = [
  {
    id: "capital",
    params: [
      "par_value",
      "min_shares_per_member",
      "max_member_capital_pct",
      "admission_paid_fraction",
      "unpaid_deadline_months",
    ],
  },
  {
    id: "membership",
    params: [
      "min_members",
      "specialist_withdrawal_notice_months",
      "expulsion_warning_gap_days",
      "expulsion_wait_days",
      "refund_due_months",
    ],
  },
  {
    id: "assemblies",
    params: [
      "election_notice_min_days",
      "election_notice_max_days",
      "notice_min_days",
      "notice_max_days",
      "ordinary_quorum_call1",
      "ordinary_quorum_call2",
      "extraordinary_quorum_call1",
      "extraordinary_quorum_call2",
      "extraordinary_quorum_call3",
      "ordinary_majority",
      "extraordinary_majority",
      "proxies_per_member",
      "proxies_per_non_member",
      "presiding_panel",
      "ordinary_request",
      "extraordinary_request",
      "annual_notice_months",
      "annual_assembly_months",
      "election_notice_months",
      "convening_months",
      "decisions_notice_days",
    ],
  },
  {
    id: "organs",
    params: [
      "board_min",
      "board_max",
      "board_term_years",
      "board_majority",
      "inspectors",
      "inspector_term_years",
      "inspector_replacement_days",
    ],
  },
  {
    id: "reserves",
    params: [
      "legal_reserve_pct",
      "legal_reserve_cap",
      "precautionary_reserve_max_pct",
      "cooperation_education_pct",
      "bonuses_max_pct",
      "return_on_shares_pct",
      "surplus_basis",
    ],
  },
];

/** Every number in screen order. */
export const STATUTE_PARAMS: readonly StatuteParam[] = STATUTE_GROUPS.flatMap((group) => group.params);

/** The numbers a refusal of `field` is about, in screen order. */
export function paramsOfField(field: StatuteField): StatuteParam[] {
  return STATUTE_PARAMS.filter((param) => PARAMS[param].field === field);
}

/** «۱/۲» (or "1/2"): a fraction in the locale's digits. */
export function fractionText(fraction: Fraction, locale: Locale = "fa"): string {
  return localeDigits(`${fraction.numerator}/${fraction.denominator}`, locale);
}

/**
 * A quorum or majority in words: «بیش از ۱/۲», «دست‌کم ۲/۳»; «هر تعداد حاضر» for
 * "at least 0/1" (any number present) and «دست‌کم یک نفر» for "more than none".
 */
export function thresholdWords(threshold: Threshold, messages: Messages, locale: Locale = "fa"): string {
  const t = messages.statute.threshold;
  const { fraction, strict } = threshold;
  if (fraction.numerator === 0) return strict ? t.atLeastOne : t.anyNumber;
  const text = fractionText(fraction, locale);
  return strict ? t.moreThan(text) : t.atLeast(text);
}

function isFraction(value: unknown): value is Fraction {
  return typeof value === "object" && value !== null && "numerator" in value;
}

function isThreshold(value: unknown): value is Threshold {
  return typeof value === "object" && value !== null && "fraction" in value;
}

/** One number as the screen writes it, unit included: «۱٬۰۰۰٬۰۰۰ ریال», «۳۰٪», «۲۰ روز». */
export function formatStatuteValue(
  param: StatuteParam,
  values: StatuteValues,
  messages: Messages,
  locale: Locale = "fa",
): string {
  const info = PARAMS[param];
  const value = values[param];
  const units = messages.statute.units;
  if (isThreshold(value)) return thresholdWords(value, messages, locale);
  if (isFraction(value)) return fractionText(value, locale);
  if (isChoiceParam(param)) return messages.statute.choices[param][values[param]];
  const number = formatNumber(value, locale);
  if (info.kind === "money") return units.rial(number);
  if (info.kind === "percent") return units.percent(number);
  return info.unit ? units[info.unit](number) : number;
}

/** A decimal string written one way: no leading zeros, no trailing fractional zeros ("030.50" → "30.5"). */
export function canonicalDecimal(text: string): string {
  const raw = toAsciiDigits(text).trim();
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(raw);
  if (!match) return raw;
  const [, sign = "", whole = "", fraction = ""] = match;
  const w = whole.replace(/^0+(?=\d)/, "") || "0";
  const f = fraction.replace(/0+$/, "");
  const body = f ? `${w}.${f}` : w;
  return body === "0" ? "0" : sign + body;
}

/** Whether a number reads the same in two versions. */
export function sameStatuteValue(param: StatuteParam, a: StatuteValues, b: StatuteValues): boolean {
  const x = a[param];
  const y = b[param];
  if (typeof x === "string" && typeof y === "string") return canonicalDecimal(x) === canonicalDecimal(y);
  if (isThreshold(x) && isThreshold(y)) {
    return (
      x.strict === y.strict &&
      x.fraction.numerator === y.fraction.numerator &&
      x.fraction.denominator === y.fraction.denominator
    );
  }
  if (isFraction(x) && isFraction(y)) return x.numerator === y.numerator && x.denominator === y.denominator;
  return x === y;
}

/** The numbers that differ between two versions, in screen order. */
export function changedParams(before: StatuteValues, after: StatuteValues): StatuteParam[] {
  return STATUTE_PARAMS.filter((param) => !sameStatuteValue(param, before, after));
}

/** Where a number's default comes from, if the backend said. */
export function sourceOf(param: StatuteParam, sources: readonly DefaultSource[]): DefaultSource | undefined {
  return sources.find((source) => source.param === param);
}
