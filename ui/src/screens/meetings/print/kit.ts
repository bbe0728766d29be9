// What every document of a meeting's paper kit is printed from.
import type { CooperativeProfile } from "../../../lib/bindings/CooperativeProfile";
import type { MeetingPage } from "../../../lib/bindings/MeetingPage";
import type { Officer } from "../../../lib/bindings/Officer";
import type { StatuteValues } from "../../../lib/bindings/StatuteValues";
import { localeDigits } from "../../../lib/format";
import { fa } from "../../../lib/i18n/fa";
import { formatJalali } from "../../../lib/jalali";
import { meetingTitle } from "../../../lib/meetings/text";

export type KitData = {
  page: MeetingPage;
  cooperative: CooperativeProfile | null;
  statute: StatuteValues | null;
  officers: Officer[];
};

/** «مجمع عمومی عادی سالیانه، نوبت اول، شنبه ۸ آذر ۱۴۰۵، ساعت ۱۰:۰۰», always in Persian. */
export function meetingLine(page: MeetingPage): string {
  const m = page.meeting;
  return fa.meetings.docs.meetingLine(
    meetingTitle(m, fa),
    formatJalali(m.date, { long: true, weekday: true, locale: "fa" }),
    localeDigits(m.hour, "fa"),
  );
}
