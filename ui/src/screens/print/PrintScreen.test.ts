import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CertificateDoc } from "../../lib/bindings/CertificateDoc";
import { CERTIFICATE, COOPERATIVE, member, memberPageOf, statementLine } from "../../testing/fixtures";
import { byTestId, useScreen, withApiErrors } from "../../testing/screen";

const api = vi.hoisted(() => ({ certificateDoc: vi.fn(), memberPage: vi.fn(), profileGet: vi.fn() }));

vi.mock("../../lib/api", () => withApiErrors(api));

const { default: PrintScreen } = await import("./PrintScreen.svelte");
const { router } = await import("../../lib/router.svelte");

const ALI = member(12, "علی کریمی", { event_id: "e1", national_code: "0012345678" });

const DOC: CertificateDoc = {
  certificate: CERTIFICATE,
  member: ALI,
  cooperative: COOPERATIVE,
  par_value: "100000",
  amount_words: "یک میلیون ریال",
  paid_words: "چهارصد هزار ریال",
};

const screen = useScreen();

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the certificate preview", () => {
  beforeEach(async () => {
    api.certificateDoc.mockResolvedValue(DOC);
    router.go("members");
    router.open("member", 12);
    router.open("print-certificate", 3);
    await screen.show(PrintScreen);
  });

  it("is the document: a temporary certificate with the amounts in figures and in words", () => {
    expect(api.certificateDoc).toHaveBeenCalledWith(3);
    const doc = byTestId("certificate-doc");
    expect(doc?.getAttribute("lang")).toBe("fa");
    expect(byTestId("certificate-title")?.textContent).toBe("گواهی موقت سهم");
    expect(byTestId("certificate-serial")?.textContent).toContain("۳");
    expect(byTestId("certificate-cooperative")?.textContent).toBe("شرکت تعاونی تولیدی نمونه");
    expect(doc?.textContent).toContain("شماره ثبت ۱۲۳۴");
    expect(byTestId("certificate-identity")?.textContent).toBe("۰۰۱۲۳۴۵۶۷۸");
    expect(byTestId("certificate-amount")?.textContent).toBe("۱٬۰۰۰٬۰۰۰ ریال");
    expect(byTestId("certificate-amount-words")?.textContent).toContain("یک میلیون ریال");
    expect(byTestId("certificate-paid")?.textContent).toBe("۴۰۰٬۰۰۰ ریال");
    expect(byTestId("certificate-issued")?.textContent).toBe("۱۳ فروردین ۱۴۰۴");
    expect(doc?.textContent).toContain("مدیرعامل");
    expect(doc?.textContent).toContain("رئیس هیئت مدیره");
  });

  it("links the A5 landscape paper while it is open", () => {
    const sheets = document.head.querySelectorAll("link[data-page-sheet]");
    expect(sheets).toHaveLength(1);
    expect(sheets[0]?.getAttribute("data-page-sheet")).toBe("a5");
  });

  it("prints with «چاپ» and goes back with Esc", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => undefined);
    byTestId("print-now")?.click();
    expect(print).toHaveBeenCalledOnce();
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(router.screen).toBe("member");
    expect(router.target).toBe(12);
  });
});

describe("the statement preview", () => {
  it("shows the cooperative, the member, each entry and both signatures", async () => {
    const page = memberPageOf(ALI, [statementLine("ev-4", "subscribe", "2025-04-02", { shares: 10, subscribed: "1000000" })]);
    api.memberPage.mockResolvedValue(page);
    api.profileGet.mockResolvedValue(COOPERATIVE);
    router.open("print-statement", 12);
    await screen.show(PrintScreen);
    const doc = byTestId("statement-doc");
    expect(doc?.textContent).toContain("صورت‌حساب سهام عضو");
    expect(byTestId("statement-cooperative")?.textContent).toBe("شرکت تعاونی تولیدی نمونه");
    expect(byTestId("statement-member")?.textContent).toBe("علی کریمی");
    expect(doc?.textContent).toContain("۱۴۰۴/۰۱/۱۳");
    expect(doc?.textContent).toContain("تهیه‌کننده");
    expect(doc?.textContent).toContain("مدیرعامل");
    const sheets = document.head.querySelectorAll("link[data-page-sheet]");
    expect(sheets).toHaveLength(1);
    expect(sheets[0]?.getAttribute("data-page-sheet")).toBe("a4");
  });
});
