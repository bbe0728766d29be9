// The meeting rules' findings in words: a refusal's or a warning's code with the
// limit and the value the rule compared, written out — days and counts as numbers,
// dates in Jalali, tied candidates as a list — in the display language:
// «فاصله‌ی آگهی تا جلسه کمتر از حداقل اساسنامه است: ۱۹ روز، حداقل ۲۰».
// Null when the code has no such sentence or the details it needs did not come.
import type { ErrorCode } from "../bindings/ErrorCode";
import { formatNumber, type Locale } from "../format";
import type { Messages } from "../i18n/fa";
import { formatJalali } from "../jalali";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INTEGER = /^-?\d+$/;
const LIST = /^\d+(,\d+)+$/;

const present = (text: string | null | undefined): text is string =>
  text !== null && text !== undefined && text.trim() !== "";

/** A limit or value as shown: a date in Jalali, a number grouped, a list of numbers joined. */
export function shownDetail(text: string, messages: Messages, locale: Locale): string {
  const raw = text.trim();
  if (ISO_DATE.test(raw)) return formatJalali(raw, { long: true, locale });
  if (INTEGER.test(raw)) return formatNumber(raw, locale);
  if (LIST.test(raw)) return raw.split(",").map((n) => formatNumber(n, locale)).join(messages.common.listSeparator);
  return raw;
}

/** The detailed sentence for a meeting rule's finding, or null. */
export function meetingCheckSentence(
  code: ErrorCode,
  limit: string | null | undefined,
  value: string | null | undefined,
  membershipNo: number | null | undefined,
  messages: Messages,
  locale: Locale,
): string | null {
  const c = messages.meetings.checks;
  const show = (text: string) => shownDetail(text, messages, locale);
  const hasLimit = present(limit);
  const hasValue = present(value);
  const both = hasLimit && hasValue;
  const L = hasLimit ? show(limit) : "";
  const V = hasValue ? show(value) : "";
  const member =
    membershipNo === null || membershipNo === undefined
      ? null
      : messages.errorDetails.member(formatNumber(membershipNo, locale));
  switch (code) {
    case "notice_too_short":
      if (both && ISO_DATE.test(limit.trim())) return c.notice_after_meeting(V, L);
      return both ? c.notice_too_short(V, L) : null;
    case "notice_too_long":
      return both ? c.notice_too_long(V, L) : null;
    case "annual_notice_late":
      return both ? c.annual_notice_late(V, L) : null;
    case "annual_assembly_late":
      return both ? c.annual_assembly_late(V, L) : null;
    case "election_notice_late":
      return both ? c.election_notice_late(V, L) : null;
    case "convening_notice_late":
      return both ? c.convening_notice_late(V, L) : null;
    case "decisions_notice_late":
      return both ? c.decisions_notice_late(V, L) : null;
    case "proxy_limit_exceeded":
      return both ? c.proxy_limit_exceeded(V, L) : null;
    case "principal_already_represented":
      return member ? c.principal_already_represented(member) : null;
    case "proxy_to_self":
      return member ? c.proxy_to_self(member) : null;
    case "quorum_not_met":
      return both ? c.quorum_not_met(V, L) : null;
    case "votes_exceed_present":
      if (both && member) return c.candidate_votes_exceed(member, V, L);
      return both ? c.votes_exceed_present(V, L) : null;
    case "candidate_not_eligible":
      return member ? c.candidate_not_eligible(member) : null;
    case "already_checked_in":
      return member ? c.already_checked_in(member) : null;
    case "not_board_member":
      return member ? c.not_board_member(member) : null;
    case "before_meeting_day":
      return hasLimit ? c.before_meeting_day(L) : null;
    case "election_tied":
      return both ? c.election_tied(V, L) : null;
    case "request_too_few":
      return both ? c.request_too_few(V, L) : null;
    case "previous_call_required":
      return both && ISO_DATE.test(limit.trim()) ? c.previous_call_required(L, V) : null;
    case "meeting_step_invalid":
      // Refusing to record a failed call whose quorum is met says the count.
      return both && INTEGER.test(limit.trim()) ? c.fail_quorum_met(V, L) : null;
    default:
      return null;
  }
}
