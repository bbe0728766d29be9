import { mount, unmount } from "svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Attempt } from "../../lib/bindings/Attempt";
import type { OutboxRow } from "../../lib/bindings/OutboxRow";
import type { PassResult } from "../../lib/bindings/PassResult";
import type { Preview } from "../../lib/bindings/Preview";
import type { Progress } from "../../lib/bindings/Progress";
import type { RegistrySettings } from "../../lib/bindings/RegistrySettings";
import type { SyncOverview } from "../../lib/bindings/SyncOverview";
import { byTestId, click, settle, text, type, useScreen, withApiErrors } from "../../testing/screen";

const api = vi.hoisted(() => ({
  syncOverview: vi.fn(),
  reportPreview: vi.fn(),
  reportClose: vi.fn(),
  syncEnrol: vi.fn(),
  syncNow: vi.fn(),
  onSyncProgress: vi.fn(),
  onSyncPass: vi.fn(),
  outboxHistory: vi.fn(),
  outboxRequeue: vi.fn(),
  exportPackage: vi.fn(),
}));

vi.mock("../../lib/api", () => withApiErrors(api));

const { default: SyncScreen } = await import("./SyncScreen.svelte");
const { i18n } = await import("../../lib/i18n/locale.svelte");
const { toast } = await import("../../lib/ui/toast.svelte");

const TODAY = "2026-11-28"; // ۷ آذر ۱۴۰۵: the last quarter that has ended is ۱۴۰۵-Q۲
const LEGAL_ID = "10320567891";

const SETTINGS: RegistrySettings = {
  url: "https://registry.example.ir",
  legal_id: LEGAL_ID,
  public_key: "3f2a9c0177be0d4e55aa66bb77cc88dd99ee00ff11223344556677889900aabb",
  registry_key: "ab".repeat(32),
  enrolled_at: "2026-11-20T06:30:00Z", // ۲۹ آبان ۱۴۰۵، ساعت ۱۰:۰۰
  pinned_cert: null,
  proxy: null,
  timeout_ms: 15000,
};

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
  closed_at: "2026-04-05T05:30:00Z",
  receipt: {
    registry_id: "REG-000123",
    report_id: "r-sent",
    legal_id: LEGAL_ID,
    period: "1404-Q4",
    received_at: "2026-04-05T06:00:00Z",
    content_hash: "sha256:r-sent",
    signature: "sig",
  },
});
const PARKED = row("r-parked", {
  period: "1405-Q1",
  state: "parked",
  attempts: 2,
  last_error: "summary schema 3 is not accepted",
});

function overview(extra: Partial<SyncOverview> = {}): SyncOverview {
  return {
    settings: SETTINGS,
    key_ok: true,
    legal_id: LEGAL_ID,
    counts: { sent: 1, pending: 0, parked: 1 },
    rows: [SENT, PARKED],
    last_pass: null,
    last_pass_at: null,
    ...extra,
  };
}

function pass(extra: Partial<PassResult> = {}): PassResult {
  return { sent: 1, pending: 0, parked: 0, sent_now: 0, stopped: null, clock_skew_seconds: null, next_attempt: null, ...extra };
}

function preview(extra: Partial<Preview> = {}): Preview {
  return {
    period: { label: "1405-Q2", kind: "quarter", from: "2026-06-22", to: "2026-09-22" },
    summary: {
      members: { by_status: { applicant: 0, active: 14, withdrawn: 1, expelled: 0, deceased: 0 }, active: 14, joined: 2 },
      capital: { at_end: { shares: 1400, paid: "1250000000", largest_holding_pct: "12.50" } },
      production: { made: [{ product: 3, name: "کاشی کف", unit: "square_meter", quantity: "1250.5", value: "98000000" }] },
      quality: { products: [], tests: 0, passed: 0, pass_rate: "0.00" },
    },
    summary_hash: "sha256:abcd",
    previous: null,
    unchanged: false,
    ended: true,
    ...extra,
  };
}

const screen = useScreen();
let progressListener: ((progress: Progress) => void) | null;
let passListener: ((result: PassResult) => void) | null;
let progressStopped: boolean;
let passStopped: boolean;

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  i18n.set("fa");
  toast.dismiss();
  progressListener = null;
  passListener = null;
  progressStopped = false;
  passStopped = false;
  api.syncOverview.mockResolvedValue(overview());
  api.reportPreview.mockResolvedValue(preview());
  api.outboxHistory.mockResolvedValue([]);
  api.onSyncProgress.mockImplementation(async (cb: (progress: Progress) => void) => {
    progressListener = cb;
    return () => {
      progressStopped = true;
    };
  });
  api.onSyncPass.mockImplementation(async (cb: (result: PassResult) => void) => {
    passListener = cb;
    return () => {
      passStopped = true;
    };
  });
});

