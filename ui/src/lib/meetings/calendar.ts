// The meetings calendar: a Jalali month as weeks of seven days (Saturday first, as
// the Iranian week runs), and what falls on each day — meetings, the ends of terms
// of office, and the annual deadlines the dashboard knows.
import { jalaaliMonthLength } from "jalaali-js";
import type { Deadline } from "../bindings/Deadline";
import type { Meeting } from "../bindings/Meeting";
import type { Officer } from "../bindings/Officer";
import { isoToJalali, jalaliToIso, weekdayOf } from "../jalali";

/** One Jalali month. */
export type JalaliMonth = { jy: number; jm: number };

/** One square of the month grid. */
export type DayCell = {
  /** ISO date of the day. */
  iso: string;
  /** Day of the Jalali month it belongs to. */
  jd: number;
  /** False for the days of the months before and after, which fill the first and last weeks. */
  inMonth: boolean;
};

/** The day `days` after (or before, when negative) an ISO date. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCFullYear(y);
  date.setUTCDate(date.getUTCDate() + days);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Whole days from `from` to `to` (ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const at = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    date.setUTCFullYear(y);
    return date.getTime();
  };
  return Math.round((at(to) - at(from)) / 86_400_000);
}

/** The Jalali month an ISO date falls in (today's month when the date is unreadable). */
export function monthOf(iso: string): JalaliMonth {
  const date = isoToJalali(iso) ?? isoToJalali(new Date().toISOString().slice(0, 10));
  return { jy: date?.jy ?? 1404, jm: date?.jm ?? 1 };
}

/** The month `delta` months after (or before) `month`. */
export function shiftMonth(month: JalaliMonth, delta: number): JalaliMonth {
  const index = month.jy * 12 + (month.jm - 1) + delta;
  return { jy: Math.floor(index / 12), jm: (index % 12 + 12) % 12 + 1 };
}

/**
 * The month as whole weeks, Saturday to Friday: the first week starts on the
 * Saturday on or before the 1st, the last ends on the Friday on or after the last
 * day; days of the neighbouring months are marked as not in the month.
 */
export function monthGrid(month: JalaliMonth): DayCell[][] {
  const first = jalaliToIso({ jy: month.jy, jm: month.jm, jd: 1 });
  if (first === null) return [];
  const length = jalaaliMonthLength(month.jy, month.jm);
  const lead = weekdayOf(first) ?? 0;
  const total = Math.ceil((lead + length) / 7) * 7;
  const start = addDays(first, -lead);
  const weeks: DayCell[][] = [];
  for (let i = 0; i < total; i++) {
    const iso = addDays(start, i);
    const j = isoToJalali(iso);
    const cell: DayCell = { iso, jd: j?.jd ?? 0, inMonth: j?.jy === month.jy && j?.jm === month.jm };
    if (i % 7 === 0) weeks.push([]);
    weeks[weeks.length - 1]?.push(cell);
  }
  return weeks;
}

/** What the calendar shows on a day. */
export type CalendarEvent =
  | { kind: "meeting"; meeting: Meeting }
  | { kind: "term_end"; officers: Officer[] }
  | { kind: "deadline"; deadline: Deadline };

/**
 * Everything on each day: meetings (in their order), the end of each term of
 * office (the officers whose terms end that day, grouped by election and body),
 * and the deadlines. Keys are ISO dates.
 */
export function eventsByDay(
  meetings: readonly Meeting[],
  officers: readonly Officer[],
  deadlines: readonly Deadline[],
): Map<string, CalendarEvent[]> {
  const days = new Map<string, CalendarEvent[]>();
  const put = (iso: string, event: CalendarEvent) => {
    const list = days.get(iso);
    if (list) list.push(event);
    else days.set(iso, [event]);
  };
  for (const meeting of [...meetings].sort((a, b) => a.date.localeCompare(b.date) || a.meeting - b.meeting)) {
    put(meeting.date, { kind: "meeting", meeting });
  }
  const terms = new Map<string, Officer[]>();
  for (const officer of officers) {
    const key = `${officer.end}|${officer.meeting}|${officer.body}`;
    const group = terms.get(key);
    if (group) group.push(officer);
    else terms.set(key, [officer]);
  }
  for (const group of terms.values()) {
    const first = group[0];
    if (first) put(first.end, { kind: "term_end", officers: group });
  }
  for (const deadline of deadlines) {
    // Term ends come from the officers themselves; unpaid shares belong to the members screen.
    if (deadline.kind === "annual_notice" || deadline.kind === "annual_assembly") put(deadline.date, { kind: "deadline", deadline });
  }
  return days;
}
