// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    #[cfg(target_os = "linux")]
    paint_on_the_cpu();
    hamyar_app::run();
}

/// Has WebKitGTK paint the page's tiles with Skia on the CPU instead of through OpenGL; the
/// layers are still composited as before. Without a usable GPU that OpenGL is Mesa's software
/// renderer, and painting through it kept about 45 MiB more in the web process at idle (PSS on
/// the `small` ledger's dashboard, tests/e2e/bench/startup.mjs); forms and tables gain nothing
/// from GPU painting. WebKit reads the choice only from the environment, which the web process
/// inherits, and the workspace forbids the `unsafe` that setting a variable in a running process
/// takes: so the app starts itself again, in place (same process id and arguments), with the
/// variable set. A value already in the environment wins (`WEBKIT_SKIA_ENABLE_CPU_RENDERING=0`).
#[cfg(target_os = "linux")]
fn paint_on_the_cpu() {
    use std::os::unix::process::CommandExt as _;
    const KEY: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
    if std::env::var_os(KEY).is_some() {
        return;
    }
    let Ok(exe) = std::env::current_exe() else { return };
    let mut args = std::env::args_os();
    let mut again = std::process::Command::new(exe);
    if let Some(arg0) = args.next() {
        again.arg0(arg0);
    }
    // `exec` returns only when it failed; then the app starts as it is, with WebKit's default.
    let e = again.args(args).env(KEY, "1").exec();
    eprintln!("hamyar: could not restart to paint on the CPU ({e}); going on without");
}