const show = () => screen.show(SyncScreen, { today: TODAY });

/** The outbox row of a period. */
const outboxRow = (period: string) =>
  document.querySelector<HTMLElement>(`[data-testid="outbox-row"][data-period="${period}"]`);

describe("the send button and its status line", () => {
  it("shows the progress, report n of m with its period, then says everything was sent", async () => {
    await show();
    let finish: (value: PassResult) => void = () => undefined;
    api.syncNow.mockReturnValue(new Promise<PassResult>((resolve) => (finish = resolve)));
    await click("sync-now");
    expect(api.syncNow).toHaveBeenCalledWith(false);
    expect(byTestId("sync-now")?.getAttribute("aria-busy")).toBe("true");
    expect(byTestId("sync-progress")).not.toBeNull();
    progressListener?.({ done: 1, total: 2, report_id: "r2", period: "1405-Q2" });
    await settle();
    expect(text("sync-progress")).toContain("گزارش ۲ از ۲ — فصل ۲ سال ۱۴۰۵");
    expect(byTestId("sync-progress")?.querySelector("progress")?.getAttribute("value")).toBe("50");

    api.syncOverview.mockResolvedValue(overview({ counts: { sent: 3, pending: 0, parked: 0 } }));
    finish(pass({ sent: 3, sent_now: 2 }));
    await settle();
    expect(byTestId("sync-progress")).toBeNull();
    expect(progressStopped).toBe(true);
    expect(text("sync-status")).toContain("۲ گزارش ارسال شد و رسید سامانه دریافت شد");
    expect(api.syncOverview).toHaveBeenCalledTimes(2);
  });

  it("says the registry is away, the reports wait and are sent again by themselves, and when", async () => {
    await show();
    api.syncNow.mockResolvedValue(
      pass({ sent: 1, pending: 1, stopped: "registry_unreachable", next_attempt: "2026-11-28T09:00:00Z" }),
    );
    await click("sync-now");
    const status = text("sync-status");
    expect(status).toContain("سامانه در دسترس نیست؛ گزارش‌ها در صف می‌مانند و خودکار دوباره فرستاده می‌شوند.");
    expect(status).toContain("تلاش بعدی: ۱۴۰۵/۰۹/۰۷، ساعت ۱۲:۳۰");
    expect(byTestId("sync-anyway")).toBeNull();
  });

  it("says the cooperative is not enrolled yet", async () => {
    await show();
    api.syncNow.mockResolvedValue(pass({ pending: 1, stopped: "not_enrolled" }));
    await click("sync-now");
    expect(text("sync-status")).toContain("این تعاونی هنوز در سامانه ثبت‌نام نشده است");
    expect(text("sync-status")).toContain("ثبت‌نام در سامانه");
  });

  it("says how far the clock is off, and «با این حال بفرست» sends ignoring it", async () => {
    await show();
    // The skew is an i64 (bigint in the bindings) that IPC's JSON carries as a plain number.
    api.syncNow.mockResolvedValueOnce(pass({ pending: 1, stopped: "clock_skew", clock_skew_seconds: 1500 as unknown as bigint }));
    await click("sync-now");
    expect(text("sync-status")).toContain("ساعت این رایانه ۲۵ دقیقه عقب‌تر از ساعت سامانه است");
    api.syncNow.mockResolvedValueOnce(pass({ sent: 2, sent_now: 1 }));
    await click("sync-anyway");
    expect(api.syncNow).toHaveBeenLastCalledWith(true);
    expect(text("sync-status")).toContain("۱ گزارش ارسال شد");
  });

  it("says a send that failed outright, in Persian", async () => {
    await show();
    api.syncNow.mockRejectedValue({ code: "storage_failed", message: "disk full", details: null });
    await click("sync-now");
    expect(text("sync-status")).toContain("ارسال انجام نشد:");
  });

  it("says how many reports wait before anything was sent", async () => {
    api.syncOverview.mockResolvedValue(overview({ counts: { sent: 1, pending: 2, parked: 0 } }));
    await show();
    expect(byTestId("sync-status")).toBeNull();
    expect(text("sync-queued")).toBe("۲ گزارش در صف ارسال است.");
  });

  it("shows what the background sender did, follows its passes and stops following when closed", async () => {
    api.syncOverview.mockResolvedValue(
      overview({ last_pass: pass({ stopped: "registry_unreachable", pending: 1 }), last_pass_at: "2026-11-28T08:00:00Z" }),
    );
    await show();
    expect(text("sync-status")).toContain("سامانه در دسترس نیست");
    expect(text("sync-status")).toContain("آخرین ارسال: ۱۴۰۵/۰۹/۰۷، ساعت ۱۱:۳۰");
    expect(outboxRow("1404-Q4")?.dataset.state).toBe("sent");

    api.syncOverview.mockResolvedValue(
      overview({ rows: [SENT, { ...PARKED, state: "sent", receipt: { ...SENT.receipt!, registry_id: "REG-000124" } }] }),
    );
    passListener?.(pass({ sent: 2, sent_now: 1 }));
    await settle();
    expect(text("sync-status")).toContain("۱ گزارش ارسال شد");
    expect(outboxRow("1405-Q1")?.dataset.state).toBe("sent");
    expect(passStopped).toBe(false);
  });

  it("stops following the background sender when the screen closes", async () => {
    const target = document.createElement("div");
    document.body.append(target);
    const shown = mount(SyncScreen, { target, props: { today: TODAY } });
    await settle();
    expect(passListener).not.toBeNull();
    expect(passStopped).toBe(false);
    await unmount(shown);
    target.remove();
    expect(passStopped).toBe(true);
  });
});

