import { describe, expect, it } from "vitest";
import {
  actionMember,
  buildShareAction,
  emptyShareForm,
  firstShareFieldWithProblem,
  KIND_FIELDS,
  SHARE_KINDS,
  type ShareFormValues,
} from "./share-form";

const TODAY = "2025-05-15";

function form(patch: Partial<ShareFormValues>): ShareFormValues {
  return { ...emptyShareForm(TODAY), ...patch };
}

describe("emptyShareForm", () => {
  it("starts on today's date, with the member of the page it was opened from", () => {
    expect(emptyShareForm(TODAY, { membershipNo: 12 })).toMatchObject({
      kind: "subscribe",
      membership_no: "۱۲",
      date: TODAY,
    });
    expect(emptyShareForm(TODAY, { membershipNo: 12, locale: "en" }).membership_no).toBe("12");
    expect(emptyShareForm(TODAY, { kind: "reverse", entry: "ev-1" })).toMatchObject({ kind: "reverse", entry: "ev-1" });
  });

  it("has fields for every kind", () => {
    for (const kind of SHARE_KINDS) expect(KIND_FIELDS[kind].length).toBeGreaterThan(0);
  });
});

describe("buildShareAction", () => {
  it("builds a subscription from Persian digits", () => {
    expect(buildShareAction(form({ membership_no: "۱۲", shares: "۱٬۰۰۰" }))).toEqual({
      ok: true,
      action: { kind: "subscribe", membership_no: 12, shares: 1000, date: TODAY },
    });
  });

  it("keeps a payment's rials a string, separators removed", () => {
    expect(buildShareAction(form({ kind: "pay", membership_no: "3", amount: "۱۲٬۳۴۵٬۶۷۸٬۹۰۱٬۲۳۴٬۵۶۷٬۸۹۰ ریال" }))).toEqual({
      ok: true,
      action: { kind: "pay", membership_no: 3, amount: "12345678901234567890", date: TODAY },
    });
  });

  it("builds a transfer with both members and the resolution", () => {
    const built = buildShareAction(
      form({ kind: "transfer", membership_no: "٣", to_member: "۷", shares: "5", resolution: "  صورتجلسه ۱۴ ", date: "2025-04-01" }),
    );
    expect(built).toEqual({
      ok: true,
      action: { kind: "transfer", membership_no: 3, to_member: 7, shares: 5, date: "2025-04-01", resolution: "صورتجلسه ۱۴" },
    });
  });

  it("builds a refund and a capitalisation", () => {
    expect(buildShareAction(form({ kind: "refund", membership_no: "4", shares: "2" }))).toEqual({
      ok: true,
      action: { kind: "refund", membership_no: 4, shares: 2, date: TODAY },
    });
    expect(buildShareAction(form({ kind: "capitalise", membership_no: "4", shares: "2", resolution: "مجمع ۱۴۰۴" }))).toEqual({
      ok: true,
      action: { kind: "capitalise", membership_no: 4, shares: 2, date: TODAY, resolution: "مجمع ۱۴۰۴" },
    });
  });

  it("builds a reversal from the entry and the reason only", () => {
    expect(buildShareAction(form({ kind: "reverse", membership_no: "", entry: " ev-9 ", reason: "اشتباه در تعداد" }))).toEqual({
      ok: true,
      action: { kind: "reverse", entry: "ev-9", reason: "اشتباه در تعداد" },
    });
  });

  it("names each field that cannot be sent yet", () => {
    expect(buildShareAction(form({ kind: "transfer", membership_no: "", to_member: "x", shares: "۰", date: "" }))).toEqual({
      ok: false,
      problems: {
        membership_no: "required",
        to_member: "unknown_member",
        shares: "shares_must_be_positive",
        date: "required",
      },
    });
    expect(buildShareAction(form({ kind: "pay", membership_no: "1", amount: "12.5" }))).toEqual({
      ok: false,
      problems: { amount: "amount_must_be_positive" },
    });
    expect(buildShareAction(form({ kind: "pay", membership_no: "1", amount: "۰" }))).toEqual({
      ok: false,
      problems: { amount: "amount_must_be_positive" },
    });
    expect(buildShareAction(form({ kind: "reverse" }))).toEqual({ ok: false, problems: { entry: "required" } });
  });

  it("ignores fields the kind does not have", () => {
    // A half-typed amount does not stop a subscription.
    expect(buildShareAction(form({ membership_no: "1", shares: "3", amount: "abc" })).ok).toBe(true);
  });

  it("tells which member an action is about and which problem comes first", () => {
    expect(actionMember({ kind: "pay", membership_no: 3, amount: "1", date: TODAY })).toBe(3);
    expect(actionMember({ kind: "reverse", entry: "e", reason: "r" })).toBeNull();
    expect(firstShareFieldWithProblem("transfer", { date: "required", to_member: "required" })).toBe("to_member");
  });
});
