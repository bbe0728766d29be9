// The production entry grid's logic, apart from its looks: what a row holds while it
// is typed, what a new row starts with (the date, workshop and shift of the row
// above; the last unit value used for the product), which products the product
// cell offers for what was typed, what a key does where the keyboard is, the
// ProductionInput a row stands for, and the running totals. Pure, so the grid's
// keyboard behaviour is tested without a browser. Quantities and rials stay strings.
import type { ErrorCode } from "./bindings/ErrorCode";
import type { FieldError } from "./bindings/FieldError";
import type { Product } from "./bindings/Product";
import type { ProductionEntry } from "./bindings/ProductionEntry";
import type { ProductionInput } from "./bindings/ProductionInput";
import { localeDigits, toAsciiDigits, type Locale } from "./digits";
import { formatNumber, parseInteger } from "./format";
import { formatJalali, parseJalali } from "./jalali";
import { formatRials, parseDecimal, parseRials, sumRials } from "./money";
import { normalizeSearch } from "./search";

/** The grid's cells, in reading order, named as on the wire (each input's `name`). */
export const GRID_FIELDS = [
  "date",
  "product",
  "quantity",
  "unit_value",
  "workshop",
  "shift",
  "membership_no",
  "hours",
] as const;
export type GridField = (typeof GRID_FIELDS)[number];

/** The column after the fields: a saved row's action («برگشت»). */
export const ACTION_COLUMN = GRID_FIELDS.length;
/** The last column a row being entered has (its hours). */
export const LAST_FIELD_COLUMN = GRID_FIELDS.length - 1;
export const PRODUCT_COLUMN = GRID_FIELDS.indexOf("product");

export type GridProblems = Partial<Record<GridField, ErrorCode>>;

/** A row being entered, as typed. */
export type Draft = {
  /** Stable key for the page (never reused). */
  key: number;
  date: string;
  /** The product picked, or null while none is. */
  product: number | null;
  /** What the product cell shows: the picked product's name, or what is being typed. */
  productText: string;
  quantity: string;
  unit_value: string;
  /** The unit value was filled in from the product's last one, not typed. */
  unitValueFilled: boolean;
  workshop: string;
  shift: string;
  membership_no: string;
  hours: string;
  /** Each cell's problem: a local one (required) or the backend's refusal. */
  problems: GridProblems;
  /** A refusal that names no cell (e.g. the ledger could not be written). */
  refusal: ErrorCode | null;
  /** Cells the clerk has left: their problems are shown. */
  touched: Partial<Record<GridField, true>>;
  /** Sent to the backend, waiting for the answer (its cells are read-only). */
  saving: boolean;
  /** The last save was refused (locally or by the backend); nothing was recorded. */
  refused: boolean;
};

/** What a new row copies from the row above. */
export type RowSeed = { date: string; workshop: string; shift: string };

/** The seed a saved entry gives the row after it (its date in Jalali, in the locale's digits). */
export function seedFromEntry(entry: ProductionEntry, locale: Locale = "fa"): RowSeed {
  return {
    date: formatJalali(entry.date, { locale }),
    workshop: entry.workshop ?? "",
    shift: entry.shift ?? "",
  };
}

/** The seed a row being entered gives the row after it. */
export function seedFromDraft(draft: Draft): RowSeed {
  return { date: draft.date, workshop: draft.workshop, shift: draft.shift };
}

/** A fresh row: the row above's date, workshop and shift, or today's date when it is the first. */
export function newDraft(key: number, above: RowSeed | null, todayIso: string, locale: Locale = "fa"): Draft {
  return {
    key,
    date: above?.date || formatJalali(todayIso, { locale }),
    product: null,
    productText: "",
    quantity: "",
    unit_value: "",
    unitValueFilled: false,
    workshop: above?.workshop ?? "",
    shift: above?.shift ?? "",
    membership_no: "",
    hours: "",
    problems: {},
    refusal: null,
    touched: {},
    saving: false,
    refused: false,
  };
}

/** Whether nothing of the row's own was typed (the copied date, workshop and shift do not count). */
export function isBlank(draft: Draft): boolean {
  return [draft.productText, draft.quantity, draft.unit_value, draft.membership_no, draft.hours].every(
    (text) => text.trim() === "",
  );
}

/** Whether the row has what a save needs: a date, a product, a quantity and a unit value, and hours with a member. */
export function isComplete(draft: Draft): boolean {
  const filled = (text: string) => text.trim() !== "";
  return (
    filled(draft.date) &&
    draft.product !== null &&
    filled(draft.quantity) &&
    filled(draft.unit_value) &&
    filled(draft.membership_no) === filled(draft.hours)
  );
}

