// The one error the UI sees from the backend. The backend rejects a command with
// an IpcError {code, message, details}; api.ts turns it into an ApiError so
// components can branch on `code` and show the catalogue's sentence for it.
import type { ErrorCode } from "./bindings/ErrorCode";
import type { ErrorDetails } from "./bindings/ErrorDetails";
import type { FieldError } from "./bindings/FieldError";

/** Every ErrorCode the backend can send (kept in step with bindings/ErrorCode.ts by the type below). */
export const ERROR_CODES = [
  "required",
  "too_long",
  "legal_id_format",
  "legal_id_checksum",
  "registration_number_format",
  "date_format",
  "date_out_of_range",
  "date_in_future",
  "postal_code_format",
  "postal_code_unlikely",
  "phone_format",
  "fiscal_year_start_invalid",
  "validation_failed",
  "not_found",
  "demo_needs_empty_database",
  "database_newer_than_app",
  "integrity_failed",
  "storage_failed",
  "io_failed",
  "internal",
] as const satisfies readonly ErrorCode[];

// Fails to compile when bindings/ErrorCode.ts gains a code that ERROR_CODES lacks.
type Missing = Exclude<ErrorCode, (typeof ERROR_CODES)[number]>;
const everyCodeListed: Missing extends never ? true : Missing = true;
void everyCodeListed;

const KNOWN_CODES: ReadonlySet<string> = new Set<string>(ERROR_CODES);

/** A refused or failed backend command. `message` is the backend's English text, for logs only. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | null;

  constructor(code: ErrorCode, message: string, details: ErrorDetails | null = null) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.details = details;
  }

  /** Field errors carried by a `validation_failed` refusal (empty otherwise). */
  get fields(): FieldError[] {
    return this.details?.fields ?? [];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && KNOWN_CODES.has(value);
}

/** Whatever a rejected invoke gave, as an ApiError; anything not shaped like an IpcError is "internal". */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason;
  if (isRecord(reason) && isErrorCode(reason.code) && typeof reason.message === "string") {
    const details = isRecord(reason.details) ? (reason.details as ErrorDetails) : null;
    return new ApiError(reason.code, reason.message, details);
  }
  const message =
    reason instanceof Error ? reason.message : typeof reason === "string" ? reason : JSON.stringify(reason);
  return new ApiError("internal", message ?? "unknown error");
}
