import { describe, expect, it } from "vitest";
import type { Meeting } from "../bindings/Meeting";
import type { MeetingPage } from "../bindings/MeetingPage";
import { page } from "./fixture";
import { lifeCycle, maxCalls, nextCallStart, nextStep, openPanels, reachedOf, stepper } from "./stages";

const at = (meeting: Partial<Meeting>, extra: Partial<MeetingPage> = {}) => page(extra, meeting);

describe("the stepper", () => {
  it("shows an assembly's seven stages, those before the current one done", () => {
    const steps = stepper("ordinary", "held", { convened: true, noticed: true, held: true });
    expect(steps.map((s) => s.stage)).toEqual(["draft", "convened", "noticed", "held", "minuted", "notified", "closed"]);
    expect(steps.map((s) => s.state)).toEqual(["done", "done", "done", "current", "todo", "todo", "todo"]);
  });

  it("gives a board meeting no notice and no notification", () => {
    expect(lifeCycle("board")).toEqual(["draft", "convened", "held", "minuted", "closed"]);
    expect(stepper("board", "closed", { convened: true, noticed: false, held: true }).every((s) => s.state === "done")).toBe(true);
  });

  it("ends a failed call with what it reached and the failure", () => {
    const steps = stepper("ordinary", "failed", { convened: true, noticed: true, held: true });
    expect(steps.map((s) => `${s.stage}:${s.state}`)).toEqual([
      "draft:done",
      "convened:done",
      "noticed:done",
      "held:done",
      "failed:ended",
    ]);
    const cancelled = stepper("extraordinary", "cancelled", { convened: true, noticed: false, held: false });
    expect(cancelled.map((s) => s.stage)).toEqual(["draft", "convened", "cancelled"]);
  });

  it("reads what a meeting reached from its page", () => {
    expect(reachedOf(page())).toEqual({ convened: true, noticed: true, held: true });
    expect(reachedOf(page({ notices: [], attendance: [] }, { convened_by: null }))).toEqual({
      convened: false,
      noticed: false,
      held: false,
    });
  });
});

describe("the panels each stage opens", () => {
  it("opens convening for a draft", () => {
    expect(openPanels(at({ stage: "draft" }, { next_stages: ["convened", "cancelled"], quorum: null }))).toEqual(["convene", "cancel"]);
  });

  it("opens notice, posting and proxies once convened, and check-in once noticed", () => {
    expect(openPanels(at({ stage: "convened" }, { next_stages: ["noticed", "cancelled"] }))).toEqual([
      "notice",
      "posting",
      "proxies",
      "cancel",
    ]);
    const noticed = { stage: "noticed" as const };
    const quorum = { entitled: 9, required: 5, in_person: 1, by_proxy: 0, present: 1, met: false };
    expect(openPanels(at(noticed, { next_stages: ["held", "cancelled", "failed"], quorum }))).toEqual([
      "notice",
      "posting",
      "proxies",
      "checkin",
      "cancel",
      "fail",
    ]);
  });

  it("opens check-in, resolutions, elections and minutes while held; fail only without quorum", () => {
    const held = at({ stage: "held" }, { next_stages: ["minuted", "failed"] });
    expect(openPanels(held)).toEqual(["proxies", "checkin", "resolutions", "elections", "minutes"]);
    const noElections = at({ stage: "held", elections: false }, {
      next_stages: ["minuted", "failed"],
      quorum: { entitled: 9, required: 5, in_person: 2, by_proxy: 0, present: 2, met: false },
    });
    expect(openPanels(noElections)).toEqual(["proxies", "checkin", "resolutions", "minutes", "fail"]);
  });

  it("notifies an assembly's minutes, closes a board meeting's", () => {
    expect(openPanels(at({ stage: "minuted" }, { next_stages: ["notified"] }))).toEqual(["notify"]);
    expect(openPanels(at({ stage: "notified" }, { next_stages: ["closed"] }))).toEqual(["close"]);
    expect(openPanels(at({ stage: "minuted", kind: "board", elections: false }, { next_stages: ["closed"] }))).toEqual([
      "close",
    ]);
  });

  it("offers the next call after a failed call, until it exists or the calls run out", () => {
    expect(openPanels(at({ stage: "failed" }, { next_stages: [] }))).toEqual(["nextCall"]);
    expect(openPanels(at({ stage: "failed" }, { next_stages: [], next_call: 4 }))).toEqual([]);
    expect(openPanels(at({ stage: "failed", call: 2 }, { next_stages: [] }))).toEqual([]);
    expect(openPanels(at({ stage: "failed", kind: "extraordinary", call: 2 }, { next_stages: [] }))).toEqual(["nextCall"]);
    expect(maxCalls("board")).toBe(1);
  });
});

describe("the next step", () => {
  it("says what to do next at each stage", () => {
    const today = "2026-11-28";
    expect(nextStep(at({ stage: "draft" }), today)).toBe("convene");
    expect(nextStep(at({ stage: "convened" }), today)).toBe("notice");
    expect(nextStep(at({ stage: "noticed", date: "2026-12-10" }), today)).toBe("checkinWait");
    expect(nextStep(at({ stage: "noticed" }), today)).toBe("checkin");
    expect(nextStep(at({ stage: "held" }), today)).toBe("record");
    expect(
      nextStep(at({ stage: "held" }, { quorum: { entitled: 9, required: 5, in_person: 1, by_proxy: 0, present: 1, met: false } }), today),
    ).toBe("quorum");
    expect(nextStep(at({ stage: "minuted" }), today)).toBe("notify");
    expect(nextStep(at({ stage: "minuted", kind: "board" }), today)).toBe("close");
    expect(nextStep(at({ stage: "notified" }), today)).toBe("close");
    expect(nextStep(at({ stage: "closed" }), today)).toBeNull();
    expect(nextStep(at({ stage: "failed" }), today)).toBe("nextCall");
    expect(nextStep(at({ stage: "convened", kind: "board" }), today)).toBe("checkin");
  });

  it("starts a later call from the failed one: same kind, agenda and place, the next call number", () => {
    const start = nextCallStart(page({}, { meeting: 7, stage: "failed" }).meeting);
    expect(start).toMatchObject({ kind: "ordinary", call: 2, previous: 7, annual: true, elections: true, hour: "10:00" });
    expect(start.agenda).toEqual(["گزارش هیئت مدیره و بازرس", "انتخاب اعضای هیئت مدیره"]);
  });
});
