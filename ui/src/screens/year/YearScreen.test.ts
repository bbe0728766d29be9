import { beforeEach, describe, expect, it, vi } from "vitest";
import type { FiscalYear } from "../../lib/bindings/FiscalYear";
import type { Proposal } from "../../lib/bindings/Proposal";
import type { YearApproved } from "../../lib/bindings/YearApproved";
import type { YearPage } from "../../lib/bindings/YearPage";
import { COOPERATIVE, errorDetails, validationFailed } from "../../testing/fixtures";
import { byTestId, click, settle, text, type, useScreen, withApiErrors } from "../../testing/screen";

const api = vi.hoisted(() => ({
  yearList: vi.fn(),
  yearPage: vi.fn(),
  yearPropose: vi.fn(),
  yearClose: vi.fn(),
  yearApprove: vi.fn(),
  yearPaymentsXlsx: vi.fn(),
  profileGet: vi.fn(),
}));

vi.mock("../../lib/api", () => withApiErrors(api));

const { default: YearScreen } = await import("./YearScreen.svelte");
const { default: YearPrintScreen } = await import("./print/YearPrintScreen.svelte");
const { router } = await import("../../lib/router.svelte");
const { yearState } = await import("./year.svelte");

const YEARS: FiscalYear[] = [
  { year: 1405, from: "2026-03-21", to: "2027-03-20", status: "open" },
  { year: 1404, from: "2025-03-21", to: "2026-03-20", status: "ended" },
];

function proposal(bonuses = "0"): Proposal {
  const bonus = bonuses === "0" ? "0" : "20000000";
  return {
    net_result: "1000000000",
    rates: {
      legal_reserve_pct: "5",
      precautionary_pct: "5",
      cooperation_pct: "4",
      bonuses_pct: bonuses,
      return_on_shares_pct: "50",
      surplus_basis: "hours",
    },
    legal_reserve_compulsory: true,
    legal_reserve_cap: "250000000",
    parts: [
      { kind: "legal_reserve", amount: "50000000" },
      { kind: "precautionary_reserve", amount: "50000000" },
      { kind: "cooperation_fund", amount: "40000000" },
      { kind: "bonuses", amount: bonus },
      { kind: "return_on_shares", amount: bonuses === "0" ? "430000000" : "420000000" },
      { kind: "surplus_by_work", amount: bonuses === "0" ? "429999999" : "419999999" },
      { kind: "rounding", amount: "1" },
    ],
    members: [
      {
        membership_no: 1,
        capital_days: "100",
        work: "200",
        return_on_shares: bonuses === "0" ? "300000000" : "290000000",
        surplus_by_work: "229999999",
        total: bonuses === "0" ? "529999999" : "519999999",
      },
      {
        membership_no: 2,
        capital_days: "50",
        work: "100",
        return_on_shares: "130000000",
        surplus_by_work: bonuses === "0" ? "200000000" : "190000000",
        total: bonuses === "0" ? "330000000" : "320000000",
      },
    ],
  };
}

function page(extra: Partial<YearPage> = {}): YearPage {
  return {
    year: YEARS[1] as FiscalYear,
    closed: null,
    approved: null,
    proposal: null,
    proposal_error: null,
    open_meetings: [],
    approval_options: [],
    payees: [
      { membership_no: 1, name: "مریم احمدی", identifier: "0012345678", sheba: "IR820540102680020817909002", status: "active" },
      { membership_no: 2, name: "رضا کریمی", identifier: "0023456789", sheba: null, status: "active" },
    ],
    words: [
      { membership_no: 1, total: "پانصد و بیست و نه میلیون ... ریال", payable: "پانصد و بیست و نه میلیون ... ریال" },
      { membership_no: 2, total: "سیصد و سی میلیون ریال", payable: "سیصد و سی میلیون ریال" },
    ],
    carried_legal_reserve: "120000000",
    carried_precautionary_reserve: "0",
    ...extra,
  };
}

