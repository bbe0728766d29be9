import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DefaultSource } from "../lib/bindings/DefaultSource";
import type { StatuteVersion } from "../lib/bindings/StatuteVersion";
import type { StatuteView } from "../lib/bindings/StatuteView";
import { fa } from "../lib/i18n/fa";
import { STATUTE_PARAMS } from "../lib/statute";
import { DEFAULTS } from "../lib/statute.fixture";
import { validationFailed } from "../testing/fixtures";
import { byTestId, click, text, type, useScreen, withApiErrors } from "../testing/screen";

const api = vi.hoisted(() => ({ statuteGet: vi.fn(), statuteSet: vi.fn() }));

vi.mock("../lib/api", () => withApiErrors(api));

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

const screen = useScreen();

beforeEach(() => {
  api.statuteGet.mockReset();
  api.statuteSet.mockReset();
});

async function open(view: StatuteView): Promise<void> {
  api.statuteGet.mockResolvedValue(view);
  await screen.show(StatuteScreen);
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
    expect(screen.target.querySelector<HTMLInputElement>('[name="par_value"]')?.value).toBe("۲٬۵۰۰٬۰۰۰");
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
    api.statuteSet.mockRejectedValue(
      validationFailed([
        { field: "par_value", code: "statute_value_invalid" },
        { field: "board_size", code: "statute_value_invalid" },
      ]),
    );
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
