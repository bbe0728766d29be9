import { flushSync } from "svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CERTIFICATE, member, memberPageOf, statementLine, validationFailed } from "../../testing/fixtures";
import { byTestId, settle, type, useScreen, withApiErrors } from "../../testing/screen";

const api = vi.hoisted(() => ({
  memberPage: vi.fn(),
  memberCheck: vi.fn(),
  memberAdd: vi.fn(),
  memberUpdate: vi.fn(),
  memberExit: vi.fn(),
  memberWarn: vi.fn(),
  memberActivate: vi.fn(),
  memberList: vi.fn(),
  shareCheck: vi.fn(),
  shareRecord: vi.fn(),
}));

vi.mock("../../lib/api", () => withApiErrors(api));

const { default: MemberPageScreen } = await import("./MemberPage.svelte");
const { default: MemberForm } = await import("./MemberForm.svelte");
const { toast } = await import("../../lib/ui/toast.svelte");

const ALI = member(12, "علی کریمی", {
  event_id: "e1",
  national_code: "0012345678",
  father_name: "حسن",
  gender: "male",
  birth_date: "1985-07-03",
  mobile: "09121234567",
  education: "bachelor",
  works_in_coop: true,
});

const PAGE = memberPageOf(
  ALI,
  [
    statementLine("ev-1", "subscribe", "2025-04-01", { shares: 12, subscribed: "1200000" }, { reversed_by: "ev-3" }),
    statementLine("ev-3", "reverse", "2025-04-02", { shares: -12, subscribed: "-1200000" }, { reverses: "ev-1" }),
    statementLine("ev-4", "subscribe", "2025-04-02", { shares: 10, subscribed: "1000000" }),
  ],
  {
    certificates: [CERTIFICATE],
    history: [
      { event_id: "e1", kind: "member.admit", date: "2025-03-21", recorded_at: "2025-03-21T08:00:00Z", author: "app" },
      { event_id: "e2", kind: "member.warn", date: "2025-04-10", recorded_at: "2025-04-10T08:00:00Z", author: "app" },
    ],
  },
);

const screen = useScreen();

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  api.memberList.mockResolvedValue([]);
  toast.dismiss();
});

describe("the member page", () => {
  beforeEach(async () => {
    api.memberPage.mockResolvedValue(PAGE);
    await screen.show(MemberPageScreen, { membershipNo: 12 });
  });

  it("shows the particulars, the holding, the statement, certificates and history", () => {
    const page = byTestId("member-page")?.textContent ?? "";
    expect(page).toContain("علی کریمی");
    expect(byTestId("member-status")?.textContent).toContain("فعال");
    expect(byTestId("member-national-code")?.textContent).toContain("۰۰۱۲۳۴۵۶۷۸");
    expect(byTestId("holding-unpaid")?.textContent).toContain("۶۰۰٬۰۰۰ ریال");
    expect(byTestId("holding-percent")?.textContent).toContain("۱۲٫۵٪");
    const lines = document.querySelectorAll('[data-testid="statement-line"]');
    expect(lines).toHaveLength(3);
    expect(lines[0]?.textContent).toContain("برگشت خورده");
    expect(lines[0]?.textContent).toContain("۱۴۰۴/۰۱/۱۲");
    expect(lines[1]?.textContent).toContain("\u2212۱۲");
    expect(byTestId("certificate-list")?.textContent).toContain("گواهی موقت سهم");
    const history = byTestId("member-history")?.textContent ?? "";
    expect(history).toContain("پذیرش عضو");
    expect(history).toContain("اخطار کتبی");
    expect(history).toContain("ساعت");
  });

  it("offers a reversal only on entries that still count", () => {
    expect(document.querySelectorAll('[data-testid="statement-reverse"]')).toHaveLength(1);
  });

  it("explains the two-warnings rule when an expulsion is chosen, and confirms before recording", async () => {
    byTestId("member-exit")?.click();
    await settle();
    const select = document.querySelector<HTMLSelectElement>('select[name="exit_reason"]');
    if (!select) throw new Error("no reason select");
    select.selectedIndex = 2; // placeholder, withdrawal, expulsion
    select.dispatchEvent(new Event("change", { bubbles: true }));
    flushSync();
    const rule = byTestId("exit-expulsion-rule")?.textContent ?? "";
    expect(rule).toContain("دو اخطار کتبی");
    expect(rule).toContain("تاکنون ۱ اخطار");
    type("resolution", "مجمع ۱۴۰۴/۰۲/۱۰");
    byTestId("exit-save")?.click();
    await settle();
    expect(byTestId("exit-summary")?.textContent).toContain("برای اصلاح، سند برگشتی ثبت می‌شود");
    expect(api.memberExit).not.toHaveBeenCalled();
    api.memberExit.mockResolvedValue(ALI);
    byTestId("exit-confirm")?.click();
    await settle();
    expect(api.memberExit).toHaveBeenCalledWith(
      expect.objectContaining({ membership_no: 12, reason: "expulsion", resolution: "مجمع ۱۴۰۴/۰۲/۱۰", heirs: [] }),
    );
    expect(toast.current?.message).toBe("خروج عضو ثبت شد");
  });

  it("opens the share form for this member with Ctrl+N", async () => {
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "n", ctrlKey: true }));
    await settle();
    const field = document.querySelector<HTMLInputElement>('[data-testid="share-form"] [name="membership_no"]');
    expect(field?.value).toBe("۱۲");
  });
});

