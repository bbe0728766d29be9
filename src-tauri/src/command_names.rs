// The one list of IPC commands: build.rs declares them in the app manifest (which generates
// the `allow-*` permissions), lib.rs registers the handlers, and a test checks that every one
// is allowed in capabilities/main.json and wrapped in ui/src/lib/api.ts.
/// Every command the UI may invoke.
pub const COMMANDS: &[&str] = &[
    "app_info",
    "dashboard",
    "profile_get",
    "profile_check",
    "profile_save",
    "demo_create",
    "ledger_verify",
];
