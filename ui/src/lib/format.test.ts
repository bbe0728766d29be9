import { describe, expect, it } from "vitest";
import {
  formatDateTime,
  formatNumber,
  localeDigits,
  parseInteger,
  tehranDateTime,
  toAsciiDigits,
  toPersianDigits,
} from "./format";

describe("digits", () => {
  it("turns Latin and Arabic-Indic digits into Persian digits", () => {
    expect(toPersianDigits("0123456789")).toBe("۰۱۲۳۴۵۶۷۸۹");
    expect(toPersianDigits("٠١٢٣٤٥٦٧٨٩")).toBe("۰۱۲۳۴۵۶۷۸۹");
    expect(toPersianDigits("۰۱۲۳۴۵۶۷۸۹")).toBe("۰۱۲۳۴۵۶۷۸۹");
  });

  it("turns Persian and Arabic-Indic digits into ASCII digits", () => {
    expect(toAsciiDigits("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    expect(toAsciiDigits("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
    expect(toAsciiDigits("0123456789")).toBe("0123456789");
  });

  it("keeps the text around the digits", () => {
    expect(toPersianDigits("پلاک 12، واحد ٣")).toBe("پلاک ۱۲، واحد ۳");
    expect(toAsciiDigits("کد پستی ۱۲۳۴۵-٦٧٨٩٠")).toBe("کد پستی 12345-67890");
  });

  it("uses the display locale's digits", () => {
    expect(localeDigits("1403/12/30", "fa")).toBe("۱۴۰۳/۱۲/۳۰");
    expect(localeDigits("۱۴۰۳/۱۲/۳۰", "en")).toBe("1403/12/30");
  });
});

describe("formatNumber", () => {
  it("groups thousands with the Persian separator «٬» in Persian digits", () => {
    expect(formatNumber(0)).toBe("۰");
    expect(formatNumber(999)).toBe("۹۹۹");
    expect(formatNumber(1000)).toBe("۱٬۰۰۰");
    expect(formatNumber(1234567)).toBe("۱٬۲۳۴٬۵۶۷");
  });

  it("matches what Intl gives for fa-IR", () => {
    const intl = new Intl.NumberFormat("fa-IR").format(1234567);
    expect(formatNumber(1234567)).toBe(intl);
  });

  it("uses Latin digits and commas in English", () => {
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
  });

  it("takes decimal strings and bigints without rounding", () => {
    expect(formatNumber("12345678901234567890")).toBe("۱۲٬۳۴۵٬۶۷۸٬۹۰۱٬۲۳۴٬۵۶۷٬۸۹۰");
    expect(formatNumber(12345678901234567890n, "en")).toBe("12,345,678,901,234,567,890");
    expect(formatNumber("1234.50")).toBe("۱٬۲۳۴٫۵۰");
    expect(formatNumber("۱۲۳۴", "en")).toBe("1,234");
  });

  it("marks negative numbers", () => {
    expect(formatNumber(-1500, "en")).toBe("-1,500");
    expect(formatNumber(-1500)).toBe("\u200e\u2212۱٬۵۰۰");
  });
});

describe("parseInteger", () => {
  it.each([
    ["1200", 1200],
    ["۱۲۰۰", 1200],
    ["١٢٠٠", 1200],
    ["۱٬۲۰۰", 1200],
    ["1,200", 1200],
    ["١،٢٠٠", 1200],
    ["1 200", 1200],
    ["  15 ", 15],
    ["-7", -7],
  ])("reads %j as %d", (text, value) => {
    expect(parseInteger(text)).toBe(value);
  });

  it.each(["", "abc", "12a", "1.5", "99999999999999999999"])("refuses %j", (text) => {
    expect(parseInteger(text)).toBeNull();
  });
});

describe("formatDateTime", () => {
  it("shows an instant as the Jalali date and time in Tehran (UTC+03:30)", () => {
    expect(tehranDateTime("2025-03-20T20:29:00Z")).toEqual({ date: "2025-03-20", time: "23:59" });
    expect(tehranDateTime("2025-03-20T20:30:00Z")).toEqual({ date: "2025-03-21", time: "00:00" });
    expect(formatDateTime("2025-03-20T20:30:00Z")).toBe("۱۴۰۴/۰۱/۰۱، ساعت ۰۰:۰۰");
    expect(formatDateTime("2025-03-20T20:30:00Z", "en")).toBe("1404/01/01, 00:00");
  });

  it("keeps Tehran time in summer (no daylight saving)", () => {
    expect(tehranDateTime("2025-07-01T08:00:00Z")).toEqual({ date: "2025-07-01", time: "11:30" });
  });

  it("honours an explicit offset", () => {
    expect(tehranDateTime("2025-03-21T02:00:00+03:30")).toEqual({ date: "2025-03-21", time: "02:00" });
  });

  it("can write the month's name", () => {
    expect(formatDateTime("2026-11-28T10:15:00Z", "fa", { long: true })).toBe("۷ آذر ۱۴۰۵، ساعت ۱۳:۴۵");
  });

  it("gives back an unreadable timestamp unchanged", () => {
    expect(formatDateTime("yesterday")).toBe("yesterday");
  });
});
