// The UI's one door to the backend: the only module that imports @tauri-apps/api.
// Each function is one Tauri command; a rejection is always an ApiError.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type { ApproveInput } from "./bindings/ApproveInput";
import type { BackupInfo } from "./bindings/BackupInfo";
import type { BackupProgress } from "./bindings/BackupProgress";
import type { Attempt } from "./bindings/Attempt";
import type { EnrolInput } from "./bindings/EnrolInput";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { PassResult } from "./bindings/PassResult";
import type { Preview } from "./bindings/Preview";
import type { Progress } from "./bindings/Progress";
import type { RegistrySettings } from "./bindings/RegistrySettings";
import type { ReportInfo } from "./bindings/ReportInfo";
import type { SyncOverview } from "./bindings/SyncOverview";
import type { ImportColumn } from "./bindings/ImportColumn";
import type { MemberImportPreview } from "./bindings/MemberImportPreview";
import type { MemberSheet } from "./bindings/MemberSheet";
import type { RestoreInfo } from "./bindings/RestoreInfo";
import type { CryptInfo } from "./bindings/CryptInfo";
import type { Choices } from "./bindings/Choices";
import type { CloseInput } from "./bindings/CloseInput";
import type { FiscalYear } from "./bindings/FiscalYear";
import type { Proposal } from "./bindings/Proposal";
import type { YearApproved } from "./bindings/YearApproved";
import type { YearPage } from "./bindings/YearPage";
import type { AppInfo } from "./bindings/AppInfo";
import type { CooperativeProfile } from "./bindings/CooperativeProfile";
import type { Dashboard } from "./bindings/Dashboard";
import type { ProfileCheck } from "./bindings/ProfileCheck";
import type { ProfileInput } from "./bindings/ProfileInput";
import type { SavedProfile } from "./bindings/SavedProfile";
import type { StatuteInput } from "./bindings/StatuteInput";
import type { StatuteVersion } from "./bindings/StatuteVersion";
import type { StatuteView } from "./bindings/StatuteView";
import type { VerifyReport } from "./bindings/VerifyReport";
import type { CertificateDoc } from "./bindings/CertificateDoc";
import type { ExitInput } from "./bindings/ExitInput";
import type { FieldError } from "./bindings/FieldError";
import type { Member } from "./bindings/Member";
import type { MemberInput } from "./bindings/MemberInput";
import type { MemberPage } from "./bindings/MemberPage";
import type { MemberRow } from "./bindings/MemberRow";
import type { RecordedShareEntry } from "./bindings/RecordedShareEntry";
import type { Register } from "./bindings/Register";
import type { ShareAction } from "./bindings/ShareAction";
import type { ShareCheck } from "./bindings/ShareCheck";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ImportResult } from "./bindings/ImportResult";
import type { Product } from "./bindings/Product";
import type { ProductInput } from "./bindings/ProductInput";
import type { ProductionEntry } from "./bindings/ProductionEntry";
import type { ProductionInput } from "./bindings/ProductionInput";
import type { ProductionSummary } from "./bindings/ProductionSummary";
import type { QualityInput } from "./bindings/QualityInput";
import type { QualityReport } from "./bindings/QualityReport";
import type { QualityRow } from "./bindings/QualityRow";
import type { SaleInput } from "./bindings/SaleInput";
import type { SalesSummary } from "./bindings/SalesSummary";
import type { Workforce } from "./bindings/Workforce";
import type { WorkforceInput } from "./bindings/WorkforceInput";
import type { CheckPreview } from "./bindings/CheckPreview";
import type { ConveneInput } from "./bindings/ConveneInput";
import type { Election } from "./bindings/Election";
import type { ElectionInput } from "./bindings/ElectionInput";
import type { Ending } from "./bindings/Ending";
import type { Meeting } from "./bindings/Meeting";
import type { MeetingInput } from "./bindings/MeetingInput";
import type { MeetingPage } from "./bindings/MeetingPage";
import type { MinutesInput } from "./bindings/MinutesInput";
import type { NoticeInput } from "./bindings/NoticeInput";
import type { NotifyInput } from "./bindings/NotifyInput";
import type { Officer } from "./bindings/Officer";
import type { Proxy } from "./bindings/Proxy";
import type { ProxyInput } from "./bindings/ProxyInput";
import type { QuorumCount } from "./bindings/QuorumCount";
import type { Resolution } from "./bindings/Resolution";
import type { ResolutionInput } from "./bindings/ResolutionInput";
import { toApiError } from "./errors";

