//! Hamyar's desktop shell (پوسته دسکتاپ): opens the ledger, registers the IPC commands, and
//! runs the window. Logic lives in `hamyar-store` and `hamyar-core`; commands stay thin.

mod command_names;
mod commands;
mod session;
mod state;
mod sync;

pub use command_names::COMMANDS;

/// Builds and runs the app until its last window closes.
pub fn run() {
    let context = tauri::generate_context!();
    let app = tauri::Builder::default()
        .manage(state::AppState::open())
        .setup(|app| {
            // Today's automatic backup, if due, on a connection of its own: the window is not kept waiting.
            let handle = app.handle().clone();
            std::thread::spawn(move || auto_backup(&handle, false));
            sync::start(app.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::dashboard,
            commands::profile_get,
            commands::profile_check,
            commands::profile_save,
            commands::demo_create,
            commands::ledger_verify,
            commands::statute_get,
            commands::statute_set,
            commands::member_list,
            commands::member_check,
            commands::member_add,
            commands::member_update,
            commands::member_activate,
            commands::member_warn,
            commands::member_exit,
            commands::member_page,
            commands::share_check,
            commands::share_record,
            commands::share_register,
            commands::certificate_doc,
            commands::product_list,
            commands::product_add,
            commands::product_update,
            commands::product_retire,
            commands::production_check,
            commands::production_record,
            commands::production_reverse,
            commands::production_entries,
            commands::production_summary,
            commands::production_import_preview,
            commands::production_import_commit,
            commands::workforce_get,
            commands::workforce_set,
            commands::quality_add,
            commands::quality_list,
            commands::sale_add,
            commands::sales_summary,
            commands::meeting_list,
            commands::meeting_page,
            commands::meeting_create,
            commands::meeting_convene,
            commands::meeting_notice_preview,
            commands::meeting_notice,
            commands::meeting_proxy,
            commands::meeting_checkin,
            commands::meeting_quorum,
            commands::meeting_resolve,
            commands::meeting_elect,
            commands::meeting_minutes,
            commands::meeting_notify,
            commands::meeting_end,
            commands::meeting_officers,
            commands::year_list,
            commands::year_page,
            commands::year_propose,
            commands::year_close,
            commands::year_approve,
            commands::year_payments_xlsx,
            commands::backup_list,
            commands::backup_take,
            commands::backup_restore,
            commands::member_import_preview,
            commands::member_import_headers,
            commands::member_import_commit,
            commands::member_export,
            commands::export_sheet,
            commands::sync_overview,
            commands::report_preview,
            commands::report_close,
            commands::sync_enrol,
            commands::sync_now,
            commands::outbox_history,
            commands::outbox_requeue,
            commands::export_package,
            commands::ledger_unlock,
            commands::ledger_encrypt,
            commands::ledger_rekey,
            commands::ledger_decrypt,
            commands::session_state,
            commands::session_login,
            commands::session_logout,
            commands::session_lock,
            commands::users_list,
            commands::user_add,
            commands::user_set_role,
            commands::user_set_password,
            commands::user_set_active,
            commands::idle_lock_set,
            commands::note_add,
            commands::note_list,
        ])
        .build(context);
    match app {
        Ok(app) => app.run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                // At close, always: the day's newest backup holds the day's work.
                auto_backup(handle, true);
            }
        }),
        Err(e) => {
            eprintln!("hamyar: the window could not start: {e}");
            std::process::exit(1);
        }
    }
}

/// The automatic, rotating backup into the data folder's `backups/` (7 daily, 4 weekly, 12 monthly).
/// An encrypted ledger's waits until it is unlocked (at start), or is skipped (at close, still locked).
fn auto_backup(app: &tauri::AppHandle, always: bool) {
    use tauri::Manager as _;
    // Benchmarks measuring start and idle memory turn it off; nobody else should.
    if std::env::var_os("HAMYAR_AUTO_BACKUP").is_some_and(|v| v == "off") {
        return;
    }
    let Some(dir) = hamyar_store::paths::data_dir() else { return };
    let state = app.state::<state::AppState>();
    while state.is_locked() {
        if always {
            return;
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    let key = state.open_store().ok().and_then(|s| s.key().cloned());
    let store = match hamyar_store::crypt::open_in(&dir, key.as_ref()) {
        Ok(store) => store,
        Err(e) => return eprintln!("hamyar: the automatic backup could not open the ledger: {e}"),
    };
    let policy = hamyar_store::backup::Retention::default();
    match hamyar_store::backup::auto(&store, &dir.join("backups"), chrono::Utc::now(), policy, always) {
        Ok(Some(b)) if !b.ok => eprintln!("hamyar: the automatic backup {} failed verification", b.path),
        Err(e) => eprintln!("hamyar: the automatic backup failed: {e}"),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::COMMANDS;

    fn read(path: &str) -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn every_command_is_registered_allowed_and_wrapped() {
        let lib = read("src/lib.rs");
        let capability = read("capabilities/main.json");
        let api = read("../ui/src/lib/api.ts");
        for name in COMMANDS {
            assert!(lib.contains(&format!("commands::{name},")), "{name} is not registered in lib.rs");
            let permission = format!("\"allow-{}\"", name.replace('_', "-"));
            assert!(capability.contains(&permission), "{permission} missing from capabilities/main.json");
            assert!(api.contains(&format!("\"{name}\"")), "{name} is not wrapped in ui/src/lib/api.ts");
        }
        assert_eq!(
            capability.matches("\"allow-").count(),
            COMMANDS.len(),
            "a capability allows an unknown command"
        );
    }

    #[test]
    fn the_security_baseline_holds() {
        let conf: serde_json::Value =
            serde_json::from_str(&read("tauri.conf.json")).expect("tauri.conf.json parses");
        assert_eq!(conf["app"]["withGlobalTauri"], false);
        let csp = &conf["app"]["security"]["csp"];
        assert_eq!(csp["default-src"], "'self'");
        assert_eq!(csp["script-src"], "'self'");
        assert_eq!(conf["app"]["windows"][0]["title"], "همیار");
        assert_eq!(conf["identifier"], hamyar_store::paths::APP_IDENTIFIER);
        let manifest = read("Cargo.toml");
        assert!(!manifest.contains("tauri-plugin"), "no plugin the app does not use");
    }
}
