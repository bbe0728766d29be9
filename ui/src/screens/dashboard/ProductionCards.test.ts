import { beforeEach, describe, expect, it, vi } from "vitest";
import { COOPERATIVE, dashboardData, monthTotals, productionFigures } from "../../testing/fixtures";
import { byTestId, settle, text, useScreen, withApiErrors } from "../../testing/screen";

const api = vi.hoisted(() => ({ dashboard: vi.fn(), memberList: vi.fn(), noteList: vi.fn() }));
vi.mock("../../lib/api", () => withApiErrors(api));

// uPlot needs a canvas, which jsdom lacks: a stand-in records what it was asked to draw.
const drawn = vi.hoisted(() => [] as { options: Record<string, unknown>; data: number[][] }[]);
vi.mock("uplot", () => ({
  default: class {
    ctx: { canvas: HTMLCanvasElement };
    constructor(options: Record<string, unknown>, data: number[][], target: HTMLElement) {
      drawn.push({ options, data });
      const canvas = document.createElement("canvas");
      target.append(canvas);
      this.ctx = { canvas };
    }
    setSize(): void {}
    destroy(): void {}
  },
}));

const { default: DashboardScreen } = await import("../DashboardScreen.svelte");
const { i18n } = await import("../../lib/i18n/locale.svelte");
const { router } = await import("../../lib/router.svelte");

const screen = useScreen();

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  api.noteList.mockResolvedValue([]);
  drawn.length = 0;
  i18n.set("fa");
  router.go("dashboard");
});

const twelve = (last: string) => ["0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "2000000", last];

describe("the dashboard's production figures", () => {
  it("shows this month's value against the same month last year, with the change in words", async () => {
    api.dashboard.mockResolvedValue(
      dashboardData({
        profile: COOPERATIVE,
        production: productionFigures({
          month_value: "18750000",
          last_year_value: "12500000",
          products: [{ product: 1, name: "پارچه نخی", unit: "meter", quantity: "125", value: "18750000" }],
          months: monthTotals("1404-02", twelve("18750000")),
          months_last_year: monthTotals("1403-02", twelve("12500000")),
        }),
      }),
    );
    await screen.show(DashboardScreen);
    expect(text("dashboard-month-value")).toBe("۱۸٬۷۵۰٬۰۰۰");
    expect(text("dashboard-month-change")).toContain("۵۰٪ بیشتر از سال پیش");
    expect(text("dashboard-last-year-value")).toContain("۱۲٬۵۰۰٬۰۰۰");
    expect(text("dashboard-month-products")).toContain("پارچه نخی");
  });

  it("says when there is nothing to compare with", async () => {
    api.dashboard.mockResolvedValue(dashboardData({ profile: COOPERATIVE, production: productionFigures({ month_value: "5" }) }));
    await screen.show(DashboardScreen);
    expect(text("dashboard-month-change")).toBe("سال پیش در این ماه تولیدی ثبت نشده است");
  });

  it("draws twelve months against last year, with the exact figures in the table beside the chart", async () => {
    api.dashboard.mockResolvedValue(
      dashboardData({
        profile: COOPERATIVE,
        production: productionFigures({
          months: monthTotals("1404-02", twelve("18750000")),
          months_last_year: monthTotals("1403-02", twelve("12500000")),
        }),
      }),
    );
    await screen.show(DashboardScreen);
    await settle(10);
    const row = byTestId("chart-month-1404-02");
    expect(row?.getAttribute("data-value")).toBe("18750000");
    expect(row?.textContent).toContain("اردیبهشت ۱۴۰۴");
    expect(row?.textContent).toContain("۱۸٬۷۵۰٬۰۰۰");
    expect(row?.textContent).toContain("۱۲٬۵۰۰٬۰۰۰");
    // The newest month first in the table.
    expect(byTestId("dashboard-chart-table")?.querySelector("tbody tr")?.getAttribute("data-testid")).toBe(
      "chart-month-1404-02",
    );
    expect(drawn).toHaveLength(1);
    expect(drawn[0]?.data[1]?.at(-1)).toBe(18.75);
    expect(drawn[0]?.data[2]?.at(-1)).toBe(12.5);
    const scales = drawn[0]?.options.scales as { x: { dir: number } };
    expect(scales.x.dir).toBe(-1); // right to left in Persian
    expect(byTestId("dashboard-chart")?.tagName).toBe("CANVAS");
    expect(byTestId("dashboard-chart")?.getAttribute("aria-label")).toContain("میلیون ریال");
  });

  it("shows the capital, members owing, workforce and pass rate", async () => {
    api.dashboard.mockResolvedValue(
      dashboardData({
        profile: COOPERATIVE,
        capital: { subscribed: "90000000", paid: "60000000", members_owing: 3 },
        production: productionFigures({
          workforce: {
            month: "1404-01",
            member_workers: 9,
            employees: 3,
            headcount: 12,
            women: 5,
            insured: 11,
            hours: [],
          },
          pass_rate: { product: 0, name: "", tests: 8, passed: 7, percent: "87.50" },
        }),
      }),
    );
    await screen.show(DashboardScreen);
    expect(text("dashboard-capital-subscribed")).toBe("۹۰٬۰۰۰٬۰۰۰ ریال");
    expect(text("dashboard-capital-paid")).toBe("۶۰٬۰۰۰٬۰۰۰ ریال");
    expect(text("dashboard-capital-unpaid")).toBe("۳۰٬۰۰۰٬۰۰۰ ریال");
    expect(text("dashboard-members-owing")).toBe("۳");
    expect(text("dashboard-headcount")).toBe("۱۲");
    expect(text("dashboard-pass-rate")).toBe("۸۷٫۵٪");
  });

  it("lists the deadlines with their Jalali dates, the member, and «گذشته» when overdue", async () => {
    api.dashboard.mockResolvedValue(
      dashboardData({
        profile: COOPERATIVE,
        deadlines: [
          { kind: "unpaid_shares", date: "2025-05-01", membership_no: 12, name: "علی کریمی", overdue: true },
          { kind: "annual_assembly", date: "2025-07-22", membership_no: null, name: null, overdue: false },
        ],
      }),
    );
    await screen.show(DashboardScreen);
    const overdue = byTestId("deadline-unpaid_shares")?.textContent ?? "";
    expect(overdue).toContain("سررسید بدهی سهام");
    expect(overdue).toContain("علی کریمی (عضو شماره ۱۲)");
    expect(overdue).toContain("۱۴۰۴/۰۲/۱۱");
    expect(overdue).toContain("گذشته");
    const ahead = byTestId("deadline-annual_assembly")?.textContent ?? "";
    expect(ahead).toContain("برگزاری مجمع سالانه");
    expect(ahead).not.toContain("گذشته");
  });

  it("opens the production screen from the card", async () => {
    api.dashboard.mockResolvedValue(dashboardData({ profile: COOPERATIVE }));
    await screen.show(DashboardScreen);
    byTestId("dashboard-production-open")?.click();
    expect(router.screen).toBe("production");
  });
});
