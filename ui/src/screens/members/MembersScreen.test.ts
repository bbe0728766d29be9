import { flushSync } from "svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Dashboard } from "../../lib/bindings/Dashboard";
import type { MemberRow } from "../../lib/bindings/MemberRow";
import type { MemberStatus } from "../../lib/bindings/MemberStatus";
import { dashboardData, member, memberRow } from "../../testing/fixtures";
import { SCROLL_RANGE_LIMIT } from "../../lib/virtual";
import { byTestId, click, settle, text, useScreen, withApiErrors } from "../../testing/screen";

const api = vi.hoisted(() => ({
  memberList: vi.fn(),
  dashboard: vi.fn(),
  memberCheck: vi.fn(),
  memberAdd: vi.fn(),
  memberExport: vi.fn(),
  memberImportPreview: vi.fn(),
  memberImportCommit: vi.fn(),
}));

vi.mock("../../lib/api", () => withApiErrors(api));

const { default: MembersScreen } = await import("./MembersScreen.svelte");
const { router } = await import("../../lib/router.svelte");
const { directory } = await import("../../lib/members.svelte");

function row(no: number, first: string, last: string, status: MemberStatus = "active", paid = "1000000", unpaid = "0"): MemberRow {
  return memberRow(member(no, `${first} ${last}`, { status, first_name: first, last_name: last }), {
    holding: { shares: 10, subscribed: "1000000", paid },
    unpaid,
    percent: "10.00",
  });
}

function stats(active: number, belowMinimum: boolean): Dashboard {
  return dashboardData({}, { active, below_minimum: belowMinimum });
}

const screen = useScreen();

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  directory.set([]);
  directory.loaded = false;
  router.go("members");
});

async function open(rows: MemberRow[], dash: Dashboard = stats(rows.length, false)): Promise<void> {
  api.memberList.mockResolvedValue(rows);
  api.dashboard.mockResolvedValue(dash);
  await screen.show(MembersScreen);
}

const rowsShown = () => Array.from(screen.target.querySelectorAll<HTMLElement>('tr[data-testid^="member-row-"]'));

function search(text: string): void {
  const input = byTestId("member-search") as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  flushSync();
}