/** The row's problems that need no backend: empty required cells, a product typed but not picked, an unreadable date. */
export function localProblems(draft: Draft): GridProblems {
  const problems: GridProblems = {};
  const blank = (text: string) => text.trim() === "";
  if (blank(draft.date)) problems.date = "required";
  else if (!parseJalali(draft.date).ok && !/^\d{4}-\d{2}-\d{2}$/.test(toAsciiDigits(draft.date.trim()))) {
    problems.date = "date_format";
  }
  if (draft.product === null) problems.product = blank(draft.productText) ? "required" : "unknown_product";
  if (blank(draft.quantity)) problems.quantity = "required";
  if (blank(draft.unit_value)) problems.unit_value = "required";
  if (!blank(draft.membership_no) && parseInteger(draft.membership_no) === null) problems.membership_no = "unknown_member";
  if (blank(draft.membership_no) && !blank(draft.hours)) problems.membership_no = "required";
  if (!blank(draft.membership_no) && blank(draft.hours)) problems.hours = "required";
  return problems;
}

/** The input a row stands for, or its local problems. Numbers are sent normalised when readable, else as typed (the backend says why). */
export function draftInput(draft: Draft): { ok: true; input: ProductionInput } | { ok: false; problems: GridProblems } {
  const problems = localProblems(draft);
  if (Object.keys(problems).length > 0 || draft.product === null) return { ok: false, problems };
  const parsedDate = parseJalali(draft.date);
  const date = parsedDate.ok ? parsedDate.iso : toAsciiDigits(draft.date.trim());
  const quantity = parseDecimal(draft.quantity) ?? toAsciiDigits(draft.quantity.trim());
  const unitValue = parseRials(draft.unit_value) ?? toAsciiDigits(draft.unit_value.trim());
  const member = draft.membership_no.trim() === "" ? null : parseInteger(draft.membership_no);
  return {
    ok: true,
    input: {
      date,
      product: draft.product,
      quantity,
      unit_value: unitValue,
      unit: null,
      workshop: draft.workshop.trim(),
      shift: draft.shift.trim(),
      workers:
        member === null ? [] : [{ membership_no: member, hours: parseDecimal(draft.hours) ?? toAsciiDigits(draft.hours.trim()) }],
    },
  };
}

const GRID_FIELD_SET: ReadonlySet<string> = new Set(GRID_FIELDS);

/** A refusal's field errors on the grid's cells (the first per cell); errors about other fields are returned apart. */
export function problemsOf(errors: readonly FieldError[]): { cells: GridProblems; other: ErrorCode | null } {
  const cells: GridProblems = {};
  let other: ErrorCode | null = null;
  for (const { field, code } of errors) {
    if (GRID_FIELD_SET.has(field)) cells[field as GridField] ??= code;
    else if (field === "unit") cells.quantity ??= code;
    else other ??= code;
  }
  return { cells, other };
}

/** The first cell, in reading order, that has a problem. */
export function firstProblem(problems: GridProblems): GridField | null {
  return GRID_FIELDS.find((field) => problems[field] !== undefined) ?? null;
}

/** A cell's text shown back after the clerk leaves it: normalised, in the locale's digits. Unreadable text stays as typed. */
export function tidyCell(field: GridField, text: string, locale: Locale = "fa"): string {
  const trimmed = text.trim();
  if (trimmed === "") return "";
  switch (field) {
    case "date": {
      const parsed = parseJalali(trimmed);
      return parsed.ok ? formatJalali(parsed.iso, { locale }) : text;
    }
    case "quantity":
    case "hours": {
      const value = parseDecimal(trimmed);
      return value === null ? text : formatNumber(value, locale);
    }
    case "unit_value": {
      const value = parseRials(trimmed);
      return value === null ? text : formatRials(value, locale);
    }
    case "membership_no": {
      const value = parseInteger(trimmed);
      return value === null ? text : localeDigits(String(value), locale);
    }
    default:
      return text;
  }
}

// ---------------------------------------------------------------- products

/** A product's search key: its name and code, normalised. */
function productKey(product: Product): string {
  return normalizeSearch(`${product.name} ${product.code ?? ""}`);
}

/**
 * The products the product cell offers for what was typed: products still in use,
 * the one whose id is exactly the digits typed first, then ids that start with
 * them, then names that start with the text, then names and codes that hold it.
 */
