// The one error the UI sees from the backend. The backend rejects a command with
// an IpcError {code, message, details}; api.ts turns it into an ApiError so
// components can branch on `code` and show the catalogue's sentence for it.
import type { ErrorCode } from "./bindings/ErrorCode";
import type { ErrorDetails } from "./bindings/ErrorDetails";
import type { Field } from "./bindings/Field";
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
  "national_code_format",
  "national_code_checksum",
  "sheba_format",
  "sheba_checksum",
  "mobile_format",
  "statute_value_invalid",
  "resolution_required",
  "effective_before_previous",
  "statute_not_set",
  "duplicate_national_code",
  "duplicate_legal_id",
  "unknown_member",
  "member_not_active",
  "member_already_exited",
  "withdrawal_notice_running",
  "expulsion_needs_warnings",
  "heirs_required",
  "date_before_joining",
  "members_below_minimum",
  "shares_must_be_positive",
  "amount_must_be_positive",
  "amount_too_large",
  "payment_exceeds_unpaid",
  "insufficient_shares",
  "transferee_not_member",
  "transfer_to_self",
  "share_cap_exceeded",
  "share_cap_founding",
  "below_minimum_shares",
  "unknown_entry",
  "reversal_of_reversal",
  "already_reversed",
  "reversal_would_go_negative",
  "not_in_office",
  "ledger_not_encrypted",
  "ledger_already_encrypted",
  "ledger_locked",
  "passphrase_too_short",
  "passphrase_wrong",
  "idle_minutes_invalid",
  "first_user_must_be_board",
  "username_format",
  "username_taken",
  "password_too_short",
  "last_board_account",
  "account_inactive",
  "login_failed",
  "login_required",
  "role_forbidden",
  "clock_skew",
  "legal_id_missing",
  "export_folder_not_empty",
  "registry_refused",
  "registry_unreachable",
  "registry_url_invalid",
  "not_enrolled",
  "report_unchanged",
  "period_not_reportable",
  "period_not_ended",
  "import_column_unknown",
  "backup_invalid",
  "approval_resolution_invalid",
  "approval_meeting_invalid",
  "reserve_pct_out_of_bounds",
  "distribution_pct_out_of_bounds",
  "distribution_no_work",
  "distribution_no_capital",
  "distribution_no_surplus",
  "year_open_drafts",
  "year_out_of_order",
  "year_already_approved",
  "year_not_closed",
  "year_already_closed",
  "year_not_ended",
  "election_tied",
  "not_board_member",
  "before_meeting_day",
  "request_too_few",
  "unknown_product",
  "product_retired",
  "duplicate_product_name",
  "number_format",
  "quantity_must_be_positive",
  "quantity_not_whole",
  "unit_unknown",
  "unit_mismatch",
  "period_closed",
  "period_format",
  "hours_invalid",
  "headcount_inconsistent",
  "currency_format",
  "export_needs_destination",
  "import_format",
  "import_column_missing",
  "import_rows_invalid",
  "import_empty",
  "unknown_meeting",
  "meeting_step_invalid",
  "call_number_invalid",
  "previous_call_required",
  "notice_too_short",
  "notice_too_long",
  "annual_notice_late",
  "annual_assembly_late",
  "election_notice_late",
  "convening_notice_late",
  "proxy_limit_exceeded",
  "proxy_to_self",
  "principal_already_represented",
  "proxy_holder_represented",
  "quorum_not_met",
  "votes_exceed_present",
  "candidate_not_eligible",
  "seats_invalid",
  "already_checked_in",
  "decisions_notice_late",
  "board_not_elected",
] as const satisfies readonly ErrorCode[];

// Fails to compile when bindings/ErrorCode.ts gains a code that ERROR_CODES lacks.
type Missing = Exclude<ErrorCode, (typeof ERROR_CODES)[number]>;
const everyCodeListed: Missing extends never ? true : Missing = true;
void everyCodeListed;

const KNOWN_CODES: ReadonlySet<string> = new Set<string>(ERROR_CODES);

/** Every Field a refusal can name (kept in step with bindings/Field.ts by the type below). */
export const FIELDS = [
  // The cooperative profile.
  "name",
  "legal_id",
  "registration_number",
  "registration_date",
  "kind",
  "province",
  "city",
  "address",
  "postal_code",
  "phone",
  "fiscal_year_start",
  // A member.
  "first_name",
  "last_name",
  "national_code",
  "father_name",
  "gender",
  "birth_date",
  "mobile",
  "sheba",
  "education",
  "joined",
  "membership_no",
  "exit_reason",
  "notice_date",
  "heirs",
  // Share-ledger entries.
  "to_member",
  "shares",
  "amount",
  "date",
  "entry",
  "reason",
  // The statute profile.
  "par_value",
  "min_shares_per_member",
  "max_member_capital_pct",
  "admission_paid_fraction",
  "min_members",
  "election_notice_window",
  "notice_window",
  "thresholds",
  "board_size",
  "inspectors",
  "legal_reserve_cap",
  "reserve_percentages",
  "effective_from",
  "resolution",
  // Products, production, workforce, quality, sales and imports.
  "product",
  "unit",
  "category",
  "product_code",
  "quantity",
  "unit_value",
  "workshop",
  "shift",
  "hours",
  "period",
  "month",
  "headcount",
  "member_workers",
  "employees",
  "women",
  "insured",
  "batch",
  "test",
  "standard",
  "measured",
  "tester",
  "destination",
  "currency",
  "foreign_amount",
  "file",
  "row",
  // Meetings.
  "meeting",
  "call",
  "previous",
  "agenda",
  "published",
  "channel",
  "place",
  "hour",
  "principal",
  "holder",
  "holder_name",
  "text",
  "yes",
  "no",
  "abstain",
  "seats",
  "alternates",
  "candidates",
  "convened_by",
  "requested",
  "term_end",
  "rule_warnings",
  "candidacy_until",
  "requesters",
  "chair",
  "secretary",
  "validated_by",
  "body",
  "lot",
  "capitalise",
  "bonuses_pct",
  "precautionary_pct",
  "legal_reserve_pct",
  "precautionary_reserve_opening",
  "legal_reserve_opening",
  "net_result",
  "year",
  "status",
  "activated_on",
  "exit_date",
] as const satisfies readonly Field[];

// Fails to compile when bindings/Field.ts gains a field that FIELDS lacks.
type MissingField = Exclude<Field, (typeof FIELDS)[number]>;
const everyFieldListed: MissingField extends never ? true : MissingField = true;
void everyFieldListed;

/** The first problem reported for each field of a refused form. */
export function codesByField(problems: readonly FieldError[]): Partial<Record<Field, ErrorCode>> {
  const byField: Partial<Record<Field, ErrorCode>> = {};
  for (const { field, code } of problems) byField[field] ??= code;
  return byField;
}

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
