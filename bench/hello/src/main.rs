//! A hello-world Tauri 2 window: the baseline Hamyar's start and memory are compared with.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("hello: {e}");
        std::process::exit(1);
    }
}
