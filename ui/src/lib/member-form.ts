// The member form's data, apart from its looks: what the fields hold, how a
// recorded member fills them, and the MemberInput sent to member_check /
// member_add / member_update. Validation is the backend's; nothing here
// re-implements it.
import type { Education } from "./bindings/Education";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { Field } from "./bindings/Field";
import type { Gender } from "./bindings/Gender";
import type { Member } from "./bindings/Member";
import type { MemberInput } from "./bindings/MemberInput";
import type { MemberKind } from "./bindings/MemberKind";
import type { MemberStatus } from "./bindings/MemberStatus";
import { localeDigits, type Locale } from "./digits";

/** The fields of the member form, as refusals name them. */
export type MemberField = Extract<
  Field,
  | "first_name"
  | "last_name"
  | "national_code"
  | "legal_id"
  | "father_name"
  | "gender"
  | "birth_date"
  | "mobile"
  | "sheba"
  | "postal_code"
  | "address"
  | "education"
  | "joined"
>;

/** What the form's fields hold. Dates are ISO ("" when empty); the rest is text as typed. */
export type MemberFormValues = {
  kind: MemberKind;
  first_name: string;
  last_name: string;
  national_code: string;
  legal_id: string;
  father_name: string;
  gender: Gender | null;
  birth_date: string;
  mobile: string;
  sheba: string;
  postal_code: string;
  address: string;
  education: Education | null;
  works_in_coop: boolean;
  specialist: boolean;
  joined: string;
  applicant: boolean;
};

/** The fields a person's form shows, in screen order. */
export const PERSON_FIELDS: readonly MemberField[] = [
  "first_name",
  "last_name",
  "national_code",
  "father_name",
  "gender",
  "birth_date",
  "education",
  "mobile",
  "sheba",
  "postal_code",
  "address",
  "joined",
];

/** The fields a legal entity's form shows, in screen order. */
export const LEGAL_FIELDS: readonly MemberField[] = [
  "last_name",
  "legal_id",
  "national_code",
  "mobile",
  "sheba",
  "postal_code",
  "address",
  "joined",
];

/** The fields shown for a kind of member. */
export function fieldsOf(kind: MemberKind): readonly MemberField[] {
  return kind === "person" ? PERSON_FIELDS : LEGAL_FIELDS;
}

/** Education levels, lowest first, as the select lists them. */
export const EDUCATIONS: readonly Education[] = [
  "none",
  "primary",
  "secondary",
  "diploma",
  "associate",
  "bachelor",
  "master",
  "doctorate",
];

export const GENDERS: readonly Gender[] = ["male", "female"];

/** The statuses of members who have left the cooperative. */
export const EXITED_STATUSES: readonly MemberStatus[] = ["withdrawn", "expelled", "deceased"];

/** A new member's form: a person joining today. */
export function emptyMemberForm(today: string): MemberFormValues {
  return {
    kind: "person",
    first_name: "",
    last_name: "",
    national_code: "",
    legal_id: "",
    father_name: "",
    gender: null,
    birth_date: "",
    mobile: "",
    sheba: "",
    postal_code: "",
    address: "",
    education: null,
    works_in_coop: false,
    specialist: false,
    joined: today,
    applicant: false,
  };
}

/** A recorded member in the form, digits in the display locale's form. */
export function formFromMember(member: Member, locale: Locale = "fa"): MemberFormValues {
  const shown = (text: string | null) => localeDigits(text ?? "", locale);
  return {
    kind: member.kind,
    first_name: member.first_name,
    last_name: member.last_name,
    national_code: shown(member.national_code),
    legal_id: shown(member.legal_id),
    father_name: member.father_name ?? "",
    gender: member.gender,
    birth_date: member.birth_date ?? "",
    // The sheba keeps its Latin "IR"; only its digits follow the locale.
    mobile: shown(member.mobile),
    sheba: shown(member.sheba),
    postal_code: shown(member.postal_code),
    address: shown(member.address),
    education: member.education,
    works_in_coop: member.works_in_coop,
    specialist: member.specialist,
    joined: member.joined,
    applicant: member.status === "applicant",
  };
}

/**
 * What is sent to the backend: the text as typed (the backend normalises letters
 * and digits). Fields the member's kind does not show are sent empty, so a value
 * typed before switching between person and legal entity is not recorded unseen.
 */
export function inputFromMemberForm(values: MemberFormValues): MemberInput {
  const person = values.kind === "person";
  return {
    kind: values.kind,
    first_name: person ? values.first_name : "",
    last_name: values.last_name,
    national_code: values.national_code,
    legal_id: person ? "" : values.legal_id,
    father_name: person ? values.father_name : "",
    gender: person ? values.gender : null,
    birth_date: person ? values.birth_date : "",
    mobile: values.mobile,
    sheba: values.sheba,
    postal_code: values.postal_code,
    address: values.address,
    education: person ? values.education : null,
    works_in_coop: values.works_in_coop,
    specialist: values.specialist,
    joined: values.joined,
    applicant: values.applicant,
  };
}

/** The first field of the form, in screen order, that has a problem. */
export function firstMemberFieldWithProblem(
  kind: MemberKind,
  byField: Partial<Record<Field, ErrorCode>>,
): MemberField | null {
  return fieldsOf(kind).find((field) => byField[field] !== undefined) ?? null;
}
