import { describe, expect, it } from "vitest";
import { errorDetails } from "../testing/fixtures";
import type { FieldError } from "./bindings/FieldError";
import { ApiError } from "./errors";
import { FieldChecks, type Verdict } from "./field-checks.svelte";
import { fa } from "./i18n/fa";

const bad: FieldError = { field: "national_code", code: "national_code_checksum" };

/** A check whose answers arrive when the test says. */
function deferredChecks() {
  const answers: ((verdict: Verdict) => void)[] = [];
  const checks = new FieldChecks<"national_code" | "mobile">(
    () => new Promise<Verdict>((resolve) => answers.push(resolve)),
  );
  return { checks, answers };
}

describe("a form's field checks", () => {
  it("say a field's problem only after the user has left it", async () => {
    const checks = new FieldChecks<"national_code">(() => Promise.resolve({ errors: [bad] }));
    await checks.check();
    expect(checks.error("national_code")).toBeNull();
    await checks.left("national_code");
    expect(checks.error("national_code")).toBe(fa.errors.national_code_checksum);
  });

  it("show only the latest check's answer", async () => {
    const { checks, answers } = deferredChecks();
    checks.touched = { national_code: true };
    const older = checks.check();
    const newer = checks.check();
    answers[1]?.({ errors: [] });
    answers[0]?.({ errors: [bad] });
    await Promise.all([older, newer]);
    expect(checks.error("national_code")).toBeNull();
  });

  it("drop checks still running when a save begins, and show every field", async () => {
    const { checks, answers } = deferredChecks();
    const running = checks.check();
    checks.saving(["national_code", "mobile"]);
    answers[0]?.({ errors: [bad] });
    await running;
    expect(checks.touched).toEqual({ national_code: true, mobile: true });
    expect(checks.errors).toEqual({});
  });

  it("adopt the fields a refused save names, and only those refusals", () => {
    const checks = new FieldChecks<"national_code">(() => Promise.resolve({ errors: [] }));
    expect(checks.refused(new ApiError("storage_failed", "disk"))).toBe(false);
    const refusal = new ApiError("validation_failed", "invalid", errorDetails({ fields: [bad] }));
    expect(checks.refused(refusal)).toBe(true);
    expect(checks.errors).toEqual({ national_code: "national_code_checksum" });
  });
});
