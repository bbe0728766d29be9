import { flushSync, mount, unmount } from "svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { OutboxRow } from "../lib/bindings/OutboxRow";
import type { PassResult } from "../lib/bindings/PassResult";
import type { SyncOverview } from "../lib/bindings/SyncOverview";
import { ApiError } from "../lib/errors";
import { byTestId, click, settle, text, useScreen, withApiErrors } from "../testing/screen";

const api = vi.hoisted(() => ({
  syncOverview: vi.fn(),
  onSyncPass: vi.fn(),
}));

vi.mock("../lib/api", () => withApiErrors(api));

const { default: Header } = await import("./Header.svelte");
const { i18n } = await import("../lib/i18n/locale.svelte");
const { router } = await import("../lib/router.svelte");
const { session } = await import("../lib/session.svelte");
const { toast } = await import("../lib/ui/toast.svelte");

function row(id: string, extra: Partial<OutboxRow> = {}): OutboxRow {
  return {
    id,
    period: "1405-Q1",
    state: "pending",
    attempts: 0,
    next_attempt: "2026-11-28T07:00:00Z",
    last_error: null,
    receipt: null,
    supersedes: null,
    content_hash: `sha256:${id}`,
    closed_at: "2026-07-01T05:30:00Z",
    ...extra,
  };
}

const SENT = row("r-sent", {
  period: "1404-Q4",
  state: "sent",
  attempts: 1,
  receipt: {
    registry_id: "REG-000123",
    report_id: "r-sent",
    legal_id: "10320567891",
    period: "1404-Q4",
    received_at: "2026-04-05T06:00:00Z", // ۱۶ فروردین ۱۴۰۵، ساعت ۰۹:۳۰ in Tehran
    content_hash: "sha256:r-sent",
    signature: "sig",
  },
});

function overview(extra: Partial<SyncOverview> = {}): SyncOverview {
  return {
    settings: {
      url: "https://registry.example.ir",
      legal_id: "10320567891",
      public_key: "3f2a".repeat(16),
      registry_key: "ab".repeat(32),
      enrolled_at: "2026-03-01T06:30:00Z",
      pinned_cert: null,
      proxy: null,
      timeout_ms: 15000,
    },
    key_ok: true,
    legal_id: "10320567891",
    counts: { sent: 1, pending: 2, parked: 0 },
    rows: [SENT, row("a"), row("b")],
    last_pass: null,
    last_pass_at: null,
    ...extra,
  };
}

const ALL_SENT = overview({ counts: { sent: 1, pending: 0, parked: 0 }, rows: [SENT] });
const PASS: PassResult = { sent: 1, pending: 0, parked: 0, sent_now: 2, stopped: null, clock_skew_seconds: null, next_attempt: null };

const screen = useScreen();
let passListener: ((result: PassResult) => void) | null;
let passStopped: boolean;

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  i18n.set("fa");
  toast.dismiss();
  session.profile = null;
  router.go("dashboard");
  passListener = null;
  passStopped = false;
  api.syncOverview.mockResolvedValue(overview());
  api.onSyncPass.mockImplementation(async (cb: (result: PassResult) => void) => {
    passListener = cb;
    return () => {
      passStopped = true;
    };
  });
});

const show = () => screen.show(Header);

describe("the header's sync indicator", () => {
  it("counts the reports waiting to be sent, in Persian digits, quietly inside the header", async () => {
    await show();
    const indicator = byTestId("header-sync");
    expect(indicator?.closest("header")).not.toBeNull();
    expect(indicator?.tagName).toBe("BUTTON");
    expect(indicator?.dataset.kind).toBe("pending");
    expect(text("header-sync")).toBe("۲ گزارش در صف ارسال");
    expect(indicator?.getAttribute("aria-label")).toBe("۲ گزارش در صف ارسال؛ رفتن به «ارسال به سامانه»");
    expect(api.syncOverview).toHaveBeenCalledTimes(1);
  });

  it("says it in English with a plural that fits the count", async () => {
    i18n.set("en");
    api.syncOverview.mockResolvedValue(overview({ counts: { sent: 1, pending: 1, parked: 0 }, rows: [SENT, row("a")] }));
    await show();
    expect(text("header-sync")).toBe("1 report waiting to be sent");
  });

  it("counts the refused reports in the warning tone when none is waiting", async () => {
    api.syncOverview.mockResolvedValue(
      overview({ counts: { sent: 1, pending: 0, parked: 1 }, rows: [SENT, row("p", { state: "parked" })] }),
    );
    await show();
    expect(byTestId("header-sync")?.dataset.kind).toBe("parked");
    expect(byTestId("header-sync")?.classList.contains("parked")).toBe(true);
    expect(text("header-sync")).toBe("۱ گزارش متوقف");
  });

  it("updates after a pass of the background sender: the last receipt's Jalali date and time", async () => {
    await show();
    expect(text("header-sync")).toBe("۲ گزارش در صف ارسال");

    api.syncOverview.mockResolvedValue(ALL_SENT);
    passListener?.(PASS);
    await settle();

    expect(api.syncOverview).toHaveBeenCalledTimes(2);
    expect(byTestId("header-sync")?.dataset.kind).toBe("sent");
    expect(text("header-sync")).toBe(`آخرین ارسال: ${i18n.dateTime(SENT.receipt!.received_at)}`);
    expect(text("header-sync")).toContain("۱۴۰۵");
    expect(text("header-sync")).toContain("۰۹:۳۰");
  });

  it("opens the sync screen when clicked", async () => {
    await show();
    await click("header-sync");
    expect(router.screen).toBe("sync");
  });

  it("reads the outbox again on leaving the sync screen", async () => {
    await show();
    router.go("sync");
    flushSync();
    await settle();
    expect(api.syncOverview).toHaveBeenCalledTimes(1);

    api.syncOverview.mockResolvedValue(ALL_SENT);
    router.go("members");
    flushSync();
    await settle();
    expect(api.syncOverview).toHaveBeenCalledTimes(2);
    expect(byTestId("header-sync")?.dataset.kind).toBe("sent");
  });

  it("shows nothing, silently, when the outbox cannot be read", async () => {
    api.syncOverview.mockRejectedValue(new ApiError("storage_failed", "the ledger is not open"));
    await show();
    expect(byTestId("header-sync")).toBeNull();
    expect(toast.current).toBeNull();
    expect(document.querySelector("header")?.textContent).toContain(i18n.m.app.noCooperative);
  });

  it("hides what it showed when a later reading fails", async () => {
    await show();
    expect(byTestId("header-sync")).not.toBeNull();
    api.syncOverview.mockRejectedValue(new ApiError("storage_failed", "the ledger is not open"));
    passListener?.(PASS);
    await settle();
    expect(byTestId("header-sync")).toBeNull();
  });

  it("shows nothing when no report was ever closed", async () => {
    api.syncOverview.mockResolvedValue(overview({ counts: { sent: 0, pending: 0, parked: 0 }, rows: [] }));
    await show();
    expect(byTestId("header-sync")).toBeNull();
  });

  it("stops listening to the sender when the header goes", async () => {
    const target = document.createElement("div");
    document.body.append(target);
    const shown = mount(Header, { target });
    await settle();
    expect(passListener).not.toBeNull();
    expect(passStopped).toBe(false);
    await unmount(shown);
    target.remove();
    expect(passStopped).toBe(true);
  });
});
