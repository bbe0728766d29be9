import { describe, expect, it } from "vitest";
import { agendaItems, drawnOrder, mergeLot, nameList, parseCount, parseHour, readCandidates, tieOf } from "./forms";

describe("the agenda and names as typed", () => {
  it("takes one agenda item per line, without empty lines or pasted numbering", () => {
    expect(agendaItems("۱- گزارش هیئت مدیره\n\n2. تصویب صورت‌های مالی\n  3) انتخابات  \r\nسایر موارد")).toEqual([
      "گزارش هیئت مدیره",
      "تصویب صورت‌های مالی",
      "انتخابات",
      "سایر موارد",
    ]);
    expect(agendaItems(" \n ")).toEqual([]);
  });

  it("splits observers by line or comma", () => {
    expect(nameList("علی جعفری\nنرگس صادقی، مهدی نوری, سمیرا")).toEqual(["علی جعفری", "نرگس صادقی", "مهدی نوری", "سمیرا"]);
  });
});

describe("hours and counts in any digits", () => {
  it.each([
    ["10", "10:00"],
    ["۹:۳۰", "09:30"],
    ["۱۴٫۰۵", "14:05"],
    ["9.30", "09:30"],
    ["23:59", "23:59"],
  ])("reads the hour %s as %s", (typed, hour) => {
    expect(parseHour(typed)).toBe(hour);
  });

  it.each(["24:00", "10:60", "10:5", "ده", ""])("refuses the hour %s", (typed) => {
    expect(parseHour(typed)).toBeNull();
  });

  it("reads whole counts, zero included", () => {
    expect(parseCount("۱۲")).toBe(12);
    expect(parseCount("0")).toBe(0);
    expect(parseCount("")).toBeNull();
    expect(parseCount("-1")).toBeNull();
    expect(parseCount("2.5")).toBeNull();
  });
});

describe("the candidates of an election", () => {
  it("reads the rows typed, skipping empty ones", () => {
    const read = readCandidates([
      { member: "۱", votes: "۵" },
      { member: "", votes: "" },
      { member: "3", votes: "4" },
    ]);
    expect(read.problems).toEqual([]);
    expect(read.candidates).toEqual([
      { membership_no: 1, votes: 5 },
      { membership_no: 3, votes: 4 },
    ]);
  });

  it("names a row without a member or votes, and a member written twice", () => {
    const read = readCandidates([
      { member: "1", votes: "" },
      { member: "", votes: "2" },
      { member: "1", votes: "3" },
    ]);
    expect(read.problems).toEqual([
      { row: 0, field: "votes", code: "number_format" },
      { row: 1, field: "member", code: "unknown_member" },
      { row: 2, field: "member", code: "candidate_not_eligible" },
    ]);
  });
});

describe("the order drawn by lot", () => {
  it("reads a tie from the refusal's details", () => {
    expect(tieOf({ fields: [], event_id: null, found_version: null, supported_version: null, membership_no: null, limit: "2", value: "2,3,4" })).toEqual({
      candidates: [2, 3, 4],
      places: 2,
    });
    expect(tieOf(null)).toBeNull();
  });

  it("orders the tied candidates by their place in the draw, each place once", () => {
    expect(drawnOrder([2, 3, 4], { 2: "۳", 3: "1", 4: "2" })).toEqual([3, 4, 2]);
    expect(drawnOrder([2, 3, 4], { 2: "1", 3: "1", 4: "2" })).toBeNull();
    expect(drawnOrder([2, 3], { 2: "1" })).toBeNull();
    expect(drawnOrder([2, 3], { 2: "1", 3: "3" })).toBeNull();
  });

  it("adds a new draw to the earlier ones", () => {
    expect(mergeLot([8, 6], [6, 7])).toEqual([8, 6, 7]);
    expect(mergeLot([], [3, 2])).toEqual([3, 2]);
  });
});
