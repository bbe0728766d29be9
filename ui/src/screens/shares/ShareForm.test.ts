import { flushSync, mount, tick, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { MemberRow } from "../../lib/bindings/MemberRow";
import type { ShareCheck } from "../../lib/bindings/ShareCheck";

const api = vi.hoisted(() => ({
  shareCheck: vi.fn(),
  shareRecord: vi.fn(),
  memberList: vi.fn(),
  memberPage: vi.fn(),
}));

vi.mock("../../lib/api", async () => {
  const errors = await import("../../lib/errors");
  return { ...api, ApiError: errors.ApiError, toApiError: errors.toApiError };
});

const { default: ShareForm } = await import("./ShareForm.svelte");
const { directory } = await import("../../lib/members.svelte");
const { toast } = await import("../../lib/ui/toast.svelte");

const TODAY = "2025-05-15";

function member(no: number, name: string): MemberRow {
  const [first = "", last = ""] = name.split(" ");
  return {
    member: {
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
    },
    holding: { shares: 0, subscribed: "0", paid: "0" },
    unpaid: "0",
    percent: "0",
    unpaid_due: null,
  };
}

const OK: ShareCheck = { error: null, warnings: [], preview: null };

let target: HTMLElement;
let component: ReturnType<typeof mount> | undefined;
let recorded: ReturnType<typeof vi.fn<(entry: unknown) => void>>;

beforeEach(() => {
  target = document.createElement("div");
  document.body.append(target);
  for (const fn of Object.values(api)) fn.mockReset();
  directory.set([member(12, "علی کریمی"), member(7, "زهرا رضایی")]);
  recorded = vi.fn<(entry: unknown) => void>();
  toast.dismiss();
});

afterEach(() => {
  if (component) unmount(component);
  component = undefined;
  target.remove();
});

async function settle(ms = 0): Promise<void> {
  if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
  for (let i = 0; i < 5; i++) {
    await tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  flushSync();
}

async function open(props: Record<string, unknown> = {}): Promise<void> {
  component = mount(ShareForm, {
    target,
    props: { today: TODAY, onrecorded: recorded, oncancel: () => undefined, ...props },
  });
  await settle();
}

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

function type(name: string, value: string): void {
  const input = target.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!input) throw new Error(`no input named ${name}`);
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new FocusEvent("blur"));
  flushSync();
}

