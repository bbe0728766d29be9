// The share-entry form's data, apart from its looks: which fields each kind of
// entry has, and the ShareAction sent to share_check / share_record. Only the shape
// of what was typed is checked here (a membership number, a whole count of shares,
// whole rials); whether the entry is allowed is the backend's to say.
import type { ErrorCode } from "./bindings/ErrorCode";
import type { ShareAction } from "./bindings/ShareAction";
import type { ShareEntryKind } from "./bindings/ShareEntryKind";
import { localeDigits, type Locale } from "./digits";
import { parseInteger } from "./format";
import { parseRials } from "./money";

/** The fields of the share form, named as on the wire. */
export type ShareFormField = "membership_no" | "to_member" | "shares" | "amount" | "date" | "resolution" | "entry" | "reason";

/** The kinds of entry, in the order the kind select lists them. */
export const SHARE_KINDS: readonly ShareEntryKind[] = ["subscribe", "pay", "transfer", "refund", "capitalise", "reverse"];

/** The fields each kind of entry shows, in screen order. */
export const KIND_FIELDS: Record<ShareEntryKind, readonly ShareFormField[]> = {
  subscribe: ["membership_no", "shares", "date"],
  pay: ["membership_no", "amount", "date"],
  transfer: ["membership_no", "to_member", "shares", "date", "resolution"],
  refund: ["membership_no", "shares", "date"],
  capitalise: ["membership_no", "shares", "date", "resolution"],
  reverse: ["entry", "reason"],
};

/** What the form's fields hold: text as typed (any digits); the date as ISO ("" when empty or unreadable). */
export type ShareFormValues = {
  kind: ShareEntryKind;
  membership_no: string;
  to_member: string;
  shares: string;
  amount: string;
  date: string;
  resolution: string;
  entry: string;
  reason: string;
};

/** A fresh form: today's date, and the member when the form was opened from their page. */
export function emptyShareForm(
  today: string,
  options: { kind?: ShareEntryKind; membershipNo?: number | null; entry?: string; locale?: Locale } = {},
): ShareFormValues {
  const { kind = "subscribe", membershipNo = null, entry = "", locale = "fa" } = options;
  return {
    kind,
    membership_no: membershipNo === null ? "" : localeDigits(String(membershipNo), locale),
    to_member: "",
    shares: "",
    amount: "",
    date: today,
    resolution: "",
    entry,
    reason: "",
  };
}

/** The action the form stands for, or why it cannot be sent yet (per field, as ErrorCodes). */
export type BuiltShareAction =
  | { ok: true; action: ShareAction }
  | { ok: false; problems: Partial<Record<ShareFormField, ErrorCode>> };

/** Largest membership number or share count the backend holds (u32). */
const U32_MAX = 4_294_967_295;

/** A membership number typed in any digits, or null. */
export function parseMembershipNo(text: string): number | null {
  const value = parseInteger(text);
  return value !== null && value > 0 && value <= U32_MAX ? value : null;
}

/**
 * The ShareAction for the form, built only from the fields of its kind. Text
 * fields are sent as typed (the backend normalises them); numbers are read in any
 * digit form; rials stay a string.
 */
export function buildShareAction(values: ShareFormValues): BuiltShareAction {
  const problems: Partial<Record<ShareFormField, ErrorCode>> = {};
  const fields = KIND_FIELDS[values.kind];

  const member = (field: "membership_no" | "to_member"): number => {
    const text = values[field].trim();
    if (text === "") problems[field] = "required";
    const no = parseMembershipNo(text);
    if (text !== "" && no === null) problems[field] = "unknown_member";
    return no ?? 0;
  };
  const shares = (): number => {
    const text = values.shares.trim();
    if (text === "") problems.shares = "required";
    const count = parseInteger(text);
    if (text !== "" && (count === null || count <= 0 || count > U32_MAX)) problems.shares = "shares_must_be_positive";
    return count ?? 0;
  };
  const amount = (): string => {
    const text = values.amount.trim();
    if (text === "") problems.amount = "required";
    const rials = parseRials(text);
    if (text !== "" && (rials === null || /^0+$/.test(rials))) problems.amount = "amount_must_be_positive";
    return rials ?? "";
  };
  const date = (): string => {
    if (values.date === "") problems.date = "required";
    return values.date;
  };

  let action: ShareAction;
  switch (values.kind) {
    case "subscribe":
      action = { kind: "subscribe", membership_no: member("membership_no"), shares: shares(), date: date() };
      break;
    case "pay":
      action = { kind: "pay", membership_no: member("membership_no"), amount: amount(), date: date() };
      break;
    case "transfer":
      action = {
        kind: "transfer",
        membership_no: member("membership_no"),
        to_member: member("to_member"),
        shares: shares(),
        date: date(),
        resolution: values.resolution.trim(),
      };
      break;
    case "refund":
      action = { kind: "refund", membership_no: member("membership_no"), shares: shares(), date: date() };
      break;
    case "capitalise":
      action = {
        kind: "capitalise",
        membership_no: member("membership_no"),
        shares: shares(),
        date: date(),
        resolution: values.resolution.trim(),
      };
      break;
    case "reverse": {
      const entry = values.entry.trim();
      if (entry === "") problems.entry = "required";
      action = { kind: "reverse", entry, reason: values.reason.trim() };
      break;
    }
  }
  // Only the kind's own fields can have problems (the others are not built above).
  const own = Object.fromEntries(
    Object.entries(problems).filter(([field]) => fields.includes(field as ShareFormField)),
  ) as Partial<Record<ShareFormField, ErrorCode>>;
  return Object.keys(own).length > 0 ? { ok: false, problems: own } : { ok: true, action };
}

/** The member whose holding an action changes first (the transferor for a transfer); null for a reversal. */
export function actionMember(action: ShareAction): number | null {
  return action.kind === "reverse" ? null : action.membership_no;
}

/** The first field of a kind, in screen order, that has a problem. */
export function firstShareFieldWithProblem(
  kind: ShareEntryKind,
  problems: Partial<Record<string, ErrorCode>>,
): ShareFormField | null {
  return KIND_FIELDS[kind].find((field) => problems[field] !== undefined) ?? null;
}
