// Who is at the keyboard (docs/users.md): the session as the backend keeps it, for the login and
// lock screens, the users card, and screens that hide what the role may not record. The backend's
// refusal (role_forbidden) is the real guard; this only spares a click.
import { sessionLock, sessionLogin, sessionLogout, sessionState } from "./api";
import type { SessionState } from "./bindings/SessionState";

class Access {
  /** The session, or null until it is known (or when the ledger cannot tell, e.g. still encrypted). */
  state: SessionState | null = $state(null);

  /** Whether the window must show the login (or lock) screen now. */
  get loginRequired(): boolean {
    return this.state?.login_required ?? false;
  }

  /** Whether the user is a board member, or users are off (everything allowed). */
  get isBoard(): boolean {
    const s = this.state;
    return s === null || !s.users_on || s.actor?.role === "board";
  }

  /** Whether the user may record an event of `kind` (`share.transfer`); true while unknown. */
  may(kind: string): boolean {
    return this.state === null || this.state.may_append.includes(kind);
  }

  async refresh(): Promise<void> {
    try {
      this.state = await sessionState();
    } catch {
      // The ledger is not open (e.g. encrypted and not yet unlocked): nothing to say yet.
      this.state = null;
    }
  }

  async login(username: string, password: string): Promise<void> {
    this.state = await sessionLogin(username, password);
  }

  async logout(): Promise<void> {
    this.state = await sessionLogout();
  }

  async lock(): Promise<void> {
    this.state = await sessionLock();
  }
}

/** The app's one session. */
export const access = new Access();
