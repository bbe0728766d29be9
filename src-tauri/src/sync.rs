//! The registry sender in the background (ارسال خودکار): a thread that, while the app runs,
//! sends the reports that are due whenever a pass is asked for (a period closed, the button)
//! or a while has passed — holding the ledger only between network calls, one pass at a time.

use std::sync::Mutex;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use hamyar_sync::outbox::{self, Backoff, PassResult, SendOptions};
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

/// The sender's shared state.
#[derive(Debug, Default)]
pub struct SyncState {
    /// Held for the whole of a pass: the button and the background never send at once.
    pub pass: Mutex<()>,
    /// The last pass and when it ran.
    pub last: Mutex<Option<(PassResult, String)>>,
    /// Wakes the background sender.
    nudge: Mutex<Option<Sender<()>>>,
}

impl SyncState {
    /// Asks the background sender for a pass soon.
    pub fn nudge(&self) {
        if let Ok(guard) = self.nudge.lock()
            && let Some(tx) = guard.as_ref()
        {
            let _ = tx.send(());
        }
    }
}

/// One pass, remembered and announced to the window as `sync-pass`.
pub fn pass(app: &AppHandle, options: &SendOptions) -> hamyar_sync::Result<PassResult> {
    let state = app.state::<AppState>();
    let Some(dir) = state.data_dir.clone() else {
        return Err(hamyar_core::ErrorCode::IoFailed.into());
    };
    let _one_at_a_time = state.sync.pass.lock().map_err(|_| hamyar_core::ErrorCode::Internal)?;
    let result = outbox::run_once(&*state, &dir, options, Utc::now, |p| {
        let _ = app.emit("sync-progress", p.clone());
    })?;
    if let Ok(mut last) = state.sync.last.lock() {
        *last = Some((result.clone(), Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)));
    }
    let _ = app.emit("sync-pass", result.clone());
    Ok(result)
}

/// Starts the background sender (unless `HAMYAR_SYNC_WORKER=off`). It wakes on a nudge or
/// every `HAMYAR_SYNC_INTERVAL_MS` (default 30 s) and sends what is due; a registry that is
/// away costs one short request per wait, the waits growing as the outbox's backoff says.
pub fn start(app: &AppHandle) {
    if std::env::var_os("HAMYAR_SYNC_WORKER").is_some_and(|v| v == "off") {
        return;
    }
    let interval = std::env::var("HAMYAR_SYNC_INTERVAL_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .map_or(Duration::from_secs(30), Duration::from_millis);
    let (tx, rx) = channel();
    if let Ok(mut nudge) = app.state::<AppState>().sync.nudge.lock() {
        *nudge = Some(tx);
    }
    let app = app.clone();
    std::thread::spawn(move || run(&app, &rx, interval));
}

fn run(app: &AppHandle, rx: &Receiver<()>, interval: Duration) {
    let options = SendOptions { force: false, ignore_clock: false, backoff: Backoff::from_env() };
    loop {
        match rx.recv_timeout(interval) {
            Ok(()) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        // An encrypted ledger not yet unlocked: nothing to send until it is.
        if app.state::<AppState>().is_locked() {
            continue;
        }
        if let Err(e) = pass(app, &options) {
            eprintln!("hamyar: the background sender: {e}");
        }
    }
}