describe("the members screen", () => {
  it("explains itself and offers «افزودن عضو» when there are no members", async () => {
    await open([]);
    expect(byTestId("members-empty")?.textContent).toContain("هنوز عضوی ثبت نشده است");
    expect(byTestId("members-empty-add")?.textContent).toContain("افزودن عضو");
    expect(byTestId("member-search")).toBeNull();
  });

  it("lists members with Persian digits, status words and a totals row", async () => {
    await open([row(1, "علی", "کریمی"), row(2, "زهرا", "رضایی", "applicant", "0", "1000000")]);
    expect(rowsShown()).toHaveLength(2);
    const first = byTestId("member-row-1");
    expect(first?.textContent).toContain("۱۰۰۰۰۰۰۰۰۱");
    expect(first?.textContent).toContain("فعال");
    expect(first?.textContent).toContain("۱٬۰۰۰٬۰۰۰");
    expect(first?.textContent).toContain("۱۰٪");
    expect(byTestId("member-row-2")?.textContent).toContain("متقاضی");
    const totals = byTestId("member-table-totals");
    expect(totals?.textContent).toContain("جمع");
    expect(totals?.textContent).toContain("۲۰");
    expect(totals?.textContent).toContain("۱٬۰۰۰٬۰۰۰");
  });

  it("filters by name however it was typed, by national code and by membership number", async () => {
    await open([row(1, "علی", "کریمی"), row(2, "زهرا", "رضایی"), row(12, "محمد رضا", "احمدی")]);
    search("كريمي");
    expect(rowsShown().map((r) => r.dataset.testid)).toEqual(["member-row-1"]);
    search("۱۰۰۰۰۰۰۰۰۲");
    expect(rowsShown().map((r) => r.dataset.testid)).toEqual(["member-row-2"]);
    search("محمدرضا");
    expect(rowsShown().map((r) => r.dataset.testid)).toEqual(["member-row-12"]);
    search("نیست");
    expect(rowsShown()).toHaveLength(0);
    expect(byTestId("member-table")?.textContent).toContain("عضوی با این مشخصات پیدا نشد");
    expect(byTestId("member-count")?.textContent).toContain("۰ عضو از ۳");
  });

  it("filters by status", async () => {
    await open([row(1, "علی", "کریمی"), row(2, "زهرا", "رضایی", "applicant"), row(3, "حسن", "نوری", "withdrawn")]);
    const select = screen.target.querySelector<HTMLSelectElement>('select[name="status"]');
    if (!select) throw new Error("no status filter");
    select.selectedIndex = 3; // خارج‌شده
    select.dispatchEvent(new Event("change", { bubbles: true }));
    flushSync();
    expect(rowsShown().map((r) => r.dataset.testid)).toEqual(["member-row-3"]);
    select.selectedIndex = 0;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    flushSync();
  });

  it("opens a member's file with Enter and with a click", async () => {
    await open([row(1, "علی", "کریمی"), row(2, "زهرا", "رضایی")]);
    byTestId("member-row-2")?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(router.screen).toBe("member");
    expect(router.target).toBe(2);
    router.go("members");
    byTestId("member-row-1")?.click();
    expect(router.target).toBe(1);
  });

  it("raises the alarm when active members are fewer than the statute's minimum", async () => {
    await open([row(1, "علی", "کریمی")], stats(1, true));
    const alarm = byTestId("members-below-minimum");
    expect(alarm?.textContent).toContain("۱ عضو");
    expect(alarm?.textContent).toContain("۷ عضو");
  });

  it("renders only a window of 10,000 members", async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => row(i + 1, "عضو", `شماره ${i + 1}`));
    await open(many);
    const shown = rowsShown().length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(60);
    expect(byTestId("member-count")?.textContent).toContain("۱۰٬۰۰۰");
    // The scrollbar stands for the whole list but never grows past its limit.
    const bar = Number(screen.target.querySelector(".scrollbar svg")?.getAttribute("height"));
    expect(bar).toBeGreaterThan(600);
    expect(bar).toBeLessThanOrEqual(600 + SCROLL_RANGE_LIMIT);
  });

  it("moves through 10,000 members by rows with the wheel and to the last with End", async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => row(i + 1, "عضو", `شماره ${i + 1}`));
    await open(many);
    const table = byTestId("member-table");
    table?.dispatchEvent(new WheelEvent("wheel", { deltaY: 400, bubbles: true, cancelable: true }));
    flushSync();
    expect(rowsShown()[0]?.dataset["testid"]).toBe("member-row-11");
    // Less than a row's worth of wheel waits for more.
    table?.dispatchEvent(new WheelEvent("wheel", { deltaY: 20, bubbles: true, cancelable: true }));
    flushSync();
    expect(rowsShown()[0]?.dataset["testid"]).toBe("member-row-11");
    const search = byTestId("member-search") as HTMLInputElement;
    search.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    await settle();
    document.activeElement?.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));
    await settle();
    expect(document.activeElement?.getAttribute("data-testid")).toBe("member-row-10000");
    expect(rowsShown().length).toBeLessThan(60);
    expect(rowsShown().at(-1)?.dataset["testid"]).toBe("member-row-10000");
  });

  it("opens the new-member form with Ctrl+N", async () => {
    await open([row(1, "علی", "کریمی")]);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "n", ctrlKey: true }));
    await settle();
    expect(byTestId("member-form")).not.toBeNull();
  });

  it("offers the import from Excel on an empty register, and goes back to the list", async () => {
    await open([]);
    await click("members-empty-import");
    expect(byTestId("member-import-file")).not.toBeNull();
    expect(byTestId("members-empty")).toBeNull();
    await click("member-import-cancel");
    expect(byTestId("members-empty")).not.toBeNull();
  });

  it("exports the register and shows where the file was written", async () => {
    api.memberExport.mockResolvedValue("/home/coop/.local/share/hamyar/exports/members.xlsx");
    await open([row(1, "علی", "کریمی")]);
    await click("member-export-xlsx");
    expect(api.memberExport).toHaveBeenCalledWith(false);
    expect(text("member-export-result")).toContain("/home/coop/.local/share/hamyar/exports/members.xlsx");
    api.memberExport.mockRejectedValue({ code: "io_failed", message: "disk full", details: null });
    await click("member-export-csv");
    expect(api.memberExport).toHaveBeenLastCalledWith(true);
    expect(text("member-export-error")).toContain("فهرست اعضا نوشته نشد");
  });
});
