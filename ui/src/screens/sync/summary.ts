// A period summary (the report's figures) as tables a person can read. The summary is JSON
// built by the backend, section by section (profile, members, capital, meetings, production,
// workforce, quality); it is read generically, so a new field or section still shows: a
// section's plain values become one table of «عنوان | مقدار», each group of values inside
// it (e.g. members by status) a table of its own, and each list (meetings held, products
// made) a table with a column per field. Words come from the catalogue where it knows the
// key; amounts of money get the unit, percentages «٪», ISO dates the Jalali calendar, and
// every figure the locale's digits. Nothing is rounded.
import type { Locale } from "../../lib/digits";
import { localeDigits } from "../../lib/digits";
import { formatNumber } from "../../lib/format";
import type { Messages } from "../../lib/i18n/fa";
import { formatJalali, monthName } from "../../lib/jalali";
import { formatPercent, formatRials } from "../../lib/money";
import { monthWords } from "../../lib/period";

/** One value as shown: its text, and whether it is a figure (aligned to the end). */
export type Cell = { text: string; numeric: boolean; ltr: boolean };

/** A table of labelled values («عنوان | مقدار»). */
export type FactsBlock = { type: "facts"; key: string; title: string | null; rows: { key: string; label: string; value: Cell }[] };

/** A list as a table, a column per field. */
export type ListBlock = {
  type: "list";
  key: string;
  title: string;
  columns: { key: string; label: string; numeric: boolean }[];
  rows: Cell[][];
};

export type Block = FactsBlock | ListBlock;
export type SectionView = { key: string; title: string; blocks: Block[] };

/** The sections in the order the report has them; others follow in their own order. */
const ORDER = ["profile", "members", "capital", "meetings", "production", "workforce", "quality"];

/** Fields that are amounts of money (rials as decimal strings). */
const MONEY = new Set([
  "subscribed",
  "paid",
  "arrears",
  "par_value",
  "refunded",
  "capitalised",
  "value",
  "made_value",
  "sold_value",
  "export_value",
  "import_substitution_value",
]);

/** Identifiers written digit by digit, never grouped by thousands. */
const IDENTIFIERS = new Set(["legal_id", "registration_number", "national_code", "postal_code", "product_code"]);

/**
 * The order fields are read in, by the object that holds them (the report's JSON has its keys
 * sorted alphabetically); fields not listed follow in their own order.
 */
const FIELD_ORDER: Record<string, readonly string[]> = {
  profile: ["cooperative", "fiscal_year_start", "statute"],
  cooperative: ["name", "legal_id", "registration_number", "registration_date", "kind", "province", "city"],
  statute: ["version", "effective_from"],
  members: ["active", "active_working", "joined", "admitted", "by_status", "active_by_kind", "active_by_gender", "left"],
  by_status: ["applicant", "active", "withdrawn", "expelled", "deceased"],
  active_by_kind: ["person", "legal"],
  active_by_gender: ["female", "male", "unspecified"],
  left: ["total", "withdrawn", "expelled", "deceased"],
  capital: ["at_end", "changes"],
  at_end: ["shareholders", "shares", "par_value", "subscribed", "paid", "arrears", "members_in_arrears", "largest_holding_pct"],
  changes: [
    "subscribed_shares",
    "subscribed",
    "paid",
    "refunded_shares",
    "refunded",
    "capitalised_shares",
    "capitalised",
    "transferred_shares",
  ],
  meetings: ["cancelled", "totals", "held", "offices"],
  held: ["meeting", "date", "kind", "annual", "call", "quorum_met", "resolutions", "resolutions_passed", "resolutions_failed", "elections"],
  totals: ["assemblies", "board_meetings", "quorum_failed", "resolutions", "resolutions_passed", "elections"],
  offices: ["body", "role", "seats", "term_start", "term_end"],
  production: ["made_value", "sold_value", "export_value", "import_substitution_value", "made", "sold", "exports"],
  made: ["product", "name", "unit", "quantity", "value"],
  sold: ["product", "name", "unit", "quantity", "value", "export_quantity", "export_value", "import_substitution_value"],
  exports: ["product", "name", "unit", "destination", "currency", "quantity", "value", "foreign_amount"],
  workforce: ["months_in_period", "months_recorded", "average_headcount", "hours", "months"],
  months: ["month", "member_workers", "employees", "headcount", "women", "insured", "hours"],
  quality: ["tests", "passed", "pass_rate", "products"],
  products: ["product", "name", "tests", "passed", "pass_rate"],
};

