// uPlot, loaded on first use (the dashboard's chart), so the rest of the app never waits for it.
// At load uPlot builds `new Intl.NumberFormat(navigator.language)`. Where the system's locale is
// POSIX "C" (LANG=C.UTF-8), WebKit reports navigator.language "C", which is no BCP 47 tag, and
// that constructor throws, failing the whole module. uPlot's own number formats are never shown
// (every axis has our formatter), so such a tag is replaced by the display language first.
import type uPlot from "uplot";
import type { Locale } from "./digits";

/** Whether Intl accepts `tag` as a language. */
export function isLanguageTag(tag: string | undefined): boolean {
  if (!tag) return false;
  try {
    new Intl.NumberFormat(tag);
    return true;
  } catch {
    return false;
  }
}

/** Make navigator.language a tag Intl accepts, when it is not one. */
export function ensureLanguageTag(locale: Locale, nav: Navigator = navigator): void {
  if (isLanguageTag(nav.language)) return;
  const tag = locale === "fa" ? "fa-IR" : "en-US";
  Object.defineProperty(nav, "language", { configurable: true, get: () => tag });
}

/** The uPlot constructor. */
export async function loadUPlot(locale: Locale): Promise<typeof uPlot> {
  ensureLanguageTag(locale);
  return (await import("uplot")).default;
}