export { ApiError, toApiError } from "./errors";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toApiError(reason);
  }
}

/** Version and where this installation keeps its data. */
export function appInfo(): Promise<AppInfo> {
  return call("app_info");
}

/** Today's figures: the cooperative, its fiscal year and the journal. */
export function dashboard(): Promise<Dashboard> {
  return call("dashboard");
}

/** The cooperative's profile (مشخصات تعاونی), or null before the first one is saved. */
export function profileGet(): Promise<CooperativeProfile | null> {
  return call("profile_get");
}

/** Validate a profile form without saving anything. */
export function profileCheck(input: ProfileInput): Promise<ProfileCheck> {
  return call("profile_check", { input });
}

/** Record the profile; refused with `validation_failed` (and field errors) when invalid. */
export function profileSave(input: ProfileInput): Promise<SavedProfile> {
  return call("profile_save", { input });
}

/** Fill an empty ledger with a sample cooperative to explore. */
export function demoCreate(): Promise<CooperativeProfile> {
  return call("demo_create");
}

/** Re-walk every event chain and rebuild the projections to check nothing was altered. */
export function ledgerVerify(): Promise<VerifyReport> {
  return call("ledger_verify");
}

/** The statute (اساسنامه): the version in force, every version (newest first), and the law's defaults with their sources. */
export function statuteGet(): Promise<StatuteView> {
  return call("statute_get");
}

/**
 * Record the first statute or an amendment; refused with `validation_failed` (and
 * field errors such as par_value, thresholds, resolution, effective_from) when invalid.
 */
export function statuteSet(input: StatuteInput): Promise<StatuteVersion> {
  return call("statute_set", { input });
}

/** Every member with their holding (the register's rows), in membership-number order. */
export function memberList(): Promise<MemberRow[]> {
  return call("member_list");
}

/**
 * Check a member form without saving: the refused fields (empty when it would be
 * accepted). `membershipNo` is the member being edited (so their own national code
 * is not a duplicate), or null for a new member.
 */
export function memberCheck(input: MemberInput, membershipNo: number | null): Promise<FieldError[]> {
  return call("member_check", { input, membershipNo });
}

/** Admit a member (or register an applicant) with the next membership number. */
export function memberAdd(input: MemberInput): Promise<Member> {
  return call("member_add", { input });
}

/** Correct a member's particulars (the joining date and status are not changed). */
export function memberUpdate(membershipNo: number, input: MemberInput): Promise<Member> {
  return call("member_update", { membershipNo, input });
}

/** Admit an applicant by the board's decision, from `date` (ISO or Jalali). */
export function memberActivate(membershipNo: number, date: string): Promise<Member> {
  return call("member_activate", { membershipNo, date });
}

/** Record a written warning from the board (the first step towards an expulsion). */
export function memberWarn(membershipNo: number, date: string, note: string): Promise<void> {
  return call("member_warn", { membershipNo, date, note });
}

/** End a membership (withdrawal, expulsion or death), checked against the statute's timers. */
export function memberExit(input: ExitInput): Promise<Member> {
  return call("member_exit", { input });
}

/** Everything the member page shows: particulars, statement, certificates and history. */
export function memberPage(membershipNo: number): Promise<MemberPage> {
  return call("member_page", { membershipNo });
}

/** Judge a share entry without recording it: its refusal, warnings and cap preview. */
export function shareCheck(action: ShareAction): Promise<ShareCheck> {
  return call("share_check", { action });
}

/** Record a share entry (one event); refused like shareCheck would say. */
export function shareRecord(action: ShareAction): Promise<RecordedShareEntry> {
  return call("share_record", { action });
}

/** The share register (دفتر سهام): every member's holding and the totals. */
export function shareRegister(): Promise<Register> {
  return call("share_register");
}

/** A share certificate ready to print, with its amounts in Persian words. */
export function certificateDoc(serial: number): Promise<CertificateDoc> {
  return call("certificate_doc", { serial });
}

/** The product catalogue (فهرست کالا), retired products last. */
export function productList(): Promise<Product[]> {
  return call("product_list");
}

/** Add a product; refused with `validation_failed` (name, unit) when invalid or the name is taken. */
export function productAdd(input: ProductInput): Promise<Product> {
  return call("product_add", { input });
}

/** Correct a product; its unit may change only while nothing was recorded with it. */
export function productUpdate(product: number, input: ProductInput): Promise<Product> {
  return call("product_update", { product, input });
}

