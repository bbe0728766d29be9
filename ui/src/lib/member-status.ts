// How a member's status is shown (a word with an icon; colour only repeats it)
// and which statuses each filter of the member list keeps.
import type { MemberStatus } from "./bindings/MemberStatus";
import type { IconName } from "./ui/Icon.svelte";
import type { Tone } from "./ui/tone";

/** The member list's status filter. */
export type StatusFilter = "all" | "active" | "applicants" | "left";

export const STATUS_FILTERS: readonly StatusFilter[] = ["all", "active", "applicants", "left"];

/** Whether a member with `status` passes `filter`. */
export function statusPasses(filter: StatusFilter, status: MemberStatus): boolean {
  switch (filter) {
    case "all":
      return true;
    case "active":
      return status === "active";
    case "applicants":
      return status === "applicant";
    case "left":
      return status === "withdrawn" || status === "expelled" || status === "deceased";
  }
}

/** Whether the member has left the cooperative. */
export function hasLeft(status: MemberStatus): boolean {
  return statusPasses("left", status);
}

const LOOKS: Record<MemberStatus, { icon: IconName; tone: Tone }> = {
  active: { icon: "check", tone: "success" },
  applicant: { icon: "info", tone: "info" },
  withdrawn: { icon: "close", tone: "neutral" },
  expelled: { icon: "alert", tone: "danger" },
  deceased: { icon: "close", tone: "neutral" },
};

/** The icon and tone of a status (the word comes from the catalogue). */
export function statusLook(status: MemberStatus): { icon: IconName; tone: Tone } {
  return LOOKS[status];
}