export function filterProducts(products: readonly Product[], query: string, limit = 8): Product[] {
  const active = products.filter((product) => product.retired === null);
  const typed = normalizeSearch(query);
  if (typed === "") return active.slice(0, limit);
  const digits = /^\d+$/.test(typed);
  const ranked: { product: Product; rank: number }[] = [];
  for (const product of active) {
    const id = String(product.product);
    const key = productKey(product);
    const name = normalizeSearch(product.name);
    let rank = -1;
    if (digits && id === typed) rank = 0;
    else if (digits && id.startsWith(typed)) rank = 1;
    else if (name.startsWith(typed)) rank = 2;
    else if (key.includes(typed)) rank = 3;
    if (rank >= 0) ranked.push({ product, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.product.product - b.product.product);
  return ranked.slice(0, limit).map((r) => r.product);
}

/** The product the text names exactly (its id, name or code), if one does. */
export function exactProduct(products: readonly Product[], text: string): Product | null {
  const typed = normalizeSearch(text);
  if (typed === "") return null;
  return (
    products.find(
      (p) =>
        p.retired === null &&
        (String(p.product) === typed || normalizeSearch(p.name) === typed || normalizeSearch(p.code ?? "") === typed),
    ) ?? null
  );
}

/** The unit value last used for each product, from entries in recording order (reversals do not count). */
export function lastUnitValues(entries: readonly ProductionEntry[]): Map<number, string> {
  const values = new Map<number, string>();
  for (const entry of entries) if (entry.reverses === null) values.set(entry.product, entry.unit_value);
  return values;
}

// ---------------------------------------------------------------- totals

/** The running totals under the grid: rows that stand (neither reversed nor a reversal), and the net value. */
export function gridTotals(entries: readonly ProductionEntry[]): { count: number; value: string } {
  let count = 0;
  for (const entry of entries) if (entry.reverses === null && entry.reversed_by === null) count++;
  return { count, value: sumRials(entries.map((entry) => entry.value)) };
}

// ---------------------------------------------------------------- keyboard

/** Where the keyboard is in the grid. */
export type GridPlace = {
  /** The row, among all the grid's rows (saved first, then those being entered). */
  row: number;
  /** The column: 0…7 the fields, 8 a saved row's action. */
  col: number;
  /** How many rows the grid has. */
  rows: number;
  /** The first row in the page (earlier ones are behind «نمایش ردیف‌های پیشین»). */
  firstRow: number;
  /** The rows from here on are being entered (the saved ones come before). */
  firstDraft: number;
  /** The product list is open under this cell. */
  listOpen: boolean;
  /** The row being entered has what a save needs. */
  complete: boolean;
  /** Right-to-left: ArrowLeft moves on in reading order. */
  rtl: boolean;
};

export type GridKey = { key: string; shiftKey?: boolean; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean };

/** What a key does. "native": nothing here; the browser does what it does (typing, Tab). */
export type GridMove =
  | { kind: "native" }
  | { kind: "focus"; row: number; col: number }
  | { kind: "save" }
  | { kind: "clear" }
  | { kind: "list"; step: 1 | -1 }
  /** Pick the highlighted product; then move to the next cell, or let Tab move on. */
  | { kind: "pick"; then: "next-cell" | "native" }
  | { kind: "close-list" };

const NATIVE: GridMove = { kind: "native" };

/** The column a row being entered can take (it has no action cell). */
function draftColumn(col: number): number {
  return Math.min(col, LAST_FIELD_COLUMN);
}

/** The column of the row `row`, as the keyboard lands there from column `col`. */
function landing(place: GridPlace, row: number, col: number): GridMove {
  return { kind: "focus", row, col: row >= place.firstDraft ? draftColumn(col) : col };
}

/** What a key does where the keyboard is. */
export function gridKey(event: GridKey, place: GridPlace): GridMove {
  if (event.ctrlKey || event.altKey || event.metaKey) return NATIVE;
  const draft = place.row >= place.firstDraft;
  const { key } = event;

  if (draft && place.listOpen) {
    switch (key) {
      case "ArrowDown":
        return { kind: "list", step: 1 };
      case "ArrowUp":
        return { kind: "list", step: -1 };
      case "Enter":
        return { kind: "pick", then: "next-cell" };
      case "Tab":
        return { kind: "pick", then: "native" };
      case "Escape":
        return { kind: "close-list" };
      default:
        return NATIVE;
    }
  }

  if (key === "ArrowUp") return place.row - 1 >= place.firstRow ? landing(place, place.row - 1, place.col) : NATIVE;
  if (key === "ArrowDown") return place.row + 1 < place.rows ? landing(place, place.row + 1, place.col) : NATIVE;

  if (draft) {
    switch (key) {
      case "Enter":
        if (place.complete || place.col >= LAST_FIELD_COLUMN) return { kind: "save" };
        return { kind: "focus", row: place.row, col: place.col + 1 };
      case "Escape":
        return { kind: "clear" };
      default:
        return NATIVE; // typing, caret keys, Tab
    }
  }

  // A saved row: read-only cells the arrows walk through, and its action.
  const onward = place.rtl ? "ArrowLeft" : "ArrowRight";
  const backward = place.rtl ? "ArrowRight" : "ArrowLeft";
  switch (key) {
    case onward:
      return { kind: "focus", row: place.row, col: Math.min(place.col + 1, ACTION_COLUMN) };
    case backward:
      return { kind: "focus", row: place.row, col: Math.max(place.col - 1, 0) };
    case "Home":
      return { kind: "focus", row: place.row, col: 0 };
    case "End":
      return { kind: "focus", row: place.row, col: ACTION_COLUMN };
    case "Escape":
      // Back to the row being entered, in its product cell.
      return place.rows > place.firstDraft ? { kind: "focus", row: place.rows - 1, col: PRODUCT_COLUMN } : NATIVE;
    default:
      return NATIVE;
  }
}

/** The highlighted option after a step through a list of `count` (wrapping at both ends). */
export function stepOption(current: number, step: 1 | -1, count: number): number {
  if (count <= 0) return 0;
  return (current + step + count) % count;
}

/** The first row to put in the page: the last `shown` rows, and never a row being entered left out. */
export function firstShownRow(savedCount: number, shown: number): number {
  return Math.max(0, savedCount - shown);
}