/** Retire a product: kept with its history, no longer offered for new entries. */
export function productRetire(product: number): Promise<Product> {
  return call("product_retire", { product });
}

/** Judge a grid row without recording it: the refused fields (empty when it would be accepted). */
export function productionCheck(input: ProductionInput): Promise<FieldError[]> {
  return call("production_check", { input });
}

/** Record one production entry (one grid row, one event). */
export function productionRecord(input: ProductionInput): Promise<ProductionEntry> {
  return call("production_record", { input });
}

/** Correct a mistake: reverse an entry whole (it counts on the original's date). */
export function productionReverse(id: string, reason: string): Promise<ProductionEntry> {
  return call("production_reverse", { id, reason });
}

/** Entries made between two days (ISO or Jalali), in recording order; the newest `limit`. */
export function productionEntries(from: string, to: string, limit: number): Promise<ProductionEntry[]> {
  return call("production_entries", { from, to, limit });
}

/** What was made in a Jalali period (`1403-12`, `1403-Q4`, `1403`), by product. */
export function productionSummary(period: string): Promise<ProductionSummary> {
  return call("production_summary", { period });
}

/** Read a CSV or XLSX sheet of production entries and judge every row; records nothing. */
export function productionImportPreview(name: string, bytes: number[]): Promise<ImportPreview> {
  return call("production_import_preview", { name, bytes });
}

/** Record every row of the sheet in one transaction, or none (`import_rows_invalid`). */
export function productionImportCommit(name: string, bytes: number[]): Promise<ImportResult> {
  return call("production_import_commit", { name, bytes });
}

/** A month's workforce (`1403-12`), or null when none was recorded. */
export function workforceGet(month: string): Promise<Workforce | null> {
  return call("workforce_get", { month });
}

/** Record a month's workforce, replacing the month's earlier record. */
export function workforceSet(input: WorkforceInput): Promise<Workforce> {
  return call("workforce_set", { input });
}

/** Record a lab test of a batch. */
export function qualityAdd(input: QualityInput): Promise<QualityRow> {
  return call("quality_add", { input });
}

/** Lab tests of a period, newest first, with pass rates per product and overall. */
export function qualityList(period: string): Promise<QualityReport> {
  return call("quality_list", { period });
}

/** Record a sale, domestic or export; returns its id. */
export function saleAdd(input: SaleInput): Promise<string> {
  return call("sale_add", { input });
}

/** Sales of a Jalali period by product, with exports and import substitution. */
export function salesSummary(period: string): Promise<SalesSummary> {
  return call("sales_summary", { period });
}

/** Every meeting, newest day first. */
export function meetingList(): Promise<Meeting[]> {
  return call("meeting_list");
}

/** Everything a meeting page, its paper kit and its minutes need. */
export function meetingPage(meeting: number): Promise<MeetingPage> {
  return call("meeting_page", { meeting });
}

/** Plan a meeting (a draft), or a later call after a failed one. */
export function meetingCreate(input: MeetingInput): Promise<Meeting> {
  return call("meeting_create", { input });
}

/** Convene it: who calls it and on whose request (refused below the minimum of members unless the statute warns). */
export function meetingConvene(input: ConveneInput): Promise<Meeting> {
  return call("meeting_convene", { input });
}

/** The checks a notice published on that day would face, before it is recorded. */
export function meetingNoticePreview(meeting: number, published: string): Promise<CheckPreview[]> {
  return call("meeting_notice_preview", { meeting, published });
}

/** Record a published notice on one channel. */
export function meetingNotice(input: NoticeInput): Promise<Meeting> {
  return call("meeting_notice", { input });
}

/** Register a validated proxy (limits from the statute). */
export function meetingProxy(input: ProxyInput): Promise<Proxy> {
  return call("meeting_proxy", { input });
}

/** Check in a member or a non-member proxy holder; returns the live quorum. */
export function meetingCheckin(meeting: number, member: number | null, holderName: string | null): Promise<QuorumCount> {
  return call("meeting_checkin", { meeting, member, holderName });
}

/** The live quorum. */
export function meetingQuorum(meeting: number): Promise<QuorumCount> {
  return call("meeting_quorum", { meeting });
}

/** Record a resolution's count; passed or not is computed. */
export function meetingResolve(input: ResolutionInput): Promise<Resolution> {
  return call("meeting_resolve", { input });
}

