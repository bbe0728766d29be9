import { flushSync, mount, tick, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CertificateDoc } from "../../lib/bindings/CertificateDoc";
import type { CooperativeProfile } from "../../lib/bindings/CooperativeProfile";
import type { Member } from "../../lib/bindings/Member";
import type { MemberPage } from "../../lib/bindings/MemberPage";

const api = vi.hoisted(() => ({ certificateDoc: vi.fn(), memberPage: vi.fn(), profileGet: vi.fn() }));

vi.mock("../../lib/api", async () => {
  const errors = await import("../../lib/errors");
  return { ...api, ApiError: errors.ApiError, toApiError: errors.toApiError };
});

const { default: PrintScreen } = await import("./PrintScreen.svelte");
const { router } = await import("../../lib/router.svelte");

const COOP: CooperativeProfile = {
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

const ALI: Member = {
  membership_no: 12,
  status: "active",
  joined: "2025-03-21",
  exit_date: null,
  exit_reason: null,
  display_name: "علی کریمی",
  updated_at: "2025-03-21T08:00:00Z",
  event_id: "e1",
  kind: "person",
  first_name: "علی",
  last_name: "کریمی",
  national_code: "0012345678",
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
};

const DOC: CertificateDoc = {
  certificate: {
    serial: 3,
    membership_no: 12,
    shares: 10,
    subscribed: "1000000",
    paid: "400000",
    kind: "temporary",
    issued_on: "2025-04-02",
    cancelled_on: null,
  },
  member: ALI,
  cooperative: COOP,
  par_value: "100000",
  amount_words: "یک میلیون ریال",
  paid_words: "چهارصد هزار ریال",
};

let target: HTMLElement;
let component: ReturnType<typeof mount> | undefined;

beforeEach(() => {
  target = document.createElement("div");
  document.body.append(target);
  for (const fn of Object.values(api)) fn.mockReset();
});

afterEach(() => {
  if (component) unmount(component);
  component = undefined;
  target.remove();
  vi.restoreAllMocks();
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  flushSync();
}

const byTestId = (id: string) => target.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe("the certificate preview", () => {
  beforeEach(async () => {
    api.certificateDoc.mockResolvedValue(DOC);
    router.go("members");
    router.open("member", 12);
    router.open("print-certificate", 3);
    component = mount(PrintScreen, { target });
    await settle();
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
    const page: MemberPage = {
      member: ALI,
      statement: {
        member: ALI,
        holding: { shares: 10, subscribed: "1000000", paid: "400000" },
        unpaid: "600000",
        percent: "12.50",
        entries: [
          {
            entry_id: "ev-4",
            kind: "subscribe",
            date: "2025-04-02",
            line: { membership_no: 12, shares: 10, subscribed: "1000000", paid: "0", counterparty: null },
            resolution: null,
            reverses: null,
            reversed_by: null,
            due_date: null,
          },
        ],
      },
      certificates: [],
      history: [],
    };
    api.memberPage.mockResolvedValue(page);
    api.profileGet.mockResolvedValue(COOP);
    router.open("print-statement", 12);
    component = mount(PrintScreen, { target });
    await settle();
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