function closedPage(extra: Partial<YearPage> = {}): YearPage {
  return page({
    year: { ...(YEARS[1] as FiscalYear), status: "closed" },
    closed: {
      year: 1404,
      from: "2025-03-21",
      to: "2026-03-20",
      net_result: "1000000000",
      legal_reserve_opening: "120000000",
      precautionary_reserve_opening: "0",
      average_capital: "1000000000",
      capital: { shares: 1000, subscribed: "1000000000", paid: "900000000" },
      note: "",
    },
    proposal: proposal(),
    approval_options: [
      { meeting: 2, date: "2026-06-10", resolution: 1, text: "تصویب صورت‌های مالی" },
      { meeting: 2, date: "2026-06-10", resolution: 2, text: "تصویب تقسیم مازاد" },
    ],
    ...extra,
  });
}

function approvedPage(): YearPage {
  const approved: YearApproved = {
    year: 1404,
    meeting: 2,
    resolution: 2,
    date: "2026-06-10",
    proposal: proposal(),
    capitalise: "return_on_shares",
    payouts: [
      {
        membership_no: 1,
        return_on_shares: "300000000",
        surplus_by_work: "229999999",
        total: "529999999",
        new_shares: 300,
        capitalised: "300000000",
        payable: "229999999",
      },
      {
        membership_no: 2,
        return_on_shares: "130000000",
        surplus_by_work: "200000000",
        total: "330000000",
        new_shares: 130,
        capitalised: "130000000",
        payable: "200000000",
      },
    ],
    legal_reserve_closing: "170000001",
    precautionary_reserve_closing: "50000000",
  };
  const closed = closedPage();
  return {
    ...closed,
    year: { ...closed.year, status: "approved" },
    approved,
    words: [
      { membership_no: 1, total: "پانصد و بیست و نه میلیون ریال", payable: "دویست و بیست و نه میلیون ریال" },
      { membership_no: 2, total: "سیصد و سی میلیون ریال", payable: "دویست میلیون ریال" },
    ],
  };
}

const screen = useScreen();

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  api.yearList.mockResolvedValue(YEARS);
  api.profileGet.mockResolvedValue(COOPERATIVE);
  yearState.selected = null;
  yearState.choices = {};
  router.go("year");
});

function submit(testid: string): void {
  byTestId(testid)?.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
}

