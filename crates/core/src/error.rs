//! Stable error codes and the one error shape that crosses the IPC edge and the CLI's `--json`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A stable, machine-readable reason for a refusal or a failure. Never renamed: the UI's
/// catalogues, scripts and tests key on these strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// A required field is empty.
    Required,
    /// A text is longer than its field allows.
    TooLong,
    /// A legal-entity national ID (شناسه ملی) is not 11 digits.
    LegalIdFormat,
    /// A legal-entity national ID fails its check digit.
    LegalIdChecksum,
    /// A registration number is not 1–12 digits.
    RegistrationNumberFormat,
    /// A date could not be read as ISO `YYYY-MM-DD` or Jalali `YYYY/MM/DD`.
    DateFormat,
    /// A date is outside the years Hamyar accepts.
    DateOutOfRange,
    /// A date lies in the future where only past dates make sense.
    DateInFuture,
    /// A postal code is not 10 digits.
    PostalCodeFormat,
    /// A postal code has 10 digits but not the shape Iranian codes have (a warning).
    PostalCodeUnlikely,
    /// A phone number is neither a landline nor a mobile number.
    PhoneFormat,
    /// A fiscal-year start is not a day every Jalali year has.
    FiscalYearStartInvalid,
    /// One or more fields were refused; `details.fields` lists them.
    ValidationFailed,
    /// The thing asked for does not exist yet.
    NotFound,
    /// Demo data may only be created in an empty database.
    DemoNeedsEmptyDatabase,
    /// The database was written by a newer Hamyar.
    DatabaseNewerThanApp,
    /// The database or its journal failed an integrity check.
    IntegrityFailed,
    /// SQLite refused or failed.
    StorageFailed,
    /// A file could not be read or written.
    IoFailed,
    /// A bug: something that should not happen.
    Internal,
    /// A national code (کد ملی) is not 10 digits (8 or 9 are read as missing leading zeros).
    NationalCodeFormat,
    /// A national code fails its check digit, or is a placeholder (all one digit, zeros in the middle).
    NationalCodeChecksum,
    /// A Sheba number (شبا) is not `IR` followed by 24 digits.
    ShebaFormat,
    /// A Sheba number fails its ISO 13616 mod-97 check.
    ShebaChecksum,
    /// A mobile number (تلفن همراه) is not 11 digits starting with 09.
    MobileFormat,
    /// A statute number is impossible (e.g. a percent above 100).
    StatuteValueInvalid,
    /// An amendment needs the resolution reference.
    ResolutionRequired,
    /// An amendment cannot take effect before the version it amends.
    EffectiveBeforePrevious,
    /// Record the statute profile first.
    StatuteNotSet,
    /// Duplicate national code.
    DuplicateNationalCode,
    /// Duplicate legal ID.
    DuplicateLegalId,
    /// Unknown member.
    UnknownMember,
    /// Member not active.
    MemberNotActive,
    /// Member already exited.
    MemberAlreadyExited,
    /// Withdrawal notice still running.
    WithdrawalNoticeRunning,
    /// Expulsion prerequisites missing.
    ExpulsionNeedsWarnings,
    /// Heirs required.
    HeirsRequired,
    /// Date before joining.
    DateBeforeJoining,
    /// Members below minimum.
    MembersBelowMinimum,
    /// Shares must be positive.
    SharesMustBePositive,
    /// Amount must be positive.
    AmountMustBePositive,
    /// Amount too large.
    AmountTooLarge,
    /// Payment exceeds unpaid.
    PaymentExceedsUnpaid,
    /// Insufficient shares.
    InsufficientShares,
    /// Transferee not a member.
    TransfereeNotMember,
    /// Transfer to self.
    TransferToSelf,
    /// Share cap exceeded.
    ShareCapExceeded,
    /// Founding: cap not yet binding.
    ShareCapFounding,
    /// Below minimum shares.
    BelowMinimumShares,
    /// Unknown entry.
    UnknownEntry,
    /// Reversal of a reversal.
    ReversalOfReversal,
    /// Already reversed.
    AlreadyReversed,
    /// Reversal would go negative.
    ReversalWouldGoNegative,
    /// No product has this id.
    UnknownProduct,
    /// This product is retired; new entries cannot use it.
    ProductRetired,
    /// A product with this name is already in the catalogue.
    DuplicateProductName,
    /// Write a number (Persian or Latin digits, a dot or ٫ for decimals).
    NumberFormat,
    /// The quantity must be above zero.
    QuantityMustBePositive,
    /// This unit is counted in whole numbers.
    QuantityNotWhole,
    /// Unknown unit.
    UnitUnknown,
    /// The unit does not match the product's unit.
    UnitMismatch,
    /// This date is in a closed period; nothing new can be dated there.
    PeriodClosed,
    /// Write a period as a Jalali month (1403-12), quarter (1403-Q4) or fiscal year (1403).
    PeriodFormat,
    /// Hours must be above zero and within the period (24 a day, 744 a month).
    HoursInvalid,
    /// A part of the workforce is larger than the whole (women or insured above the headcount).
    HeadcountInconsistent,
    /// A currency is a three-letter ISO code such as USD or EUR.
    CurrencyFormat,
    /// An export needs its destination country and currency.
    ExportNeedsDestination,
    /// The file is not a CSV or XLSX sheet Hamyar can read.
    ImportFormat,
    /// A required column is missing from the sheet.
    ImportColumnMissing,
    /// Nothing was imported: some rows are not valid (the preview lists each).
    ImportRowsInvalid,
    /// The sheet has no rows to import.
    ImportEmpty,
    /// No meeting has this id.
    UnknownMeeting,
    /// This step does not fit the meeting's current stage.
    MeetingStepInvalid,
    /// The call number is 1, 2 or 3 (a board meeting has one call).
    CallNumberInvalid,
    /// A later call is valid only after the earlier call of the same assembly failed for lack of quorum.
    PreviousCallRequired,
    /// The notice is published too close to the meeting for the statute's window.
    NoticeTooShort,
    /// The notice is published too long before the meeting for the statute's window.
    NoticeTooLong,
    /// The annual assembly's notice must be published within 2 months after the fiscal year ends.
    AnnualNoticeLate,
    /// The annual assembly must be held within 4 months after the fiscal year ends.
    AnnualAssemblyLate,
    /// An election assembly's notice must be published at least 2 months before the term ends.
    ElectionNoticeLate,
    /// A requested assembly must be announced within 1 month of the request.
    ConveningNoticeLate,
    /// This holder already has as many proxy votes as the statute allows.
    ProxyLimitExceeded,
    /// A member cannot be their own proxy.
    ProxyToSelf,
    /// This member already has a proxy for this meeting.
    PrincipalAlreadyRepresented,
    /// A member who gave a proxy cannot hold proxies for others.
    ProxyHolderRepresented,
    /// The meeting does not have its quorum.
    QuorumNotMet,
    /// More votes are counted than there are votes present.
    VotesExceedPresent,
    /// A candidate must be an active member.
    CandidateNotEligible,
    /// The number of seats is outside the statute's range.
    SeatsInvalid,
    /// This member is already checked in.
    AlreadyCheckedIn,
    /// Decisions must be notified within 15 days of the meeting.
    DecisionsNoticeLate,
    /// No board is on record: elect one in an assembly before its meeting.
    BoardNotElected,
    /// Candidates tied across a seat boundary: record the order drawn by lot.
    ElectionTied,
    /// This member is not a principal member of the board in office.
    NotBoardMember,
    /// Check-in and votes cannot be recorded before the day of the meeting.
    BeforeMeetingDay,
    /// A request by members needs 1/5 of them (ordinary) or 1/3 (extraordinary).
    RequestTooFew,
    /// This member does not hold that office now (or is not an alternate of the same term).
    NotInOffice,
    /// The fiscal year has not ended yet; it can be closed from the day after its last day.
    YearNotEnded,
    /// This fiscal year is already closed.
    YearAlreadyClosed,
    /// Close the fiscal year first; its distribution is computed from the closed year.
    YearNotClosed,
    /// This year's distribution is already approved.
    YearAlreadyApproved,
    /// A later fiscal year is already closed; years close in order.
    YearOutOfOrder,
    /// Meetings dated inside this year are still planned (draft, convened or noticed): hold, cancel or mark them failed first.
    YearOpenDrafts,
    /// There is nothing to distribute: the net result is zero or a loss.
    DistributionNoSurplus,
    /// No member held paid capital during the year, so the return on shares has nobody to go to.
    DistributionNoCapital,
    /// No member's work is recorded in the year, so the surplus by work has nobody to go to: record hours, or set the statute's split to 100% return on shares.
    DistributionNoWork,
    /// A percentage is outside what the statute allows: the legal reserve at least its minimum while it is compulsory, the precautionary reserve and bonuses at most their maximum, and all together at most 100%.
    DistributionPctOutOfBounds,
    /// A reserve percentage is outside the law's bounds: the legal reserve at least 5% of net profit, the precautionary reserve at most 5%.
    ReservePctOutOfBounds,
    /// Approval needs an annual ordinary general assembly held after the fiscal year ended.
    ApprovalMeetingInvalid,
    /// That resolution is not recorded in this assembly, or it did not pass.
    ApprovalResolutionInvalid,
    /// This backup is damaged or is not a Hamyar ledger; the current ledger was not touched.
    BackupInvalid,
    /// A column of the sheet is not one Hamyar knows; map it to a field or mark it to be ignored.
    ImportColumnUnknown,
    /// The period has not ended yet; a report is closed after its last day.
    PeriodNotEnded,
    /// Reports are made for a quarter (1404-Q1) or a fiscal year (1403), not a month.
    PeriodNotReportable,
    /// Nothing has changed since this period's last report.
    ReportUnchanged,
    /// This cooperative is not enrolled with a registry yet.
    NotEnrolled,
    /// The registry address must be https (plain http only for this computer).
    RegistryUrlInvalid,
    /// The registry could not be reached; nothing was changed.
    RegistryUnreachable,
    /// The registry refused the request.
    RegistryRefused,
    /// The folder is not empty; choose a new or empty folder.
    ExportFolderNotEmpty,
    /// The cooperative's legal national ID is not in its profile yet.
    LegalIdMissing,
    /// This computer's clock is far from the registry's; correct it before sending.
    ClockSkew,
    /// Your role may not do this; nothing was recorded.
    RoleForbidden,
    /// Log in first.
    LoginRequired,
    /// The username or the password is wrong.
    LoginFailed,
    /// This account has been deactivated; ask a board member.
    AccountInactive,
    /// The last active board account cannot be deactivated or given another role.
    LastBoardAccount,
    /// A password needs at least 8 characters.
    PasswordTooShort,
    /// This username is already in use.
    UsernameTaken,
    /// A username is 2 to 32 letters, digits, dots, dashes or underscores, without spaces.
    UsernameFormat,
    /// The first account must be a board account.
    FirstUserMustBeBoard,
    /// The idle lock is 0 (never) to 240 minutes.
    IdleMinutesInvalid,
    /// The passphrase is wrong.
    PassphraseWrong,
    /// A passphrase must be at least 8 characters.
    PassphraseTooShort,
    /// The ledger is encrypted: its passphrase is needed to open it.
    LedgerLocked,
    /// The ledger is already encrypted.
    LedgerAlreadyEncrypted,
    /// The ledger is not encrypted.
    LedgerNotEncrypted,
}

