import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../lib/errors";
import { COOP, meeting, OFFICERS } from "../../lib/meetings/fixture";
import { tehranToday } from "../../lib/today";
import { byTestId, click, settle, text, type, useScreen, withApiErrors } from "../../testing/screen";

const api = vi.hoisted(() => ({
  meetingList: vi.fn(),
  meetingOfficers: vi.fn(),
  dashboard: vi.fn(),
  meetingCreate: vi.fn(),
  meetingConvene: vi.fn(),
  profileGet: vi.fn(),
}));

vi.mock("../../lib/api", () => withApiErrors(api));

const { default: MeetingsScreen } = await import("./MeetingsScreen.svelte");
const { router } = await import("../../lib/router.svelte");

const TODAY = tehranToday();
const screen = useScreen();

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  api.meetingList.mockResolvedValue([meeting({ date: TODAY, stage: "noticed" })]);
  api.meetingOfficers.mockResolvedValue(OFFICERS);
  api.dashboard.mockRejectedValue(new ApiError("internal", "no dashboard"));
  api.profileGet.mockResolvedValue(COOP);
  router.go("meetings");
});

describe("the meetings screen", () => {
  it("lists the meetings and puts each on its day of the Jalali calendar", async () => {
    await screen.show(MeetingsScreen);
    expect(text("meeting-row-1")).toContain("مجمع عمومی عادی سالیانه، نوبت اول");
    expect(text("meeting-row-1")).toContain("آگهی شده");
    expect(byTestId(`calendar-day-${TODAY}`)?.querySelector('[data-testid="calendar-meeting-1"]')?.textContent).toContain(
      "مجمع سالیانه",
    );
    expect(text("terms-table")).toContain("مریم احمدی");
    await click("calendar-meeting-1");
    expect(router.screen).toBe("meeting");
    expect(router.target).toBe(1);
  });

  it("records a new meeting and its convening, then opens its page", async () => {
    api.meetingCreate.mockResolvedValue(meeting({ meeting: 2, stage: "draft", convened_by: null }));
    api.meetingConvene.mockResolvedValue(meeting({ meeting: 2, stage: "convened" }));
    await screen.show(MeetingsScreen);
    await click("meeting-new");
    expect(byTestId("meeting-form")).not.toBeNull();
    // The place comes from the cooperative's address.
    expect((document.querySelector('[name="place"]') as HTMLTextAreaElement).value).toContain("اراک");
    // Without an agenda nothing is sent.
    byTestId("meeting-form")?.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    await settle();
    expect(byTestId("error-agenda")?.textContent).toContain("این فیلد الزامی است");
    expect(api.meetingCreate).not.toHaveBeenCalled();
    const agenda = byTestId("meeting-agenda") as HTMLTextAreaElement;
    agenda.value = "۱- گزارش هیئت مدیره\n۲- بودجه";
    agenda.dispatchEvent(new Event("input", { bubbles: true }));
    type("hour", "۹:۳۰");
    byTestId("meeting-form")?.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    await settle();
    expect(api.meetingCreate).toHaveBeenCalledWith(
      expect.objectContaining({ kind: "ordinary", call: 1, previous: null, hour: "09:30", agenda: ["گزارش هیئت مدیره", "بودجه"] }),
    );
    expect(api.meetingConvene).toHaveBeenCalledWith({ meeting: 2, convened_by: "board", requested: "", requesters: 0, date: "" });
    expect(router.screen).toBe("meeting");
    expect(router.target).toBe(2);
  });
});