describe("the year-end screen", () => {
  it("opens on the year waiting to be closed, and closes it after restating what will be recorded", async () => {
    api.yearPage.mockResolvedValue(page({ open_meetings: [5] }));
    api.yearClose.mockResolvedValue({ ...YEARS[1], status: "closed" });
    await screen.show(YearScreen);
    expect(api.yearPage).toHaveBeenCalledWith(1404);
    expect((document.querySelector('select[name="year"]') as HTMLSelectElement).value).toBeTruthy();
    expect(text("year-status")).toContain("پایان‌یافته");
    // Meetings still planned inside the year are named, each a way to its page.
    expect(text("year-open-meetings")).toContain("جلسه‌ی شماره ۵");
    // The opening reserves show what an empty box stands for.
    expect((document.querySelector('[name="legal_reserve_opening"]') as HTMLInputElement).placeholder).toBe("۱۲۰٬۰۰۰٬۰۰۰");

    submit("year-close-form");
    await settle();
    expect(text("error-net_result")).toContain("این فیلد الزامی است");
    expect(api.yearClose).not.toHaveBeenCalled();

    type("net_result", "۲۴۵۰۰۰۰۰۰۰");
    await settle();
    expect((document.querySelector('[name="net_result"]') as HTMLInputElement).value).toBe("۲٬۴۵۰٬۰۰۰٬۰۰۰");
    submit("year-close-form");
    await settle();
    expect(text("year-close-review-net")).toContain("۲٬۴۵۰٬۰۰۰٬۰۰۰ ریال");
    expect(text("year-close-review")).toContain("۱۲۰٬۰۰۰٬۰۰۰ ریال (مانده‌ی سال قبل)");
    expect(api.yearClose).not.toHaveBeenCalled();

    api.yearPage.mockResolvedValue(closedPage());
    await click("year-close-confirm");
    expect(api.yearClose).toHaveBeenCalledWith({
      year: 1404,
      net_result: "2450000000",
      legal_reserve_opening: "",
      precautionary_reserve_opening: "",
      note: "",
    });
    expect(text("year-status")).toContain("بسته‌شده");
    expect(byTestId("year-close-form")).toBeNull();
  });

  it("says a loss plainly in the confirmation", async () => {
    api.yearPage.mockResolvedValue(page());
    await screen.show(YearScreen);
    type("net_result", "(۵۰۰٬۰۰۰)");
    submit("year-close-form");
    await settle();
    expect(text("year-close-review-net")).toContain("زیان سال: ۵۰۰٬۰۰۰ ریال");
  });

  it("shows the proposal adding up to the net result, and proposes again when a percentage changes", async () => {
    api.yearPage.mockResolvedValue(closedPage());
    api.yearPropose.mockResolvedValue(proposal("2"));
    await screen.show(YearScreen);
    expect(text("year-part-legal_reserve")).toContain("۵٪ سود خالص");
    expect(text("year-part-legal_reserve-amount")).toBe("۵۰٬۰۰۰٬۰۰۰");
    expect(text("year-part-return_on_shares")).toContain("۵۰٪ باقی‌مانده");
    expect(text("year-parts-total")).toBe("۱٬۰۰۰٬۰۰۰٬۰۰۰");
    expect(text("year-rounding-note")).toContain("اندوخته‌ی قانونی افزوده می‌شود");
    expect(text("year-member-1")).toContain("مریم احمدی");
    expect(text("year-member-1-total")).toBe("۵۲۹٬۹۹۹٬۹۹۹");
    expect(text("year-members-total")).toBe("۸۵۹٬۹۹۹٬۹۹۹");
    expect(text("year-legal-cap")).toContain("۲۵۰٬۰۰۰٬۰۰۰ ریال");

    type("bonuses_pct", "۲");
    await settle(400);
    expect(api.yearPropose).toHaveBeenCalledWith(1404, { legal_reserve_pct: "", precautionary_pct: "", bonuses_pct: "2" });
    expect(text("year-part-bonuses-amount")).toBe("۲۰٬۰۰۰٬۰۰۰");
    expect(text("year-member-1-total")).toBe("۵۱۹٬۹۹۹٬۹۹۹");
    expect(yearState.choices[1404]?.bonuses_pct).toBe("2");
  });

  it("marks a refused percentage beside its box", async () => {
    api.yearPage.mockResolvedValue(closedPage());
    api.yearPropose.mockRejectedValue(validationFailed([{ field: "precautionary_pct", code: "distribution_pct_out_of_bounds" }]));
    await screen.show(YearScreen);
    type("precautionary_pct", "12");
    await settle(400);
    expect(text("error-precautionary_pct")).toContain("بیرون از حد اساسنامه");
    expect(text("year-proposal-busy")).toContain("محاسبه‌ی پیشین");
    // The last good proposal stays on screen.
    expect(text("year-parts-total")).toBe("۱٬۰۰۰٬۰۰۰٬۰۰۰");
  });

  it("says why a distribution cannot be computed", async () => {
    api.yearPage.mockResolvedValue(
      closedPage({
        proposal: null,
        proposal_error: { code: "distribution_no_work", message: "no work", details: errorDetails() },
      }),
    );
    await screen.show(YearScreen);
    expect(text("year-proposal-error")).toContain("کار هیچ عضوی در این سال ثبت نشده است");
  });

  it("approves on the assembly's resolution, with the percentages on screen", async () => {
    api.yearPage.mockResolvedValue(closedPage());
    api.yearPropose.mockImplementation((_year: number, choices: { bonuses_pct: string }) =>
      Promise.resolve(proposal(choices.bonuses_pct || "0")),
    );
    api.yearApprove.mockResolvedValue(approvedPage().approved);
    await screen.show(YearScreen);
    // Nothing is chosen for the board.
    submit("year-approve-form");
    await settle();
    expect(text("error-meeting")).toContain("این فیلد الزامی است");
    const select = document.querySelector('select[name="approval"]') as HTMLSelectElement;
    expect(select.options[2]?.textContent).toContain("مصوبه ۲: تصویب تقسیم مازاد");
    select.value = select.options[2]?.value ?? "";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    type("bonuses_pct", "2");
    (byTestId("year-capitalise-all") as HTMLInputElement).click();
    submit("year-approve-form");
    await settle();
    expect(text("year-approve-review")).toContain("مصوبه‌ی شماره ۲");
    expect(text("year-approve-review")).toContain("پاداش ۲٪");
    expect(text("year-approve-review")).toContain("همه به افزایش سرمایه");
    expect(api.yearApprove).not.toHaveBeenCalled();

    api.yearPage.mockResolvedValue(approvedPage());
    await click("year-approve-confirm");
    expect(api.yearApprove).toHaveBeenCalledWith({
      year: 1404,
      meeting: 2,
      resolution: 2,
      choices: { legal_reserve_pct: "", precautionary_pct: "", bonuses_pct: "2" },
      capitalise: "all",
    });
    expect(text("year-status")).toContain("تصویب‌شده");
  });

  it("explains what must happen first when no assembly has passed a resolution", async () => {
    api.yearPage.mockResolvedValue(closedPage({ approval_options: [] }));
    await screen.show(YearScreen);
    expect(text("year-approve-none")).toContain("مجمع عمومی عادی سالیانه");
    await click("year-approve-meetings");
    expect(router.screen).toBe("meetings");
  });

  it("shows the approved payouts, writes the payment list and opens a member's slip", async () => {
    api.yearPage.mockResolvedValue(approvedPage());
    api.yearPaymentsXlsx.mockResolvedValue("/data/exports/payments-1404.xlsx");
    await screen.show(YearScreen);
    expect(text("year-payout-1-total")).toBe("۵۲۹٬۹۹۹٬۹۹۹");
    expect(text("year-payout-1-payable")).toBe("۲۲۹٬۹۹۹٬۹۹۹");
    expect(text("year-payouts-payable")).toBe("۴۲۹٬۹۹۹٬۹۹۹");
    expect(text("year-legal-closing")).toContain("۱۷۰٬۰۰۰٬۰۰۱");
    expect(text("year-sheba-missing")).toContain("۱ عضو");
    expect(byTestId("year-rates")).toBeNull();

    await click("year-payments-xlsx");
    expect(api.yearPaymentsXlsx).toHaveBeenCalledWith(1404);
    expect(text("year-payments-path")).toBe("/data/exports/payments-1404.xlsx");

    await click("year-slip-1");
    expect(router.screen).toBe("print-slip");
    expect(router.target).toBe(1404);
    expect(router.member).toBe(1);
  });

  it("returns from a print preview to the year it left", async () => {
    api.yearPage.mockImplementation((year: number) =>
      Promise.resolve(year === 1405 ? page({ year: YEARS[0] as FiscalYear }) : approvedPage()),
    );
    yearState.selected = 1405;
    router.open("print-proposal", 1405);
    router.back("year");
    await screen.show(YearScreen);
    expect(api.yearPage).toHaveBeenLastCalledWith(1405);
    expect(text("year-open")).toContain("هنوز جاری است");
  });
});

