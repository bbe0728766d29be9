// How a meeting is named and its findings said: «مجمع عمومی عادی سالیانه، نوبت اول»,
// the stage as a word with an icon, and a recorded warning as a sentence.
import type { ErrorDetails } from "../bindings/ErrorDetails";
import type { Meeting } from "../bindings/Meeting";
import type { MeetingStage } from "../bindings/MeetingStage";
import type { RuleCheck } from "../bindings/RuleCheck";
import { describeError } from "../error-text";
import type { Locale } from "../format";
import type { Messages } from "../i18n/fa";
import type { IconName } from "../ui/Icon.svelte";
import type { Tone } from "../ui/tone";

/** The kind of meeting in words: an annual ordinary assembly is «مجمع عمومی عادی سالیانه». */
export function kindName(meeting: Pick<Meeting, "kind" | "annual">, messages: Messages): string {
  const m = messages.meetings;
  return meeting.kind === "ordinary" && meeting.annual ? m.annualKind : m.kinds[meeting.kind];
}

/** «نوبت اول», «نوبت دوم», «نوبت سوم». */
export function callName(call: number, messages: Messages): string {
  return messages.meetings.calls[call - 1] ?? messages.meetings.callN(String(call));
}

/** The meeting's title: its kind, and for assemblies the call. */
export function meetingTitle(meeting: Pick<Meeting, "kind" | "annual" | "call">, messages: Messages): string {
  const kind = kindName(meeting, messages);
  return meeting.kind === "board" ? kind : messages.meetings.titleWithCall(kind, callName(meeting.call, messages));
}

/** A short name for a calendar day: «مجمع سالیانه», «مجمع عادی (نوبت دوم)», «هیئت مدیره». */
export function shortTitle(meeting: Pick<Meeting, "kind" | "annual" | "call">, messages: Messages): string {
  const s = messages.meetings.short;
  const kind = meeting.kind === "ordinary" && meeting.annual ? s.annual : s[meeting.kind];
  return meeting.call > 1 ? messages.meetings.shortWithCall(kind, callName(meeting.call, messages)) : kind;
}

/** A finding the statute let through (or would refuse), as one sentence with its limit and value. */
export function ruleCheckText(check: RuleCheck, messages: Messages, locale: Locale): string {
  const details: ErrorDetails = {
    fields: [],
    event_id: null,
    found_version: null,
    supported_version: null,
    membership_no: null,
    limit: check.limit,
    value: check.value,
  };
  return describeError(check.code, details, messages, locale);
}

/** The stage's badge: the word carries the meaning, the icon and tone repeat it. */
export function stageLook(stage: MeetingStage): { icon: IconName; tone: Tone } {
  switch (stage) {
    case "closed":
    case "notified":
    case "minuted":
      return { icon: "check", tone: "success" };
    case "held":
      return { icon: "members", tone: "info" };
    case "failed":
    case "cancelled":
      return { icon: "alert", tone: "danger" };
    case "draft":
      return { icon: "history", tone: "neutral" };
    default:
      return { icon: "info", tone: "warning" };
  }
}
