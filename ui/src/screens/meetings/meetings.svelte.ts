// What the meetings screens hand each other: the start of a later call (filled in
// from the call that failed), a convening that was refused after its meeting was
// saved as a draft, and the statute's numbers the forms show as hints.
import { statuteGet } from "../../lib/api";
import type { MeetingInput } from "../../lib/bindings/MeetingInput";
import type { StatuteValues } from "../../lib/bindings/StatuteValues";

/** A meeting form's start: what a later call keeps from the call that failed. */
export type MeetingStart = Partial<Omit<MeetingInput, "date" | "candidacy_until">>;

class MeetingsState {
  /** The form to open on the meetings screen (a later call), taken once. */
  start: MeetingStart | null = $state(null);
  /** Why a new meeting's convening was refused, for its page to show once. */
  conveneRefusal: { meeting: number; message: string } | null = $state(null);

  takeStart(): MeetingStart | null {
    const start = this.start;
    this.start = null;
    return start;
  }

  /** The statute in force (its defaults when none is recorded), read afresh; null when it cannot be read. */
  statute(): Promise<StatuteValues | null> {
    return statuteGet()
      .then((view) => view.current?.values ?? view.defaults)
      .catch(() => null);
  }
}

export const meetingsState = new MeetingsState();
