// The year-end (پایان سال مالی) for display: which year to show first, the parts of a
// distribution in order with the percentage each is taken at, exact totals (BigInt on
// the decimal strings, never JavaScript numbers), and reading what the board types —
// a net result that may be a loss, percentages in any digits. The rules themselves
// (what is allowed, how each rial is divided) are the backend's.
import type { ApprovalOption } from "./bindings/ApprovalOption";
import type { Choices } from "./bindings/Choices";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { FiscalYear } from "./bindings/FiscalYear";
import type { MemberPayout } from "./bindings/MemberPayout";
import type { MemberShare } from "./bindings/MemberShare";
import type { Part } from "./bindings/Part";
import type { PartKind } from "./bindings/PartKind";
import type { Rates } from "./bindings/Rates";
import { toAsciiDigits, type Locale } from "./digits";
import { compareRials, formatPercent, parseDecimal as parseSignedDecimal, subtractRials, sumRials } from "./money";
import { parseDecimal as parsePercent } from "./statute-form";

/** The parts in the order they are taken from the net result (the backend's PartKind::ALL). */
export const PART_KINDS: readonly PartKind[] = [
  "legal_reserve",
  "precautionary_reserve",
  "cooperation_fund",
  "bonuses",
  "return_on_shares",
  "surplus_by_work",
  "rounding",
];

/** The percentages the board may amend, as the fields a refusal names. */
export const CHOICE_FIELDS = ["legal_reserve_pct", "precautionary_pct", "bonuses_pct"] as const;
export type ChoiceField = (typeof CHOICE_FIELDS)[number];

/** Percentages as typed; empty keeps the default. */
export type ChoiceTexts = Record<ChoiceField, string>;

export const EMPTY_CHOICES: Readonly<ChoiceTexts> = { legal_reserve_pct: "", precautionary_pct: "", bonuses_pct: "" };

/**
 * The year the screen opens on: the newest one waiting for the board (ended, or closed and
 * not yet approved), else the first listed (the list is newest first).
 */
export function defaultYear(years: readonly FiscalYear[]): number | null {
  const waiting = years.filter((y) => y.status === "ended" || y.status === "closed");
  const newest = waiting.reduce<FiscalYear | null>((best, y) => (best === null || y.year > best.year ? y : best), null);
  return newest?.year ?? years[0]?.year ?? null;
}

/** What a part's percentage is taken of: the net result, or what remains after the first four parts. */
export type PartRate = { pct: string; of: "net" | "remainder" };

/** The percentage a part is taken at (null for the rounding part, which is what is left over). */
export function partRate(kind: PartKind, rates: Rates): PartRate | null {
  switch (kind) {
    case "legal_reserve":
      return { pct: rates.legal_reserve_pct, of: "net" };
    case "precautionary_reserve":
      return { pct: rates.precautionary_pct, of: "net" };
    case "cooperation_fund":
      return { pct: rates.cooperation_pct, of: "net" };
    case "bonuses":
      return { pct: rates.bonuses_pct, of: "net" };
    case "return_on_shares":
      return { pct: rates.return_on_shares_pct, of: "remainder" };
    case "surplus_by_work":
      return { pct: subtractRials("100", rates.return_on_shares_pct), of: "remainder" };
    case "rounding":
      return null;
  }
}

/**
 * A part's percentage as the tables show it, in the words given (the screen's language, or
 * Persian on paper): «۱۰٪ سود خالص», «۳۷٫۵٪ باقی‌مانده»; a dash for the rounding part.
 */
export function partRateText(
  kind: PartKind,
  rates: Rates,
  words: { ofNet: (pct: string) => string; ofRemainder: (pct: string) => string },
  locale: Locale,
): string {
  const rate = partRate(kind, rates);
  if (!rate) return "—";
  const pct = formatPercent(rate.pct, locale);
  return rate.of === "net" ? words.ofNet(pct) : words.ofRemainder(pct);
}

/** A part's amount ("0" when the distribution has no such part). */
export function partAmount(parts: readonly Part[], kind: PartKind): string {
  return parts.find((part) => part.kind === kind)?.amount ?? "0";
}

/** The parts in screen order, every kind present (a missing one at "0"). */
export function orderedParts(parts: readonly Part[]): Part[] {
  return PART_KINDS.map((kind) => ({ kind, amount: partAmount(parts, kind) }));
}