/** Keys in the order their holder's fields are read. */
function ordered(parent: string, keys: readonly string[]): string[] {
  const order = FIELD_ORDER[parent] ?? [];
  const rank = (key: string) => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_KEY = /^\d{4}-\d{2}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

type Words = Messages["sync"]["summary"];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isScalar = (value: unknown): boolean => value === null || typeof value !== "object";

/** A Jalali month and day ({month: 1, day: 1}) reads as «۱ فروردین». */
function isMonthDay(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof value.month === "number" && typeof value.day === "number";
}

class Reader {
  readonly #m: Messages;
  readonly #w: Words;
  readonly #locale: Locale;

  constructor(messages: Messages, locale: Locale) {
    this.#m = messages;
    this.#w = messages.sync.summary;
    this.#locale = locale;
  }

  /** The words for a field, the most specific first (`members:active`, then `active`), else the key itself. */
  label(key: string, parent: string | null): string {
    const fields: Record<string, string> = this.#w.fields;
    return (parent !== null ? fields[`${parent}:${key}`] : undefined) ?? fields[key] ?? key.replace(/_/g, " ");
  }

  /** A value as text, by what its field is. */
  cell(key: string, value: unknown): Cell {
    const locale = this.#locale;
    const plain = (text: string, numeric = false, ltr = false): Cell => ({ text, numeric, ltr });
    if (value === null || value === undefined) return plain(this.#w.none);
    if (typeof value === "boolean") return plain(value ? this.#w.yes : this.#w.no);
    if (typeof value === "number" || typeof value === "bigint") return plain(formatNumber(value, locale), true);
    if (Array.isArray(value)) {
      const parts = value.map((item) => this.cell(key, item).text);
      return plain(parts.length === 0 ? this.#w.none : parts.join(this.#m.common.listSeparator));
    }
    if (isRecord(value)) {
      if (isMonthDay(value)) {
        return plain(`${localeDigits(String(value.day), locale)} ${monthName(Number(value.month), locale)}`);
      }
      const parts = Object.entries(value).map(([k, v]) => `${this.label(k, key)}: ${this.cell(k, v).text}`);
      return plain(parts.join(this.#m.common.listSeparator));
    }
    const text = String(value);
    if (IDENTIFIERS.has(key)) return plain(localeDigits(text, locale));
    if (MONEY.has(key) && DECIMAL.test(text)) return plain(this.#w.rials(formatRials(text, locale)), true);
    if ((key.endsWith("_pct") || key.endsWith("_rate")) && DECIMAL.test(text)) {
      return plain(this.#w.percent(formatPercent(text, locale)), true);
    }
    if (ISO_DATE.test(text)) return plain(formatJalali(text, { locale }));
    if (MONTH_KEY.test(text)) return plain(monthWords(text, locale));
    if (DECIMAL.test(text)) return plain(formatNumber(text, locale), true);
    const word = this.word(key, text);
    if (word !== null) return plain(word);
    // Names and codes as recorded (a currency code, a legal ID) keep their own direction.
    return plain(localeDigits(text, locale), false, /^[\x20-\x7e]+$/.test(text) && /[A-Za-z]/.test(text));
  }

  /** The catalogue's word for an enumerated value (a unit, a province, a meeting's kind), if it has one. */
  word(key: string, text: string): string | null {
    const lookup = (table: Record<string, string>) => (Object.hasOwn(table, text) ? (table[text] ?? null) : null);
    if (key === "unit") return lookup(this.#m.units);
    if (key === "province") return lookup(this.#m.provinces);
    if (key === "kind") return lookup(this.#m.kinds) ?? lookup(this.#w.values);
    return lookup(this.#w.values);
  }

  section(key: string, value: unknown): SectionView {
    const sections: Record<string, string> = this.#w.sections;
    const title = sections[key] ?? key;
    const main: FactsBlock = { type: "facts", key: `${key}-main`, title: null, rows: [] };
    const rest: Block[] = [];
    if (isRecord(value)) this.#walk(key, value, null, main, rest);
    else main.rows.push({ key, label: title, value: this.cell(key, value) });
    return { key, title, blocks: main.rows.length > 0 ? [main, ...rest] : rest };
  }

  /** Plain values into `into`; groups and lists into blocks of their own. */
  #walk(parent: string, value: Record<string, unknown>, prefix: string | null, into: FactsBlock, blocks: Block[]): void {
    for (const key of ordered(parent, Object.keys(value))) {
      const item = value[key];
      const label = this.label(key, parent);
      const title = prefix === null ? label : `${prefix} — ${label}`;
      if (isScalar(item) || (isRecord(item) && isMonthDay(item))) {
        into.rows.push({ key, label, value: this.cell(key, item) });
      } else if (Array.isArray(item)) {
        if (item.length > 0 && item.every(isRecord)) blocks.push(this.#list(key, title, item));
        else if (item.length === 0) blocks.push({ type: "list", key, title, columns: [], rows: [] });
        else into.rows.push({ key, label, value: this.cell(key, item) });
      } else if (isRecord(item)) {
        const group: FactsBlock = { type: "facts", key: `${parent}-${key}`, title, rows: [] };
        const nested: Block[] = [];
        this.#walk(key, item, title, group, nested);
        if (group.rows.length > 0) blocks.push(group);
        blocks.push(...nested);
      }
    }
  }

  #list(key: string, title: string, items: readonly Record<string, unknown>[]): ListBlock {
    const keys: string[] = [];
    for (const item of items) for (const k of ordered(key, Object.keys(item))) if (!keys.includes(k)) keys.push(k);
    const rows = items.map((item) => keys.map((k) => this.cell(k, item[k])));
    const columns = keys.map((k, i) => ({
      key: k,
      label: this.label(k, key),
      numeric: rows.every((row) => row[i]?.numeric || row[i]?.text === this.#w.none),
    }));
    return { type: "list", key, title, columns, rows };
  }
}

/** The summary's sections as tables, in the report's order. */
export function summaryView(summary: Record<string, unknown>, messages: Messages, locale: Locale): SectionView[] {
  const reader = new Reader(messages, locale);
  const keys = Object.keys(summary).sort((a, b) => {
    const x = ORDER.indexOf(a);
    const y = ORDER.indexOf(b);
    return (x < 0 ? ORDER.length : x) - (y < 0 ? ORDER.length : y);
  });
  return keys.map((key) => reader.section(key, summary[key]));
}
