// The member sheet (ورود اعضا از اکسل): the fields a column can hold and what a column
// mapping lacks. The headers and the fields they are recognised as come from the backend
// (memberImportHeaders), which alone knows the recognised names.
import type { Field } from "./bindings/Field";

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

/** What is wrong with a mapping: required fields no column holds, and fields given to two columns. */
export function mappingProblems(mapping: readonly (SheetField | null)[]): { missing: SheetField[]; twice: SheetField[] } {
  const missing = REQUIRED_SHEET_FIELDS.filter((field) => !mapping.includes(field));
  const twice = SHEET_FIELDS.filter((field) => mapping.filter((chosen) => chosen === field).length > 1);
  return { missing, twice };
}
