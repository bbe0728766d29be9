// The text of a notice of assembly (آگهی دعوت), as a newspaper notice or as a
// written invitation to one member, with every content the GA regulation requires:
// the cooperative's name, the kind of assembly, the call, the agenda, the day
// (weekday and Jalali date) and hour, the place with its full address, when and
// where proxy letters are checked and attendance slips issued, and for elections
// how and until when candidates register. Always Persian: it is a legal paper.
import type { CooperativeProfile } from "../bindings/CooperativeProfile";
import type { Meeting } from "../bindings/Meeting";
import type { StatuteValues } from "../bindings/StatuteValues";
import { formatNumber, localeDigits } from "../format";
import { fa } from "../i18n/fa";
import { formatJalali } from "../jalali";
import { callName, kindName } from "./text";

export type NoticeForm = "newspaper" | "written";

/** The addressee of a written invitation. */
export type Invitee = { name: string; membershipNo: number };

export type NoticeText = {
  /** «آگهی دعوت مجمع عمومی عادی سالیانه (نوبت اول)». */
  heading: string;
  /** The cooperative's name, with its registration number and national ID. */
  cooperative: string;
  /** A written invitation's addressee; null in the newspaper. */
  addressee: string | null;
  /** The invitation: who is invited, to what, when and where. */
  lead: string;
  /** For a later call: why it is held. */
  laterCall: string | null;
  agendaTitle: string;
  agenda: string[];
  /** Proxies: the limits, and when and where proxy letters are checked. */
  proxy: string;
  /** For elections: how and until when candidates register. */
  candidacy: string | null;
  /** Who invites (the board, the inspector, …). */
  signer: string;
  /** A written invitation's receipt slip; null in the newspaper. */
  receipt: string | null;
};

const digits = (text: string) => localeDigits(text, "fa");
const day = (iso: string) => formatJalali(iso, { long: true, weekday: true, locale: "fa" });

/** The cooperative as a notice names it. */
export function cooperativeName(cooperative: CooperativeProfile | null): string {
  return cooperative ? digits(cooperative.name) : fa.meetings.docs.unnamedCooperative;
}

/** The notice's text. `statute` gives the proxy limits (the law's 3 and 1 when unknown). */
export function buildNotice(
  meeting: Meeting,
  cooperative: CooperativeProfile | null,
  statute: Pick<StatuteValues, "proxies_per_member" | "proxies_per_non_member"> | null,
  form: NoticeForm,
  invitee: Invitee | null = null,
): NoticeText {
  const n = fa.meetings.docs.notice;
  const kind = kindName(meeting, fa);
  const call = callName(meeting.call, fa);
  const name = cooperativeName(cooperative);
  const place = digits(meeting.place);
  const hour = digits(meeting.hour);
  const ids = cooperative
    ? n.ids(digits(cooperative.registration_number), digits(cooperative.legal_id))
    : "";
  const perMember = formatNumber(statute?.proxies_per_member ?? 3, "fa");
  const perNonMember = formatNumber(statute?.proxies_per_non_member ?? 1, "fa");
  const checkAt = meeting.proxy_check ? digits(meeting.proxy_check) : n.proxyCheckDefault;
  return {
    heading: n.heading(kind, call),
    cooperative: ids ? `${name} ${ids}` : name,
    addressee:
      form === "written"
        ? invitee
          ? n.addressee(digits(invitee.name), formatNumber(invitee.membershipNo, "fa"))
          : n.addresseeBlank
        : null,
    lead: (form === "written" ? n.leadWritten : n.leadNewspaper)(name, kind, call, hour, day(meeting.date), place),
    laterCall: meeting.call > 1 ? n.laterCall(callName(meeting.call - 1, fa)) : null,
    agendaTitle: n.agendaTitle,
    agenda: meeting.agenda.map(digits),
    proxy: n.proxy(perMember, perNonMember, checkAt),
    candidacy:
      meeting.elections && meeting.candidacy_until ? n.candidacy(day(meeting.candidacy_until)) : null,
    signer: n.signer(n.signers[meeting.convened_by ?? "board"], name),
    receipt: form === "written" ? n.receipt : null,
  };
}
