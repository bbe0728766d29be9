// A meeting's life cycle as the meeting page walks it: the stepper's steps and
// which of them are done, and which step's form comes next. The backend decides
// what may happen (MeetingPage.next_stages); this only maps it to the page.
import type { Meeting } from "../bindings/Meeting";
import type { MeetingKind } from "../bindings/MeetingKind";
import type { MeetingPage } from "../bindings/MeetingPage";
import type { MeetingStage } from "../bindings/MeetingStage";

/** The stages an assembly passes through, in order. */
export const ASSEMBLY_STAGES: readonly MeetingStage[] = ["draft", "convened", "noticed", "held", "minuted", "notified", "closed"];
/** A board meeting has no notice and notifies nobody. */
export const BOARD_STAGES: readonly MeetingStage[] = ["draft", "convened", "held", "minuted", "closed"];

export const isAssembly = (kind: MeetingKind) => kind !== "board";

/** How many calls (نوبت) a meeting of this kind may have: the extraordinary assembly three, the ordinary two, a board meeting one. */
export function maxCalls(kind: MeetingKind): number {
  return kind === "extraordinary" ? 3 : kind === "ordinary" ? 2 : 1;
}

/** The stages of this kind of meeting, in order. */
export function lifeCycle(kind: MeetingKind): readonly MeetingStage[] {
  return isAssembly(kind) ? ASSEMBLY_STAGES : BOARD_STAGES;
}

export type StepState = "done" | "current" | "todo" | "ended";
export type Step = { stage: MeetingStage; state: StepState };

/** What is known to have happened to a meeting that ended early (cancelled or failed). */
export type Reached = { convened: boolean; noticed: boolean; held: boolean };

export function reachedOf(page: MeetingPage): Reached {
  const held = page.attendance.some((line) => line.present) || page.non_members_present.length > 0;
  return {
    convened: page.meeting.convened_by !== null,
    noticed: page.notices.length > 0,
    held,
  };
}

/**
 * The stepper: every stage of the life cycle, those before the current one done,
 * the current one current. A cancelled or failed meeting shows what it reached,
 * then its ending as the last step.
 */
export function stepper(kind: MeetingKind, stage: MeetingStage, reached: Reached): Step[] {
  const cycle = lifeCycle(kind);
  if (stage === "cancelled" || stage === "failed") {
    const done = (s: MeetingStage) =>
      s === "draft" ||
      (s === "convened" && reached.convened) ||
      (s === "noticed" && reached.noticed) ||
      (s === "held" && reached.held && stage === "failed");
    const steps: Step[] = cycle
      .filter((s) => done(s))
      .map((s) => ({ stage: s, state: "done" as const }));
    steps.push({ stage, state: "ended" });
    return steps;
  }
  const at = cycle.indexOf(stage);
  return cycle.map((s, i) => ({ stage: s, state: i < at ? "done" : i === at ? (s === "closed" ? "done" : "current") : "todo" }));
}

/** The parts of the meeting page that take input. */
export type Panel =
  | "convene"
  | "notice"
  | "posting"
  | "proxies"
  | "checkin"
  | "resolutions"
  | "elections"
  | "minutes"
  | "notify"
  | "close"
  | "cancel"
  | "fail"
  | "nextCall";

const can = (page: MeetingPage, to: MeetingStage) => page.next_stages.includes(to);

/** Which forms and actions the page offers now, in the order of the life cycle. */
export function openPanels(page: MeetingPage): Panel[] {
  const { meeting } = page;
  const stage = meeting.stage;
  const assembly = isAssembly(meeting.kind);
  const panels: Panel[] = [];
  if (stage === "draft") panels.push("convene");
  if (assembly && (stage === "convened" || stage === "noticed")) panels.push("notice", "posting");
  if (assembly && (stage === "convened" || stage === "noticed" || stage === "held")) panels.push("proxies");
  if (assembly ? stage === "noticed" || stage === "held" : stage === "draft" || stage === "convened" || stage === "held") {
    panels.push("checkin");
  }
  if (stage === "held") {
    panels.push("resolutions");
    if (meeting.elections) panels.push("elections");
    panels.push("minutes");
  }
  if (assembly && stage === "minuted" && can(page, "notified")) panels.push("notify");
  if (can(page, "closed")) panels.push("close");
  if (can(page, "cancelled")) panels.push("cancel");
  if (can(page, "failed") && page.quorum !== null && !page.quorum.met) panels.push("fail");
  if (stage === "failed" && page.next_call === null && meeting.call < maxCalls(meeting.kind)) panels.push("nextCall");
  return panels;
}

/** The one thing to do next, said under the stepper; null when the meeting is over. */
export type NextStep =
  | "convene"
  | "notice"
  | "checkin"
  | "checkinWait"
  | "quorum"
  | "record"
  | "notify"
  | "close"
  | "nextCall"
  | null;

/** The next step for the page's guide line. `today` is an ISO date. */
export function nextStep(page: MeetingPage, today: string): NextStep {
  const { meeting } = page;
  switch (meeting.stage) {
    case "draft":
      return isAssembly(meeting.kind) ? "convene" : today < meeting.date ? "checkinWait" : "checkin";
    case "convened":
      if (isAssembly(meeting.kind)) return "notice";
      return today < meeting.date ? "checkinWait" : "checkin";
    case "noticed":
      return today < meeting.date ? "checkinWait" : "checkin";
    case "held":
      return page.quorum?.met ? "record" : "quorum";
    case "minuted":
      return isAssembly(meeting.kind) ? "notify" : "close";
    case "notified":
      return "close";
    case "failed":
      return page.next_call === null && meeting.call < maxCalls(meeting.kind) ? "nextCall" : null;
    default:
      return null;
  }
}

/** The MeetingInput a later call starts from: the same kind, agenda, place and elections, the next call number. */
export function nextCallStart(meeting: Meeting) {
  return {
    kind: meeting.kind,
    call: meeting.call + 1,
    previous: meeting.meeting,
    annual: meeting.annual,
    elections: meeting.elections,
    hour: meeting.hour,
    place: meeting.place,
    proxy_check: meeting.proxy_check ?? "",
    agenda: meeting.agenda,
  };
}
