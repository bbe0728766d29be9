import { flushSync, mount, tick, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DefaultSource } from "../lib/bindings/DefaultSource";
import type { StatuteVersion } from "../lib/bindings/StatuteVersion";
import type { StatuteView } from "../lib/bindings/StatuteView";
import { fa } from "../lib/i18n/fa";
import { STATUTE_PARAMS } from "../lib/statute";
import { DEFAULTS } from "../lib/statute.fixture";

const api = vi.hoisted(() => ({ statuteGet: vi.fn(), statuteSet: vi.fn() }));

vi.mock("../lib/api", async () => {
  const errors = await import("../lib/errors");
  return { ...api, ApiError: errors.ApiError, toApiError: errors.toApiError };
});

const { default: StatuteScreen } = await import("./StatuteScreen.svelte");

const SOURCES: DefaultSource[] = STATUTE_PARAMS.map((param) => ({
  param,
  source: `source of ${param}`,
  confidence: param === "par_value" ? "unconfirmed" : param === "min_members" ? "confirmed" : "secondary",
}));

const FIRST: StatuteVersion = { version: 1, effective_from: "2025-03-21", resolution: null, values: DEFAULTS };

function viewOf(history: StatuteVersion[]): StatuteView {
  return { current: history[0] ?? null, history, defaults: DEFAULTS, sources: SOURCES };
}

let target: HTMLElement;
let component: ReturnType<typeof mount> | undefined;

beforeEach(() => {
  target = document.createElement("div");
  document.body.append(target);
  api.statuteGet.mockReset();
  api.statuteSet.mockReset();
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

async function open(view: StatuteView): Promise<void> {
  api.statuteGet.mockResolvedValue(view);
  component = mount(StatuteScreen, { target });
  await settle();
}

const byTestId = (id: string) => target.ownerDocument.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const text = (id: string) => byTestId(id)?.textContent?.trim() ?? "";

function type(name: string, value: string): void {
  const input = target.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!input) throw new Error(`no input named ${name}`);
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new FocusEvent("blur"));
  flushSync();
}

async function click(id: string): Promise<void> {
  const element = byTestId(id);
  if (!element) throw new Error(`no element ${id}`);
  element.click();
  await settle();
}

describe("the statute screen", () => {
  it("shows the law's defaults with a clear note when no statute is recorded", async () => {
    await open(viewOf([]));
    expect(byTestId("statute-screen")).not.toBeNull();
    expect(text("statute-not-set")).toContain(fa.statute.notSet);
    expect(text("statute-par-value")).toBe("۱٬۰۰۰٬۰۰۰ ریال");
    expect(text("statute-row-par_value")).toContain("تأیید نشده — از اساسنامه خود وارد کنید");
    expect(text("statute-row-min_members")).toContain("تأیید شده");
    expect(text("statute-row-ordinary_quorum_call1")).toContain("بیش از ۱/۲");
    expect(text("statute-row-ordinary_quorum_call2")).toContain("هر تعداد حاضر");
    expect(text("statute-edit")).toBe(fa.statute.recordFirst);
  });

  it("records the first setting after a confirmation that restates it", async () => {
    await open(viewOf([]));
    await click("statute-edit");
    expect(byTestId("statute-form")).not.toBeNull();
    type("par_value", "2,500,000");
    expect(target.querySelector<HTMLInputElement>('[name="par_value"]')?.value).toBe("۲٬۵۰۰٬۰۰۰");
    type("effective_from", "۱۴۰۴/۰۱/۰۱");
    await click("statute-save");
    expect(api.statuteSet).not.toHaveBeenCalled();
    const dialog = byTestId("statute-confirm-dialog");
    expect(dialog?.textContent).toContain("نسخهٔ ۱ اساسنامه");
    expect(dialog?.textContent).toContain("۲٬۵۰۰٬۰۰۰ ریال");

    const saved: StatuteVersion = { ...FIRST, values: { ...DEFAULTS, par_value: "2500000" } };
    api.statuteSet.mockResolvedValue(saved);
    api.statuteGet.mockResolvedValue(viewOf([saved]));
    await click("statute-confirm");
    expect(api.statuteSet).toHaveBeenCalledWith({
      values: { ...DEFAULTS, par_value: "2500000" },
      effective_from: "2025-03-21",
      resolution: "",
    });
    expect(byTestId("statute-form")).toBeNull();
    expect(text("statute-par-value")).toBe("۲٬۵۰۰٬۰۰۰ ریال");
    expect(text("statute-row-par_value")).toContain(fa.statute.recorded);
    expect(text("statute-history")).toContain("نسخهٔ ۱ (جاری)");
  });

  it("says next to each number what the backend refused, and that nothing was recorded", async () => {
    await open(viewOf([]));
    await click("statute-edit");
    await click("statute-save");
    api.statuteSet.mockRejectedValue({
      code: "validation_failed",
      message: "invalid statute",
      details: {
        fields: [
          { field: "par_value", code: "statute_value_invalid" },
          { field: "board_size", code: "statute_value_invalid" },
        ],
        event_id: null,
        found_version: null,
        supported_version: null,
        membership_no: null,
        limit: null,
        value: null,
      },
    });
    await click("statute-confirm");
    expect(byTestId("statute-confirm-dialog")).toBeNull();
    expect(text("error-par_value")).toBe(fa.statute.invalid.par_value);
    expect(text("error-board_size")).toBe(fa.statute.invalid.board_size);
    expect(text("form-error")).toContain(fa.statute.notSentFields);
  });

  it("refuses badly typed numbers before asking for confirmation", async () => {
    await open(viewOf([]));
    await click("statute-edit");
    type("min_members", "هفت");
    expect(text("error-min_members")).toBe(fa.statute.problems.whole_number);
    type("legal_reserve_cap_denominator", "0");
    expect(text("error-legal_reserve_cap")).toBe(fa.statute.problems.fraction_zero);
    await click("statute-save");
    expect(byTestId("statute-confirm-dialog")).toBeNull();
    expect(text("form-error")).toContain(fa.statute.notSentFields);
  });

  it("requires the resolution for an amendment and lists only what changes", async () => {
    await open(viewOf([FIRST]));
    expect(text("statute-edit")).toBe(fa.statute.amend);
    await click("statute-edit");
    type("inspectors", "3");
    await click("statute-save");
    expect(byTestId("statute-confirm-dialog")).toBeNull();
    expect(text("error-resolution")).toBe(fa.errors.resolution_required);

    type("resolution", "صورتجلسه مجمع فوق‌العاده 1404/05/10");
    await click("statute-save");
    const changes = byTestId("statute-confirm-changes");
    expect(changes?.querySelectorAll("tbody tr")).toHaveLength(1);
    expect(changes?.textContent).toContain("۳ نفر");
    expect(byTestId("statute-confirm-dialog")?.textContent).toContain("نسخهٔ ۲");
  });
});
