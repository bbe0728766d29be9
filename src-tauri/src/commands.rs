//! IPC commands: parse → call the store → map the error. Nothing else lives here.

use chrono::Utc;
use hamyar_core::FieldError;
use hamyar_core::IpcError;
use hamyar_core::access::{InspectorNoteInput, Role};
use hamyar_core::meeting::QuorumCount;
use hamyar_core::meeting::record::{
    ConveneInput, ElectionInput, MeetingInput, MinutesInput, NoticeInput, NotifyInput, ProxyInput,
    ResolutionInput,
};
use hamyar_core::member::{ExitInput, MemberInput};
use hamyar_core::production::{ProductInput, ProductionInput, QualityInput, SaleInput, WorkforceInput};
use hamyar_core::profile::{CooperativeProfile, ProfileCheck, ProfileInput};
use hamyar_core::shares::ShareAction;
use hamyar_core::statute::{StatuteInput, StatuteVersion};
use hamyar_core::year::{ApproveInput, Choices, CloseInput, Proposal, YearApproved};
use hamyar_store::backup::{self, BackupInfo, RestoreInfo};
use hamyar_store::crypt::{self, CryptInfo, Passphrase};
use hamyar_store::dashboard::{self, Dashboard};
use hamyar_store::documents::{self, CertificateDoc, MemberPage};
use hamyar_store::export::{self, ExportRequest};
use hamyar_store::import::{self, ImportColumn, ImportPreview, ImportResult};
use hamyar_store::meetings::{
    self, CheckPreview, Election, Ending, Meeting, MeetingPage, Officer, Proxy, Resolution,
};
use hamyar_store::member_import::{self, MemberImportPreview, MemberSheet};
use hamyar_store::members::{self, Member, MemberRow};
use hamyar_store::notes::{self, NoteRow};
use hamyar_store::production::{
    self, Product, ProductionEntry, ProductionSummary, QualityReport, QualityRow, SalesSummary, Workforce,
};
use hamyar_store::profile::{self, SavedProfile};
use hamyar_store::shares::{self, RecordedShareEntry, Register, ShareCheck};
use hamyar_store::statute::{self, StatuteView};
use hamyar_store::users::{self, NewUser, UserAccount};
use hamyar_store::verify::{self, VerifyReport};
use hamyar_store::year::{self, FiscalYear, YearPage};
use hamyar_store::{StoreError, demo};
use hamyar_sync::outbox::{
    self, Attempt, Backoff, EnrolInput, PassResult, RegistrySettings, SendOptions, SyncOverview,
};
use hamyar_sync::report::{self, Preview, ReportInfo};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};
use ts_rs::TS;

use crate::session::{Session, SessionState};
use crate::state::AppState;

/// Who recorded an event from the window in single-user mode; with users on, the ledger records
/// the logged-in user instead (docs/users.md).
const AUTHOR: &str = "app";

type Reply<T> = Result<T, IpcError>;

fn ipc(e: StoreError) -> IpcError {
    e.to_ipc()
}

/// Facts about this installation, for the settings screen.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    /// Hamyar's version.
    pub version: String,
    /// The data folder.
    pub data_dir: String,
    /// The ledger file.
    pub database_path: String,
    /// This installation's journal chain (empty while the ledger cannot be opened).
    pub device_id: String,
    /// Why the ledger cannot be opened, when it cannot: the settings screen then offers a backup.
    pub ledger_error: Option<IpcError>,
    /// The folder of automatic backups.
    pub backups_dir: String,
    /// The backup the ledger was last restored from, if it was.
    pub restored_from: Option<RestoreInfo>,
    /// The ledger file is encrypted (docs/encryption.md).
    pub encrypted: bool,
    /// It is encrypted and waits for its passphrase: the window shows the unlock screen.
    pub locked: bool,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Reply<AppInfo> {
    let data_dir = state.data_dir.clone().unwrap_or_default();
    let database = data_dir.join(hamyar_store::paths::DATABASE_FILE);
    let (device_id, ledger_error) = match state.open_store() {
        Ok(store) => (store.device_id().to_owned(), None),
        Err(e) => (String::new(), Some(e)),
    };
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: data_dir.display().to_string(),
        database_path: database.display().to_string(),
        device_id,
        ledger_error,
        backups_dir: backups_dir(&state).map(|d| d.display().to_string()).unwrap_or_default(),
        restored_from: backup::last_restore(&database),
        encrypted: crypt::is_encrypted(&database).unwrap_or(false),
        locked: state.is_locked(),
    })
}