impl ErrorCode {
    /// The code as it appears on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::TooLong => "too_long",
            Self::LegalIdFormat => "legal_id_format",
            Self::LegalIdChecksum => "legal_id_checksum",
            Self::RegistrationNumberFormat => "registration_number_format",
            Self::DateFormat => "date_format",
            Self::DateOutOfRange => "date_out_of_range",
            Self::DateInFuture => "date_in_future",
            Self::PostalCodeFormat => "postal_code_format",
            Self::PostalCodeUnlikely => "postal_code_unlikely",
            Self::PhoneFormat => "phone_format",
            Self::FiscalYearStartInvalid => "fiscal_year_start_invalid",
            Self::ValidationFailed => "validation_failed",
            Self::NotFound => "not_found",
            Self::DemoNeedsEmptyDatabase => "demo_needs_empty_database",
            Self::DatabaseNewerThanApp => "database_newer_than_app",
            Self::IntegrityFailed => "integrity_failed",
            Self::StorageFailed => "storage_failed",
            Self::IoFailed => "io_failed",
            Self::Internal => "internal",
            Self::NationalCodeFormat => "national_code_format",
            Self::NationalCodeChecksum => "national_code_checksum",
            Self::ShebaFormat => "sheba_format",
            Self::ShebaChecksum => "sheba_checksum",
            Self::MobileFormat => "mobile_format",
            Self::StatuteValueInvalid => "statute_value_invalid",
            Self::ResolutionRequired => "resolution_required",
            Self::EffectiveBeforePrevious => "effective_before_previous",
            Self::StatuteNotSet => "statute_not_set",
            Self::DuplicateNationalCode => "duplicate_national_code",
            Self::DuplicateLegalId => "duplicate_legal_id",
            Self::UnknownMember => "unknown_member",
            Self::MemberNotActive => "member_not_active",
            Self::MemberAlreadyExited => "member_already_exited",
            Self::WithdrawalNoticeRunning => "withdrawal_notice_running",
            Self::ExpulsionNeedsWarnings => "expulsion_needs_warnings",
            Self::HeirsRequired => "heirs_required",
            Self::DateBeforeJoining => "date_before_joining",
            Self::MembersBelowMinimum => "members_below_minimum",
            Self::SharesMustBePositive => "shares_must_be_positive",
            Self::AmountMustBePositive => "amount_must_be_positive",
            Self::AmountTooLarge => "amount_too_large",
            Self::PaymentExceedsUnpaid => "payment_exceeds_unpaid",
            Self::InsufficientShares => "insufficient_shares",
            Self::TransfereeNotMember => "transferee_not_member",
            Self::TransferToSelf => "transfer_to_self",
            Self::ShareCapExceeded => "share_cap_exceeded",
            Self::ShareCapFounding => "share_cap_founding",
            Self::BelowMinimumShares => "below_minimum_shares",
            Self::UnknownEntry => "unknown_entry",
            Self::ReversalOfReversal => "reversal_of_reversal",
            Self::AlreadyReversed => "already_reversed",
            Self::ReversalWouldGoNegative => "reversal_would_go_negative",
            Self::NotInOffice => "not_in_office",
            Self::LedgerNotEncrypted => "ledger_not_encrypted",
            Self::LedgerAlreadyEncrypted => "ledger_already_encrypted",
            Self::LedgerLocked => "ledger_locked",
            Self::PassphraseTooShort => "passphrase_too_short",
            Self::PassphraseWrong => "passphrase_wrong",
            Self::IdleMinutesInvalid => "idle_minutes_invalid",
            Self::FirstUserMustBeBoard => "first_user_must_be_board",
            Self::UsernameFormat => "username_format",
            Self::UsernameTaken => "username_taken",
            Self::PasswordTooShort => "password_too_short",
            Self::LastBoardAccount => "last_board_account",
            Self::AccountInactive => "account_inactive",
            Self::LoginFailed => "login_failed",
            Self::LoginRequired => "login_required",
            Self::RoleForbidden => "role_forbidden",
            Self::ClockSkew => "clock_skew",
            Self::LegalIdMissing => "legal_id_missing",
            Self::ExportFolderNotEmpty => "export_folder_not_empty",
            Self::RegistryRefused => "registry_refused",
            Self::RegistryUnreachable => "registry_unreachable",
            Self::RegistryUrlInvalid => "registry_url_invalid",
            Self::NotEnrolled => "not_enrolled",
            Self::ReportUnchanged => "report_unchanged",
            Self::PeriodNotReportable => "period_not_reportable",
            Self::PeriodNotEnded => "period_not_ended",
            Self::ImportColumnUnknown => "import_column_unknown",
            Self::BackupInvalid => "backup_invalid",
            Self::ApprovalResolutionInvalid => "approval_resolution_invalid",
            Self::ApprovalMeetingInvalid => "approval_meeting_invalid",
            Self::ReservePctOutOfBounds => "reserve_pct_out_of_bounds",
            Self::DistributionPctOutOfBounds => "distribution_pct_out_of_bounds",
            Self::DistributionNoWork => "distribution_no_work",
            Self::DistributionNoCapital => "distribution_no_capital",
            Self::DistributionNoSurplus => "distribution_no_surplus",
            Self::YearOpenDrafts => "year_open_drafts",
            Self::YearOutOfOrder => "year_out_of_order",
            Self::YearAlreadyApproved => "year_already_approved",
            Self::YearNotClosed => "year_not_closed",
            Self::YearAlreadyClosed => "year_already_closed",
            Self::YearNotEnded => "year_not_ended",
            Self::ElectionTied => "election_tied",
            Self::NotBoardMember => "not_board_member",
            Self::BeforeMeetingDay => "before_meeting_day",
            Self::RequestTooFew => "request_too_few",
            Self::UnknownProduct => "unknown_product",
            Self::ProductRetired => "product_retired",
            Self::DuplicateProductName => "duplicate_product_name",
            Self::NumberFormat => "number_format",
            Self::QuantityMustBePositive => "quantity_must_be_positive",
            Self::QuantityNotWhole => "quantity_not_whole",
            Self::UnitUnknown => "unit_unknown",
            Self::UnitMismatch => "unit_mismatch",
            Self::PeriodClosed => "period_closed",
            Self::PeriodFormat => "period_format",
            Self::HoursInvalid => "hours_invalid",
            Self::HeadcountInconsistent => "headcount_inconsistent",
            Self::CurrencyFormat => "currency_format",
            Self::ExportNeedsDestination => "export_needs_destination",
            Self::ImportFormat => "import_format",
            Self::ImportColumnMissing => "import_column_missing",
            Self::ImportRowsInvalid => "import_rows_invalid",
            Self::ImportEmpty => "import_empty",
            Self::UnknownMeeting => "unknown_meeting",
            Self::MeetingStepInvalid => "meeting_step_invalid",
            Self::CallNumberInvalid => "call_number_invalid",
            Self::PreviousCallRequired => "previous_call_required",
            Self::NoticeTooShort => "notice_too_short",
            Self::NoticeTooLong => "notice_too_long",
            Self::AnnualNoticeLate => "annual_notice_late",
            Self::AnnualAssemblyLate => "annual_assembly_late",
            Self::ElectionNoticeLate => "election_notice_late",
            Self::ConveningNoticeLate => "convening_notice_late",
            Self::ProxyLimitExceeded => "proxy_limit_exceeded",
            Self::ProxyToSelf => "proxy_to_self",
            Self::PrincipalAlreadyRepresented => "principal_already_represented",
            Self::ProxyHolderRepresented => "proxy_holder_represented",
            Self::QuorumNotMet => "quorum_not_met",
            Self::VotesExceedPresent => "votes_exceed_present",
            Self::CandidateNotEligible => "candidate_not_eligible",
            Self::SeatsInvalid => "seats_invalid",
            Self::AlreadyCheckedIn => "already_checked_in",
            Self::DecisionsNoticeLate => "decisions_notice_late",
            Self::BoardNotElected => "board_not_elected",
        }
    }

    /// A plain English sentence for logs and the CLI; the UI has its own Persian and English catalogues.
    pub fn english(self) -> &'static str {
        match self {
            Self::Required => "This field is required.",
            Self::TooLong => "This text is too long.",
            Self::LegalIdFormat => "A legal-entity national ID has exactly 11 digits.",
            Self::LegalIdChecksum => "This legal-entity national ID is not valid (check digit mismatch).",
            Self::RegistrationNumberFormat => "A registration number has 1 to 12 digits.",
            Self::DateFormat => "Write the date as Jalali YYYY/MM/DD or ISO YYYY-MM-DD.",
            Self::DateOutOfRange => "The date is outside the supported range (Jalali 1300-1500).",
            Self::DateInFuture => "This date cannot be in the future.",
            Self::PostalCodeFormat => "A postal code has exactly 10 digits.",
            Self::PostalCodeUnlikely => {
                "This postal code does not look like an Iranian postal code; check it."
            }
            Self::PhoneFormat => {
                "Write a landline with its area code (0XX XXXXXXXX) or a mobile number (09XX XXX XXXX)."
            }
            Self::FiscalYearStartInvalid => {
                "The fiscal year must start on a day every Jalali year has (Esfand 30 is not)."
            }
            Self::ValidationFailed => "Nothing was saved: some fields are not valid.",
            Self::NotFound => "Not found.",
            Self::DemoNeedsEmptyDatabase => "Demo data can only be created in an empty database.",
            Self::DatabaseNewerThanApp => {
                "This database was written by a newer version of Hamyar; update Hamyar to open it."
            }
            Self::IntegrityFailed => "The ledger failed its integrity check.",
            Self::StorageFailed => "The database refused the operation.",
            Self::IoFailed => "A file could not be read or written.",
            Self::Internal => "Internal error.",
            Self::NationalCodeFormat => "A national code has exactly 10 digits.",
            Self::NationalCodeChecksum => "This national code is not valid (check digit mismatch).",
            Self::ShebaFormat => "A Sheba number is IR followed by 24 digits.",
            Self::ShebaChecksum => "This Sheba number is not valid (check digits mismatch); check it again.",
            Self::MobileFormat => "A mobile number has 11 digits and starts with 09 (09XX XXX XXXX).",
            Self::StatuteValueInvalid => "A statute number is out of its sensible range.",
            Self::ResolutionRequired => {
                "An amendment needs the reference of the assembly resolution that made it."
            }
            Self::EffectiveBeforePrevious => "An amendment cannot take effect before the version it amends.",
            Self::StatuteNotSet => "Record the statute profile (par value, share cap) before share events.",
            Self::DuplicateNationalCode => "A member with this national code is already registered.",
            Self::DuplicateLegalId => "A member with this legal-entity national ID is already registered.",
            Self::UnknownMember => "No member has this membership number.",
            Self::MemberNotActive => "This member is not active (an applicant, or has left).",
            Self::MemberAlreadyExited => "This member has already left the cooperative.",
            Self::WithdrawalNoticeRunning => {
                "A specialist member's withdrawal takes effect only after the statute's notice period."
            }
            Self::ExpulsionNeedsWarnings => {
                "Expulsion needs two written warnings the statute's gap apart, the waiting period after the second, and an assembly resolution."
            }
            Self::HeirsRequired => {
                "Name at least one heir to receive the refund of a deceased member's shares."
            }
            Self::DateBeforeJoining => "This date is before the member joined.",
            Self::MembersBelowMinimum => "Fewer active members than the statute's minimum (7 by law).",
            Self::SharesMustBePositive => "The number of shares must be a whole number above zero.",
            Self::AmountMustBePositive => "The amount must be a whole number of rials above zero.",
            Self::AmountTooLarge => "The amount is too large to record.",
            Self::PaymentExceedsUnpaid => {
                "The payment is more than what the member still owes on subscribed shares."
            }
            Self::InsufficientShares => "The member does not hold that many shares.",
            Self::TransfereeNotMember => {
                "Shares can only be transferred to a member or an admitted applicant."
            }
            Self::TransferToSelf => "A member cannot transfer shares to themself.",
            Self::ShareCapExceeded => {
                "This would take the member above the statute's cap on one member's share of the capital."
            }
            Self::ShareCapFounding => {
                "The cap does not bind yet: fewer members hold shares than the statute's minimum (founding)."
            }
            Self::BelowMinimumShares => {
                "A member must keep at least the statute's minimum number of shares, or none when leaving."
            }
            Self::UnknownEntry => "No share-ledger entry has this id.",
            Self::ReversalOfReversal => "A reversal cannot be reversed; record the entry again instead.",
            Self::AlreadyReversed => "This entry has already been reversed.",
            Self::ReversalWouldGoNegative => {
                "Reversing this entry would leave a holding below zero; reverse the later entries first."
            }
            Self::NotInOffice => {
                "This member does not hold that office now (or is not an alternate of the same term)."
            }
            Self::YearNotEnded => {
                "The fiscal year has not ended yet; it can be closed from the day after its last day."
            }
            Self::YearAlreadyClosed => "This fiscal year is already closed.",
            Self::YearNotClosed => {
                "Close the fiscal year first; its distribution is computed from the closed year."
            }
            Self::YearAlreadyApproved => "This year's distribution is already approved.",
            Self::YearOutOfOrder => "A later fiscal year is already closed; years close in order.",
            Self::YearOpenDrafts => {
                "Meetings dated inside this year are still planned (draft, convened or noticed): hold, cancel or mark them failed first."
            }
            Self::DistributionNoSurplus => {
                "There is nothing to distribute: the net result is zero or a loss."
            }
            Self::DistributionNoCapital => {
                "No member held paid capital during the year, so the return on shares has nobody to go to."
            }
            Self::DistributionNoWork => {
                "No member's work is recorded in the year, so the surplus by work has nobody to go to: record hours, or set the statute's split to 100% return on shares."
            }
            Self::DistributionPctOutOfBounds => {
                "A percentage is outside what the statute allows: the legal reserve at least its minimum while it is compulsory, the precautionary reserve and bonuses at most their maximum, and all together at most 100%."
            }
            Self::ReservePctOutOfBounds => {
                "A reserve percentage is outside the law's bounds: the legal reserve at least 5% of net profit, the precautionary reserve at most 5%."
            }
            Self::ApprovalMeetingInvalid => {
                "Approval needs an annual ordinary general assembly held after the fiscal year ended."
            }
            Self::ApprovalResolutionInvalid => {
                "That resolution is not recorded in this assembly, or it did not pass."
            }
            Self::BackupInvalid => {
                "This backup is damaged or is not a Hamyar ledger; the current ledger was not touched."
            }
            Self::ImportColumnUnknown => {
                "A column of the sheet is not one Hamyar knows; map it to a field or mark it to be ignored."
            }
            Self::PeriodNotEnded => "The period has not ended yet; a report is closed after its last day.",
            Self::PeriodNotReportable => {
                "Reports are made for a quarter (1404-Q1) or a fiscal year (1403), not a month."
            }
            Self::ReportUnchanged => "Nothing has changed since this period's last report.",
            Self::NotEnrolled => "This cooperative is not enrolled with a registry yet.",
            Self::RegistryUrlInvalid => {
                "The registry address must be https (plain http only for this computer)."
            }
            Self::RegistryUnreachable => "The registry could not be reached; nothing was changed.",
            Self::RegistryRefused => "The registry refused the request.",
            Self::ExportFolderNotEmpty => "The folder is not empty; choose a new or empty folder.",
            Self::LegalIdMissing => "The cooperative's legal national ID is not in its profile yet.",
            Self::ClockSkew => "This computer's clock is far from the registry's; correct it before sending.",
            Self::RoleForbidden => "Your role may not do this; nothing was recorded.",
            Self::LoginRequired => "Log in first.",
            Self::LoginFailed => "The username or the password is wrong.",
            Self::AccountInactive => "This account has been deactivated; ask a board member.",
            Self::LastBoardAccount => {
                "The last active board account cannot be deactivated or given another role."
            }
            Self::PasswordTooShort => "A password needs at least 8 characters.",
            Self::UsernameTaken => "This username is already in use.",
            Self::UsernameFormat => {
                "A username is 2 to 32 letters, digits, dots, dashes or underscores, without spaces."
            }
            Self::FirstUserMustBeBoard => "The first account must be a board account.",
            Self::IdleMinutesInvalid => "The idle lock is 0 (never) to 240 minutes.",
            Self::PassphraseWrong => "The passphrase is wrong.",
            Self::PassphraseTooShort => "A passphrase must be at least 8 characters.",
            Self::LedgerLocked => "The ledger is encrypted: its passphrase is needed to open it.",
            Self::LedgerAlreadyEncrypted => "The ledger is already encrypted.",
            Self::LedgerNotEncrypted => "The ledger is not encrypted.",
            Self::ElectionTied => "Candidates tied across a seat boundary: record the order drawn by lot.",
            Self::NotBoardMember => "This member is not a principal member of the board in office.",
            Self::BeforeMeetingDay => "Check-in and votes cannot be recorded before the day of the meeting.",
            Self::RequestTooFew => {
                "A request by members needs 1/5 of them (ordinary) or 1/3 (extraordinary)."
            }
            Self::UnknownProduct => "No product has this id.",
            Self::ProductRetired => "This product is retired; new entries cannot use it.",
            Self::DuplicateProductName => "A product with this name is already in the catalogue.",
            Self::NumberFormat => "Write a number (Persian or Latin digits, a dot or ٫ for decimals).",
            Self::QuantityMustBePositive => "The quantity must be above zero.",
            Self::QuantityNotWhole => "This unit is counted in whole numbers.",
            Self::UnitUnknown => "Unknown unit.",
            Self::UnitMismatch => "The unit does not match the product's unit.",
            Self::PeriodClosed => "This date is in a closed period; nothing new can be dated there.",
            Self::PeriodFormat => {
                "Write a period as a Jalali month (1403-12), quarter (1403-Q4) or fiscal year (1403)."
            }
            Self::HoursInvalid => "Hours must be above zero and within the period (24 a day, 744 a month).",
            Self::HeadcountInconsistent => {
                "A part of the workforce is larger than the whole (women or insured above the headcount)."
            }
            Self::CurrencyFormat => "A currency is a three-letter ISO code such as USD or EUR.",
            Self::ExportNeedsDestination => "An export needs its destination country and currency.",
            Self::ImportFormat => "The file is not a CSV or XLSX sheet Hamyar can read.",
            Self::ImportColumnMissing => "A required column is missing from the sheet.",
            Self::ImportRowsInvalid => {
                "Nothing was imported: some rows are not valid (the preview lists each)."
            }
            Self::ImportEmpty => "The sheet has no rows to import.",
            Self::UnknownMeeting => "No meeting has this id.",
            Self::MeetingStepInvalid => "This step does not fit the meeting's current stage.",
            Self::CallNumberInvalid => "The call number is 1, 2 or 3 (a board meeting has one call).",
            Self::PreviousCallRequired => {
                "A later call is valid only after the earlier call of the same assembly failed for lack of quorum."
            }
            Self::NoticeTooShort => {
                "The notice is published too close to the meeting for the statute's window."
            }
            Self::NoticeTooLong => {
                "The notice is published too long before the meeting for the statute's window."
            }
            Self::AnnualNoticeLate => {
                "The annual assembly's notice must be published within 2 months after the fiscal year ends."
            }
            Self::AnnualAssemblyLate => {
                "The annual assembly must be held within 4 months after the fiscal year ends."
            }
            Self::ElectionNoticeLate => {
                "An election assembly's notice must be published at least 2 months before the term ends."
            }
            Self::ConveningNoticeLate => {
                "A requested assembly must be announced within 1 month of the request."
            }
            Self::ProxyLimitExceeded => "This holder already has as many proxy votes as the statute allows.",
            Self::ProxyToSelf => "A member cannot be their own proxy.",
            Self::PrincipalAlreadyRepresented => "This member already has a proxy for this meeting.",
            Self::ProxyHolderRepresented => "A member who gave a proxy cannot hold proxies for others.",
            Self::QuorumNotMet => "The meeting does not have its quorum.",
            Self::VotesExceedPresent => "More votes are counted than there are votes present.",
            Self::CandidateNotEligible => "A candidate must be an active member.",
            Self::SeatsInvalid => "The number of seats is outside the statute's range.",
            Self::AlreadyCheckedIn => "This member is already checked in.",
            Self::DecisionsNoticeLate => "Decisions must be notified within 15 days of the meeting.",
            Self::BoardNotElected => "No board is on record: elect one in an assembly before its meeting.",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A field of a form or command, named as on the wire (one enum for every form, so one
/// `FieldError` type crosses IPC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[allow(missing_docs)]
pub enum Field {
    // The cooperative profile.
    Name,
    LegalId,
    RegistrationNumber,
    RegistrationDate,
    Kind,
    Province,
    City,
    Address,
    PostalCode,
    Phone,
    FiscalYearStart,
    // A member.
    FirstName,
    LastName,
    NationalCode,
    FatherName,
    Gender,
    BirthDate,
    Mobile,
    Sheba,
    Education,
    Joined,
    MembershipNo,
    ExitReason,
    NoticeDate,
    Heirs,
    /// Where a member stands (a member sheet's «وضعیت»).
    Status,
    /// The day the board admitted an applicant.
    ActivatedOn,
    /// The day a member left.
    ExitDate,
    // Share-ledger entries.
    ToMember,
    Shares,
    Amount,
    Date,
    Entry,
    Reason,
    // The statute profile.
    ParValue,
    MinSharesPerMember,
    MaxMemberCapitalPct,
    AdmissionPaidFraction,
    MinMembers,
    ElectionNoticeWindow,
    NoticeWindow,
    Thresholds,
    BoardSize,
    Inspectors,
    LegalReserveCap,
    ReservePercentages,
    EffectiveFrom,
    Resolution,
    RuleWarnings,
    // Production, workforce, quality, sales, import.
    Product,
    Unit,
    Category,
    ProductCode,
    Quantity,
    UnitValue,
    Workshop,
    Shift,
    Hours,
    Period,
    Month,
    Headcount,
    MemberWorkers,
    Employees,
    Women,
    Insured,
    Batch,
    Test,
    Standard,
    Measured,
    Tester,
    Destination,
    Currency,
    ForeignAmount,
    File,
    Row,
    // Meetings.
    Meeting,
    Call,
    Previous,
    Agenda,
    Published,
    Channel,
    Place,
    Hour,
    Principal,
    Holder,
    HolderName,
    Text,
    Yes,
    No,
    Abstain,
    Seats,
    Alternates,
    Candidates,
    ConvenedBy,
    Requested,
    TermEnd,
    CandidacyUntil,
    Requesters,
    Chair,
    Secretary,
    ValidatedBy,
    Body,
    Lot,
    Year,
    NetResult,
    LegalReserveOpening,
    PrecautionaryReserveOpening,
    LegalReservePct,
    PrecautionaryPct,
    BonusesPct,
    Capitalise,
}

/// One refused field of a form: which field, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldError {
    /// The field, named as in the form and the event payload.
    pub field: Field,
    /// Why it was refused.
    pub code: ErrorCode,
}

/// What an error carries besides its code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErrorDetails {
    /// Refused fields, for `validation_failed`.
    pub fields: Vec<FieldError>,
    /// The journal event concerned, when there is one.
    pub event_id: Option<String>,
    /// For `database_newer_than_app`: the schema version found in the file.
    pub found_version: Option<u32>,
    /// For `database_newer_than_app`: the newest schema version this binary knows.
    pub supported_version: Option<u32>,
    /// The member a rule refused, e.g. for `share_cap_exceeded`.
    pub membership_no: Option<u32>,
    /// The limit a rule enforces (a decimal string, e.g. the cap in percent); for
    /// `role_forbidden`, the role that does not allow it (`clerk`, `inspector`).
    pub limit: Option<String>,
    /// The value the action would have reached (a decimal string); for `role_forbidden`, the
    /// event kind (`share.transfer`) or command (`backup_restore`) that was refused.
    pub value: Option<String>,
}

