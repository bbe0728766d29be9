import { describe, expect, it, vi } from "vitest";
import type { Field } from "./bindings/Field";
import type { MemberImportPreview } from "./bindings/MemberImportPreview";
import { ApiError } from "./errors";
import { mappingProblems, readHeaders, recognise } from "./member-sheet";
import { errorDetails } from "../testing/fixtures";

const wrongWidth = () =>
  new ApiError("validation_failed", "width", errorDetails({ fields: [{ field: "file", code: "import_column_unknown" }] }));

/** A backend that reads a sheet of these headers. */
function sheetOf(headers: string[]) {
  return vi.fn(async (mapping: (Field | null)[]): Promise<MemberImportPreview> => {
    if (mapping.length !== headers.length) throw wrongWidth();
    const missing = (["first_name", "last_name", "national_code"] as const).filter((f) => !mapping.includes(f));
    if (missing.length > 0) {
      throw new ApiError(
        "validation_failed",
        "missing",
        errorDetails({ fields: missing.map((field) => ({ field, code: "import_column_missing" as const })) }),
      );
    }
    return { columns: headers.map((header, i) => ({ header, field: mapping[i] ?? null })), good: 0, bad: 0, rows: [] };
  });
}

describe("the member sheet", () => {
  it("recognises the headers the backend knows, however the letters were typed", () => {
    expect(recognise("کد ملی")).toBe("national_code");
    expect(recognise(" نام  خانوادگی ")).toBe("last_name");
    expect(recognise("نام خانوادگي")).toBe("last_name"); // Arabic yeh
    expect(recognise("مبلغ پرداخت‌شده")).toBe("amount");
    expect(recognise("Shares")).toBe("shares");
    expect(recognise("یادداشت")).toBeNull();
    expect(recognise("")).toBeNull();
  });

  it("says which required fields no column holds and which field two columns hold", () => {
    expect(mappingProblems(["first_name", null, "national_code", "first_name"])).toEqual({
      missing: ["last_name"],
      twice: ["first_name"],
    });
    expect(mappingProblems(["first_name", "last_name", "national_code"])).toEqual({ missing: [], twice: [] });
  });

  it("reads the header row through the backend by trying each width", async () => {
    const preview = sheetOf(["نام عضو", "نام خانوادگی", "کد ملی", "یادداشت"]);
    expect(await readHeaders(preview)).toEqual(["نام عضو", "نام خانوادگی", "کد ملی", "یادداشت"]);
    expect(preview).toHaveBeenCalledTimes(4);
    expect(preview).toHaveBeenLastCalledWith(["first_name", "last_name", "national_code", null]);
  });

  it("gives untitled columns to a sheet narrower than the required fields, and null to one too wide", async () => {
    expect(await readHeaders(sheetOf(["الف", "ب"]))).toEqual(["", ""]);
    expect(await readHeaders(sheetOf(Array.from({ length: 9 }, (_, i) => `c${i}`)), 8)).toBeNull();
  });

  it("passes on a refusal of the file itself", async () => {
    const unreadable = vi.fn(async () => {
      throw new ApiError("validation_failed", "format", errorDetails({ fields: [{ field: "file", code: "import_format" }] }));
    });
    await expect(readHeaders(unreadable)).rejects.toMatchObject({ code: "validation_failed" });
    expect(unreadable).toHaveBeenCalledTimes(1);
  });
});