describe("the screen", () => {
  it("says why it could not be read, and reads again on «تلاش دوباره»", async () => {
    api.syncOverview.mockRejectedValueOnce({ code: "storage_failed", message: "locked", details: null });
    await show();
    expect(screen.target.textContent).toContain("وضعیت ارسال بارگذاری نشد");
    expect(byTestId("sync-now")).toBeNull();
    const retry = [...screen.target.querySelectorAll("button")].find((b) => b.textContent?.includes("تلاش دوباره"));
    retry?.click();
    await settle();
    expect(byTestId("sync-now")).not.toBeNull();
    expect(outboxRow("1404-Q4")).not.toBeNull();
  });

  it("is in the navigation rail as «ارسال به سامانه»", async () => {
    const { default: NavRail } = await import("../../shell/NavRail.svelte");
    const { router } = await import("../../lib/router.svelte");
    screen.mount(NavRail);
    const item = byTestId("nav-sync");
    expect(item?.textContent?.trim()).toBe("ارسال به سامانه");
    item?.click();
    expect(router.screen).toBe("sync");
    router.go("dashboard");
  });
});

describe("the outbox", () => {
  it("lists each report with its state in words, the totals above, and the receipt of a sent one", async () => {
    await show();
    expect(text("outbox-totals")).toContain("ارسال‌شده: ۱");
    expect(text("outbox-totals")).toContain("در انتظار: ۰");
    expect(text("outbox-totals")).toContain("متوقف: ۱");
    const sent = outboxRow("1404-Q4");
    expect(sent?.textContent).toContain("فصل ۴ سال ۱۴۰۴");
    expect(sent?.textContent).toContain("ارسال‌شده");
    expect(sent?.textContent).toContain("۱۴۰۵/۰۱/۱۶"); // closed on 16 Farvardin 1405
    expect(sent?.querySelector('[data-testid="outbox-receipt"]')?.textContent).toContain("REG-000123");
    // Newest first.
    const periods = [...document.querySelectorAll<HTMLElement>('[data-testid="outbox-row"]')].map((r) => r.dataset.period);
    expect(periods).toEqual(["1405-Q1", "1404-Q4"]);
  });

  it("shows why the registry refused a parked report, and «ارسال دوباره» puts it back", async () => {
    await show();
    const parked = outboxRow("1405-Q1");
    expect(parked?.dataset.state).toBe("parked");
    expect(parked?.textContent).toContain("متوقف");
    expect(parked?.querySelector('[data-testid="outbox-reason"]')?.textContent).toContain(
      "دلیل سامانه: \u2068summary schema 3 is not accepted\u2069",
    );
    expect(outboxRow("1404-Q4")?.querySelector('[data-testid="outbox-requeue"]')).toBeNull();

    api.outboxRequeue.mockResolvedValue(undefined);
    api.syncOverview.mockResolvedValue(
      overview({ counts: { sent: 1, pending: 1, parked: 0 }, rows: [SENT, { ...PARKED, state: "pending" }] }),
    );
    parked?.querySelector<HTMLElement>('[data-testid="outbox-requeue"]')?.click();
    await settle();
    expect(api.outboxRequeue).toHaveBeenCalledWith("r-parked");
    expect(toast.current?.message).toBe("گزارش فصل ۱ سال ۱۴۰۵ دوباره در صف ارسال گذاشته شد");
    expect(outboxRow("1405-Q1")?.dataset.state).toBe("pending");
    expect(text("outbox-totals")).toContain("در انتظار: ۱");
  });

  it("says a refused requeue without changing the row", async () => {
    await show();
    api.outboxRequeue.mockRejectedValue({ code: "not_found", message: "gone", details: null });
    outboxRow("1405-Q1")?.querySelector<HTMLElement>('[data-testid="outbox-requeue"]')?.click();
    await settle();
    expect(text("outbox-error")).toContain("گزارش به صف برنگشت");
    expect(outboxRow("1405-Q1")?.dataset.state).toBe("parked");
  });

  it("opens a report's history and full receipt under its row, by keyboard as by mouse", async () => {
    const attempts: Attempt[] = [
      { at: "2026-04-05T05:45:00Z", outcome: "retry", status: 503, detail: "service unavailable" },
      { at: "2026-04-05T06:00:00Z", outcome: "sent", status: 201, detail: "REG-000123" },
    ];
    api.outboxHistory.mockResolvedValue(attempts);
    await show();
    const toggle = outboxRow("1404-Q4")?.querySelector<HTMLButtonElement>('[data-testid="outbox-toggle"]');
    expect(toggle?.tagName).toBe("BUTTON");
    expect(toggle?.getAttribute("aria-expanded")).toBe("false");
    toggle?.click();
    await settle();
    expect(toggle?.getAttribute("aria-expanded")).toBe("true");
    expect(api.outboxHistory).toHaveBeenCalledWith("r-sent");
    const detail = byTestId("outbox-detail");
    expect(detail?.id).toBe(toggle?.getAttribute("aria-controls"));
    const history = text("outbox-history");
    expect(history).toContain("ناموفق؛ دوباره فرستاده می‌شود");
    expect(history).toContain("۵۰۳");
    expect(history).toContain("ارسال شد و رسید گرفت");
    expect(text("outbox-receipt-registry-id")).toBe("REG-000123");
    expect(text("outbox-receipt-hash")).toBe("sha256:r-sent");
    toggle?.click();
    await settle();
    expect(byTestId("outbox-detail")).toBeNull();
  });

  it("explains an empty outbox", async () => {
    api.syncOverview.mockResolvedValue(overview({ rows: [], counts: { sent: 0, pending: 0, parked: 0 } }));
    await show();
    expect(text("outbox-empty")).toContain("هنوز گزارشی بسته نشده است");
    expect(text("export-empty")).toContain("هنوز گزارشی بسته نشده است");
  });
});

