import { describe, expect, it } from "vitest";
import {
  fiscalYearOf,
  monthOf,
  monthWords,
  parseMonthKey,
  parsePeriod,
  periodKey,
  periodText,
  periodWords,
  quarterOf,
} from "./period";

const key = (text: string) => {
  const period = parsePeriod(text);
  return period ? periodKey(period) : null;
};

describe("parsePeriod", () => {
  it("reads a month in any digit form, with - or /", () => {
    expect(key("1403-12")).toBe("1403-12");
    expect(key("۱۴۰۳-۱۲")).toBe("1403-12");
    expect(key("١٤٠٣/١٢")).toBe("1403-12");
    expect(key("1403-1")).toBe("1403-01");
    expect(key(" ۱۴۰۵ - ۰۹ ")).toBe("1405-09");
  });

  it("reads a quarter as Q or «ف»", () => {
    expect(key("1403-Q4")).toBe("1403-Q4");
    expect(key("1403-q1")).toBe("1403-Q1");
    expect(key("۱۴۰۳-ف۲")).toBe("1403-Q2");
    expect(key("۱۴۰۳-Q۳")).toBe("1403-Q3");
  });

  it("reads a fiscal year", () => {
    expect(key("1403")).toBe("1403");
    expect(key("۱۴۰۵")).toBe("1405");
  });

  it("refuses what is not a period", () => {
    for (const text of ["", "1403-13", "1403-0", "1403-Q5", "403-12", "1403-12-01", "آذر", "2025", "1299"]) {
      expect(parsePeriod(text), text).toBeNull();
    }
  });
});

describe("periods of a day", () => {
  // 2026-11-28 is 7 Azar 1405.
  it("finds the Jalali month and quarter", () => {
    expect(periodKey(monthOf("2026-11-28"))).toBe("1405-09");
    expect(periodKey(quarterOf("2026-11-28"))).toBe("1405-Q3");
    expect(periodKey(quarterOf("2025-03-21"))).toBe("1404-Q1");
    expect(periodKey(monthOf("2025-03-20"))).toBe("1403-12");
  });

  it("finds the fiscal year by its start", () => {
    expect(periodKey(fiscalYearOf("2026-11-28"))).toBe("1405");
    // Years that start on 1 Tir: 31 Khordad 1405 is still in 1404's year.
    expect(periodKey(fiscalYearOf("2026-06-21", 4, 1))).toBe("1404");
    expect(periodKey(fiscalYearOf("2026-06-22", 4, 1))).toBe("1405");
  });

  it("refuses a day that is not a date", () => {
    expect(() => monthOf("28/11/2026")).toThrow();
  });
});

describe("words for a period", () => {
  const words = {
    quarter: (n: string, year: string) => `فصل ${n} ${year}`,
    fiscalYear: (year: string) => `سال مالی ${year}`,
  };

  it("names months, quarters and fiscal years in Persian", () => {
    expect(periodWords({ kind: "month", year: 1405, month: 9 }, words)).toBe("آذر ۱۴۰۵");
    expect(periodWords({ kind: "quarter", year: 1405, quarter: 3 }, words)).toBe("فصل ۳ ۱۴۰۵");
    expect(periodWords({ kind: "year", year: 1405 }, words)).toBe("سال مالی ۱۴۰۵");
  });

  it("writes a month key in words, and a period back in the locale's digits", () => {
    expect(monthWords("1405-09")).toBe("آذر ۱۴۰۵");
    expect(monthWords("1405-09", "en")).toBe("Azar 1405");
    expect(periodText({ kind: "month", year: 1403, month: 12 })).toBe("۱۴۰۳-۱۲");
    expect(parseMonthKey("1403-Q4")).toBeNull();
    expect(parseMonthKey("1403-02")).toEqual({ year: 1403, month: 2 });
  });
});
