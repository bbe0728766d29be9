import { describe, expect, it } from "vitest";
import fixture from "../../../tests/fixtures/jalali-dates.json";
import { toPersianDigits } from "./digits";
import {
  formatJalali,
  isLeapJalaliYear,
  isoToJalali,
  jalaliToIso,
  monthName,
  parseJalali,
  weekdayName,
  weekdayOf,
  WEEKDAYS,
} from "./jalali";

type Pair = { iso: string; jalali: string; weekday: number };
const pairs: Pair[] = fixture.pairs;

function jalaliParts(text: string): { jy: number; jm: number; jd: number } {
  const [jy, jm, jd] = text.split("/").map(Number) as [number, number, number];
  return { jy, jm, jd };
}

describe("the shared Jalali fixture", () => {
  it("has dates, leap years and invalid dates to check", () => {
    expect(pairs.length).toBeGreaterThan(0);
    expect(fixture.leap_years.length).toBeGreaterThan(0);
    expect(fixture.invalid_jalali.length).toBeGreaterThan(0);
  });

  it.each(pairs)("Gregorian $iso is Jalali $jalali", ({ iso, jalali }) => {
    expect(isoToJalali(iso)).toEqual(jalaliParts(jalali));
    expect(formatJalali(iso, { locale: "en" })).toBe(jalali);
    expect(formatJalali(iso)).toBe(toPersianDigits(jalali));
  });

  it.each(pairs)("Jalali $jalali is Gregorian $iso", ({ iso, jalali }) => {
    expect(jalaliToIso(jalaliParts(jalali))).toBe(iso);
    expect(parseJalali(jalali)).toMatchObject({ ok: true, iso });
    expect(parseJalali(toPersianDigits(jalali))).toMatchObject({ ok: true, iso });
  });

  it.each(pairs)("$iso falls on weekday $weekday (0 = Saturday)", ({ iso, weekday }) => {
    expect(weekdayOf(iso)).toBe(weekday);
    expect(weekdayName(iso)).toBe(WEEKDAYS.fa[weekday]);
  });

  it("knows every leap year of the fixture and the common years between them", () => {
    const leap = new Set(fixture.leap_years);
    const first = Math.min(...leap);
    const last = Math.max(...leap);
    for (let year = first; year <= last; year++) {
      expect(isLeapJalaliYear(year), `year ${year}`).toBe(leap.has(year));
      const esfand30 = parseJalali(`${year}/12/30`);
      expect(esfand30.ok, `${year}/12/30`).toBe(leap.has(year));
    }
  });

  it.each(fixture.invalid_jalali)("rejects the non-existent date %s", (text) => {
    expect(parseJalali(text)).toEqual({ ok: false, code: "date_format" });
    expect(parseJalali(toPersianDigits(text))).toEqual({ ok: false, code: "date_format" });
  });
});

describe("parseJalali", () => {
  const iso = "2025-03-20"; // 1403/12/30

  it.each([
    "۱۴۰۳/۱۲/۳۰",
    "1403/12/30",
    "١٤٠٣/١٢/٣٠",
    "1403-12-30",
    "۱۴۰۳-۱۲-۳۰",
    " 1403 / 12 / 30 ",
    "\u200f۱۴۰۳/۱۲/۳۰\u200f",
  ])("reads %j", (text) => {
    expect(parseJalali(text)).toEqual({ ok: true, iso, date: { jy: 1403, jm: 12, jd: 30 } });
  });

  it("reads months and days without zero padding", () => {
    expect(parseJalali("1404/1/1")).toMatchObject({ ok: true, iso: "2025-03-21" });
    expect(parseJalali("۱۴۰۴/۷/۱")).toMatchObject({ ok: true, iso: "2025-09-23" });
  });

  it.each(["", "1403", "1403/12", "03/12/30", "1403/12/30/1", "1403.12.30", "abc", "1403/۱۲/x", "30/12/1403"])(
    "refuses %j as date_format",
    (text) => {
      expect(parseJalali(text)).toEqual({ ok: false, code: "date_format" });
    },
  );
});

describe("isoToJalali", () => {
  it.each(["2025-02-29", "2025-13-01", "2025-3-20", "20250320", "", "2025-03-20T00:00:00Z"])(
    "refuses %j, which is not an ISO date",
    (text) => {
      expect(isoToJalali(text)).toBeNull();
    },
  );
});

describe("formatJalali", () => {
  it("writes the short form in Persian digits by default", () => {
    expect(formatJalali("2025-03-20")).toBe("۱۴۰۳/۱۲/۳۰");
  });

  it("writes the long form with the month's name", () => {
    expect(formatJalali("2025-03-20", { long: true })).toBe("۳۰ اسفند ۱۴۰۳");
    expect(formatJalali("2025-03-21", { long: true })).toBe("۱ فروردین ۱۴۰۴");
    expect(formatJalali("2025-03-20", { long: true, locale: "en" })).toBe("30 Esfand 1403");
  });

  it("can lead with the weekday", () => {
    expect(formatJalali("2025-03-21", { long: true, weekday: true })).toBe("جمعه ۱ فروردین ۱۴۰۴");
    expect(formatJalali("2026-03-21", { weekday: true })).toBe("شنبه ۱۴۰۵/۰۱/۰۱");
  });

  it("gives back text that is not a date unchanged", () => {
    expect(formatJalali("not a date")).toBe("not a date");
  });

  it("names the twelve months from Farvardin to Esfand", () => {
    expect(monthName(1)).toBe("فروردین");
    expect(monthName(12)).toBe("اسفند");
    expect(monthName(13)).toBe("");
  });
});