/** Record an election's count (ties need the order drawn by lot). */
export function meetingElect(input: ElectionInput): Promise<Election> {
  return call("meeting_elect", { input });
}

/** Take the minutes (presiding panel). */
export function meetingMinutes(input: MinutesInput): Promise<Meeting> {
  return call("meeting_minutes", { input });
}

/** Record that the decisions were notified (within 15 days). */
export function meetingNotify(input: NotifyInput): Promise<Meeting> {
  return call("meeting_notify", { input });
}

/** Close, cancel (with a reason) or record a call that failed for lack of quorum. */
export function meetingEnd(meeting: number, ending: Ending, reason: string): Promise<Meeting> {
  return call("meeting_end", { meeting, ending, reason });
}

/** Terms of office of the board and inspectors, newest first. */
export function meetingOfficers(): Promise<Officer[]> {
  return call("meeting_officers");
}

/** The fiscal years: every closed one, the current one and the last one. */
export function yearList(): Promise<FiscalYear[]> {
  return call("year_list");
}

/** The year-end screen's page for one fiscal year. */
export function yearPage(year: number): Promise<YearPage> {
  return call("year_page", { year });
}

/** The closed year's distribution with other percentages (nothing is recorded). */
export function yearPropose(year: number, choices: Choices): Promise<Proposal> {
  return call("year_propose", { year, choices });
}

/** Closes a fiscal year (بستن سال مالی). */
export function yearClose(input: CloseInput): Promise<FiscalYear> {
  return call("year_close", { input });
}

/** Approves the distribution on the annual assembly's resolution. */
export function yearApprove(input: ApproveInput): Promise<YearApproved> {
  return call("year_approve", { input });
}

/** Writes the approved year's payment list (XLSX) into the exports folder; resolves to its path. */
export function yearPaymentsXlsx(year: number): Promise<string> {
  return call("year_payments_xlsx", { year });
}

/** The backups in a folder (default: the automatic ones in the data folder), newest first. */
export function backupList(dir: string | null = null): Promise<BackupInfo[]> {
  return call("backup_list", { dir });
}

/** Takes a verified backup into a folder (default: the automatic backups' folder); progress arrives as `backup-progress` events. */
export function backupTake(dir: string | null = null): Promise<BackupInfo> {
  return call("backup_take", { dir });
}

/** Follows a running backup's progress (pages copied of all); resolves to the function that stops following. */
export function onBackupProgress(cb: (progress: BackupProgress) => void): Promise<() => void> {
  return listen<BackupProgress>("backup-progress", (event) => cb(event.payload));
}

/** Replaces the ledger with a verified backup, keeping a safety copy of the current one; an
 *  encrypted backup whose passphrase differs from the ledger's needs its own. */
export function backupRestore(path: string, passphrase?: string): Promise<RestoreInfo> {
  return call("backup_restore", passphrase === undefined ? { path } : { path, passphrase });
}

/** Opens the encrypted ledger with its passphrase (passphrase_wrong leaves it locked). */
export function ledgerUnlock(passphrase: string): Promise<void> {
  return call("ledger_unlock", { passphrase });
}

/** Encrypts the ledger with a passphrase of at least 8 characters. */
export function ledgerEncrypt(passphrase: string): Promise<CryptInfo> {
  return call("ledger_encrypt", { passphrase });
}

/** Changes the ledger's passphrase. */
export function ledgerRekey(old: string, next: string): Promise<CryptInfo> {
  return call("ledger_rekey", { old, new: next });
}

/** Decrypts the ledger. */
export function ledgerDecrypt(passphrase: string): Promise<CryptInfo> {
  return call("ledger_decrypt", { passphrase });
}

/** The sync screen's state: the registry enrolled with, the outbox and its totals, the worker's last pass. */
export function syncOverview(): Promise<SyncOverview> {
  return call("sync_overview", {});
}

/** A period's summary as it would be reported now (`1404-Q1` or `1403`), beside its last report. */
export function reportPreview(period: string): Promise<Preview> {
  return call("report_preview", { period });
}

/** Closes a period: its report and outbox row are written together; sending happens by sync. */
export function reportClose(period: string): Promise<ReportInfo> {
  return call("report_close", { period });
}

/** Enrols the cooperative with a registry using the one-time code it issued. */
export function syncEnrol(input: EnrolInput): Promise<RegistrySettings> {
  return call("sync_enrol", { input });
}