/// The one error shape that leaves the backend: over IPC to the UI, and on stdout from `hamyar-cli --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IpcError {
    /// Stable code; the UI turns it into a sentence.
    pub code: ErrorCode,
    /// English text for logs; never shown as the only explanation.
    pub message: String,
    /// Structured details, when the code has any.
    pub details: Option<Box<ErrorDetails>>,
}

impl IpcError {
    /// An error with only a code and its English sentence.
    pub fn from_code(code: ErrorCode) -> Self {
        Self { code, message: code.english().to_owned(), details: None }
    }

    /// A `validation_failed` error listing the refused fields.
    pub fn invalid(fields: Vec<FieldError>) -> Self {
        Self {
            code: ErrorCode::ValidationFailed,
            message: ErrorCode::ValidationFailed.english().to_owned(),
            details: Some(Box::new(ErrorDetails { fields, ..ErrorDetails::default() })),
        }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for IpcError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_match_serde_names() {
        let all = [
            ErrorCode::Required,
            ErrorCode::TooLong,
            ErrorCode::LegalIdFormat,
            ErrorCode::LegalIdChecksum,
            ErrorCode::RegistrationNumberFormat,
            ErrorCode::DateFormat,
            ErrorCode::DateOutOfRange,
            ErrorCode::DateInFuture,
            ErrorCode::PostalCodeFormat,
            ErrorCode::PostalCodeUnlikely,
            ErrorCode::PhoneFormat,
            ErrorCode::FiscalYearStartInvalid,
            ErrorCode::ValidationFailed,
            ErrorCode::NotFound,
            ErrorCode::DemoNeedsEmptyDatabase,
            ErrorCode::DatabaseNewerThanApp,
            ErrorCode::IntegrityFailed,
            ErrorCode::StorageFailed,
            ErrorCode::IoFailed,
            ErrorCode::Internal,
            ErrorCode::NationalCodeFormat,
            ErrorCode::NationalCodeChecksum,
            ErrorCode::ShebaFormat,
            ErrorCode::ShebaChecksum,
            ErrorCode::MobileFormat,
            ErrorCode::StatuteValueInvalid,
            ErrorCode::ResolutionRequired,
            ErrorCode::EffectiveBeforePrevious,
            ErrorCode::StatuteNotSet,
            ErrorCode::DuplicateNationalCode,
            ErrorCode::DuplicateLegalId,
            ErrorCode::UnknownMember,
            ErrorCode::MemberNotActive,
            ErrorCode::MemberAlreadyExited,
            ErrorCode::WithdrawalNoticeRunning,
            ErrorCode::ExpulsionNeedsWarnings,
            ErrorCode::HeirsRequired,
            ErrorCode::DateBeforeJoining,
            ErrorCode::MembersBelowMinimum,
            ErrorCode::SharesMustBePositive,
            ErrorCode::AmountMustBePositive,
            ErrorCode::AmountTooLarge,
            ErrorCode::PaymentExceedsUnpaid,
            ErrorCode::InsufficientShares,
            ErrorCode::TransfereeNotMember,
            ErrorCode::TransferToSelf,
            ErrorCode::ShareCapExceeded,
            ErrorCode::ShareCapFounding,
            ErrorCode::BelowMinimumShares,
            ErrorCode::UnknownEntry,
            ErrorCode::ReversalOfReversal,
            ErrorCode::AlreadyReversed,
            ErrorCode::ReversalWouldGoNegative,
            ErrorCode::UnknownProduct,
            ErrorCode::ProductRetired,
            ErrorCode::DuplicateProductName,
            ErrorCode::NumberFormat,
            ErrorCode::QuantityMustBePositive,
            ErrorCode::QuantityNotWhole,
            ErrorCode::UnitUnknown,
            ErrorCode::UnitMismatch,
            ErrorCode::PeriodClosed,
            ErrorCode::PeriodFormat,
            ErrorCode::HoursInvalid,
            ErrorCode::HeadcountInconsistent,
            ErrorCode::CurrencyFormat,
            ErrorCode::ExportNeedsDestination,
            ErrorCode::ImportFormat,
            ErrorCode::ImportColumnMissing,
            ErrorCode::ImportRowsInvalid,
            ErrorCode::ImportEmpty,
            ErrorCode::UnknownMeeting,
            ErrorCode::MeetingStepInvalid,
            ErrorCode::CallNumberInvalid,
            ErrorCode::PreviousCallRequired,
            ErrorCode::NoticeTooShort,
            ErrorCode::NoticeTooLong,
            ErrorCode::AnnualNoticeLate,
            ErrorCode::AnnualAssemblyLate,
            ErrorCode::ElectionNoticeLate,
            ErrorCode::ConveningNoticeLate,
            ErrorCode::ProxyLimitExceeded,
            ErrorCode::ProxyToSelf,
            ErrorCode::PrincipalAlreadyRepresented,
            ErrorCode::ProxyHolderRepresented,
            ErrorCode::QuorumNotMet,
            ErrorCode::VotesExceedPresent,
            ErrorCode::CandidateNotEligible,
            ErrorCode::SeatsInvalid,
            ErrorCode::AlreadyCheckedIn,
            ErrorCode::DecisionsNoticeLate,
            ErrorCode::BoardNotElected,
            ErrorCode::ElectionTied,
            ErrorCode::NotBoardMember,
            ErrorCode::BeforeMeetingDay,
            ErrorCode::RequestTooFew,
            ErrorCode::NotInOffice,
            ErrorCode::LedgerNotEncrypted,
            ErrorCode::LedgerAlreadyEncrypted,
            ErrorCode::LedgerLocked,
            ErrorCode::PassphraseTooShort,
            ErrorCode::PassphraseWrong,
            ErrorCode::IdleMinutesInvalid,
            ErrorCode::FirstUserMustBeBoard,
            ErrorCode::UsernameFormat,
            ErrorCode::UsernameTaken,
            ErrorCode::PasswordTooShort,
            ErrorCode::LastBoardAccount,
            ErrorCode::AccountInactive,
            ErrorCode::LoginFailed,
            ErrorCode::LoginRequired,
            ErrorCode::RoleForbidden,
            ErrorCode::ClockSkew,
            ErrorCode::LegalIdMissing,
            ErrorCode::ExportFolderNotEmpty,
            ErrorCode::RegistryRefused,
            ErrorCode::RegistryUnreachable,
            ErrorCode::RegistryUrlInvalid,
            ErrorCode::NotEnrolled,
            ErrorCode::ReportUnchanged,
            ErrorCode::PeriodNotReportable,
            ErrorCode::PeriodNotEnded,
            ErrorCode::ImportColumnUnknown,
            ErrorCode::BackupInvalid,
            ErrorCode::ApprovalResolutionInvalid,
            ErrorCode::ApprovalMeetingInvalid,
            ErrorCode::ReservePctOutOfBounds,
            ErrorCode::DistributionPctOutOfBounds,
            ErrorCode::DistributionNoWork,
            ErrorCode::DistributionNoCapital,
            ErrorCode::DistributionNoSurplus,
            ErrorCode::YearOpenDrafts,
            ErrorCode::YearOutOfOrder,
            ErrorCode::YearAlreadyApproved,
            ErrorCode::YearNotClosed,
            ErrorCode::YearAlreadyClosed,
            ErrorCode::YearNotEnded,
        ];
        for code in all {
            let json = serde_json::to_string(&code).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert!(!code.english().is_empty());
        }
    }

    #[test]
    fn invalid_error_lists_its_fields() {
        let err =
            IpcError::invalid(vec![FieldError { field: Field::LegalId, code: ErrorCode::LegalIdChecksum }]);
        let json = serde_json::to_value(&err).unwrap_or_default();
        assert_eq!(json["code"], "validation_failed");
        assert_eq!(json["details"]["fields"][0]["field"], "legal_id");
        assert_eq!(json["details"]["fields"][0]["code"], "legal_id_checksum");
    }
}
