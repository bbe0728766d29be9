// The member list as the whole window knows it: the members screen shows it, the
// share form's member pickers search it, and refusals name members from it.
// Rows are kept as raw state (not deeply reactive): 10,000 rows stay cheap.
import { memberList } from "./api";
import type { MemberRow } from "./bindings/MemberRow";
import { memberSearchKey } from "./search";

class MemberDirectory {
  rows: MemberRow[] = $state.raw([]);
  /** memberSearchKey of each row, same order. */
  keys: string[] = $state.raw([]);
  loaded = $state(false);
  #byNo = new Map<number, MemberRow>();
  #loading: Promise<MemberRow[]> | null = null;

  /** Adopt a freshly read list. */
  set(rows: MemberRow[]): void {
    this.#byNo = new Map(rows.map((row) => [row.member.membership_no, row]));
    this.keys = rows.map(memberSearchKey);
    this.rows = rows;
    this.loaded = true;
  }

  /** Read the list from the backend (once at a time); rejects with an ApiError. */
  async load(): Promise<MemberRow[]> {
    this.#loading ??= memberList().finally(() => {
      this.#loading = null;
    });
    const rows = await this.#loading;
    this.set(rows);
    return rows;
  }

  /** Read the list unless it already has been. */
  async ensure(): Promise<void> {
    if (!this.loaded) await this.load();
  }

  /** After a write: read again when the list was read before (a screen showing it will refresh itself). */
  invalidate(): void {
    if (this.loaded) void this.load().catch(() => undefined);
  }

  row(membershipNo: number): MemberRow | null {
    return this.#byNo.get(membershipNo) ?? null;
  }

  nameOf(membershipNo: number): string | null {
    return this.#byNo.get(membershipNo)?.member.display_name ?? null;
  }
}

/** The app's one member directory. */
export const directory = new MemberDirectory();
