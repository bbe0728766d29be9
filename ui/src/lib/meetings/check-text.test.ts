import { describe, expect, it } from "vitest";
import type { ErrorDetails } from "../bindings/ErrorDetails";
import { describeError } from "../error-text";
import { en } from "../i18n/en";
import { fa } from "../i18n/fa";
import { meetingCheckSentence, shownDetail } from "./check-text";
import { ruleCheckText } from "./text";

const details = (extra: Partial<ErrorDetails>): ErrorDetails => ({
  fields: [],
  event_id: null,
  found_version: null,
  supported_version: null,
  membership_no: null,
  limit: null,
  value: null,
  ...extra,
});

describe("a meeting rule's finding in words", () => {
  it("says the notice's days against the statute's window", () => {
    expect(ruleCheckText({ code: "notice_too_short", limit: "20", value: "19" }, fa, "fa")).toBe(
      "فاصله‌ی آگهی تا جلسه کمتر از حداقل اساسنامه است: ۱۹ روز، حداقل ۲۰",
    );
    expect(ruleCheckText({ code: "notice_too_long", limit: "40", value: "45" }, en, "en")).toBe(
      "The notice is too far ahead of the meeting for the statute: 45 days, at most 40",
    );
  });

  it("writes deadlines and dates in Jalali", () => {
    const text = ruleCheckText({ code: "annual_assembly_late", limit: "2026-07-22", value: "2026-11-28" }, fa, "fa");
    expect(text).toContain("۳۱ تیر ۱۴۰۵");
    expect(text).toContain("۷ آذر ۱۴۰۵");
    expect(text).toContain("چهار ماه");
    expect(ruleCheckText({ code: "annual_notice_late", limit: "2026-05-21", value: "2026-11-03" }, fa, "fa")).toContain(
      "۳۱ اردیبهشت ۱۴۰۵",
    );
  });

  it("says a notice published after the meeting's day as such", () => {
    const text = meetingCheckSentence("notice_too_short", "2026-11-28", "2026-11-30", null, fa, "fa");
    expect(text).toBe("آگهی نمی‌تواند پس از روز جلسه منتشر شود: جلسه ۷ آذر ۱۴۰۵ است و آگهی ۹ آذر ۱۴۰۵");
  });

  it("names the member and the counts of a refusal", () => {
    expect(describeError("already_checked_in", details({ membership_no: 3 }), fa, "fa")).toBe(
      "حضور عضو شماره ۳ پیش‌تر ثبت شده است",
    );
    expect(describeError("proxy_limit_exceeded", details({ membership_no: 9, limit: "3", value: "3" }), fa, "fa")).toBe(
      "این وکیل هم‌اکنون ۳ وکالت دارد و سقف اساسنامه ۳ وکالت است؛ وکیل دیگری برگزینید",
    );
    expect(describeError("quorum_not_met", details({ limit: "5", value: "2" }), fa, "fa")).toBe(
      "جلسه به حد نصاب نرسیده است: ۲ رأی حاضر است و دست‌کم ۵ رأی لازم است",
    );
    expect(describeError("votes_exceed_present", details({ membership_no: 4, limit: "5", value: "7" }), fa, "fa")).toContain(
      "عضو شماره ۴",
    );
    expect(describeError("before_meeting_day", details({ limit: "2026-12-17" }), fa, "fa")).toContain("۲۶ آذر ۱۴۰۵");
  });

  it("lists the tied candidates and the places they share", () => {
    expect(describeError("election_tied", details({ limit: "2", value: "2,3,4" }), fa, "fa")).toBe(
      "نامزدهای شماره‌ی ۲، ۳، ۴ رأی برابر دارند و ۲ جایگاه میان آنان است؛ ترتیب قرعه را ثبت کنید",
    );
  });

  it("falls back to the catalogue's sentence without the details", () => {
    expect(meetingCheckSentence("notice_too_short", null, null, null, fa, "fa")).toBeNull();
    expect(describeError("notice_too_short", null, fa, "fa")).toBe(fa.errors.notice_too_short);
    expect(describeError("seats_invalid", details({ limit: "7" }), fa, "fa")).toBe(fa.errors.seats_invalid);
    // A failed call refused because its quorum is met says the count.
    expect(describeError("meeting_step_invalid", details({ limit: "5", value: "6" }), fa, "fa")).toContain("۶ رأی حاضر");
    expect(describeError("meeting_step_invalid", null, fa, "fa")).toBe(fa.errors.meeting_step_invalid);
  });

  it("shows a detail as a date, a number or a list", () => {
    expect(shownDetail("2026-11-28", fa, "fa")).toBe("۷ آذر ۱۴۰۵");
    expect(shownDetail("1200", fa, "fa")).toBe("۱٬۲۰۰");
    expect(shownDetail("1,2", en, "en")).toBe("1, 2");
    expect(shownDetail("x", fa, "fa")).toBe("x");
  });
});
