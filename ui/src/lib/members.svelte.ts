// The member list as the whole window knows it: the members screen shows it, the
// share form's member pickers search it, and refusals name members from it.
// Rows are kept as raw state (not deeply reactive): 10,000 rows stay cheap, and what
// every keystroke of the members' filter needs (search keys, amounts as BigInt) is
// computed once per list.
import { memberList } from "./api";
import type { MemberRow } from "./bindings/MemberRow";
import { memberSearchKey } from "./search";

/** Whole rials as BigInt, or null when one of them is not a whole number. */
function wholeRials(values: readonly string[]): bigint[] | null {
  const out: bigint[] = [];
  for (const value of values) {
    if (!/^-?\d+$/.test(value)) return null;
    out.push(BigInt(value));
  }
  return out;
}

class MemberDirectory {
  rows: MemberRow[] = $state.raw([]);
  /** memberSearchKey of each row, same order. */
  keys: string[] = $state.raw([]);
  /**
   * Each row's paid and unpaid rials as BigInt, same order, so a filtered total is a
   * sum of integers; null when an amount is not a whole number of rials (then totals
   * go through sumRials).
   */
  amounts: { paid: bigint[]; unpaid: bigint[] } | null = $state.raw(null);
  loaded = $state(false);
  #byNo = new Map<number, MemberRow>();
  #loading: Promise<MemberRow[]> | null = null;

  /** Adopt a freshly read list. */
  set(rows: MemberRow[]): void {
    this.#byNo = new Map(rows.map((row) => [row.member.membership_no, row]));
    this.keys = rows.map(memberSearchKey);
    const paid = wholeRials(rows.map((row) => row.holding.paid));
    const unpaid = wholeRials(rows.map((row) => row.unpaid));
    this.amounts = paid && unpaid ? { paid, unpaid } : null;
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
