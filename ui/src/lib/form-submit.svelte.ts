// Saving a card's form: busy while the backend works, and when it refuses, the
// fields it named (each with its sentence next to it) and one sentence for the
// form's foot saying that nothing was saved and why. The form's own checks before
// a save speak the same way. One object a form, read by its markup:
// `submit.busy`, `submit.error("date")`, `submit.failure`.
import type { ErrorCode } from "./bindings/ErrorCode";
import type { Field } from "./bindings/Field";
import { codesByField, toApiError, type ApiError } from "./errors";
import { i18n } from "./i18n/locale.svelte";

/** The first problem of each field. */
export type Problems<F extends Field = Field> = Partial<Record<F, ErrorCode>>;

/** What the foot of a form says when a save is refused. */
export type RefusalSentences = {
  /**
   * The refusal named fields of the form (or the form's own checks found some),
   * e.g. «ذخیره نشد؛ موارد مشخص‌شده را اصلاح کنید.». Without it, every refusal
   * is said by `reason` and no field is marked.
   */
  fields?: string;
  /** The refusal named no field of the form: the sentence around the error's own sentence. */
  reason: (reason: string) => string;
};

/** A refused save: the fields the backend named, and the sentence for the form's foot. */
export type Refusal<F extends Field = Field> = { problems: Problems<F>; message: string };

/**
 * Reads a refusal: a `validation_failed` naming fields marks them (only those in
 * `shown`, when given) and says `fields`; anything else says `reason` with the
 * error's own sentence.
 */
export function readRefusal<F extends Field = Field>(
  error: ApiError,
  sentences: RefusalSentences,
  shown?: readonly F[],
): Refusal<F> {
  if (sentences.fields !== undefined && error.code === "validation_failed" && error.fields.length > 0) {
    const all: Problems = codesByField(error.fields);
    const problems: Problems<F> = {};
    for (const field of shown ?? (Object.keys(all) as F[])) {
      if (all[field] !== undefined) problems[field] = all[field];
    }
    if (Object.keys(problems).length > 0) return { problems, message: sentences.fields };
  }
  return { problems: {}, message: sentences.reason(i18n.error(error.code, error.details)) };
}

export class FormSubmit<F extends Field = Field> {
  /** A save is running: the save button shows it and a second save waits. */
  busy = $state(false);
  /** The fields marked, by the form's own checks or by the backend's refusal. */
  problems: Problems<F> = $state({});
  /** The sentence at the form's foot, or null. */
  failure: string | null = $state(null);
  readonly #sentences: () => RefusalSentences;
  readonly #shown: readonly F[] | undefined;

  /**
   * `sentences` is read when a refusal comes (so it follows the display language);
   * `shown`, when given, are the only fields the form can mark.
   */
  constructor(sentences: () => RefusalSentences, shown?: readonly F[]) {
    this.#sentences = sentences;
    this.#shown = shown;
  }

  /** The sentence for the field's problem, or null. */
  error(field: F): string | null {
    const code = this.problems[field];
    return code ? i18n.error(code) : null;
  }

  /**
   * The form's own checks before a save: marks what they found and clears the
   * foot; when they found anything, the foot says `sentence` (the `fields`
   * sentence unless given; null says nothing) and this is false.
   */
  check(found: Problems<F>, sentence?: string | null): boolean {
    this.problems = found;
    this.failure = null;
    if (Object.keys(found).length === 0) return true;
    this.failure = sentence === undefined ? (this.#sentences().fields ?? null) : sentence;
    return false;
  }

  /**
   * Runs the save (the command, and what follows it: the toast, clearing the form,
   * reloading). A refusal is marked and said, unless `recover` takes it (returns
   * true). True when the save went through.
   */
  async run(save: () => Promise<unknown>, recover?: (error: ApiError) => boolean | Promise<boolean>): Promise<boolean> {
    this.busy = true;
    try {
      await save();
      return true;
    } catch (reason) {
      const error = toApiError(reason);
      if (recover && (await recover(error))) return false;
      const refusal = readRefusal(error, this.#sentences(), this.#shown);
      this.problems = refusal.problems;
      this.failure = refusal.message;
      return false;
    } finally {
      this.busy = false;
    }
  }
}
