// The backend's verdict on a form while the user fills it in (profile_check,
// member_check). A field's messages show once the user has left it, or has tried
// to save; only the latest check speaks, so a slow answer to an older check never
// overwrites a newer one, and a save silences the checks still running.
import type { ErrorCode } from "./bindings/ErrorCode";
import type { Field } from "./bindings/Field";
import type { FieldError } from "./bindings/FieldError";
import { codesByField, type ApiError } from "./errors";
import { i18n } from "./i18n/locale.svelte";

/** The first problem of each field. */
export type Problems = Partial<Record<Field, ErrorCode>>;

/** What a check answers: problems that stop a save, and (for some forms) warnings that do not. */
export type Verdict = { errors: readonly FieldError[]; warnings?: readonly FieldError[] };

export class FieldChecks<F extends Field> {
  touched: Partial<Record<F, true>> = $state({});
  errors: Problems = $state({});
  warnings: Problems = $state({});
  #round = 0;
  readonly #check: () => Promise<Verdict>;

  /** `check` asks the backend about the form as it stands now. */
  constructor(check: () => Promise<Verdict>) {
    this.#check = check;
  }

  /** The sentence for the field's error, once the user has left the field. */
  error(field: F): string | null {
    return this.#shown(field, this.errors);
  }

  /** The sentence for the field's warning, once the user has left the field. */
  warning(field: F): string | null {
    return this.#shown(field, this.warnings);
  }

  #shown(field: F, problems: Problems): string | null {
    const code = this.touched[field] ? problems[field] : undefined;
    return code ? i18n.error(code) : null;
  }

  /** Let the backend check the whole form; only the latest answer is shown. */
  async check(): Promise<void> {
    const round = ++this.#round;
    try {
      const verdict = await this.#check();
      if (round !== this.#round) return;
      this.errors = codesByField(verdict.errors);
      this.warnings = codesByField(verdict.warnings ?? []);
    } catch {
      // A check that could not run shows nothing; saving will report the problem.
    }
  }

  /** The user left a field: from now on its messages are shown. */
  left(field: F): Promise<void> {
    this.touched[field] = true;
    return this.check();
  }

  /** A save begins: every field's messages show, and answers to checks still running are dropped. */
  saving(fields: readonly F[]): void {
    this.#round++;
    const touched: Partial<Record<F, true>> = {};
    for (const field of fields) touched[field] = true;
    this.touched = touched;
  }

  /**
   * The backend refused a save: when it named fields, their problems are shown and
   * this is true; false for a refusal by a rule that names no field.
   */
  refused(error: ApiError): boolean {
    if (error.code !== "validation_failed" || error.fields.length === 0) return false;
    this.errors = codesByField(error.fields);
    return true;
  }
}