describe("the share form", () => {
  it("previews the member's percent against the statute's cap while typing", async () => {
    api.shareCheck.mockResolvedValue({
      error: null,
      warnings: ["share_cap_founding"],
      preview: { membership_no: 12, percent_after: "28.60", limit: "25", founding: true },
    } satisfies ShareCheck);
    await open();
    type("membership_no", "۱۲");
    type("shares", "۱۰");
    await settle(300);
    expect(api.shareCheck).toHaveBeenLastCalledWith({ kind: "subscribe", membership_no: 12, shares: 10, date: TODAY });
    const preview = byTestId("cap-preview")?.textContent ?? "";
    expect(preview).toContain("پس از این سند: ۲۸٫۶٪ از سرمایه — سقف اساسنامه ۲۵٪");
    expect(preview).toContain("علی کریمی (عضو شماره ۱۲)");
    expect(byTestId("cap-founding")).not.toBeNull();
    // The founding warning is shown but does not block.
    expect(byTestId("share-warnings")?.textContent).toContain("دورهٔ تأسیس");
    expect(byTestId("share-error")).toBeNull();
  });

  it("says a refusal in plain words with the member, the percent and the limit", async () => {
    api.shareCheck.mockResolvedValue({
      error: {
        code: "share_cap_exceeded",
        message: "cap",
        details: {
          fields: [],
          event_id: null,
          found_version: null,
          supported_version: null,
          membership_no: 12,
          limit: "25",
          value: "28.6",
        },
      },
      warnings: [],
      preview: null,
    } satisfies ShareCheck);
    await open({ kind: "transfer", membershipNo: 7 });
    type("to_member", "12");
    type("shares", "40");
    type("resolution", "صورتجلسه ۳");
    await settle(300);
    expect(byTestId("share-error")?.textContent).toContain(
      "سهم علی کریمی (عضو شماره ۱۲) به ۲۸٫۶٪ سرمایه می‌رسد و سقف اساسنامه ۲۵٪ است",
    );
  });

  it("shows what the typed text lacks next to the field, without asking the backend", async () => {
    await open({ kind: "pay" });
    type("membership_no", "12");
    type("amount", "دوازده");
    await settle(300);
    expect(api.shareCheck).not.toHaveBeenCalled();
    expect(byTestId("error-amount")?.textContent).toContain("مبلغ باید عددی صحیح");
  });

  it("restates the entry before recording it, then records it", async () => {
    api.shareCheck.mockResolvedValue(OK);
    api.shareRecord.mockResolvedValue({ entry_id: "ev-1", kind: "pay", lines: [], warnings: [] });
    await open({ kind: "pay", membershipNo: 12 });
    type("amount", "۱٬۵۰۰٬۰۰۰");
    byTestId("share-save")?.click();
    await settle();
    const summary = byTestId("share-summary")?.textContent ?? "";
    expect(summary).toContain("پرداخت ۱٬۵۰۰٬۰۰۰ ریال از بهای سهام علی کریمی (عضو شماره ۱۲)");
    expect(summary).toContain("برای اصلاح، سند برگشتی ثبت می‌شود");
    expect(api.shareRecord).not.toHaveBeenCalled();
    byTestId("share-confirm")?.click();
    await settle();
    expect(api.shareRecord).toHaveBeenCalledWith({ kind: "pay", membership_no: 12, amount: "1500000", date: TODAY });
    expect(recorded).toHaveBeenCalled();
    expect(toast.current?.message).toBe("پرداخت ثبت شد");
  });

  it("says nothing was saved when recording is refused", async () => {
    api.shareCheck.mockResolvedValue(OK);
    api.shareRecord.mockRejectedValue({ code: "insufficient_shares", message: "no", details: null });
    await open({ kind: "refund", membershipNo: 12 });
    type("shares", "5");
    byTestId("share-save")?.click();
    await settle();
    byTestId("share-confirm")?.click();
    await settle();
    expect(byTestId("share-error")?.textContent).toContain("ثبت نشد و چیزی ذخیره نشد");
    expect(byTestId("share-form")).not.toBeNull();
    expect(recorded).not.toHaveBeenCalled();
  });

  it("keeps an entry the backend refuses on the form, and records nothing", async () => {
    api.shareCheck.mockResolvedValue({
      error: { code: "insufficient_shares", message: "no", details: null },
      warnings: [],
      preview: null,
    } satisfies ShareCheck);
    await open({ kind: "refund", membershipNo: 12 });
    type("shares", "500");
    byTestId("share-save")?.click();
    await settle();
    expect(byTestId("share-confirm")).toBeNull();
    expect(byTestId("share-error")?.textContent).toContain("سهم");
    byTestId("share-save")?.click();
    await settle();
    expect(byTestId("share-confirm")).toBeNull();
    expect(api.shareRecord).not.toHaveBeenCalled();
  });

  it("reverses the entry it was opened on", async () => {
    api.shareCheck.mockResolvedValue(OK);
    await open({
      kind: "reverse",
      entry: {
        entry_id: "ev-9",
        kind: "subscribe",
        date: "2025-04-01",
        line: { membership_no: 12, shares: 10, subscribed: "1000000", paid: "0", counterparty: null },
        resolution: null,
        reverses: null,
        reversed_by: null,
        due_date: null,
      },
    });
    type("reason", "تعداد اشتباه وارد شده بود");
    byTestId("share-save")?.click();
    await settle();
    expect(api.shareCheck).toHaveBeenLastCalledWith({ kind: "reverse", entry: "ev-9", reason: "تعداد اشتباه وارد شده بود" });
    expect(byTestId("share-summary")?.textContent).toContain("تعهد خرید سهم");
  });
});
