import { describe, expect, it } from "vitest";
import type { PassResult } from "../../lib/bindings/PassResult";
import { en } from "../../lib/i18n/en";
import { fa } from "../../lib/i18n/fa";
import { fingerprint, lastEndedQuarter, passStatus, readReportPeriod, skewParts } from "./sync";
import { summaryView } from "./summary";

function pass(extra: Partial<PassResult> = {}): PassResult {
  return {
    sent: 0,
    pending: 0,
    parked: 0,
    sent_now: 0,
    stopped: null,
    clock_skew_seconds: null,
    next_attempt: null,
    ...extra,
  };
}

describe("the period offered first", () => {
  it("is the last quarter that has ended", () => {
    expect(lastEndedQuarter("2026-11-28")).toEqual({ kind: "quarter", year: 1405, quarter: 2 }); // ۷ آذر ۱۴۰۵
    expect(lastEndedQuarter("2026-09-23")).toEqual({ kind: "quarter", year: 1405, quarter: 2 }); // ۱ مهر ۱۴۰۵
    expect(lastEndedQuarter("2026-09-22")).toEqual({ kind: "quarter", year: 1405, quarter: 1 }); // ۳۱ شهریور
    expect(lastEndedQuarter("2026-04-10")).toEqual({ kind: "quarter", year: 1404, quarter: 4 }); // فروردین ۱۴۰۵
  });
});

describe("a typed report period", () => {
  it("reads quarters and fiscal years in any digit form", () => {
    expect(readReportPeriod("1404-Q1")).toMatchObject({ ok: true, key: "1404-Q1" });
    expect(readReportPeriod("۱۴۰۴-Q۱")).toMatchObject({ ok: true, key: "1404-Q1" });
    expect(readReportPeriod("۱۴۰۴-ف۴")).toMatchObject({ ok: true, key: "1404-Q4" });
    expect(readReportPeriod(" 1403 ")).toMatchObject({ ok: true, key: "1403" });
    expect(readReportPeriod("1404/q2")).toMatchObject({ ok: true, key: "1404-Q2" });
  });

  it("refuses a month, nonsense and nothing, each with its reason", () => {
    expect(readReportPeriod("1404-03")).toEqual({ ok: false, code: "period_not_reportable" });
    expect(readReportPeriod("1404-Q5")).toEqual({ ok: false, code: "period_format" });
    expect(readReportPeriod("فصل")).toEqual({ ok: false, code: "period_format" });
    expect(readReportPeriod("  ")).toEqual({ ok: false, code: "required" });
  });
});

describe("the key fingerprint", () => {
  it("is the key's first 16 hex digits in groups of four", () => {
    expect(fingerprint("3F2A9C0177BE0D4E55aa66bb77cc88dd")).toBe("3f2a 9c01 77be 0d4e");
    expect(fingerprint("abc")).toBe("abc");
  });
});

describe("what a pass means", () => {
  it("says why a pass stopped before what is left", () => {
    expect(passStatus(pass({ stopped: "registry_unreachable", pending: 2, next_attempt: "2026-11-28T09:00:00Z" }))).toEqual({
      kind: "unreachable",
      next: "2026-11-28T09:00:00Z",
    });
    expect(passStatus(pass({ stopped: "not_enrolled", pending: 1 }))).toEqual({ kind: "not_enrolled" });
    expect(passStatus(pass({ stopped: "clock_skew", clock_skew_seconds: -1500n }))).toEqual({ kind: "clock_skew", seconds: -1500 });
  });

  it("otherwise says what is parked, pending, sent now, or that nothing waits", () => {
    expect(passStatus(pass({ parked: 1, sent: 2, sent_now: 2 }))).toEqual({ kind: "parked", count: 1 });
    expect(passStatus(pass({ pending: 1, next_attempt: "x" }))).toEqual({ kind: "pending", count: 1, next: "x" });
    expect(passStatus(pass({ sent: 3, sent_now: 2 }))).toEqual({ kind: "sent", count: 2 });
    expect(passStatus(pass({ sent: 3 }))).toEqual({ kind: "nothing" });
  });

  it("gives a clock difference in the unit that keeps it short, and which way", () => {
    expect(skewParts(90)).toEqual({ unit: "seconds", amount: 90, ahead: false });
    expect(skewParts(-1500)).toEqual({ unit: "minutes", amount: 25, ahead: true });
    expect(skewParts(3 * 3600 + 100)).toEqual({ unit: "hours", amount: 3, ahead: false });
  });
});

