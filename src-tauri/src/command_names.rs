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
    "statute_get",
    "statute_set",
    "member_list",
    "member_check",
    "member_add",
    "member_update",
    "member_activate",
    "member_warn",
    "member_exit",
    "member_page",
    "share_check",
    "share_record",
    "share_register",
    "certificate_doc",
];
