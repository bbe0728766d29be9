// A share-ledger refusal as one sentence that names the member the way the
// secretary knows them: «سهم علی رضایی (عضو شماره ۱۲) به ۲۸٫۶٪ سرمایه می‌رسد …».
// Without a name the sentence is error-text.ts's own.
import type { ErrorCode } from "./bindings/ErrorCode";
import type { ErrorDetails } from "./bindings/ErrorDetails";
import type { Locale } from "./digits";
import { describeError } from "./error-text";
import { formatNumber } from "./format";
import type { Messages } from "./i18n/fa";
import { formatPercent } from "./money";

/**
 * The sentence for a refusal; `nameOf` gives a member's name by membership number
 * (null when unknown), so the member is named and numbered.
 */
export function describeShareError(
  code: ErrorCode,
  details: ErrorDetails | null | undefined,
  messages: Messages,
  locale: Locale,
  nameOf: (membershipNo: number) => string | null,
): string {
  const no = details?.membership_no ?? null;
  const name = no === null ? null : nameOf(no);
  if (name === null || no === null) return describeError(code, details, messages, locale);
  const d = messages.errorDetails;
  const who = messages.shares.namedMember(name, formatNumber(no, locale));
  const limit = details?.limit ?? null;
  const value = details?.value ?? null;
  switch (code) {
    case "share_cap_exceeded":
      if (value !== null && limit !== null)
        return d.share_cap_exceeded(who, formatPercent(value, locale), formatPercent(limit, locale));
      break;
    case "below_minimum_shares":
      if (limit !== null) return d.below_minimum_shares(who, formatNumber(limit, locale));
      break;
    case "insufficient_shares":
      if (value !== null && limit !== null)
        return d.insufficient_shares(who, formatNumber(value, locale), formatNumber(limit, locale));
      break;
    case "member_not_active":
      return d.member_not_active(who);
    case "member_already_exited":
      return d.member_already_exited(who);
    default:
      break;
  }
  return describeError(code, details, messages, locale);
}
