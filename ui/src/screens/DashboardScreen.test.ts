import { beforeEach, describe, expect, it, vi } from "vitest";
import { fa } from "../lib/i18n/fa";
import { COOPERATIVE, dashboardData } from "../testing/fixtures";
import { byTestId, click, text, useScreen, withApiErrors } from "../testing/screen";

const api = vi.hoisted(() => ({ dashboard: vi.fn(), memberList: vi.fn(), noteList: vi.fn() }));

vi.mock("../lib/api", () => withApiErrors(api));

const { default: DashboardScreen } = await import("./DashboardScreen.svelte");
const { router } = await import("../lib/router.svelte");
const { i18n } = await import("../lib/i18n/locale.svelte");

const screen = useScreen();

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  api.noteList.mockResolvedValue([]);
  i18n.set("fa");
  router.go("dashboard");
});

describe("the dashboard's members card", () => {
  it("counts active members, applicants and members who left, in Persian digits", async () => {
    api.dashboard.mockResolvedValue(
      dashboardData({ profile: COOPERATIVE }, { active: 12, applicants: 3, exited: 2, min_members: 7 }),
    );
    await screen.show(DashboardScreen);
    expect(text("dashboard-members-active")).toBe("۱۲");
    const card = byTestId("dashboard-members-active")?.closest("section")?.textContent ?? "";
    expect(card).toContain(fa.dashboard.applicants);
    expect(card).toContain("۳");
    expect(card).toContain(fa.dashboard.exitedMembers);
    expect(card).toContain("۲");
    expect(byTestId("dashboard-members-alert")).toBeNull();
  });

  it("says in words, with an icon, when active members are fewer than the statute's minimum", async () => {
    api.dashboard.mockResolvedValue(
      dashboardData({ profile: COOPERATIVE }, { active: 6, min_members: 7, below_minimum: true }),
    );
    await screen.show(DashboardScreen);
    const alert = byTestId("dashboard-members-alert");
    expect(alert?.textContent).toContain("تعداد اعضای فعال (۶) از حداقل اساسنامه (۷) کمتر است");
    expect(alert?.querySelector("svg.icon")).not.toBeNull();
  });

  it("says it in English too", async () => {
    i18n.set("en");
    api.dashboard.mockResolvedValue(
      dashboardData({ profile: COOPERATIVE }, { active: 6, min_members: 7, below_minimum: true }),
    );
    await screen.show(DashboardScreen);
    expect(text("dashboard-members-active")).toBe("6");
    expect(text("dashboard-members-alert")).toContain("Active members (6) are fewer than the statute's minimum (7)");
  });

  it("opens the members screen", async () => {
    api.dashboard.mockResolvedValue(dashboardData({ profile: COOPERATIVE }));
    await screen.show(DashboardScreen);
    await click("dashboard-members-open");
    expect(router.screen).toBe("members");
  });

  it("shows the first-run welcome, not the card, before a cooperative is recorded", async () => {
    api.dashboard.mockResolvedValue(dashboardData());
    await screen.show(DashboardScreen);
    expect(byTestId("first-run")).not.toBeNull();
    expect(byTestId("dashboard-members-active")).toBeNull();
  });
});

describe("the start-up mark", () => {
  it("is set once, when the figures are drawn, and not while they load or after a failure", async () => {
    const { READY_MARK } = await import("./DashboardScreen.svelte");
    performance.clearMarks(READY_MARK);
    api.dashboard.mockRejectedValue({ code: "internal", message: "boom" });
    await screen.show(DashboardScreen);
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    expect(performance.getEntriesByName(READY_MARK)).toHaveLength(0);

    api.dashboard.mockResolvedValue(dashboardData({ profile: COOPERATIVE }));
    await screen.show(DashboardScreen);
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    expect(performance.getEntriesByName(READY_MARK)).toHaveLength(1);

    await screen.show(DashboardScreen);
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    expect(performance.getEntriesByName(READY_MARK)).toHaveLength(1);
  });
});
