import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Meeting } from "../../lib/bindings/Meeting";
import type { MeetingPage as Page } from "../../lib/bindings/MeetingPage";
import { ApiError } from "../../lib/errors";
import { page } from "../../lib/meetings/fixture";
import { tehranToday } from "../../lib/today";
import { byTestId, click, settle, text, type, useScreen, withApiErrors } from "../../testing/screen";

const api = vi.hoisted(() => ({
  meetingPage: vi.fn(),
  meetingCheckin: vi.fn(),
  meetingNoticePreview: vi.fn(),
  meetingNotice: vi.fn(),
  meetingElect: vi.fn(),
  meetingResolve: vi.fn(),
  meetingEnd: vi.fn(),
  statuteGet: vi.fn(),
  memberList: vi.fn(),
}));

vi.mock("../../lib/api", () => withApiErrors(api));

const { default: MeetingPage } = await import("./MeetingPage.svelte");

const TODAY = tehranToday();
const NO_ONE = { entitled: 9, required: 5, in_person: 0, by_proxy: 0, present: 0, met: false };

/** The fixture's meeting, held today at the given stage. */
function at(stage: Meeting["stage"], extra: Partial<Page> = {}, meeting: Partial<Meeting> = {}): Page {
  return page({ minutes: null, ...extra }, { date: TODAY, stage, ...meeting });
}

const screen = useScreen();

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  api.statuteGet.mockRejectedValue(new ApiError("statute_not_set", "no statute"));
  api.memberList.mockResolvedValue([]);
  api.meetingNoticePreview.mockResolvedValue([]);
});

describe("a noticed meeting on its day", () => {
  const noticed = () =>
    at("noticed", {
      quorum: NO_ONE,
      resolutions: [],
      elections: [],
      attendance: page().attendance.map((line) => ({ ...line, present: false, represented: false })),
      next_stages: ["held", "cancelled", "failed"],
    });

  it("walks to check-in: the stepper, the next step, the warnings and the live quorum", async () => {
    api.meetingPage.mockResolvedValue(noticed());
    await screen.show(MeetingPage, { meeting: 1 });
    expect(byTestId("step-noticed")?.getAttribute("aria-current")).toBe("step");
    expect(byTestId("step-convened")?.dataset.state).toBe("done");
    expect(text("meeting-next")).toContain("ثبت حضور اعضا");
    expect(text("meeting-warnings")).toContain("مهلت ۳۱ تیر ۱۴۰۵ بود");
    expect(text("quorum-met")).toBe("حد نصاب حاصل نیست");
    expect(byTestId("checkin-input")).not.toBeNull();
    expect(byTestId("resolution-form")).toBeNull();
  });

  it("checks a member in with Enter and shows the count that comes back", async () => {
    api.meetingPage.mockResolvedValue(noticed());
    api.meetingCheckin.mockResolvedValue({ ...NO_ONE, in_person: 5, present: 5, met: true });
    await screen.show(MeetingPage, { meeting: 1 });
    type("checkin", "۲");
    byTestId("checkin-form")?.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    await settle();
    expect(api.meetingCheckin).toHaveBeenCalledWith(1, 2, null);
    expect(text("checkin-status")).toBe("حضور رضا کریمی (۲) ثبت شد");
    expect(api.meetingPage).toHaveBeenCalledTimes(2);
  });

  it("says a refused check-in with its reason, and records nothing", async () => {
    api.meetingPage.mockResolvedValue(noticed());
    api.meetingCheckin.mockRejectedValue(
      new ApiError("already_checked_in", "x", { fields: [], event_id: null, found_version: null, supported_version: null, membership_no: 2, limit: null, value: null }),
    );
    await screen.show(MeetingPage, { meeting: 1 });
    type("checkin", "2");
    byTestId("checkin-form")?.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    await settle();
    expect(text("checkin-status")).toBe("حضور ثبت نشد: حضور عضو شماره ۲ پیش‌تر ثبت شده است");
  });
});

describe("a convened assembly's notice", () => {
  it("shows why a notice would be refused before it is recorded", async () => {
    api.meetingPage.mockResolvedValue(at("convened", { notices: [], quorum: NO_ONE, next_stages: ["noticed", "cancelled"] }));
    api.meetingNoticePreview.mockResolvedValue([
      { check: { code: "notice_too_short", limit: "20", value: "19" }, warning_only: false },
      { check: { code: "annual_notice_late", limit: "2026-05-21", value: "2026-11-09" }, warning_only: true },
    ]);
    await screen.show(MeetingPage, { meeting: 1 });
    await settle(200);
    expect(api.meetingNoticePreview).toHaveBeenCalledWith(1, TODAY);
    const preview = text("notice-preview");
    expect(preview).toContain("فاصله‌ی آگهی تا جلسه کمتر از حداقل اساسنامه است: ۱۹ روز، حداقل ۲۰");
    expect(byTestId("notice-check-notice_too_short")?.textContent).toContain("ثبت نمی‌شود");
    expect(byTestId("notice-check-annual_notice_late")?.textContent).toContain("با هشدار ثبت می‌شود");
    expect(api.meetingNotice).not.toHaveBeenCalled();
  });
});