/** The sum of the parts (equal to the net result, by the backend's rounding rule). */
export function partsTotal(parts: readonly Part[]): string {
  return sumRials(parts.map((part) => part.amount));
}

/** A member's share of the distribution, proposed or approved. */
type ShareAmounts = Pick<MemberShare, "return_on_shares" | "surplus_by_work" | "total">;

/** The totals row of the members table (of the proposed shares, or of the approved payouts). */
export function memberTotals(members: readonly ShareAmounts[]): ShareAmounts {
  return {
    return_on_shares: sumRials(members.map((m) => m.return_on_shares)),
    surplus_by_work: sumRials(members.map((m) => m.surplus_by_work)),
    total: sumRials(members.map((m) => m.total)),
  };
}

/** The totals row of the approved payouts (new shares as a digit string too). */
export function payoutTotals(
  payouts: readonly MemberPayout[],
): Pick<MemberPayout, "return_on_shares" | "surplus_by_work" | "total" | "capitalised" | "payable"> & { new_shares: string } {
  return {
    ...memberTotals(payouts),
    capitalised: sumRials(payouts.map((p) => p.capitalised)),
    payable: sumRials(payouts.map((p) => p.payable)),
    new_shares: payouts.reduce((sum, p) => sum + BigInt(p.new_shares), 0n).toString(),
  };
}

/** Whether a net result leaves nothing to divide (zero, or a loss). */
export function isLoss(netResult: string): boolean {
  return compareRials(netResult, "0") <= 0;
}

// Units and marks a pasted amount may carry; an accountant writes a loss in parentheses.
const UNITS = /ریال|rials?/gi;

/**
 * A net result as the accountant types it, in any digits, with or without separators and the
 * unit; a loss with a minus sign («−», "-") or in parentheses: «(۱٬۲۰۰٬۰۰۰)» → "-1200000".
 * Null when it is not a whole number of rials.
 */
export function readNetResult(text: string): string | null {
  let raw = toAsciiDigits(text).replace(UNITS, "").trim();
  const bracketed = /^\((.*)\)$/.exec(raw);
  if (bracketed) raw = `-${(bracketed[1] ?? "").trim()}`;
  raw = raw.replace(/^[\u2212\u2013\u200e\u200f]+/, (marks) => (/[\u2212\u2013]/.test(marks) ? "-" : ""));
  const value = parseSignedDecimal(raw);
  if (value === null || value.includes(".")) return null;
  return value;
}

/** An opening reserve: empty carries the last year's (""), else whole rials; null when unreadable or negative. */
export function readReserve(text: string): string | null {
  if (text.trim() === "") return "";
  const value = readNetResult(text);
  return value === null || value.startsWith("-") ? null : value;
}

/**
 * The percentages as sent to year_propose and year_approve: each read in any digits
 * («۷٫۵», "7/5", «۱۰٪»), empty kept empty (the default); or what cannot be read.
 */
export function readChoices(
  texts: ChoiceTexts,
): { ok: true; choices: Choices } | { ok: false; problems: Partial<Record<ChoiceField, ErrorCode>> } {
  const choices: Choices = { ...EMPTY_CHOICES };
  const problems: Partial<Record<ChoiceField, ErrorCode>> = {};
  for (const field of CHOICE_FIELDS) {
    const text = texts[field].trim();
    if (text === "") continue;
    const value = parsePercent(text);
    if (value === null) problems[field] = "number_format";
    else choices[field] = value;
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, choices };
}

/** Whether every percentage is left at its default. */
export function isDefaultChoices(choices: Choices): boolean {
  return CHOICE_FIELDS.every((field) => choices[field] === "");
}

/** One approval option as the select's value: "meeting:resolution". */
export function optionKey(option: Pick<ApprovalOption, "meeting" | "resolution">): string {
  return `${option.meeting}:${option.resolution}`;
}

/** The assembly and resolution of a select value, or null. */
export function parseOptionKey(key: string | null): { meeting: number; resolution: number } | null {
  const match = /^(\d+):(\d+)$/.exec(key ?? "");
  if (!match) return null;
  return { meeting: Number(match[1]), resolution: Number(match[2]) };
}
