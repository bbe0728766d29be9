// Reading the meeting forms: agenda items one per line, an hour in any digits,
// counts of votes, the candidates of an election, and the order drawn by lot when
// candidates tie across a seat boundary.
import type { Candidate } from "../bindings/Candidate";
import type { ErrorDetails } from "../bindings/ErrorDetails";
import { toAsciiDigits } from "../digits";
import { parseInteger } from "../format";

// Numbering a pasted agenda may carry: «۱- », "2. ", "3) ", «٤ـ ».
const NUMBERING = /^\s*[0-9۰-۹٠-٩]+\s*[-.)ـ–:]\s*/;

/** The agenda items typed one per line, without empty lines or pasted numbering. */
export function agendaItems(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(NUMBERING, "").trim())
    .filter((line) => line !== "");
}

/** Names typed one per line or separated by commas (observers). */
export function nameList(text: string): string[] {
  return text
    .split(/[\r\n,،]+/)
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/**
 * An hour typed in any digits: «۱۰», "9:30", «۹٫۳۰», "14.05" → "HH:MM".
 * Null when it is not an hour of the day.
 */
export function parseHour(text: string): string | null {
  const cleaned = toAsciiDigits(text).replace(/[\u200c-\u200f]/g, "").trim();
  const match = /^(\d{1,2})(?:\s*[:.\u066b]\s*(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (hours > 23 || minutes > 59 || (match[2] !== undefined && match[2].length !== 2)) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/** A count of votes or people: a whole number, zero or more, in any digits; null otherwise. */
export function parseCount(text: string): number | null {
  const value = parseInteger(text.trim() === "" ? "x" : text);
  return value !== null && value >= 0 && value <= 4_294_967_295 ? value : null;
}

/** One candidate row of the election form, as typed. */
export type CandidateRow = { member: string; votes: string };

/** What is wrong with a candidate row. */
export type RowProblem = { row: number; field: "member" | "votes"; code: "unknown_member" | "number_format" | "candidate_not_eligible" };

/**
 * The candidates typed in the election form: rows left wholly empty are skipped;
 * a row needs a membership number and its votes; no one twice.
 */
export function readCandidates(rows: readonly CandidateRow[]): { candidates: Candidate[]; problems: RowProblem[] } {
  const candidates: Candidate[] = [];
  const problems: RowProblem[] = [];
  const seen = new Set<number>();
  rows.forEach((row, index) => {
    if (row.member.trim() === "" && row.votes.trim() === "") return;
    const no = parseInteger(row.member);
    const votes = parseCount(row.votes);
    const valid = no !== null && no > 0;
    const repeated = valid && seen.has(no);
    if (!valid) problems.push({ row: index, field: "member", code: "unknown_member" });
    else if (repeated) problems.push({ row: index, field: "member", code: "candidate_not_eligible" });
    if (votes === null) problems.push({ row: index, field: "votes", code: "number_format" });
    if (valid) seen.add(no);
    if (valid && !repeated && votes !== null) candidates.push({ membership_no: no, votes });
  });
  return { candidates, problems };
}

/** Candidates tied across a seat boundary, from an `election_tied` refusal: who, and how many places they share. */
export type TieToDraw = { candidates: number[]; places: number };

export function tieOf(details: ErrorDetails | null | undefined): TieToDraw | null {
  const value = details?.value?.trim() ?? "";
  if (!/^\d+(,\d+)*$/.test(value)) return null;
  const places = Number(details?.limit ?? "0");
  return { candidates: value.split(",").map(Number), places: Number.isFinite(places) ? places : 0 };
}

/**
 * The order drawn by lot: each tied candidate's place in the draw as typed (1 = drawn
 * first). Null unless the places are exactly 1…n, each once.
 */
export function drawnOrder(tied: readonly number[], places: Readonly<Record<number, string>>): number[] | null {
  const ranked = tied.map((no) => ({ no, place: parseInteger(places[no] ?? "") }));
  const seen = new Set<number>();
  for (const { place } of ranked) {
    if (place === null || place < 1 || place > tied.length || seen.has(place)) return null;
    seen.add(place);
  }
  return ranked.sort((a, b) => (a.place ?? 0) - (b.place ?? 0)).map((r) => r.no);
}

/** Adds a newly drawn order to the draws already made for this count (a later tie at another boundary). */
export function mergeLot(previous: readonly number[], drawn: readonly number[]): number[] {
  return [...previous.filter((no) => !drawn.includes(no)), ...drawn];
}
