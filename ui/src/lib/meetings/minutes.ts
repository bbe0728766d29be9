// The minutes (صورتجلسه), generated from what was recorded: the meeting and its
// notice, the presiding panel, the quorum in numbers, each resolution with its votes
// and outcome, the elected (principals and alternates) with their votes and terms,
// and the signers. Always Persian: it is a legal paper.
import type { CooperativeProfile } from "../bindings/CooperativeProfile";
import type { Election } from "../bindings/Election";
import type { MeetingPage } from "../bindings/MeetingPage";
import type { Officer } from "../bindings/Officer";
import type { QuorumCount } from "../bindings/QuorumCount";
import type { Ranked } from "../bindings/Ranked";
import { formatNumber, localeDigits } from "../format";
import { fa } from "../i18n/fa";
import { formatJalali } from "../jalali";
import { daysBetween } from "./calendar";
import { cooperativeName } from "./notice-text";
import { callName, kindName } from "./text";

export type ElectedRow = { rank: string; membershipNo: string; name: string; votes: string };

export type MinutesElection = {
  title: string;
  ballots: string;
  principals: ElectedRow[];
  alternates: ElectedRow[];
  /** «مدت مأموریت: از … تا …», when the terms are known. */
  term: string | null;
  /** Said when equal votes straddled a seat boundary, so the order was drawn by lot. */
  byLot: string | null;
};

export type MinutesResolution = {
  number: string;
  text: string;
  votes: string;
  outcome: string;
  passed: boolean;
};

export type Signer = { role: string; name: string };

export type MinutesDoc = {
  title: string;
  cooperative: string;
  opening: string;
  notices: string | null;
  quorum: string;
  /** The count as a table: label and figure. */
  counts: { label: string; value: string }[];
  panel: string | null;
  agenda: string[];
  resolutions: MinutesResolution[];
  elections: MinutesElection[];
  closing: string;
  notified: string | null;
  signers: Signer[];
};

const digits = (text: string) => localeDigits(text, "fa");
const num = (value: number) => formatNumber(value, "fa");
const longDate = (iso: string) => formatJalali(iso, { long: true, locale: "fa" });
const day = (iso: string) => formatJalali(iso, { long: true, weekday: true, locale: "fa" });

function elected(rows: readonly Ranked[], names: Election["names"]): ElectedRow[] {
  return rows.map((r) => ({
    rank: num(r.rank),
    membershipNo: num(r.membership_no),
    name: digits(names[r.membership_no] ?? ""),
    votes: num(r.votes),
  }));
}

/** Whether equal votes straddle a boundary of the result (the backend then required a lot). */
function drawnByLot(election: Election): boolean {
  const { principals, alternates, not_elected } = election.result;
  const tied = (a: Ranked | undefined, b: Ranked | undefined) => a !== undefined && b !== undefined && a.votes === b.votes;
  return tied(principals.at(-1), alternates[0] ?? not_elected[0]) || tied(alternates.at(-1), not_elected[0]);
}

function termOf(election: Election, meeting: number, officers: readonly Officer[]): string | null {
  const term = officers.find((o) => o.meeting === meeting && o.body === election.body);
  return term ? fa.meetings.docs.minutes.term(longDate(term.start), longDate(term.end)) : null;
}

/** The quorum the minutes state: the count taken with the minutes, else the live one. */
function countOf(page: MeetingPage): QuorumCount | null {
  return page.minutes?.quorum ?? page.quorum;
}

/** The minutes of a meeting, from its page, the cooperative and the terms of office. */
export function buildMinutes(
  page: MeetingPage,
  cooperative: CooperativeProfile | null,
  officers: readonly Officer[],
): MinutesDoc {
  const t = fa.meetings.docs.minutes;
  const { meeting } = page;
  const board = meeting.kind === "board";
  const kind = kindName(meeting, fa);
  const call = callName(meeting.call, fa);
  const name = cooperativeName(cooperative);
  const q = countOf(page);
  const ids = cooperative
    ? fa.meetings.docs.notice.ids(digits(cooperative.registration_number), digits(cooperative.legal_id))
    : "";

  const notices = page.notices.length
    ? t.notices(
        page.notices
          .map((n) => {
            const ref = n.reference ? t.noticeReference(digits(n.reference)) : "";
            return t.notice(fa.meetings.channels[n.channel], longDate(n.published), ref);
          })
          .join(fa.common.listSeparator),
        num(daysBetween(page.notices[0]?.published ?? meeting.date, meeting.date)),
      )
    : null;

  const quorum = q
    ? board
      ? t.quorumBoard(num(q.entitled), num(q.present), num(q.required), q.met ? t.formal : t.notFormal)
      : t.quorumAssembly(num(q.entitled), num(q.present), num(q.in_person), num(q.by_proxy), num(q.required), q.met ? t.formal : t.notFormal)
    : t.noQuorum;

  const counts = q
    ? [
        { label: board ? t.counts.entitledBoard : t.counts.entitled, value: num(q.entitled) },
        { label: t.counts.required, value: num(q.required) },
        { label: t.counts.inPerson, value: num(q.in_person) },
        ...(board ? [] : [{ label: t.counts.byProxy, value: num(q.by_proxy) }]),
        { label: t.counts.present, value: num(q.present) },
      ]
    : [];

  const panel = page.minutes
    ? t.panel(
        digits(page.minutes.chair),
        digits(page.minutes.secretary),
        page.minutes.observers.length ? t.observers(page.minutes.observers.map(digits).join(fa.common.listSeparator)) : "",
      )
    : null;

  const resolutions: MinutesResolution[] = page.resolutions.map((r) => ({
    number: num(r.number),
    text: digits(r.text),
    votes: t.votes(num(r.tally.yes), num(r.tally.no), num(r.tally.abstain), num(r.tally.votes_present), num(r.tally.required)),
    outcome: r.tally.passed ? t.passed : t.notPassed,
    passed: r.tally.passed,
  }));

  const elections: MinutesElection[] = page.elections.map((e) => ({
    title: t.electionTitle[e.body],
    ballots: t.ballots(num(e.ballots), num(e.seats), num(e.alternates)),
    principals: elected(e.result.principals, e.names),
    alternates: elected(e.result.alternates, e.names),
    term: termOf(e, meeting.meeting, officers),
    byLot: drawnByLot(e) ? t.byLot : null,
  }));

  const signers: Signer[] = page.minutes
    ? [
        { role: t.chair, name: digits(page.minutes.chair) },
        { role: t.secretary, name: digits(page.minutes.secretary) },
        ...page.minutes.observers.map((o) => ({ role: t.observer, name: digits(o) })),
      ]
    : [
        { role: t.chair, name: "" },
        { role: t.secretary, name: "" },
      ];

  return {
    title: board ? t.titleBoard(kind) : t.title(kind, call),
    cooperative: ids ? `${name} ${ids}` : name,
    opening: board
      ? t.openingBoard(name, digits(meeting.hour), day(meeting.date), digits(meeting.place))
      : t.opening(kind, name, call, digits(meeting.hour), day(meeting.date), digits(meeting.place)),
    notices,
    quorum,
    counts,
    panel,
    agenda: meeting.agenda.map(digits),
    resolutions,
    elections,
    closing: t.closing,
    notified: meeting.notified_on ? t.notified(longDate(meeting.notified_on)) : null,
    signers,
  };
}
