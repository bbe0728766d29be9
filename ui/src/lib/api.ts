// The UI's one door to the backend: the only module that imports @tauri-apps/api.
// Each function is one Tauri command; a rejection is always an ApiError.
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo } from "./bindings/AppInfo";
import type { CooperativeProfile } from "./bindings/CooperativeProfile";
import type { Dashboard } from "./bindings/Dashboard";
import type { ProfileCheck } from "./bindings/ProfileCheck";
import type { ProfileInput } from "./bindings/ProfileInput";
import type { SavedProfile } from "./bindings/SavedProfile";
import type { StatuteInput } from "./bindings/StatuteInput";
import type { StatuteVersion } from "./bindings/StatuteVersion";
import type { StatuteView } from "./bindings/StatuteView";
import type { VerifyReport } from "./bindings/VerifyReport";
import type { CertificateDoc } from "./bindings/CertificateDoc";
import type { ExitInput } from "./bindings/ExitInput";
import type { FieldError } from "./bindings/FieldError";
import type { Member } from "./bindings/Member";
import type { MemberInput } from "./bindings/MemberInput";
import type { MemberPage } from "./bindings/MemberPage";
import type { MemberRow } from "./bindings/MemberRow";
import type { RecordedShareEntry } from "./bindings/RecordedShareEntry";
import type { Register } from "./bindings/Register";
import type { ShareAction } from "./bindings/ShareAction";
import type { ShareCheck } from "./bindings/ShareCheck";
import { toApiError } from "./errors";

export { ApiError, toApiError } from "./errors";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toApiError(reason);
  }
}

/** Version and where this installation keeps its data. */
export function appInfo(): Promise<AppInfo> {
  return call("app_info");
}

/** Today's figures: the cooperative, its fiscal year and the journal. */
export function dashboard(): Promise<Dashboard> {
  return call("dashboard");
}

/** The cooperative's profile (مشخصات تعاونی), or null before the first one is saved. */
export function profileGet(): Promise<CooperativeProfile | null> {
  return call("profile_get");
}

/** Validate a profile form without saving anything. */
export function profileCheck(input: ProfileInput): Promise<ProfileCheck> {
  return call("profile_check", { input });
}

/** Record the profile; refused with `validation_failed` (and field errors) when invalid. */
export function profileSave(input: ProfileInput): Promise<SavedProfile> {
  return call("profile_save", { input });
}

/** Fill an empty ledger with a sample cooperative to explore. */
export function demoCreate(): Promise<CooperativeProfile> {
  return call("demo_create");
}

/** Re-walk every event chain and rebuild the projections to check nothing was altered. */
export function ledgerVerify(): Promise<VerifyReport> {
  return call("ledger_verify");
}

/** The statute (اساسنامه): the version in force, every version (newest first), and the law's defaults with their sources. */
export function statuteGet(): Promise<StatuteView> {
  return call("statute_get");
}

/**
 * Record the first statute or an amendment; refused with `validation_failed` (and
 * field errors such as par_value, thresholds, resolution, effective_from) when invalid.
 */
export function statuteSet(input: StatuteInput): Promise<StatuteVersion> {
  return call("statute_set", { input });
}

/** Every member with their holding (the register's rows), in membership-number order. */
export function memberList(): Promise<MemberRow[]> {
  return call("member_list");
}

/**
 * Check a member form without saving: the refused fields (empty when it would be
 * accepted). `membershipNo` is the member being edited (so their own national code
 * is not a duplicate), or null for a new member.
 */
export function memberCheck(input: MemberInput, membershipNo: number | null): Promise<FieldError[]> {
  return call("member_check", { input, membershipNo });
}

/** Admit a member (or register an applicant) with the next membership number. */
export function memberAdd(input: MemberInput): Promise<Member> {
  return call("member_add", { input });
}

/** Correct a member's particulars (the joining date and status are not changed). */
export function memberUpdate(membershipNo: number, input: MemberInput): Promise<Member> {
  return call("member_update", { membershipNo, input });
}

/** Admit an applicant by the board's decision, from `date` (ISO or Jalali). */
export function memberActivate(membershipNo: number, date: string): Promise<Member> {
  return call("member_activate", { membershipNo, date });
}

/** Record a written warning from the board (the first step towards an expulsion). */
export function memberWarn(membershipNo: number, date: string, note: string): Promise<void> {
  return call("member_warn", { membershipNo, date, note });
}

/** End a membership (withdrawal, expulsion or death), checked against the statute's timers. */
export function memberExit(input: ExitInput): Promise<Member> {
  return call("member_exit", { input });
}

/** Everything the member page shows: particulars, statement, certificates and history. */
export function memberPage(membershipNo: number): Promise<MemberPage> {
  return call("member_page", { membershipNo });
}

/** Judge a share entry without recording it: its refusal, warnings and cap preview. */
export function shareCheck(action: ShareAction): Promise<ShareCheck> {
  return call("share_check", { action });
}

/** Record a share entry (one event); refused like shareCheck would say. */
export function shareRecord(action: ShareAction): Promise<RecordedShareEntry> {
  return call("share_record", { action });
}

/** The share register (دفتر سهام): every member's holding and the totals. */
export function shareRegister(): Promise<Register> {
  return call("share_register");
}

/** A share certificate ready to print, with its amounts in Persian words. */
export function certificateDoc(serial: number): Promise<CertificateDoc> {
  return call("certificate_doc", { serial });
}