/** Sends every pending report now («ارسال به سامانه»); progress arrives as `sync-progress` events. */
export function syncNow(ignoreClock = false): Promise<PassResult> {
  return call("sync_now", { ignoreClock });
}

/** Follows a running send; resolves to the function that stops following. */
export function onSyncProgress(cb: (progress: Progress) => void): Promise<() => void> {
  return listen<Progress>("sync-progress", (event) => cb(event.payload));
}

/** Fires after every pass of the background sender (the screen refreshes). */
export function onSyncPass(cb: (result: PassResult) => void): Promise<() => void> {
  return listen<PassResult>("sync-pass", (event) => cb(event.payload));
}

/** A report's attempts, oldest first. */
export function outboxHistory(reportId: string): Promise<Attempt[]> {
  return call("outbox_history", { reportId });
}

/** Puts a parked report back in the queue. */
export function outboxRequeue(reportId: string): Promise<void> {
  return call("outbox_requeue", { reportId });
}

/** Writes a report's export package (the report, sheets per module, a checklist) into a new folder (default: the exports folder); resolves to the folder. */
export function exportPackage(reportId: string, dir: string | null = null): Promise<string> {
  return call("export_package", { reportId, dir });
}

/** What importing a member sheet would record, row by row (nothing is written). */
export function memberImportPreview(sheet: MemberSheet): Promise<MemberImportPreview> {
  return call("member_import_preview", { sheet });
}

/** A member sheet's header row and the field each header is recognised as (nothing is judged). */
export function memberImportHeaders(sheet: MemberSheet): Promise<ImportColumn[]> {
  return call("member_import_headers", { sheet });
}

/** Records every row of a member sheet, or none. */
export function memberImportCommit(sheet: MemberSheet): Promise<MemberImportPreview> {
  return call("member_import_commit", { sheet });
}

/** Writes the member register (XLSX, or CSV) into the exports folder; resolves to its path. */
export function memberExport(csv: boolean): Promise<string> {
  return call("member_export", { csv });
}

/** Writes a spreadsheet export (XLSX, or CSV when `csv`) into `dir`, or the exports folder; returns its path. */
export function exportSheet(request: ExportRequest, csv: boolean, dir: string | null): Promise<string> {
  return call("export_sheet", { request, csv, dir });
}

// Users and roles (docs/users.md): the session, the accounts, the inspector's notes.
import type { InspectorNoteInput } from "./bindings/InspectorNoteInput";
import type { NewUser } from "./bindings/NewUser";
import type { NoteRow } from "./bindings/NoteRow";
import type { Role } from "./bindings/Role";
import type { SessionState } from "./bindings/SessionState";
import type { UserAccount } from "./bindings/UserAccount";

/** Who is logged in, whether the app is locked, whether users are on at all. */
export function sessionState(): Promise<SessionState> {
  return call("session_state");
}

/** Logs in, or unlocks as the same or another user; `login_failed` alike for an unknown user and a wrong password. */
export function sessionLogin(username: string, password: string): Promise<SessionState> {
  return call("session_login", { username, password });
}

/** Logs out. */
export function sessionLogout(): Promise<SessionState> {
  return call("session_logout");
}

/** Locks the app after idle time. */
export function sessionLock(): Promise<SessionState> {
  return call("session_lock");
}

/** Every local account (board only). */
export function usersList(): Promise<UserAccount[]> {
  return call("users_list");
}

/** Adds an account; the first (a board account) turns users on and logs its owner in. */
export function userAdd(input: NewUser): Promise<UserAccount> {
  return call("user_add", { input });
}

/** Gives an account another role (board only). */
export function userSetRole(username: string, role: Role): Promise<UserAccount> {
  return call("user_set_role", { username, role });
}

/** Resets a password (board), or changes one's own. */
export function userSetPassword(username: string, password: string): Promise<void> {
  return call("user_set_password", { username, password });
}

/** Activates or deactivates an account (board only). */
export function userSetActive(username: string, active: boolean): Promise<UserAccount> {
  return call("user_set_active", { username, active });
}

/** Sets the idle lock in minutes (0 = never). */
export function idleLockSet(minutes: number): Promise<number> {
  return call("idle_lock_set", { minutes });
}

/** Records an inspector's note. */
export function noteAdd(input: InspectorNoteInput): Promise<NoteRow> {
  return call("note_add", { input });
}

/** The inspector's notes, newest first. */
export function noteList(): Promise<NoteRow[]> {
  return call("note_list");
}
