import { describe, expect, it } from "vitest";
import { addDays, daysBetween, eventsByDay, monthGrid, monthOf, shiftMonth } from "./calendar";
import { meeting, OFFICERS } from "./fixture";

describe("the month grid", () => {
  it("lays Azar 1405 out in whole weeks from Saturday, its 30 days in the month", () => {
    const weeks = monthGrid({ jy: 1405, jm: 9 });
    expect(weeks).toHaveLength(5);
    for (const week of weeks) expect(week).toHaveLength(7);
    // 1 Azar 1405 is Sunday 2026-11-22, so the first Saturday is 30 Aban.
    expect(weeks[0]?.[0]).toEqual({ iso: "2026-11-21", jd: 30, inMonth: false });
    expect(weeks[0]?.[1]).toEqual({ iso: "2026-11-22", jd: 1, inMonth: true });
    const inMonth = weeks.flat().filter((cell) => cell.inMonth);
    expect(inMonth).toHaveLength(30);
    expect(inMonth.at(-1)).toEqual({ iso: "2026-12-21", jd: 30, inMonth: true });
    // Saturday 7 Azar is the first cell of the second week.
    expect(weeks[1]?.[0]?.iso).toBe("2026-11-28");
  });

  it("gives a leap Esfand its 30th day", () => {
    const cells = monthGrid({ jy: 1403, jm: 12 }).flat().filter((cell) => cell.inMonth);
    expect(cells).toHaveLength(30);
    expect(cells.at(-1)?.iso).toBe("2025-03-20");
  });

  it("moves across years and finds the month of a day", () => {
    expect(shiftMonth({ jy: 1405, jm: 12 }, 1)).toEqual({ jy: 1406, jm: 1 });
    expect(shiftMonth({ jy: 1405, jm: 1 }, -1)).toEqual({ jy: 1404, jm: 12 });
    expect(shiftMonth({ jy: 1405, jm: 9 }, -21)).toEqual({ jy: 1403, jm: 12 });
    expect(monthOf("2026-11-28")).toEqual({ jy: 1405, jm: 9 });
  });

  it("counts days between ISO dates and adds them across months and years", () => {
    expect(addDays("2026-11-28", -25)).toBe("2026-11-03");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2026-11-03", "2026-11-28")).toBe(25);
    expect(daysBetween("2026-11-28", "2026-11-03")).toBe(-25);
  });
});

describe("what falls on each day", () => {
  it("puts meetings on their day, a term's end once per election and body, and the annual deadlines", () => {
    const a = meeting({ meeting: 2, date: "2026-11-28" });
    const b = meeting({ meeting: 1, date: "2026-11-28", kind: "board" });
    const days = eventsByDay([a, b], OFFICERS, [
      { kind: "annual_notice", date: "2026-05-21", membership_no: null, name: null, overdue: true },
      { kind: "unpaid_shares", date: "2026-05-21", membership_no: 3, name: "x", overdue: false },
      { kind: "board_term", date: "2029-11-27", membership_no: null, name: null, overdue: false },
    ]);
    expect(days.get("2026-11-28")?.map((e) => (e.kind === "meeting" ? e.meeting.meeting : 0))).toEqual([1, 2]);
    const termEnd = days.get("2029-11-27") ?? [];
    expect(termEnd).toHaveLength(1);
    expect(termEnd[0]?.kind === "term_end" && termEnd[0].officers.length).toBe(2);
    const may = days.get("2026-05-21") ?? [];
    expect(may).toHaveLength(1);
    expect(may[0]?.kind).toBe("deadline");
  });
});