describe("the period report", () => {
  it("offers the last quarter that has ended, and previews its figures as tables", async () => {
    await show();
    const field = byTestId("sync-period") as HTMLInputElement;
    expect(field.value).toBe("۱۴۰۵-Q۲");
    await click("sync-preview");
    expect(api.reportPreview).toHaveBeenCalledWith("1405-Q2");
    const shown = text("sync-preview-result");
    expect(shown).toContain("ارقام فصل ۲ سال ۱۴۰۵");
    expect(shown).toContain("از ۱ تیر ۱۴۰۵ تا ۳۱ شهریور ۱۴۰۵");
    expect(text("sync-preview-ended")).toContain("دوره تمام شده است");
    expect(text("sync-preview-previous")).toContain("هنوز گزارشی بسته نشده است");
    expect(text("summary-members")).toContain("اعضای فعال در پایان دوره");
    expect(text("summary-members")).toContain("۱۴");
    expect(text("summary-capital")).toContain("۱٬۲۵۰٬۰۰۰٬۰۰۰ ریال");
    expect(text("summary-capital")).toContain("۱۲٫۵٪");
    expect(text("summary-production")).toContain("کاشی کف");
    expect(text("summary-production")).toContain("متر مربع");
    expect(text("summary-production")).toContain("۱٬۲۵۰٫۵");
    expect(text("summary-quality")).toContain("موردی ثبت نشده است");
  });

  it("reads a period typed in Persian digits, and says why a month or nonsense is not one", async () => {
    await show();
    type("period", "۱۴۰۴-۰۳");
    await click("sync-preview");
    expect(api.reportPreview).not.toHaveBeenCalled();
    expect(text("error-sync-period")).toContain("نه یک ماه");
    type("period", "۱۴۰۴-Q۴");
    api.reportPreview.mockResolvedValue(preview({ period: { label: "1404-Q4", kind: "quarter", from: "2026-12-22", to: "2027-03-20" } }));
    await click("sync-preview");
    expect(api.reportPreview).toHaveBeenCalledWith("1404-Q4");
    expect(text("error-sync-period")).toBe("");
  });

  it("says when a period has not ended and when nothing changed since its report", async () => {
    api.reportPreview.mockResolvedValue(
      preview({
        ended: false,
        unchanged: true,
        previous: { id: "r0", period: "1405-Q2", supersedes: null, content_hash: "sha256:0", closed_at: "2026-10-01T05:30:00Z" },
      }),
    );
    await show();
    await click("sync-preview");
    expect(text("sync-preview-ended")).toContain("دوره هنوز تمام نشده است");
    expect(text("sync-preview-previous")).toContain("تغییری نکرده است");
    await click("sync-close");
    expect(byTestId("sync-confirm")).toBeNull();
    expect(text("sync-period-form")).toContain("دوره بسته نشد: این دوره هنوز تمام نشده است");
    expect(api.reportClose).not.toHaveBeenCalled();
  });

  it("closes a period only after a confirmation that says it is permanent, then reads the outbox again", async () => {
    await show();
    await click("sync-close");
    expect(api.reportClose).not.toHaveBeenCalled();
    const review = text("sync-close-review");
    expect(review).toContain("گزارش فصل ۲ سال ۱۴۰۵ (۱ تیر ۱۴۰۵ تا ۳۱ شهریور ۱۴۰۵)");
    expect(review).toContain("پاک‌شدنی نیست");
    expect(review).toContain("گزارش اصلاحی");
    expect(document.activeElement).toBe(byTestId("sync-confirm"));

    api.reportClose.mockResolvedValue({
      id: "r-new",
      period: "1405-Q2",
      supersedes: null,
      content_hash: "sha256:new",
      closed_at: "2026-11-28T08:00:00Z",
    });
    const fresh = row("r-new", { period: "1405-Q2", closed_at: "2026-11-28T08:00:00Z" });
    api.syncOverview.mockResolvedValue(overview({ rows: [SENT, PARKED, fresh], counts: { sent: 1, pending: 1, parked: 1 } }));
    await click("sync-confirm");
    expect(api.reportClose).toHaveBeenCalledWith("1405-Q2");
    expect(toast.current?.message).toBe("گزارش فصل ۲ سال ۱۴۰۵ بسته شد و در صف ارسال است");
    expect(outboxRow("1405-Q2")?.dataset.state).toBe("pending");
    expect(outboxRow("1405-Q2")?.textContent).toContain("در نوبت ارسال");
    expect(byTestId("sync-confirm")).toBeNull();
  });

  it("goes back without closing", async () => {
    await show();
    await click("sync-close");
    await click("sync-close-cancel");
    expect(byTestId("sync-confirm")).toBeNull();
    expect(api.reportClose).not.toHaveBeenCalled();
  });
});