describe("the year-end papers", () => {
  it("print a member's slip with the amounts in words", async () => {
    api.yearPage.mockResolvedValue(approvedPage());
    router.open("print-slip", 1404, 1);
    await screen.show(YearPrintScreen);
    const slip = text("slip-doc");
    expect(slip).toContain("مریم احمدی");
    expect(text("slip-identifier")).toBe("۰۰۱۲۳۴۵۶۷۸");
    expect(text("slip-payable")).toBe("۲۲۹٬۹۹۹٬۹۹۹ ریال");
    expect(text("slip-payable-words")).toContain("دویست و بیست و نه میلیون ریال");
    expect(text("slip-capitalised")).toContain("۳۰۰ سهم تازه");
    expect(text("slip-sheba")).toBe("IR820540102680020817909002");
  });

  it("print the distribution for the assembly at the percentages last tried", async () => {
    api.yearPage.mockResolvedValue(closedPage());
    api.yearPropose.mockResolvedValue(proposal("2"));
    yearState.choices[1404] = { legal_reserve_pct: "", precautionary_pct: "", bonuses_pct: "2" };
    router.open("print-proposal", 1404);
    await screen.show(YearPrintScreen);
    expect(api.yearPropose).toHaveBeenCalledWith(1404, { legal_reserve_pct: "", precautionary_pct: "", bonuses_pct: "2" });
    const doc = text("proposal-doc");
    expect(doc).toContain("پیشنهاد تقسیم مازاد سال مالی ۱۴۰۴");
    expect(doc).toContain("شرکت تعاونی تولیدی نمونه");
    expect(doc).toContain("رئیس هیئت مدیره");
    expect(doc).toContain("بازرس");
    expect(text("proposal-part-bonuses")).toContain("۲۰٬۰۰۰٬۰۰۰");
    expect(text("proposal-parts-total")).toBe("۱٬۰۰۰٬۰۰۰٬۰۰۰");
  });
});