describe("a summary as tables", () => {
  const summary = {
    quality: { products: [], tests: 0, passed: 0, pass_rate: "0.00" },
    members: {
      by_status: { applicant: 1, active: 12, withdrawn: 0, expelled: 0, deceased: 1 },
      active: 12,
      joined: 2,
    },
    capital: { at_end: { shares: 1200, paid: "1250000000", largest_holding_pct: "12.50", par_value: null } },
    profile: { fiscal_year_start: { month: 4, day: 1 }, cooperative: { registration_date: "2015-06-01", province: "tehran" } },
    production: { made: [{ product: 1, name: "کاشی", unit: "square_meter", quantity: "1250.5", value: "98000000" }] },
    extra_section: { note: "new" },
  };

  it("orders the sections as the report does, unknown ones last", () => {
    const views = summaryView(summary, fa, "fa");
    expect(views.map((v) => v.key)).toEqual(["profile", "members", "capital", "production", "quality", "extra_section"]);
    expect(views[0]?.title).toBe("مشخصات تعاونی");
    expect(views[5]?.title).toBe("extra_section");
  });

  it("writes money with its unit, percentages, Jalali dates and Persian digits, never rounding", () => {
    const views = summaryView(summary, fa, "fa");
    const capital = views.find((v) => v.key === "capital");
    const atEnd = capital?.blocks.find((b) => b.type === "facts" && b.title === "سرمایه در پایان دوره");
    expect(atEnd?.type).toBe("facts");
    if (atEnd?.type !== "facts") return;
    const byKey = Object.fromEntries(atEnd.rows.map((r) => [r.key, r.value.text]));
    expect(byKey.paid).toBe("۱٬۲۵۰٬۰۰۰٬۰۰۰ ریال");
    expect(byKey.shares).toBe("۱٬۲۰۰");
    expect(byKey.largest_holding_pct).toBe("۱۲٫۵٪");
    expect(byKey.par_value).toBe("—");

    const profile = views.find((v) => v.key === "profile");
    const main = profile?.blocks[0];
    expect(main?.type === "facts" && main.rows[0]?.value.text).toBe("۱ تیر");
    const registered = profile?.blocks.find((b) => b.title === "مشخصات ثبتی");
    const reg = registered?.type === "facts" ? registered.rows : [];
    expect(reg.find((r) => r.key === "registration_date")?.value.text).toBe("۱۳۹۴/۰۳/۱۱");
    expect(reg.find((r) => r.key === "province")?.value.text).toBe("تهران");
  });

  it("labels a field by its section first («اعضای فعال در پایان دوره») and by itself otherwise («فعال»)", () => {
    const members = summaryView(summary, fa, "fa").find((v) => v.key === "members");
    const main = members?.blocks[0];
    expect(main?.type === "facts" && main.rows.map((r) => r.label)).toEqual(["اعضای فعال در پایان دوره", "عضویت تازه در دوره"]);
    const byStatus = members?.blocks[1];
    expect(byStatus?.title).toBe("اعضا بر پایهٔ وضعیت (پایان دوره)");
    expect(byStatus?.type === "facts" && byStatus.rows.find((r) => r.key === "active")?.label).toBe("فعال");
  });

  it("turns a list into a table with a column per field, figures aligned to the end", () => {
    const production = summaryView(summary, fa, "fa").find((v) => v.key === "production");
    const made = production?.blocks[0];
    expect(made?.type).toBe("list");
    if (made?.type !== "list") return;
    expect(made.columns.map((c) => c.label)).toEqual(["کد کالا", "نام", "واحد", "مقدار", "ارزش"]);
    expect(made.columns.map((c) => c.numeric)).toEqual([true, false, false, true, true]);
    expect(made.rows[0]?.map((c) => c.text)).toEqual(["۱", "کاشی", "متر مربع", "۱٬۲۵۰٫۵", "۹۸٬۰۰۰٬۰۰۰ ریال"]);
    const quality = summaryView(summary, fa, "fa").find((v) => v.key === "quality");
    const empty = quality?.blocks.find((b) => b.type === "list");
    expect(empty?.type === "list" && empty.rows.length).toBe(0);
  });

  it("speaks English with Latin digits in English", () => {
    const capital = summaryView(summary, en, "en").find((v) => v.key === "capital");
    const atEnd = capital?.blocks.find((b) => b.type === "facts");
    expect(atEnd?.type === "facts" && atEnd.rows.find((r) => r.key === "paid")?.value.text).toBe("1,250,000,000 rials");
  });
});