describe("the enrolment", () => {
  const notEnrolled = () => overview({ settings: null, key_ok: false, rows: [], counts: { sent: 0, pending: 0, parked: 0 } });

  it("shows where and when the cooperative is enrolled, and its key's fingerprint", async () => {
    await show();
    expect(text("enrol-state-url")).toBe("https://registry.example.ir");
    expect(text("enrol-state-at")).toBe("۱۴۰۵/۰۸/۲۹، ساعت ۱۰:۰۰");
    expect(text("enrol-state-key")).toBe("3f2a 9c01 77be 0d4e");
    expect(byTestId("enrol-form")).toBeNull();
    expect(byTestId("enrol-again")).not.toBeNull();
  });

  it("asks for the address and code when not enrolled, each problem next to its field", async () => {
    api.syncOverview.mockResolvedValue(notEnrolled());
    await show();
    expect(text("enrol-none")).toContain("هنوز در سامانه ثبت‌نام نشده است");
    // The enrolment leads the screen while not enrolled.
    const cards = [...document.querySelectorAll("section.card")].map((c) => c.id);
    expect(cards[0]).toBe("sync-enrol");
    await click("enrol-submit");
    expect(api.syncEnrol).not.toHaveBeenCalled();
    expect(text("error-enrol-url")).toContain(i18n.error("required"));
    expect(text("error-enrol-code")).toContain(i18n.error("required"));
    expect(document.activeElement).toBe(byTestId("enrol-url"));

    type("url", "ftp://registry");
    expect(text("error-enrol-url")).toContain("https://");
  });

  it("marks the address the backend refused, and the code the registry refused, in Persian", async () => {
    api.syncOverview.mockResolvedValue(notEnrolled());
    await show();
    type("url", "http://registry.example.ir");
    type("code", "ABCD-1234");
    api.syncEnrol.mockRejectedValueOnce({ code: "registry_url_invalid", message: "bad url", details: null });
    await click("enrol-submit");
    expect(text("error-enrol-url")).toContain("نشانی سامانه باید با https:// آغاز شود");
    expect(text("error-enrol-code")).toBe("");
    expect(text("enrol-form")).toContain("ثبت‌نام انجام نشد؛ موارد مشخص‌شده را اصلاح کنید.");

    type("url", "https://registry.example.ir");
    api.syncEnrol.mockRejectedValueOnce({
      code: "registry_refused",
      message: "enrolment code unknown or used",
      details: { fields: [], event_id: null, found_version: null, supported_version: null, membership_no: null, limit: null, value: "code_invalid" },
    });
    await click("enrol-submit");
    expect(text("error-enrol-url")).toBe("");
    expect(text("error-enrol-code")).toContain("سامانه این کد را نپذیرفت");
    expect(text("enrol-form")).toContain("پاسخ سامانه: enrolment code unknown or used");

    api.syncEnrol.mockRejectedValueOnce({ code: "registry_unreachable", message: "connection refused", details: null });
    await click("enrol-submit");
    expect(text("enrol-form")).toContain("ثبت‌نام انجام نشد: سامانه در دسترس نبود");
  });

  it("enrols with the optional settings and then shows the state", async () => {
    api.syncOverview.mockResolvedValue(notEnrolled());
    await show();
    type("url", "https://registry.example.ir/");
    type("code", "ABCD-1234");
    type("proxy", "http://proxy.local:3128");
    type("timeout", "۳۰");
    api.syncEnrol.mockResolvedValue(SETTINGS);
    api.syncOverview.mockResolvedValue(overview({ rows: [], counts: { sent: 0, pending: 0, parked: 0 } }));
    await click("enrol-submit");
    expect(api.syncEnrol).toHaveBeenCalledWith({
      url: "https://registry.example.ir/",
      code: "ABCD-1234",
      pinned_cert: null,
      proxy: "http://proxy.local:3128",
      timeout_ms: 30000,
    });
    expect(toast.current?.message).toContain("https://registry.example.ir");
    expect(text("enrol-state-url")).toBe("https://registry.example.ir");
    expect(byTestId("enrol-form")).toBeNull();
  });

  it("warns when the profile has no legal ID, or the key is not the one enrolled", async () => {
    api.syncOverview.mockResolvedValue(overview({ legal_id: null, key_ok: false }));
    await show();
    expect(text("enrol-legal-id-missing")).toContain("شناسه ملی تعاونی هنوز در مشخصات ثبت نشده است");
    expect(text("enrol-key-mismatch")).toContain("دوباره ثبت‌نام کنید");
  });
});

describe("the manual upload package", () => {
  it("writes the newest report's package and says where", async () => {
    await show();
    const select = document.querySelector<HTMLSelectElement>('select[name="package_report"]');
    expect(select?.selectedOptions[0]?.textContent).toContain("فصل ۱ سال ۱۴۰۵");
    api.exportPackage.mockResolvedValue("/home/coop/hamyar/exports/report-1405-Q1");
    await click("export-package");
    expect(api.exportPackage).toHaveBeenCalledWith("r-parked", null);
    expect(text("export-path")).toBe("/home/coop/hamyar/exports/report-1405-Q1");
  });

  it("says why a package was not written", async () => {
    await show();
    type("package_folder", "/media/usb");
    api.exportPackage.mockRejectedValue({ code: "export_folder_not_empty", message: "not empty", details: null });
    await click("export-package");
    expect(api.exportPackage).toHaveBeenCalledWith("r-parked", "/media/usb");
    expect(text("export-error")).toContain("این پوشه خالی نیست");
  });
});
