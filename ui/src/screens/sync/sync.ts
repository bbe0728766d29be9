// What the sync screen («ارسال به سامانه») computes without the backend: the period offered
// by default (the last quarter that has ended), reading a typed period, our key's
// fingerprint, and what a pass of the sender means for the status line.
import type { ErrorCode } from "../../lib/bindings/ErrorCode";
import type { OutboxRow } from "../../lib/bindings/OutboxRow";
import type { PassResult } from "../../lib/bindings/PassResult";
import { toAsciiDigits } from "../../lib/digits";
import { parsePeriod, periodKey, quarterOf, type Period } from "../../lib/period";

/** The last Jalali quarter that has ended on `todayIso`: on 1405/09/07 it is `1405-Q2`. */
export function lastEndedQuarter(todayIso: string): Period & { kind: "quarter" } {
  const { year, quarter } = quarterOf(todayIso);
  return quarter === 1 ? { kind: "quarter", year: year - 1, quarter: 4 } : { kind: "quarter", year, quarter: quarter - 1 };
}

/** A typed report period: a quarter (`1404-Q1`, «۱۴۰۴-Q۱», «۱۴۰۴-ف۱») or a fiscal year (`1403`). */
export type ReadPeriod = { ok: true; period: Period; key: string } | { ok: false; code: ErrorCode };

export function readReportPeriod(text: string): ReadPeriod {
  if (text.trim() === "") return { ok: false, code: "required" };
  const period = parsePeriod(text);
  if (!period) return { ok: false, code: "period_format" };
  if (period.kind === "month") return { ok: false, code: "period_not_reportable" };
  return { ok: true, period, key: periodKey(period) };
}

/** The first 16 hex digits of a public key, in groups of four: `3f2a 9c01 77be 0d4e`. */
export function fingerprint(publicKey: string): string {
  const hex = toAsciiDigits(publicKey)
    .toLowerCase()
    .replace(/[^0-9a-f]/g, "")
    .slice(0, 16);
  return hex.replace(/(.{4})(?=.)/g, "$1 ");
}

/** What the status line says after a pass. */
export type PassStatus =
  | { kind: "sent"; count: number }
  | { kind: "nothing" }
  | { kind: "pending"; count: number; next: string | null }
  | { kind: "parked"; count: number }
  | { kind: "unreachable"; next: string | null }
  | { kind: "not_enrolled" }
  | { kind: "clock_skew"; seconds: number | null };

/** Reads a pass: why it stopped, else what is left in the queue. */
export function passStatus(result: PassResult): PassStatus {
  switch (result.stopped) {
    case "registry_unreachable":
      return { kind: "unreachable", next: result.next_attempt };
    case "not_enrolled":
      return { kind: "not_enrolled" };
    case "clock_skew":
      // An i64 typed as bigint; over IPC it arrives as a JSON number. Either reads the same.
      return {
        kind: "clock_skew",
        seconds: result.clock_skew_seconds === null ? null : Number(result.clock_skew_seconds),
      };
    default:
      break;
  }
  if (result.parked > 0) return { kind: "parked", count: result.parked };
  if (result.pending > 0) return { kind: "pending", count: result.pending, next: result.next_attempt };
  if (result.sent_now > 0) return { kind: "sent", count: result.sent_now };
  return { kind: "nothing" };
}

/** A clock difference in whole seconds, minutes or hours (the unit that keeps it short). */
export function skewParts(seconds: number): { unit: "seconds" | "minutes" | "hours"; amount: number; ahead: boolean } {
  // The registry's clock minus ours: positive when this computer is behind.
  const ahead = seconds < 0;
  const abs = Math.abs(seconds);
  if (abs < 120) return { unit: "seconds", amount: abs, ahead };
  if (abs < 2 * 3600) return { unit: "minutes", amount: Math.round(abs / 60), ahead };
  return { unit: "hours", amount: Math.round(abs / 3600), ahead };
}

/** The closed reports, newest first (the outbox lists them in the order closed). */
export function newestFirst(rows: readonly OutboxRow[]): OutboxRow[] {
  return [...rows].reverse();
}
