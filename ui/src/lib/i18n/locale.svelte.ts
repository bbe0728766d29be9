// The display language: a rune-backed store, remembered in localStorage, that
// flips <html lang/dir>. Components read `i18n.m` (the catalogue) and the
// formatting helpers, which follow the current locale.
import type { ErrorCode } from "../bindings/ErrorCode";
import type { ErrorDetails } from "../bindings/ErrorDetails";
import { localeDigits, type Locale } from "../digits";
import { describeError } from "../error-text";
import { formatDateTime, formatNumber } from "../format";
import { formatJalali, type JalaliFormat } from "../jalali";
import { en } from "./en";
import { fa, type Messages } from "./fa";

export type { Locale, Messages };

const STORAGE_KEY = "hamyar.locale";
const CATALOGUES: Record<Locale, Messages> = { fa, en };

function storedLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === "en" ? "en" : "fa";
  } catch {
    return "fa"; // storage can be unavailable; Persian is the default
  }
}

/** Set <html lang dir>. The window title stays «همیار» in both languages. */
function applyToDocument(locale: Locale): void {
  if (typeof document === "undefined") return;
  const root = document.documentElement;
  root.lang = locale;
  root.dir = locale === "fa" ? "rtl" : "ltr";
  document.title = fa.app.name;
}

class I18n {
  locale: Locale = $state(storedLocale());

  /** The current catalogue. */
  get m(): Messages {
    return CATALOGUES[this.locale];
  }

  get dir(): "rtl" | "ltr" {
    return this.locale === "fa" ? "rtl" : "ltr";
  }

  set(locale: Locale): void {
    this.locale = locale;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // Not remembered across restarts, but the switch itself still works.
    }
    applyToDocument(locale);
  }

  toggle(): void {
    this.set(this.locale === "fa" ? "en" : "fa");
  }

  /** Put the stored locale on <html>; called once at start-up. */
  apply(): void {
    applyToDocument(this.locale);
  }

  /** The sentence for an error code, saying the member, limit and value when the details carry them. */
  error(code: ErrorCode, details: ErrorDetails | null = null): string {
    return describeError(code, details, this.m, this.locale);
  }

  number(value: number | bigint | string): string {
    return formatNumber(value, this.locale);
  }

  digits(text: string): string {
    return localeDigits(text, this.locale);
  }

  date(iso: string, options: Omit<JalaliFormat, "locale"> = {}): string {
    return formatJalali(iso, { ...options, locale: this.locale });
  }

  dateTime(rfc3339: string, options: { long?: boolean } = {}): string {
    return formatDateTime(rfc3339, this.locale, options);
  }
}

/** The app's one language store. */
export const i18n = new I18n();
