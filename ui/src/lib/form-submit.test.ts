import { describe, expect, it } from "vitest";
import { errorDetails } from "../testing/fixtures";
import { ApiError } from "./errors";
import { FormSubmit, readRefusal } from "./form-submit.svelte";
import { fa } from "./i18n/fa";

const SENTENCES = { fields: "نشد: فیلدها", reason: (reason: string) => `نشد: ${reason}` };

const refusedFields = () =>
  new ApiError(
    "validation_failed",
    "refused",
    errorDetails({
      fields: [
        { field: "date", code: "date_format" },
        { field: "date", code: "required" },
        { field: "batch", code: "required" },
      ],
    }),
  );

describe("reading a refusal", () => {
  it("marks the fields a validation refusal names, the first problem of each, with the fields sentence", () => {
    expect(readRefusal(refusedFields(), SENTENCES)).toEqual({
      problems: { date: "date_format", batch: "required" },
      message: "نشد: فیلدها",
    });
  });

  it("says a rule's refusal with its own sentence and marks nothing", () => {
    const error = new ApiError("period_closed", "closed");
    expect(readRefusal(error, SENTENCES)).toEqual({ problems: {}, message: `نشد: ${fa.errors.period_closed}` });
  });

  it("marks only the fields the form shows; naming none of them is said as a reason", () => {
    expect(readRefusal(refusedFields(), SENTENCES, ["batch", "name"])).toEqual({
      problems: { batch: "required" },
      message: "نشد: فیلدها",
    });
    expect(readRefusal(refusedFields(), SENTENCES, ["name"])).toEqual({
      problems: {},
      message: `نشد: ${fa.errors.validation_failed}`,
    });
  });

  it("says every refusal as a reason when the form has no fields sentence", () => {
    expect(readRefusal(refusedFields(), { reason: SENTENCES.reason })).toEqual({
      problems: {},
      message: `نشد: ${fa.errors.validation_failed}`,
    });
  });
});

describe("a form's submission", () => {
  it("stops on the form's own problems, with the fields sentence, a given one, or none", () => {
    const submit = new FormSubmit<"date" | "batch">(() => SENTENCES);
    expect(submit.check({ date: "required" })).toBe(false);
    expect(submit.failure).toBe("نشد: فیلدها");
    expect(submit.error("date")).toBe(fa.errors.required);
    expect(submit.error("batch")).toBeNull();
    expect(submit.check({ batch: "required" }, null)).toBe(false);
    expect(submit.failure).toBeNull();
    expect(submit.check({ batch: "required" }, "جدا")).toBe(false);
    expect(submit.failure).toBe("جدا");
    expect(submit.check({})).toBe(true);
    expect(submit.failure).toBeNull();
    expect(submit.problems).toEqual({});
  });

  it("is busy while the save runs, and true when it went through", async () => {
    const submit = new FormSubmit(() => SENTENCES);
    let during = false;
    const ok = await submit.run(async () => {
      during = submit.busy;
    });
    expect(ok).toBe(true);
    expect(during).toBe(true);
    expect(submit.busy).toBe(false);
  });

  it("marks and says a refusal, and is no longer busy", async () => {
    const submit = new FormSubmit<"date" | "batch">(() => SENTENCES);
    const ok = await submit.run(() => Promise.reject(refusedFields()));
    expect(ok).toBe(false);
    expect(submit.busy).toBe(false);
    expect(submit.problems).toEqual({ date: "date_format", batch: "required" });
    expect(submit.failure).toBe("نشد: فیلدها");
  });

  it("turns anything thrown into an error and says it", async () => {
    const submit = new FormSubmit(() => SENTENCES);
    await submit.run(() => Promise.reject(new Error("boom")));
    expect(submit.failure).toBe(`نشد: ${fa.errors.internal}`);
  });

  it("leaves a refusal to `recover` when it takes it", async () => {
    const submit = new FormSubmit(() => SENTENCES);
    const seen: string[] = [];
    const ok = await submit.run(
      () => Promise.reject(new ApiError("election_tied", "tied")),
      (error) => {
        seen.push(error.code);
        return true;
      },
    );
    expect(ok).toBe(false);
    expect(seen).toEqual(["election_tied"]);
    expect(submit.failure).toBeNull();
    await submit.run(
      () => Promise.reject(new ApiError("election_tied", "tied")),
      () => false,
    );
    expect(submit.failure).toBe(`نشد: ${fa.errors.election_tied}`);
  });
});
