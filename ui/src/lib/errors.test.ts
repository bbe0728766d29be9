import { describe, expect, it } from "vitest";
import { ApiError, toApiError } from "./errors";

describe("toApiError", () => {
  it("keeps the code and details of an IpcError from the backend", () => {
    const details = {
      fields: [{ field: "legal_id" as const, code: "legal_id_checksum" as const }],
      event_id: null,
      found_version: null,
      supported_version: null,
    };
    const error = toApiError({ code: "validation_failed", message: "invalid profile", details });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe("invalid profile");
    expect(error.details).toEqual(details);
    expect(error.fields).toEqual(details.fields);
  });

  it("accepts an IpcError without details", () => {
    const error = toApiError({ code: "not_found", message: "no profile", details: null });
    expect(error.code).toBe("not_found");
    expect(error.details).toBeNull();
    expect(error.fields).toEqual([]);
  });

  it.each([
    ["a plain string", "command profile_save not found"],
    ["an Error", new TypeError("window.__TAURI_INTERNALS__ is undefined")],
    ["an unknown code", { code: "exploded", message: "?" }],
    ["a code without a message", { code: "internal" }],
    ["null", null],
  ])("wraps %s as an internal error", (_, reason) => {
    const error = toApiError(reason);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe("internal");
  });

  it("passes an ApiError through unchanged", () => {
    const original = new ApiError("io_failed", "disk full");
    expect(toApiError(original)).toBe(original);
  });
});
