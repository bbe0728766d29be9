// The sync screen's words that follow the display language: a period's name, an outbox
// state's badge.
import type { OutboxState } from "../../lib/bindings/OutboxState";
import { i18n } from "../../lib/i18n/locale.svelte";
import { parsePeriod, periodWords } from "../../lib/period";
import type { IconName } from "../../lib/ui/Icon.svelte";
import type { Tone } from "../../lib/ui/tone";

/** A period's label (`1404-Q4`, `1403`) in words: «فصل ۴ سال ۱۴۰۴», «سال مالی ۱۴۰۳»; the label itself otherwise. */
export function periodLabel(label: string): string {
  const period = parsePeriod(label);
  if (!period) return i18n.digits(label);
  return periodWords(period, { quarter: i18n.m.sync.quarter, fiscalYear: i18n.m.sync.fiscalYear }, i18n.locale);
}

/** An outbox state's badge: the word says it, the icon and colour repeat it. */
export function stateLook(state: OutboxState): { icon: IconName; tone: Tone } {
  switch (state) {
    case "sent":
      return { icon: "check", tone: "success" };
    case "parked":
      return { icon: "alert", tone: "danger" };
    case "pending":
      return { icon: "history", tone: "warning" };
  }
}

/** Keeps a value of the other direction (a receipt number, the registry's English words) whole inside a sentence. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
