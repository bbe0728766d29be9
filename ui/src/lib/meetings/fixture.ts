// A meeting page as the backend sends it, for tests: an annual ordinary assembly
// with elections, held on Saturday 7 Azar 1405 (2026-11-28), noticed 25 days ahead,
// with a proxy, five votes present, one resolution, a board election and minutes.
import type { CooperativeProfile } from "../bindings/CooperativeProfile";
import type { Meeting } from "../bindings/Meeting";
import type { MeetingPage } from "../bindings/MeetingPage";
import type { Officer } from "../bindings/Officer";

export const COOP: CooperativeProfile = {
  updated_at: "2025-01-01T00:00:00Z",
  event_id: "e0",
  name: "شرکت تعاونی تولیدی نمونه",
  legal_id: "10380284790",
  registration_number: "1234",
  registration_date: "2019-08-03",
  kind: "production",
  province: "markazi",
  city: "اراک",
  address: "شهرک صنعتی خیرآباد، خیابان صنعت 12",
  postal_code: "3818146851",
  phone: "08633445566",
  fiscal_year_start_month: 1,
  fiscal_year_start_day: 1,
};

export function meeting(extra: Partial<Meeting> = {}): Meeting {
  return {
    meeting: 1,
    kind: "ordinary",
    call: 1,
    previous: null,
    annual: true,
    elections: true,
    date: "2026-11-28",
    hour: "10:00",
    place: "اراک، شهرک صنعتی خیرآباد، خیابان صنعت 12",
    proxy_check: "دفتر تعاونی، 5 آذر",
    candidacy_until: "2026-11-23",
    agenda: ["گزارش هیئت مدیره و بازرس", "انتخاب اعضای هیئت مدیره"],
    stage: "minuted",
    convened_by: "board",
    requested: null,
    notified_on: null,
    ended_on: null,
    outcome_note: null,
    warnings: [{ code: "annual_assembly_late", limit: "2026-07-22", value: "2026-11-28" }],
    ...extra,
  };
}

export function page(extra: Partial<MeetingPage> = {}, meetingExtra: Partial<Meeting> = {}): MeetingPage {
  const quorum = { entitled: 9, required: 5, in_person: 4, by_proxy: 1, present: 5, met: true };
  return {
    meeting: meeting(meetingExtra),
    notices: [{ published: "2026-11-03", channel: "newspaper", reference: "روزنامه اطلاعات 28456" }],
    proxies: [
      {
        principal: 9,
        principal_name: "سمیرا قاسمی",
        holder: { kind: "member", value: 1 },
        holder_name: "مریم احمدی",
        validated_by: "نماینده هیئت مدیره",
        validated_at: "دفتر تعاونی",
        validated_on: "2026-11-25",
      },
    ],
    attendance: [
      { membership_no: 1, name: "مریم احمدی", national_code: "0514395631", present: true, proxy_holder: null, represented: false, holds: [9] },
      { membership_no: 2, name: "رضا کریمی", national_code: "0522581765", present: true, proxy_holder: null, represented: false, holds: [] },
      { membership_no: 9, name: "سمیرا قاسمی", national_code: "1311987029", present: false, proxy_holder: "مریم احمدی", represented: true, holds: [] },
    ],
    non_members_present: [],
    quorum,
    resolutions: [
      {
        number: 1,
        text: "صورت‌های مالی سال 1404 تصویب شد",
        tally: { yes: 4, no: 1, abstain: 0, votes_present: 5, required: 3, passed: true },
      },
      {
        number: 2,
        text: "افزایش سرمایه",
        tally: { yes: 2, no: 3, abstain: 0, votes_present: 5, required: 3, passed: false },
      },
    ],
    elections: [
      {
        body: "board",
        seats: 3,
        alternates: 1,
        ballots: 5,
        result: {
          principals: [
            { rank: 1, membership_no: 1, votes: 5 },
            { rank: 2, membership_no: 2, votes: 4 },
            { rank: 3, membership_no: 3, votes: 4 },
          ],
          alternates: [{ rank: 4, membership_no: 4, votes: 3 }],
          not_elected: [{ rank: 5, membership_no: 5, votes: 2 }],
          ties: [],
        },
        names: { 1: "مریم احمدی", 2: "رضا کریمی", 3: "زهرا موسوی", 4: "حسین رضایی", 5: "فاطمه حسینی" },
      },
    ],
    minutes: { meeting: 1, chair: "رضا کریمی", secretary: "زهرا موسوی", observers: ["علی جعفری", "نرگس صادقی"], quorum },
    failed_quorum: null,
    next_stages: ["notified"],
    notice_checks_today: [],
    next_call: null,
    history: [],
    ...extra,
  };
}

export const OFFICERS: Officer[] = [
  { body: "board", membership_no: 1, name: "مریم احمدی", principal: true, rank: 1, start: "2026-11-28", end: "2029-11-27", meeting: 1, vacated: null, called: null, filled_by: null },
  { body: "board", membership_no: 4, name: "حسین رضایی", principal: false, rank: 4, start: "2026-11-28", end: "2029-11-27", meeting: 1, vacated: null, called: null, filled_by: null },
];
