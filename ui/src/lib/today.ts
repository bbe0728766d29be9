// Today's date where the cooperative is: Tehran (UTC+03:30), as ISO "YYYY-MM-DD".
import { tehranDateTime } from "./format";

/** Today in Tehran, the default date of every form that records something. */
export function tehranToday(now: Date = new Date()): string {
  return tehranDateTime(now.toISOString())?.date ?? now.toISOString().slice(0, 10);
}
