// What the year-end screens share: the year last shown (so «بازگشت» from a print preview
// lands on it again), the percentages the board is trying (so the printed proposal is the
// one on screen), each status's look, and the live distribution — the percentages as
// typed, re-proposed a moment after each change, with what the backend refused by field.
import { yearPropose } from "../../lib/api";
import type { Choices } from "../../lib/bindings/Choices";
import type { IpcError } from "../../lib/bindings/IpcError";
import type { Proposal } from "../../lib/bindings/Proposal";
import type { YearStatus } from "../../lib/bindings/YearStatus";
import { codesByField, toApiError, type ApiError } from "../../lib/errors";
import type { Problems } from "../../lib/form-submit.svelte";
import type { IconName } from "../../lib/ui/Icon.svelte";
import type { Tone } from "../../lib/ui/tone";
import { CHOICE_FIELDS, EMPTY_CHOICES, readChoices, type ChoiceField, type ChoiceTexts } from "../../lib/year";

class YearState {
  /** The fiscal year the screen showed last. */
  selected: number | null = $state(null);
  /** The percentages last proposed for each closed year (empty = the defaults). */
  choices: Record<number, Choices> = $state({});
}

export const yearState = new YearState();

/** A status's badge: icon and tone (the word says it; the colour only repeats it). */
export function statusLook(status: YearStatus): { icon: IconName; tone: Tone } {
  switch (status) {
    case "open":
      return { icon: "history", tone: "neutral" };
    case "ended":
      return { icon: "alert", tone: "warning" };
    case "closed":
      return { icon: "info", tone: "info" };
    case "approved":
      return { icon: "check", tone: "success" };
  }
}

/** How long typing pauses before the proposal is computed again. */
export const PROPOSE_DELAY_MS = 350;

/**
 * A closed year's distribution as the board amends its percentages: the texts typed, the
 * proposal they give (the page's default one until something is typed), and why the last
 * try was refused — by field when it named the percentages, else as a whole.
 */
export class Distribution {
  readonly year: number;
  texts: ChoiceTexts = $state({ ...EMPTY_CHOICES });
  proposal: Proposal | null = $state.raw(null);
  /** A refusal that names no percentage (e.g. no work recorded), or null. */
  failure: ApiError | IpcError | null = $state.raw(null);
  problems: Problems<ChoiceField> = $state({});
  busy = $state(false);
  #round = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(year: number, proposal: Proposal | null, failure: IpcError | null, texts?: Choices) {
    this.year = year;
    this.proposal = proposal;
    this.failure = failure;
    if (texts) this.texts = { ...EMPTY_CHOICES, ...texts };
  }

  /** The percentages to send, or null when one cannot be read (it is marked). */
  choices(): Choices | null {
    const read = readChoices(this.texts);
    if (read.ok) return read.choices;
    this.problems = read.problems;
    return null;
  }

  /** Something was typed: compute again once typing pauses. */
  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.propose(), PROPOSE_DELAY_MS);
  }

  /** Stop a pending computation (the screen is going away). */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#round += 1;
  }

  /** Compute the proposal for the percentages typed now. */
  async propose(): Promise<void> {
    clearTimeout(this.#timer);
    const mine = ++this.#round;
    const read = readChoices(this.texts);
    if (!read.ok) {
      this.problems = read.problems;
      return;
    }
    yearState.choices[this.year] = read.choices;
    this.busy = true;
    try {
      const proposal = await yearPropose(this.year, read.choices);
      if (mine !== this.#round) return;
      this.proposal = proposal;
      this.problems = {};
      this.failure = null;
    } catch (reason) {
      if (mine !== this.#round) return;
      this.refused(toApiError(reason));
    } finally {
      if (mine === this.#round) this.busy = false;
    }
  }

  /**
   * A refusal about the percentages (from proposing or approving): true when it named some of
   * them, which are then marked beside their boxes; otherwise it is kept as the whole failure.
   */
  refused(error: ApiError): boolean {
    const named = percentProblems(error);
    if (named) {
      this.problems = named;
      return true;
    }
    this.problems = {};
    this.failure = error;
    this.proposal = null;
    return false;
  }
}

/** The percentages a validation refusal named, or null when it named none of them. */
export function percentProblems(error: ApiError): Problems<ChoiceField> | null {
  if (error.code !== "validation_failed") return null;
  const all = codesByField(error.fields);
  const problems: Problems<ChoiceField> = {};
  for (const field of CHOICE_FIELDS) if (all[field]) problems[field] = all[field];
  return Object.keys(problems).length > 0 ? problems : null;
}
