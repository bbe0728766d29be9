import type { ComponentProps } from "svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ShareCheck } from "../../lib/bindings/ShareCheck";
import { errorDetails, member, memberRow } from "../../testing/fixtures";
import { byTestId, settle, type, useScreen, withApiErrors } from "../../testing/screen";

const api = vi.hoisted(() => ({
  shareCheck: vi.fn(),
  shareRecord: vi.fn(),
  memberList: vi.fn(),
  memberPage: vi.fn(),
}));

vi.mock("../../lib/api", () => withApiErrors(api));

const { default: ShareForm } = await import("./ShareForm.svelte");
const { directory } = await import("../../lib/members.svelte");
const { toast } = await import("../../lib/ui/toast.svelte");

const TODAY = "2025-05-15";

const OK: ShareCheck = { error: null, warnings: [], preview: null };

const screen = useScreen();
let recorded: ReturnType<typeof vi.fn<(entry: unknown) => void>>;

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  directory.set([memberRow(member(12, "علی کریمی")), memberRow(member(7, "زهرا رضایی"))]);
  recorded = vi.fn<(entry: unknown) => void>();
  toast.dismiss();
});

async function open(props: Partial<ComponentProps<typeof ShareForm>> = {}): Promise<void> {
  await screen.show(ShareForm, { today: TODAY, onrecorded: recorded, oncancel: () => undefined, ...props });
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
        details: errorDetails({ membership_no: 12, limit: "25", value: "28.6" }),
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