#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>) -> Reply<Dashboard> {
    dashboard::figures(&*state.store()?, Utc::now()).map_err(ipc)
}

#[tauri::command]
pub async fn profile_get(state: State<'_, AppState>) -> Reply<Option<CooperativeProfile>> {
    profile::get(&*state.store()?).map_err(ipc)
}

#[tauri::command]
pub async fn profile_check(input: ProfileInput) -> Reply<ProfileCheck> {
    Ok(profile::check(&input, Utc::now()))
}

#[tauri::command]
pub async fn profile_save(state: State<'_, AppState>, input: ProfileInput) -> Reply<SavedProfile> {
    profile::save(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn demo_create(state: State<'_, AppState>) -> Reply<CooperativeProfile> {
    demo::create(&mut *state.store()?, AUTHOR, Utc::now()).map_err(ipc)
}

#[tauri::command]
pub async fn ledger_verify(state: State<'_, AppState>) -> Reply<VerifyReport> {
    verify::run(&mut *state.store()?).map_err(ipc)
}

#[tauri::command]
pub async fn statute_get(state: State<'_, AppState>) -> Reply<StatuteView> {
    statute::view(&*state.store()?).map_err(ipc)
}

#[tauri::command]
pub async fn statute_set(state: State<'_, AppState>, input: StatuteInput) -> Reply<StatuteVersion> {
    statute::set(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn member_list(state: State<'_, AppState>) -> Reply<Vec<MemberRow>> {
    members::list(&*state.store()?).map_err(ipc)
}

#[tauri::command]
pub async fn member_check(
    state: State<'_, AppState>,
    input: MemberInput,
    membership_no: Option<u32>,
) -> Reply<Vec<FieldError>> {
    members::check(&*state.store()?, Utc::now(), &input, membership_no).map_err(ipc)
}

#[tauri::command]
pub async fn member_add(state: State<'_, AppState>, input: MemberInput) -> Reply<Member> {
    members::add(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn member_update(
    state: State<'_, AppState>,
    membership_no: u32,
    input: MemberInput,
) -> Reply<Member> {
    members::update(&mut *state.store()?, AUTHOR, Utc::now(), membership_no, &input).map_err(ipc)
}

#[tauri::command]
pub async fn member_activate(state: State<'_, AppState>, membership_no: u32, date: String) -> Reply<Member> {
    members::activate(&mut *state.store()?, AUTHOR, Utc::now(), membership_no, &date).map_err(ipc)
}

#[tauri::command]
pub async fn member_warn(
    state: State<'_, AppState>,
    membership_no: u32,
    date: String,
    note: String,
) -> Reply<()> {
    members::warn(&mut *state.store()?, AUTHOR, Utc::now(), membership_no, &date, &note).map_err(ipc)
}

#[tauri::command]
pub async fn member_exit(state: State<'_, AppState>, input: ExitInput) -> Reply<Member> {
    members::exit(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn member_page(state: State<'_, AppState>, membership_no: u32) -> Reply<MemberPage> {
    documents::member_page(&*state.store()?, membership_no).map_err(ipc)
}

#[tauri::command]
pub async fn share_check(state: State<'_, AppState>, action: ShareAction) -> Reply<ShareCheck> {
    shares::check(&*state.store()?, Utc::now(), &action).map_err(ipc)
}

#[tauri::command]
pub async fn share_record(state: State<'_, AppState>, action: ShareAction) -> Reply<RecordedShareEntry> {
    shares::record(&mut *state.store()?, AUTHOR, Utc::now(), &action).map_err(ipc)
}

#[tauri::command]
pub async fn share_register(state: State<'_, AppState>) -> Reply<Register> {
    shares::register(&*state.store()?).map_err(ipc)
}

#[tauri::command]
pub async fn certificate_doc(state: State<'_, AppState>, serial: u32) -> Reply<CertificateDoc> {
    documents::certificate_doc(&*state.store()?, serial).map_err(ipc)
}

fn day(text: &str) -> Reply<chrono::NaiveDate> {
    hamyar_core::jalali::parse_date(text).map_err(IpcError::from_code)
}

#[tauri::command]
pub async fn product_list(state: State<'_, AppState>) -> Reply<Vec<Product>> {
    production::products(state.store()?.conn()).map_err(ipc)
}

#[tauri::command]
pub async fn product_add(state: State<'_, AppState>, input: ProductInput) -> Reply<Product> {
    production::add_product(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn product_update(state: State<'_, AppState>, product: u32, input: ProductInput) -> Reply<Product> {
    production::update_product(&mut *state.store()?, AUTHOR, Utc::now(), product, &input).map_err(ipc)
}

#[tauri::command]
pub async fn product_retire(state: State<'_, AppState>, product: u32) -> Reply<Product> {
    production::retire_product(&mut *state.store()?, AUTHOR, Utc::now(), product).map_err(ipc)
}

#[tauri::command]
pub async fn production_check(state: State<'_, AppState>, input: ProductionInput) -> Reply<Vec<FieldError>> {
    production::check_production(&*state.store()?, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn production_record(state: State<'_, AppState>, input: ProductionInput) -> Reply<ProductionEntry> {
    production::record_production(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn production_reverse(
    state: State<'_, AppState>,
    id: String,
    reason: String,
) -> Reply<ProductionEntry> {
    production::reverse_production(&mut *state.store()?, AUTHOR, Utc::now(), &id, &reason, false).map_err(ipc)
}

#[tauri::command]
pub async fn production_entries(
    state: State<'_, AppState>,
    from: String,
    to: String,
    limit: u32,
) -> Reply<Vec<ProductionEntry>> {
    let (from, to) = (day(&from)?, day(&to)?);
    production::entries(state.store()?.conn(), from, to, limit).map_err(ipc)
}

#[tauri::command]
pub async fn production_summary(state: State<'_, AppState>, period: String) -> Reply<ProductionSummary> {
    production::summary(state.store()?.conn(), &period).map_err(ipc)
}

#[tauri::command]
pub async fn production_import_preview(
    state: State<'_, AppState>,
    name: String,
    bytes: Vec<u8>,
) -> Reply<ImportPreview> {
    import::preview(&*state.store()?, Utc::now(), &name, &bytes).map_err(ipc)
}

#[tauri::command]
pub async fn production_import_commit(
    state: State<'_, AppState>,
    name: String,
    bytes: Vec<u8>,
) -> Reply<ImportResult> {
    import::commit(&mut *state.store()?, AUTHOR, Utc::now(), &name, &bytes).map_err(ipc)
}

#[tauri::command]
pub async fn workforce_get(state: State<'_, AppState>, month: String) -> Reply<Option<Workforce>> {
    production::workforce_month(state.store()?.conn(), &month).map_err(ipc)
}

#[tauri::command]
pub async fn workforce_set(state: State<'_, AppState>, input: WorkforceInput) -> Reply<Workforce> {
    production::set_workforce(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn quality_add(state: State<'_, AppState>, input: QualityInput) -> Reply<QualityRow> {
    production::add_quality(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn quality_list(state: State<'_, AppState>, period: String) -> Reply<QualityReport> {
    production::quality_report(state.store()?.conn(), &period).map_err(ipc)
}

#[tauri::command]
pub async fn sale_add(state: State<'_, AppState>, input: SaleInput) -> Reply<String> {
    production::add_sale(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn sales_summary(state: State<'_, AppState>, period: String) -> Reply<SalesSummary> {
    production::sales_summary(state.store()?.conn(), &period).map_err(ipc)
}

#[tauri::command]
pub async fn meeting_list(state: State<'_, AppState>) -> Reply<Vec<Meeting>> {
    meetings::list(state.store()?.conn()).map_err(ipc)
}

#[tauri::command]
pub async fn meeting_page(state: State<'_, AppState>, meeting: u32) -> Reply<MeetingPage> {
    meetings::page(state.store()?.conn(), meeting, Utc::now()).map_err(ipc)
}

#[tauri::command]
pub async fn meeting_create(state: State<'_, AppState>, input: MeetingInput) -> Reply<Meeting> {
    meetings::create(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn meeting_convene(state: State<'_, AppState>, input: ConveneInput) -> Reply<Meeting> {
    meetings::convene(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn meeting_notice_preview(
    state: State<'_, AppState>,
    meeting: u32,
    published: String,
) -> Reply<Vec<CheckPreview>> {
    meetings::notice_preview(state.store()?.conn(), meeting, &published).map_err(ipc)
}

#[tauri::command]
pub async fn meeting_notice(state: State<'_, AppState>, input: NoticeInput) -> Reply<Meeting> {
    meetings::notice(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn meeting_proxy(state: State<'_, AppState>, input: ProxyInput) -> Reply<Proxy> {
    meetings::proxy(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn meeting_checkin(
    state: State<'_, AppState>,
    meeting: u32,
    member: Option<u32>,
    holder_name: Option<String>,
) -> Reply<QuorumCount> {
    meetings::checkin(&mut *state.store()?, AUTHOR, Utc::now(), meeting, member, holder_name.as_deref())
        .map_err(ipc)
}

#[tauri::command]
pub async fn meeting_quorum(state: State<'_, AppState>, meeting: u32) -> Reply<QuorumCount> {
    meetings::quorum(state.store()?.conn(), meeting).map_err(ipc)
}

#[tauri::command]
pub async fn meeting_resolve(state: State<'_, AppState>, input: ResolutionInput) -> Reply<Resolution> {
    meetings::resolve(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn meeting_elect(state: State<'_, AppState>, input: ElectionInput) -> Reply<Election> {
    meetings::elect(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn meeting_minutes(state: State<'_, AppState>, input: MinutesInput) -> Reply<Meeting> {
    meetings::minutes(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn meeting_notify(state: State<'_, AppState>, input: NotifyInput) -> Reply<Meeting> {
    meetings::notify(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn meeting_end(
    state: State<'_, AppState>,
    meeting: u32,
    ending: Ending,
    reason: String,
) -> Reply<Meeting> {
    meetings::end(&mut *state.store()?, AUTHOR, Utc::now(), meeting, ending, &reason).map_err(ipc)
}

#[tauri::command]
pub async fn meeting_officers(state: State<'_, AppState>) -> Reply<Vec<Officer>> {
    meetings::officers(state.store()?.conn()).map_err(ipc)
}

#[tauri::command]
pub async fn year_list(state: State<'_, AppState>) -> Reply<Vec<FiscalYear>> {
    year::list(&*state.store()?, Utc::now()).map_err(ipc)
}

#[tauri::command]
pub async fn year_page(state: State<'_, AppState>, year: i32) -> Reply<YearPage> {
    year::page(&*state.store()?, Utc::now(), year).map_err(ipc)
}

#[tauri::command]
pub async fn year_propose(state: State<'_, AppState>, year: i32, choices: Choices) -> Reply<Proposal> {
    year::propose(&*state.store()?, year, None, &choices).map_err(ipc)
}

#[tauri::command]
pub async fn year_close(state: State<'_, AppState>, input: CloseInput) -> Reply<FiscalYear> {
    year::close(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

#[tauri::command]
pub async fn year_approve(state: State<'_, AppState>, input: ApproveInput) -> Reply<YearApproved> {
    year::approve(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

/// Writes the approved year's payment list as XLSX in the exports folder; returns its path.
#[tauri::command]
pub async fn year_payments_xlsx(state: State<'_, AppState>, year: i32) -> Reply<String> {
    let dir = state
        .data_dir
        .as_ref()
        .map(|d| d.join("exports"))
        .ok_or_else(|| IpcError::from_code(hamyar_core::ErrorCode::IoFailed))?;
    std::fs::create_dir_all(&dir).map_err(|e| ipc(StoreError::Io(e)))?;
    let path = dir.join(format!("payments-{year}.xlsx"));
    year::payment_list_xlsx(&*state.store()?, year, &path).map_err(ipc)?;
    Ok(path.display().to_string())
}

fn backups_dir(state: &AppState) -> Option<std::path::PathBuf> {
    state.data_dir.as_ref().map(|d| d.join("backups"))
}

fn folder(state: &AppState, dir: Option<String>) -> Reply<std::path::PathBuf> {
    match dir.map(|d| d.trim().to_owned()).filter(|d| !d.is_empty()) {
        Some(d) => Ok(std::path::PathBuf::from(d)),
        None => backups_dir(state).ok_or_else(|| IpcError::from_code(hamyar_core::ErrorCode::IoFailed)),
    }
}

/// The backups in a folder (default: the automatic ones), newest first.
#[tauri::command]
pub async fn backup_list(state: State<'_, AppState>, dir: Option<String>) -> Reply<Vec<BackupInfo>> {
    backup::list(&folder(&state, dir)?).map_err(ipc)
}

/// Progress of a backup, sent to the window as `backup-progress`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BackupProgress {
    /// Pages copied.
    pub done: u32,
    /// Pages in all.
    pub total: u32,
}

/// Takes a verified backup into a folder (default: the automatic backups' folder).
#[tauri::command]
pub async fn backup_take(
    app: AppHandle,
    state: State<'_, AppState>,
    dir: Option<String>,
) -> Reply<BackupInfo> {
    let dir = folder(&state, dir)?;
    let store = state.store()?;
    Session::require_board(&store, "backup_take")?;
    backup::take(&store, &dir, Utc::now(), &mut |done, total| {
        let _ = app.emit("backup-progress", BackupProgress { done, total });
    })
    .map_err(ipc)
}

/// Replaces the ledger with a verified backup, keeping a safety copy of the current one.
#[tauri::command]
pub async fn backup_restore(
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<String>,
) -> Reply<RestoreInfo> {
    // A ledger that cannot be opened has no users to ask: a restore is what it needs.
    if let Ok(store) = state.open_store() {
        drop(store);
        Session::require_board(&*state.store()?, "backup_restore")?;
    }
    let safety = backups_dir(&state)
        .map(|d| d.join("safety"))
        .ok_or_else(|| IpcError::from_code(hamyar_core::ErrorCode::IoFailed))?;
    // An encrypted backup opens with the ledger's passphrase, or with its own when that differs;
    // the restored ledger is then reopened with the passphrase that opened the backup.
    let backup_key = passphrase.map(Passphrase::new);
    state.with_ledger_closed(|db, key| {
        let from = std::path::Path::new(&path);
        let info =
            backup::restore(db, from, &safety, Utc::now(), key.as_ref(), backup_key.as_ref()).map_err(ipc)?;
        if backup_key.is_some() {
            *key = backup_key;
        }
        Ok(info)
    })
}

/// What importing a member sheet would record, row by row (nothing is written).
#[tauri::command]
pub async fn member_import_preview(
    state: State<'_, AppState>,
    sheet: MemberSheet,
) -> Reply<MemberImportPreview> {
    member_import::preview(&mut *state.store()?, AUTHOR, Utc::now(), &sheet).map_err(ipc)
}

/// A member sheet's header row and the field each header is recognised as (the mapping step's start).
#[tauri::command]
pub async fn member_import_headers(sheet: MemberSheet) -> Reply<Vec<ImportColumn>> {
    member_import::headers(&sheet).map_err(ipc)
}

/// Records every row of a member sheet, or none.
#[tauri::command]
pub async fn member_import_commit(
    state: State<'_, AppState>,
    sheet: MemberSheet,
) -> Reply<MemberImportPreview> {
    member_import::commit(&mut *state.store()?, AUTHOR, Utc::now(), &sheet).map_err(ipc)
}

/// Writes the member register as XLSX (or CSV when `csv`) into the exports folder; returns its path.
#[tauri::command]
pub async fn member_export(state: State<'_, AppState>, csv: bool) -> Reply<String> {
    let dir = state
        .data_dir
        .as_ref()
        .map(|d| d.join("exports"))
        .ok_or_else(|| IpcError::from_code(hamyar_core::ErrorCode::IoFailed))?;
    std::fs::create_dir_all(&dir).map_err(|e| ipc(StoreError::Io(e)))?;
    let path = dir.join(if csv { "members.csv" } else { "members.xlsx" });
    member_import::export(&*state.store()?, &path).map_err(ipc)?;
    Ok(path.display().to_string())
}

/// Writes a spreadsheet export (XLSX, or CSV when `csv`) into the folder the user gave, or the
/// exports folder when none; returns the file's path.
#[tauri::command]
pub async fn export_sheet(
    state: State<'_, AppState>,
    request: ExportRequest,
    csv: bool,
    dir: Option<String>,
) -> Reply<String> {
    let dir = match dir.map(|d| d.trim().to_owned()).filter(|d| !d.is_empty()) {
        Some(d) => std::path::PathBuf::from(d),
        None => data_dir(&state)?.join("exports"),
    };
    std::fs::create_dir_all(&dir).map_err(|e| ipc(StoreError::Io(e)))?;
    let path = dir.join(format!("{}.{}", request.file_stem(), if csv { "csv" } else { "xlsx" }));
    export::write(&*state.store()?, &request, &path, Utc::now()).map_err(ipc)?;
    Ok(path.display().to_string())
}

fn sync_ipc(e: hamyar_sync::SyncError) -> IpcError {
    e.to_ipc()
}

fn data_dir(state: &AppState) -> Reply<std::path::PathBuf> {
    state.data_dir.clone().ok_or_else(|| IpcError::from_code(hamyar_core::ErrorCode::IoFailed))
}

/// The sync screen's state: the registry, the outbox and its totals, the last pass.
#[tauri::command]
pub async fn sync_overview(state: State<'_, AppState>) -> Reply<SyncOverview> {
    let dir = data_dir(&state)?;
    let mut overview = outbox::overview(state.store()?.conn(), &dir).map_err(sync_ipc)?;
    if let Ok(last) = state.sync.last.lock()
        && let Some((result, at)) = last.as_ref()
    {
        overview.last_pass = Some(result.clone());
        overview.last_pass_at = Some(at.clone());
    }
    Ok(overview)
}

/// A period's summary as it would be reported now, beside its last report.
#[tauri::command]
pub async fn report_preview(state: State<'_, AppState>, period: String) -> Reply<Preview> {
    let today = hamyar_core::clock::tehran_date(Utc::now());
    report::preview(state.store()?.conn(), &period, today).map_err(sync_ipc)
}

/// Closes a period (report and outbox row together) and wakes the sender.
#[tauri::command]
pub async fn report_close(state: State<'_, AppState>, period: String) -> Reply<ReportInfo> {
    let mut store = state.store()?;
    Session::require_board(&store, "report_close")?;
    let info = report::close(&mut store, AUTHOR, Utc::now(), &period).map_err(sync_ipc)?;
    state.sync.nudge();
    Ok(info)
}

/// Enrols with a registry using its one-time code.
#[tauri::command]
pub async fn sync_enrol(state: State<'_, AppState>, input: EnrolInput) -> Reply<RegistrySettings> {
    let dir = data_dir(&state)?;
    let mut store = state.store()?;
    Session::require_board(&store, "sync_enrol")?;
    let settings = outbox::enrol(&mut store, &dir, &input).map_err(sync_ipc)?;
    drop(store);
    state.sync.nudge();
    Ok(settings)
}

/// «ارسال به سامانه»: sends every pending report now, with `sync-progress` events; the ledger
/// is held only between network calls.
#[tauri::command]
pub async fn sync_now(app: AppHandle, ignore_clock: bool) -> Reply<PassResult> {
    let options = SendOptions { force: true, ignore_clock, backoff: Backoff::from_env() };
    tauri::async_runtime::spawn_blocking(move || crate::sync::pass(&app, &options))
        .await
        .map_err(|_| IpcError::from_code(hamyar_core::ErrorCode::Internal))?
        .map_err(sync_ipc)
}

/// A report's attempts, oldest first.
#[tauri::command]
pub async fn outbox_history(state: State<'_, AppState>, report_id: String) -> Reply<Vec<Attempt>> {
    outbox::history(state.store()?.conn(), &report_id).map_err(sync_ipc)
}

/// Puts a parked report back in the queue and wakes the sender.
#[tauri::command]
pub async fn outbox_requeue(state: State<'_, AppState>, report_id: String) -> Reply<()> {
    let mut store = state.store()?;
    Session::require_board(&store, "outbox_requeue")?;
    outbox::requeue(&mut store, AUTHOR, Utc::now(), &report_id).map_err(sync_ipc)?;
    state.sync.nudge();
    Ok(())
}

/// Writes a report's export package into a new folder (default: a new one in the exports folder).
#[tauri::command]
pub async fn export_package(
    state: State<'_, AppState>,
    report_id: String,
    dir: Option<String>,
) -> Reply<String> {
    let store = state.store()?;
    let info = report::info(store.conn(), &report_id).map_err(sync_ipc)?;
    let target = match dir.map(|d| d.trim().to_owned()).filter(|d| !d.is_empty()) {
        Some(d) => std::path::PathBuf::from(d),
        None => {
            let stamp = Utc::now().format("%Y%m%d-%H%M%S");
            data_dir(&state)?.join("exports").join(format!("package-{}-{stamp}", info.period))
        }
    };
    report::export_package(store.conn(), &report_id, &target).map_err(sync_ipc)?;
    Ok(target.display().to_string())
}

/// Who is logged in, whether the app is locked, and whether users are on at all.
#[tauri::command]
pub async fn session_state(state: State<'_, AppState>) -> Reply<SessionState> {
    state.session.state(&*state.open_store()?)
}

/// Logs in (or unlocks, as the same or another user).
#[tauri::command]
pub async fn session_login(
    state: State<'_, AppState>,
    username: String,
    password: String,
) -> Reply<SessionState> {
    let store = state.open_store()?;
    state.session.login(&store, &username, &password)?;
    state.session.state(&store)
}

/// Logs out.
#[tauri::command]
pub async fn session_logout(state: State<'_, AppState>) -> Reply<SessionState> {
    state.session.logout()?;
    state.session.state(&*state.open_store()?)
}

/// Locks the app after idle time: only a password opens it again.
#[tauri::command]
pub async fn session_lock(state: State<'_, AppState>) -> Reply<SessionState> {
    state.session.lock()?;
    state.session.state(&*state.open_store()?)
}

/// Every local account (board only).
#[tauri::command]
pub async fn users_list(state: State<'_, AppState>) -> Reply<Vec<UserAccount>> {
    let store = state.store()?;
    Session::require_board(&store, "users_list")?;
    users::list(store.conn()).map_err(ipc)
}

/// Adds an account. The first one (a board account) turns users on and logs its owner in.
#[tauri::command]
pub async fn user_add(state: State<'_, AppState>, input: NewUser) -> Reply<UserAccount> {
    let mut store = state.store()?;
    let first = !users::any(store.conn()).map_err(ipc)?;
    let account = users::add(&mut store, Utc::now(), &input).map_err(ipc)?;
    if first {
        state.session.login(&store, &account.username, &input.password)?;
    }
    Ok(account)
}

/// Gives an account another role (board only).
#[tauri::command]
pub async fn user_set_role(state: State<'_, AppState>, username: String, role: Role) -> Reply<UserAccount> {
    users::set_role(&mut *state.store()?, &username, role).map_err(ipc)
}

/// Sets a password: a board member resets anyone's, a user changes their own.
#[tauri::command]
pub async fn user_set_password(state: State<'_, AppState>, username: String, password: String) -> Reply<()> {
    users::set_password(&mut *state.store()?, &username, &password).map_err(ipc)
}

/// Activates or deactivates an account (board only).
#[tauri::command]
pub async fn user_set_active(
    state: State<'_, AppState>,
    username: String,
    active: bool,
) -> Reply<UserAccount> {
    users::set_active(&mut *state.store()?, &username, active).map_err(ipc)
}

/// Sets the idle lock in minutes (board only; 0 = never).
#[tauri::command]
pub async fn idle_lock_set(state: State<'_, AppState>, minutes: u32) -> Reply<u32> {
    users::set_idle_lock(&mut *state.store()?, minutes).map_err(ipc)
}

/// Records an inspector's note.
#[tauri::command]
pub async fn note_add(state: State<'_, AppState>, input: InspectorNoteInput) -> Reply<NoteRow> {
    notes::add(&mut *state.store()?, AUTHOR, Utc::now(), &input).map_err(ipc)
}

/// The inspector's notes, newest first.
#[tauri::command]
pub async fn note_list(state: State<'_, AppState>) -> Reply<Vec<NoteRow>> {
    notes::list(state.store()?.conn()).map_err(ipc)
}

/// Only the board changes the ledger's encryption, when users are on (a ledger that cannot be
/// opened has no users to ask).
fn may_change_encryption(state: &AppState, action: &str) -> Reply<()> {
    if let Ok(store) = state.open_store() {
        drop(store);
        Session::require_board(&*state.store()?, action)?;
    }
    Ok(())
}

/// Opens the encrypted ledger with its passphrase (`passphrase_wrong`: still locked, file untouched).
#[tauri::command]
pub async fn ledger_unlock(state: State<'_, AppState>, passphrase: String) -> Reply<()> {
    state.unlock(&Passphrase::new(passphrase))
}

/// Encrypts the ledger with a passphrase of at least 8 characters.
#[tauri::command]
pub async fn ledger_encrypt(state: State<'_, AppState>, passphrase: String) -> Reply<CryptInfo> {
    may_change_encryption(&state, "ledger_encrypt")?;
    let new = Passphrase::new_key(passphrase).map_err(ipc)?;
    state.with_ledger_closed(|db, key| {
        let info = crypt::encrypt(db, &new).map_err(ipc)?;
        *key = Some(new);
        Ok(info)
    })
}

/// Changes the ledger's passphrase, proving the current one.
#[tauri::command]
pub async fn ledger_rekey(state: State<'_, AppState>, old: String, new: String) -> Reply<CryptInfo> {
    may_change_encryption(&state, "ledger_rekey")?;
    let (old, new) = (Passphrase::new(old), Passphrase::new_key(new).map_err(ipc)?);
    state.with_ledger_closed(|db, key| {
        let info = crypt::rekey(db, &old, &new).map_err(ipc)?;
        *key = Some(new);
        Ok(info)
    })
}

/// Decrypts the ledger, proving its passphrase.
#[tauri::command]
pub async fn ledger_decrypt(state: State<'_, AppState>, passphrase: String) -> Reply<CryptInfo> {
    may_change_encryption(&state, "ledger_decrypt")?;
    let current = Passphrase::new(passphrase);
    state.with_ledger_closed(|db, key| {
        let info = crypt::decrypt(db, &current).map_err(ipc)?;
        *key = None;
        Ok(info)
    })
}
