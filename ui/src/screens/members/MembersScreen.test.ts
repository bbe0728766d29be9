import { flushSync, mount, tick, unmount } from "svelte";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Dashboard } from "../../lib/bindings/Dashboard";
import type { MemberRow } from "../../lib/bindings/MemberRow";
import type { MemberStatus } from "../../lib/bindings/MemberStatus";

const api = vi.hoisted(() => ({ memberList: vi.fn(), dashboard: vi.fn(), memberCheck: vi.fn(), memberAdd: vi.fn() }));

vi.mock("../../lib/api", async () => {
  const errors = await import("../../lib/errors");
  return { ...api, ApiError: errors.ApiError, toApiError: errors.toApiError };
});

const { default: MembersScreen } = await import("./MembersScreen.svelte");
const { router } = await import("../../lib/router.svelte");
const { directory } = await import("../../lib/members.svelte");

beforeAll(() => {
  // jsdom has no layout; the table's size bindings only need the API to exist.
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

function row(no: number, first: string, last: string, status: MemberStatus = "active", paid = "1000000", unpaid = "0"): MemberRow {
  return {
    member: {
      membership_no: no,
      status,
      joined: "2025-03-21",
      exit_date: null,
      exit_reason: null,
      display_name: `${first} ${last}`,
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
    holding: { shares: 10, subscribed: "1000000", paid },
    unpaid,
    percent: "10.00",
    unpaid_due: null,
  };
}

function stats(active: number, belowMinimum: boolean): Dashboard {
  return {
    today: "2025-05-15",
    profile: null,
    journal: { event_count: 0, device_count: 1, last_event_at: null },
    fiscal_year: null,
    members: { active, applicants: 0, exited: 0, min_members: 7, below_minimum: belowMinimum },
  };
}

let target: HTMLElement;
let component: ReturnType<typeof mount> | undefined;

beforeEach(() => {
  target = document.createElement("div");
  document.body.append(target);
  for (const fn of Object.values(api)) fn.mockReset();
  directory.set([]);
  directory.loaded = false;
  router.go("members");
});

afterEach(() => {
  if (component) unmount(component);
  component = undefined;
  target.remove();
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  flushSync();
}

async function open(rows: MemberRow[], dash: Dashboard = stats(rows.length, false)): Promise<void> {
  api.memberList.mockResolvedValue(rows);
  api.dashboard.mockResolvedValue(dash);
  component = mount(MembersScreen, { target });
  await settle();
}

const byTestId = (id: string) => target.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const rowsShown = () => Array.from(target.querySelectorAll<HTMLElement>('tr[data-testid^="member-row-"]'));

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
    const select = target.querySelector<HTMLSelectElement>('select[name="status"]');
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
    const spacer = target.querySelector("tr.spacer svg");
    expect(Number(spacer?.getAttribute("height"))).toBe((10_000 - shown) * 40);
  });

  it("opens the new-member form with Ctrl+N", async () => {
    await open([row(1, "علی", "کریمی")]);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "n", ctrlKey: true }));
    await settle();
    expect(byTestId("member-form")).not.toBeNull();
  });
});