describe("a meeting in session", () => {
  const held = () => at("held", { elections: [], resolutions: page().resolutions, next_stages: ["minuted", "failed"] });

  it("lists each resolution with the outcome the backend computed", async () => {
    api.meetingPage.mockResolvedValue(held());
    await screen.show(MeetingPage, { meeting: 1 });
    expect(byTestId("resolution-1-outcome")?.textContent).toContain("تصویب شد");
    expect(byTestId("resolution-2-outcome")?.textContent).toContain("تصویب نشد");
    expect(byTestId("resolution-form")?.querySelector('[name="passed"]')).toBeNull();
  });

  it("asks for the order drawn by lot when candidates tie, and sends the count again with it", async () => {
    api.meetingPage.mockResolvedValue(held());
    api.meetingElect
      .mockRejectedValueOnce(
        new ApiError("election_tied", "tie", { fields: [], event_id: null, found_version: null, supported_version: null, membership_no: null, limit: "2", value: "2,3,4" }),
      )
      .mockResolvedValueOnce(page().elections[0]);
    await screen.show(MeetingPage, { meeting: 1 });
    type("seats", "3");
    type("alternates", "1");
    type("ballots", "5");
    for (const [i, [no, votes]] of [["1", "5"], ["2", "4"], ["3", "4"], ["4", "4"]].entries()) {
      type(`candidate-${i}`, no ?? "");
      type(`votes-${i}`, votes ?? "");
    }
    byTestId("election-form")?.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    await settle();
    expect(api.meetingElect).toHaveBeenCalledTimes(1);
    expect(api.meetingElect.mock.calls[0]?.[0]).toMatchObject({ body: "board", seats: 3, alternates: 1, ballots: 5, lot: [] });
    expect(text("election-lot")).toContain("۲ جایگاه");
    // Two candidates in the same place: refused in words, nothing sent.
    type("lot-2", "1");
    type("lot-3", "1");
    type("lot-4", "2");
    await click("election-lot-save");
    expect(text("election-lot-error")).toContain("۱ تا ۳");
    expect(api.meetingElect).toHaveBeenCalledTimes(1);
    type("lot-3", "3");
    await click("election-lot-save");
    expect(api.meetingElect).toHaveBeenCalledTimes(2);
    expect(api.meetingElect.mock.calls[1]?.[0]).toMatchObject({ lot: [2, 4, 3] });
  });
});

describe("ending a meeting", () => {
  it("cancels a draft only with a reason, restating what will be recorded", async () => {
    api.meetingPage.mockResolvedValue(at("draft", { notices: [], quorum: null, next_stages: ["convened", "cancelled"] }, { convened_by: null }));
    await screen.show(MeetingPage, { meeting: 1 });
    expect(byTestId("convene-form")).not.toBeNull();
    await click("meeting-cancel");
    expect(text("end-dialog")).toContain("لغو می‌شود");
    await click("end-confirm");
    expect(byTestId("error-reason")?.textContent).toContain("این فیلد الزامی است");
    expect(api.meetingEnd).not.toHaveBeenCalled();
    type("reason", "همه‌گیری");
    api.meetingEnd.mockResolvedValue({});
    await click("end-confirm");
    expect(api.meetingEnd).toHaveBeenCalledWith(1, "cancel", "همه‌گیری");
  });

  it("offers the next call after a failed call, filled in from it", async () => {
    const { router } = await import("../../lib/router.svelte");
    const { meetingsState } = await import("./meetings.svelte");
    api.meetingPage.mockResolvedValue(
      at("failed", { failed_quorum: { ...NO_ONE, in_person: 2, present: 2 }, next_stages: [] }, { annual: false, elections: false }),
    );
    await screen.show(MeetingPage, { meeting: 1 });
    expect(text("meeting-failed")).toContain("۲ رأی حاضر بود و حد نصاب ۵ رأی بود");
    await click("meeting-next-call");
    expect(router.screen).toBe("meetings");
    expect(meetingsState.start).toMatchObject({ kind: "ordinary", call: 2, previous: 1 });
  });
});
