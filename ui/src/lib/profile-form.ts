// The cooperative profile form's data, apart from its looks: what the fields hold,
// how a saved profile fills them, and what is sent to the backend. Validation is
// the backend's (profile_check / profile_save); nothing here re-implements it.
import type { CooperativeKind } from "./bindings/CooperativeKind";
import type { CooperativeProfile } from "./bindings/CooperativeProfile";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { Field } from "./bindings/Field";
import type { ProfileInput } from "./bindings/ProfileInput";
import type { Province } from "./bindings/Province";
import { localeDigits, type Locale } from "./digits";
import { parseInteger } from "./format";

export { codesByField } from "./errors";

/** The fields of the profile form, as refusals name them. */
export type ProfileField = Extract<
  Field,
  | "name"
  | "legal_id"
  | "registration_number"
  | "registration_date"
  | "kind"
  | "province"
  | "city"
  | "address"
  | "postal_code"
  | "phone"
  | "fiscal_year_start"
>;

/** What the form's fields hold. The fiscal-year day is text as typed (any digits). */
export type ProfileFormValues = {
  name: string;
  legal_id: string;
  registration_number: string;
  /** ISO Gregorian, "" when empty (the date input binds it). */
  registration_date: string;
  kind: CooperativeKind | null;
  province: Province | null;
  city: string;
  address: string;
  postal_code: string;
  phone: string;
  /** Jalali month 1–12. */
  fiscal_year_start_month: number;
  fiscal_year_start_day: string;
};

/** The fields in the order they appear on screen (the order errors are visited in). */
export const PROFILE_FIELDS: readonly ProfileField[] = [
  "name",
  "kind",
  "legal_id",
  "registration_number",
  "registration_date",
  "province",
  "city",
  "address",
  "postal_code",
  "phone",
  "fiscal_year_start",
];

/** The kinds of cooperative, in the order the select lists them. */
export const COOPERATIVE_KINDS: readonly CooperativeKind[] = [
  "production",
  "distribution",
  "services",
  "consumer",
  "housing",
  "credit",
  "multi_purpose",
];

/** A new cooperative's form: the fiscal year starts on 1 Farvardin, as most do. */
export function emptyProfileForm(locale: Locale = "fa"): ProfileFormValues {
  return {
    name: "",
    legal_id: "",
    registration_number: "",
    registration_date: "",
    kind: null,
    province: null,
    city: "",
    address: "",
    postal_code: "",
    phone: "",
    fiscal_year_start_month: 1,
    fiscal_year_start_day: localeDigits("1", locale),
  };
}

/** A recorded profile shown in the form, digits in the display locale's form. */
export function formFromProfile(profile: CooperativeProfile, locale: Locale = "fa"): ProfileFormValues {
  const shown = (text: string) => localeDigits(text, locale);
  return {
    name: shown(profile.name),
    legal_id: shown(profile.legal_id),
    registration_number: shown(profile.registration_number),
    registration_date: profile.registration_date,
    kind: profile.kind,
    province: profile.province,
    city: shown(profile.city),
    address: shown(profile.address),
    postal_code: shown(profile.postal_code),
    phone: shown(profile.phone),
    fiscal_year_start_month: profile.fiscal_year_start_month,
    fiscal_year_start_day: shown(String(profile.fiscal_year_start_day)),
  };
}

/** The same values with their digits in another display locale's form (after a language switch). */
export function relocaliseForm(values: ProfileFormValues, locale: Locale): ProfileFormValues {
  const shown = (text: string) => localeDigits(text, locale);
  return {
    ...values,
    name: shown(values.name),
    legal_id: shown(values.legal_id),
    registration_number: shown(values.registration_number),
    city: shown(values.city),
    address: shown(values.address),
    postal_code: shown(values.postal_code),
    phone: shown(values.phone),
    fiscal_year_start_day: shown(values.fiscal_year_start_day),
  };
}

/**
 * What is sent to profile_check / profile_save: the text as typed (the backend
 * normalises letters and digits). An unreadable fiscal-year day is sent as 0, so
 * the backend answers fiscal_year_start_invalid rather than the form guessing.
 */
export function inputFromForm(values: ProfileFormValues): ProfileInput {
  return {
    name: values.name,
    legal_id: values.legal_id,
    registration_number: values.registration_number,
    registration_date: values.registration_date,
    kind: values.kind,
    province: values.province,
    city: values.city,
    address: values.address,
    postal_code: values.postal_code,
    phone: values.phone,
    fiscal_year_start_month: values.fiscal_year_start_month,
    fiscal_year_start_day: parseInteger(values.fiscal_year_start_day) ?? 0,
  };
}

/** The first field, in screen order, that has a problem. */
export function firstFieldWithProblem(byField: Partial<Record<Field, ErrorCode>>): ProfileField | null {
  return PROFILE_FIELDS.find((field) => byField[field] !== undefined) ?? null;
}
