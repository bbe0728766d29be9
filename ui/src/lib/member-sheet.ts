// The member sheet (ورود اعضا از اکسل): the fields a column can hold, the headers the
// backend recognises (to pre-fill the column-mapping step), and reading a sheet's
// header row through the backend when it refused the columns.
import type { Field } from "./bindings/Field";
import type { MemberImportPreview } from "./bindings/MemberImportPreview";
import { toApiError } from "./errors";
import { toAsciiDigits } from "./digits";

/** What a column of the member sheet can hold, in the order the export writes them. */
export const SHEET_FIELDS = [
  "first_name",
  "last_name",
  "father_name",
  "national_code",
  "gender",
  "birth_date",
  "mobile",
  "sheba",
  "joined",
  "shares",
  "amount",
] as const satisfies readonly Field[];

export type SheetField = (typeof SHEET_FIELDS)[number];

/** A field as a sheet column's, or null when a sheet column cannot hold it. */
export function asSheetField(field: Field | null): SheetField | null {
  return field !== null && (SHEET_FIELDS as readonly Field[]).includes(field) ? (field as SheetField) : null;
}

/** The columns a sheet cannot do without. */
export const REQUIRED_SHEET_FIELDS: readonly SheetField[] = ["first_name", "last_name", "national_code"];

/** The headers the backend recognises for each field (crates/store/src/member_import.rs). */
const HEADERS: Record<SheetField, readonly string[]> = {
  first_name: ["نام", "first_name", "first name", "name"],
  last_name: ["نام خانوادگی", "last_name", "last name", "family name", "surname"],
  father_name: ["نام پدر", "father_name", "father"],
  national_code: ["کد ملی", "national_code", "national code", "کدملی"],
  gender: ["جنسیت", "gender"],
  birth_date: ["تاریخ تولد", "birth_date", "birth date"],
  mobile: ["تلفن همراه", "mobile", "موبایل", "همراه"],
  sheba: ["شبا", "sheba", "iban", "شماره شبا"],
  joined: ["تاریخ عضویت", "joined", "date joined", "عضویت"],
  shares: ["تعداد سهام", "shares", "سهام"],
  amount: ["مبلغ پرداخت‌شده", "paid", "پرداخت شده", "مبلغ پرداختی", "پرداختی"],
};

/** A header as the backend compares it: Persian letters for Arabic ones, one space, lower case, ZWNJ as a space. */
function headerKey(text: string): string {
  return toAsciiDigits(text)
    .replace(/[\u064a\u0649]/g, "\u06cc")
    .replace(/\u0643/g, "\u06a9")
    .replace(/\u200c/g, " ")
    .trim()
    .split(/\s+/)
    .join(" ")
    .toLowerCase();
}

/** The field a header is recognised as, or null. */
export function recognise(header: string): SheetField | null {
  const key = headerKey(header);
  if (key === "") return null;
  for (const field of SHEET_FIELDS) {
    if (HEADERS[field].some((name) => headerKey(name) === key)) return field;
  }
  return null;
}

/** What is wrong with a mapping: required fields no column holds, and fields given to two columns. */
export function mappingProblems(mapping: readonly (SheetField | null)[]): { missing: SheetField[]; twice: SheetField[] } {
  const missing = REQUIRED_SHEET_FIELDS.filter((field) => !mapping.includes(field));
  const twice = SHEET_FIELDS.filter((field) => mapping.filter((chosen) => chosen === field).length > 1);
  return { missing, twice };
}

/** The widest sheet whose header row is read. */
export const MAX_COLUMNS = 64;

/**
 * The header row of a sheet the backend refused to read by its headers. The backend
 * reads the file (CSV or XLSX) and takes a mapping only of the sheet's exact width, so
 * mappings of 1, 2, 3… columns are tried: a wrong width is refused at once (before any
 * row is judged); the right one, mapping the required fields to its first columns,
 * is previewed and its columns name the headers. A sheet narrower than the required
 * fields gets empty headers. Null when the sheet is wider than MAX_COLUMNS; rejects
 * with the backend's error when the file itself cannot be read.
 */
export async function readHeaders(
  preview: (mapping: (Field | null)[]) => Promise<MemberImportPreview>,
  max = MAX_COLUMNS,
): Promise<string[] | null> {
  for (let width = 1; width <= max; width++) {
    const mapping: (Field | null)[] = Array.from({ length: width }, (_, i) => REQUIRED_SHEET_FIELDS[i] ?? null);
    try {
      const judged = await preview(mapping);
      return judged.columns.map((column) => column.header);
    } catch (reason) {
      const error = toApiError(reason);
      const wrongWidth = error.fields.some((f) => f.field === "file" && f.code === "import_column_unknown");
      if (wrongWidth) continue;
      const narrow = error.fields.some((f) => f.code === "import_column_missing");
      if (narrow) return Array.from({ length: width }, () => "");
      throw error;
    }
  }
  return null;
}