describe("the member form", () => {
  beforeEach(async () => {
    await screen.show(MemberForm, { member: null, today: "2025-05-15", onsaved: () => undefined, oncancel: () => undefined });
  });

  it("checks a field when the user leaves it and says what is wrong next to it", async () => {
    api.memberCheck.mockResolvedValue([{ field: "national_code", code: "national_code_checksum" }]);
    type("national_code", "۱۲۳۴۵۶۷۸۹۰");
    await settle();
    expect(api.memberCheck).toHaveBeenLastCalledWith(expect.objectContaining({ national_code: "۱۲۳۴۵۶۷۸۹۰", kind: "person" }), null);
    expect(byTestId("error-national_code")?.textContent).toContain("کد ملی وارد شده معتبر نیست");
    // Untouched fields stay quiet.
    expect(byTestId("error-first_name")?.textContent).toBe("");
  });

  it("says nothing was saved after a refusal", async () => {
    api.memberCheck.mockResolvedValue([]);
    api.memberAdd.mockRejectedValue(validationFailed([{ field: "first_name", code: "required" }]));
    byTestId("member-save")?.click();
    await settle();
    expect(byTestId("form-error")?.textContent).toContain("چیزی ذخیره نشد");
    expect(byTestId("error-first_name")?.textContent).toContain("این فیلد الزامی است");
  });

  it("records a member with today's joining date and thanks the user", async () => {
    api.memberCheck.mockResolvedValue([]);
    api.memberAdd.mockResolvedValue(ALI);
    type("first_name", "علی");
    type("last_name", "کریمی");
    type("national_code", "0012345678");
    byTestId("member-save")?.click();
    await settle();
    expect(api.memberAdd).toHaveBeenCalledWith(
      expect.objectContaining({ first_name: "علی", joined: "2025-05-15", applicant: false, legal_id: "" }),
    );
    expect(toast.current?.message).toBe("عضو با موفقیت ثبت شد");
  });

  it("switches to a legal entity's fields", async () => {
    const legal = document.querySelector<HTMLInputElement>('input[name="kind"][value="legal"]');
    legal?.click();
    flushSync();
    expect(document.querySelector('[name="legal_id"]')).not.toBeNull();
    expect(document.querySelector('[name="first_name"]')).toBeNull();
  });
});
