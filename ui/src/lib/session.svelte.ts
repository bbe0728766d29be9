// What the whole window shows about the open ledger: the cooperative in the header.
// Screens that read or write the profile keep it current.
import type { CooperativeProfile } from "./bindings/CooperativeProfile";

class Session {
  profile: CooperativeProfile | null = $state(null);
}

/** The app's one session. */
export const session = new Session();
