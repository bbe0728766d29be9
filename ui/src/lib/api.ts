// The UI's one door to the backend: the only module that imports @tauri-apps/api.
// Each function is one Tauri command; a rejection is always an ApiError.
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo } from "./bindings/AppInfo";
import type { CooperativeProfile } from "./bindings/CooperativeProfile";
import type { Dashboard } from "./bindings/Dashboard";
import type { ProfileCheck } from "./bindings/ProfileCheck";
import type { ProfileInput } from "./bindings/ProfileInput";
import type { SavedProfile } from "./bindings/SavedProfile";
import type { VerifyReport } from "./bindings/VerifyReport";
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
