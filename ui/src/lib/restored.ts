// After a restore the ledger in use is another file, so the window starts over
// (every screen, cache and the header read the restored ledger afresh). What the
// user was doing survives the reload in sessionStorage: the window comes back to
// the backups card and says which backup is now in use.
const KEY = "hamyar.restored";

/** Remember the backup restored from (its file name), then reload the window. */
export function reloadAfterRestore(name: string): void {
  try {
    globalThis.sessionStorage?.setItem(KEY, name);
  } catch {
    // Without storage the window still reloads; only the notice is lost.
  }
  globalThis.location.reload();
}

/** The backup the window was just reloaded after restoring from, once (then forgotten). */
export function takeRestoredNotice(): string | null {
  try {
    const name = globalThis.sessionStorage?.getItem(KEY) ?? null;
    if (name !== null) globalThis.sessionStorage?.removeItem(KEY);
    return name;
  } catch {
    return null;
  }
}
