// Whether the ledger is encrypted and waits for its passphrase: the window then shows the unlock
// screen before everything (docs/encryption.md).
import { appInfo } from "../../lib/api";

class LedgerLock {
  locked = $state(false);

  /** Asks the backend; a failure leaves the window to show the ledger's own error. */
  async check(): Promise<void> {
    try {
      this.locked = (await appInfo()).locked;
    } catch {
      this.locked = false;
    }
  }
}

/** The window's one lock state. */
export const ledgerLock = new LedgerLock();
