// An error code (and the details a rule sent with it) as one sentence of the
// display language. Where a rule names the member, the limit and the value it
// would have reached, the sentence says them, in the locale's digits:
// «… سهم عضو شماره ۱۲ به ۲۸٫۶٪ سرمایه می‌رسد و سقف اساسنامه ۲۵٪ است».
// Without those details the catalogue's plain sentence is used.
import type { ErrorCode } from "./bindings/ErrorCode";
import type { ErrorDetails } from "./bindings/ErrorDetails";
import { formatNumber, type Locale } from "./format";
import type { Messages } from "./i18n/fa";
import { meetingCheckSentence } from "./meetings/check-text";

/** The details a sentence can use, already written in the display locale. */
type Shown = { member: string | null; limit: string | null; value: string | null };

function shown(details: ErrorDetails | null | undefined, locale: Locale): Shown {
  const number = (text: string | null | undefined) =>
    text === null || text === undefined || text.trim() === "" ? null : formatNumber(text, locale);
  const no = details?.membership_no;
  return {
    member: no === null || no === undefined ? null : formatNumber(no, locale),
    limit: number(details?.limit),
    value: number(details?.value),
  };
}

/**
 * The sentence for an error: the detailed one when the code has one and the
 * details it needs arrived, else the catalogue's plain sentence for the code.
 */
export function describeError(
  code: ErrorCode,
  details: ErrorDetails | null | undefined,
  messages: Messages,
  locale: Locale,
): string {
  const meeting = meetingCheckSentence(code, details?.limit, details?.value, details?.membership_no, messages, locale);
  if (meeting !== null) return meeting;
  const d = messages.errorDetails;
  const { member, limit, value } = shown(details, locale);
  const who = member === null ? d.thisMember : d.member(member);
  switch (code) {
    case "share_cap_exceeded":
      if (value !== null && limit !== null) return d.share_cap_exceeded(who, value, limit);
      break;
    case "members_below_minimum":
      if (value !== null && limit !== null) return d.members_below_minimum(value, limit);
      break;
    case "below_minimum_shares":
      if (limit !== null) return d.below_minimum_shares(who, limit);
      break;
    case "insufficient_shares":
      if (value !== null && limit !== null) return d.insufficient_shares(who, value, limit);
      break;
    case "payment_exceeds_unpaid":
      if (value !== null && limit !== null) return d.payment_exceeds_unpaid(value, limit);
      break;
    case "unknown_member":
      if (member !== null) return d.unknown_member(member);
      break;
    case "member_not_active":
      if (member !== null) return d.member_not_active(who);
      break;
    case "member_already_exited":
      if (member !== null) return d.member_already_exited(who);
      break;
    default:
      break;
  }
  return messages.errors[code];
}
