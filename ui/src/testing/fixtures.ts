// Records as the backend sends them, for tests: a member, their register row, a
// cooperative, and a refusal's details. Each takes what the test cares about.
import type { Certificate } from "../lib/bindings/Certificate";
import type { CooperativeProfile } from "../lib/bindings/CooperativeProfile";
import type { Dashboard } from "../lib/bindings/Dashboard";
import type { ErrorDetails } from "../lib/bindings/ErrorDetails";
import type { FieldError } from "../lib/bindings/FieldError";
import type { IpcError } from "../lib/bindings/IpcError";
import type { Member } from "../lib/bindings/Member";
import type { MemberPage } from "../lib/bindings/MemberPage";
import type { MemberRow } from "../lib/bindings/MemberRow";
import type { MemberStats } from "../lib/bindings/MemberStats";
import type { MonthTotal } from "../lib/bindings/MonthTotal";
import type { ProductionFigures } from "../lib/bindings/ProductionFigures";
import type { ShareEntryKind } from "../lib/bindings/ShareEntryKind";
import type { ShareLine } from "../lib/bindings/ShareLine";
import type { StatementLine } from "../lib/bindings/StatementLine";

/** An active person who joined on 1 Farvardin 1404, with only the required particulars. */
export function member(no: number, name: string, extra: Partial<Member> = {}): Member {
  const [first = "", last = ""] = name.split(" ");
  return {
    membership_no: no,
    status: "active",
    joined: "2025-03-21",
    exit_date: null,
    exit_reason: null,
    display_name: name,
    updated_at: "2025-03-21T08:00:00Z",
    event_id: `e${no}`,
    kind: "person",
    first_name: first,
    last_name: last,
    national_code: String(1_000_000_000 + no),
    legal_id: null,
    father_name: null,
    gender: null,
    birth_date: null,
    mobile: null,
    sheba: null,
    postal_code: null,
    address: null,
    education: null,
    works_in_coop: false,
    specialist: false,
    ...extra,
  };
}

/** A member's row in the register: no shares unless the test says. */
export function memberRow(of: Member, extra: Partial<Omit<MemberRow, "member">> = {}): MemberRow {
  return {
    member: of,
    holding: { shares: 0, subscribed: "0", paid: "0" },
    unpaid: "0",
    percent: "0",
    unpaid_due: null,
    ...extra,
  };
}

/** One entry of member 12's statement, neither a reversal nor reversed unless the test says. */
export function statementLine(
  entryId: string,
  kind: ShareEntryKind,
  date: string,
  line: Partial<ShareLine>,
  extra: Partial<StatementLine> = {},
): StatementLine {
  return {
    entry_id: entryId,
    kind,
    date,
    line: { membership_no: 12, shares: 0, subscribed: "0", paid: "0", counterparty: null, ...line },
    resolution: null,
    reverses: null,
    reversed_by: null,
    due_date: null,
    ...extra,
  };
}

/** Member 12's temporary certificate no. 3 of 2 Farvardin 1404: 10 shares, 1,000,000 rials subscribed, 400,000 paid. */
export const CERTIFICATE: Certificate = {
  serial: 3,
  membership_no: 12,
  shares: 10,
  subscribed: "1000000",
  paid: "400000",
  kind: "temporary",
  issued_on: "2025-04-02",
  cancelled_on: null,
};

/** A member's file: 10 shares, 1,000,000 rials subscribed and 400,000 paid (12.5% of the capital) by `entries`. */
export function memberPageOf(of: Member, entries: StatementLine[], extra: Partial<MemberPage> = {}): MemberPage {
  return {
    member: of,
    statement: {
      member: of,
      holding: { shares: 10, subscribed: "1000000", paid: "400000" },
      unpaid: "600000",
      percent: "12.50",
      entries,
    },
    certificates: [],
    history: [],
    ...extra,
  };
}

export const COOPERATIVE: CooperativeProfile = {
  updated_at: "2025-03-21T08:00:00Z",
  event_id: "p1",
  name: "شرکت تعاونی تولیدی نمونه",
  legal_id: "10101010101",
  registration_number: "1234",
  registration_date: "2020-03-21",
  kind: "production",
  province: "tehran",
  city: "تهران",
  address: "خیابان آزادی",
  postal_code: "1234567890",
  phone: "02112345678",
  fiscal_year_start_month: 1,
  fiscal_year_start_day: 1,
};

/** The dashboard on 25 Ordibehesht 1404 of a ledger with no profile yet, seven active members and no alarm. */
export function dashboardData(extra: Partial<Dashboard> = {}, members: Partial<MemberStats> = {}): Dashboard {
  return {
    today: "2025-05-15",
    profile: null,
    journal: { event_count: 0, device_count: 1, last_event_at: null },
    fiscal_year: null,
    capital: { subscribed: "0", paid: "0", members_owing: 0 },
    production: productionFigures(),
    deadlines: [],
    ...extra,
    members: { active: 7, applicants: 0, exited: 0, min_members: 7, below_minimum: false, ...members },
  };
}

/** The twelve Jalali months ending with `last` ("1404-02"), oldest first, each with its value (default "0"). */
export function monthTotals(last: string, values: readonly string[] = []): MonthTotal[] {
  const [year, month] = last.split("-").map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const back = 11 - i;
    const index = year * 12 + (month - 1) - back;
    const label = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
    const value = values[i] ?? "0";
    return { month: label, value, entries: value === "0" ? 0 : 1 };
  });
}

/** Production on the dashboard in Ordibehesht 1404: nothing made unless the test says. */
export function productionFigures(extra: Partial<ProductionFigures> = {}): ProductionFigures {
  return {
    month: "1404-02",
    month_value: "0",
    last_year_value: "0",
    products: [],
    months: monthTotals("1404-02"),
    months_last_year: monthTotals("1403-02"),
    workforce: null,
    pass_rate: null,
    ...extra,
  };
}

/** An error's details: nothing but what the test gives. */
export function errorDetails(extra: Partial<ErrorDetails> = {}): ErrorDetails {
  return {
    fields: [],
    event_id: null,
    found_version: null,
    supported_version: null,
    membership_no: null,
    limit: null,
    value: null,
    ...extra,
  };
}

/** A save the backend refused, naming the fields. */
export function validationFailed(fields: FieldError[]): IpcError {
  return { code: "validation_failed", message: "invalid", details: errorDetails({ fields }) };
}
