// What the header's quiet sync indicator says, read from the sync screen's overview: the
// reports waiting to be sent, else the reports the registry refused, else when the last
// report reached the registry. Offline is normal, so being behind is never an error here;
// with nothing ever closed, or not enrolled and nothing queued, it says nothing at all.
import type { SyncOverview } from "../lib/bindings/SyncOverview";

/** The indicator's one sentence, before it is put in words. */
export type SyncIndicator =
  | { kind: "pending"; count: number }
  | { kind: "parked"; count: number }
  | { kind: "sent"; at: string };

/** The newest receipt time among the outbox rows (RFC 3339), if any report has one. */
function newestReceipt(overview: SyncOverview): string | null {
  let newest: string | null = null;
  let newestMs = -Infinity;
  for (const row of overview.rows) {
    const at = row.receipt?.received_at;
    if (!at) continue;
    const ms = Date.parse(at);
    // A time that does not parse still counts, after every one that does.
    const key = Number.isNaN(ms) ? -Infinity : ms;
    if (newest === null || key > newestMs) {
      newest = at;
      newestMs = key;
    }
  }
  return newest;
}

/** Which sentence the header shows for this overview; null when it shows nothing. */
export function syncIndicator(overview: SyncOverview): SyncIndicator | null {
  const { pending, parked, sent } = overview.counts;
  if (pending > 0) return { kind: "pending", count: pending };
  if (parked > 0) return { kind: "parked", count: parked };
  // Not enrolled and nothing queued, or nothing ever closed: nothing to say.
  if (overview.settings === null || overview.rows.length === 0) return null;
  const at = newestReceipt(overview) ?? (sent > 0 ? overview.last_pass_at : null);
  return at ? { kind: "sent", at } : null;
}
