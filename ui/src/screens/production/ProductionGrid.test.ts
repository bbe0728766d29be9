import { flushSync } from "svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Product } from "../../lib/bindings/Product";
import type { ProductionEntry } from "../../lib/bindings/ProductionEntry";
import type { ProductionInput } from "../../lib/bindings/ProductionInput";
import { validationFailed } from "../../testing/fixtures";
import { byTestId, settle, useScreen, withApiErrors } from "../../testing/screen";

const api = vi.hoisted(() => ({
  productionEntries: vi.fn(),
  productionRecord: vi.fn(),
  productionCheck: vi.fn(),
  productionReverse: vi.fn(),
}));

vi.mock("../../lib/api", () => withApiErrors(api));

const { default: ProductionGrid } = await import("./ProductionGrid.svelte");
const { i18n } = await import("../../lib/i18n/locale.svelte");

const TODAY = "2026-11-28"; // ۱۴۰۵/۰۹/۰۷

const PRODUCTS: Product[] = [
  { product: 1, name: "پارچه نخی", unit: "meter", category: null, code: null, retired: null },
  { product: 2, name: "حوله", unit: "piece", category: null, code: null, retired: null },
  { product: 3, name: "ملحفه", unit: "piece", category: null, code: null, retired: "2026-01-01" },
];

let nextId = 1;
/** What the backend answers for a recorded row: its value is quantity × unit value. */
function recorded(input: ProductionInput): ProductionEntry {
  const product = PRODUCTS.find((p) => p.product === input.product) ?? PRODUCTS[0];
  return {
    id: `e${nextId++}`,
    date: input.date,
    product: input.product,
    product_name: product?.name ?? "",
    unit: product?.unit ?? "piece",
    quantity: input.quantity,
    unit_value: input.unit_value,
    value: String(BigInt(input.quantity) * BigInt(input.unit_value)),
    workshop: input.workshop || null,
    shift: input.shift || null,
    reverses: null,
    reversed_by: null,
    workers: input.workers,
  };
}

const screen = useScreen();
let changed: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  i18n.set("fa");
  api.productionEntries.mockResolvedValue([]);
  api.productionCheck.mockResolvedValue([]);
  api.productionRecord.mockImplementation(async (input: ProductionInput) => recorded(input));
  changed = vi.fn<() => void>();
});

async function open(): Promise<void> {
  await screen.show(ProductionGrid, { products: PRODUCTS, today: TODAY, onchanged: changed });
}

const cell = (row: number, name: string) =>
  document.querySelector<HTMLInputElement>(`[data-testid="grid-row-${row}"] [name="${name}"]`);
const active = () => {
  const el = document.activeElement as HTMLInputElement | null;
  return { name: el?.getAttribute("name") ?? null, row: el?.closest("tr")?.getAttribute("data-testid") ?? null };
};

/** Type into the focused cell (the whole text, as the browser would after the keys). */
function typeHere(text: string): void {
  const el = document.activeElement as HTMLInputElement;
  el.value = text;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  flushSync();
}

function press(key: string, options: KeyboardEventInit = {}): boolean {
  const el = document.activeElement as HTMLElement;
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...options });
  el.dispatchEvent(event);
  flushSync();
  return event.defaultPrevented;
}

/** Tab as the browser does it: focus the next cell of the row, text selected. */
function tab(): void {
  const el = document.activeElement as HTMLElement;
  if (press("Tab")) return;
  const inputs = Array.from(el.closest("tr")?.querySelectorAll<HTMLInputElement>("input") ?? []);
  const next = inputs[inputs.indexOf(el as HTMLInputElement) + 1];
  el.blur();
  next?.focus();
  flushSync();
}

describe("the production grid", () => {
  it("starts a row on today's Jalali date, with the keyboard in its product cell on Ctrl+N", async () => {
    await open();
    expect(cell(0, "date")?.value).toBe("۱۴۰۵/۰۹/۰۷");
    expect(api.productionEntries).toHaveBeenCalledWith(TODAY, TODAY, 500);
    cell(0, "product")?.focus();
    expect(active()).toEqual({ name: "product", row: "grid-row-0" });
  });

  it("filters the catalogue as the product is typed, and Enter picks the first", async () => {
    await open();
    cell(0, "product")?.focus();
    typeHere("حو");
    expect(byTestId("grid-product-option-2")).not.toBeNull();
    expect(byTestId("grid-product-option-1")).toBeNull();
    typeHere("");
    // Retired products are never offered.
    expect(byTestId("grid-product-option-1")).not.toBeNull();
    expect(byTestId("grid-product-option-3")).toBeNull();
    typeHere("۲");
    expect(press("Enter")).toBe(true);
    await settle();
    expect(cell(0, "product")?.value).toBe("حوله");
    expect(active()).toEqual({ name: "quantity", row: "grid-row-0" });
    expect(byTestId("grid-product-option-2")).toBeNull();
  });

  it("moves through the list with the arrows", async () => {
    await open();
    cell(0, "product")?.focus();
    typeHere("");
    press("ArrowDown");
    const selected = document.querySelector('[role="option"][aria-selected="true"]');
    expect(selected?.getAttribute("data-testid")).toBe("grid-product-option-2");
    press("Enter");
    await settle();
    expect(cell(0, "product")?.value).toBe("حوله");
  });

  it("saves a complete row on Enter, opens a fresh row with the keyboard in it, and keeps the totals with BigInt", async () => {
    await open();
    cell(0, "product")?.focus();
    typeHere("1");
    press("Enter");
    await settle();
    typeHere("۱۲");
    tab();
    typeHere("۱۵۰٬۰۰۰");
    tab();
    typeHere("بافندگی");
    press("Enter");
    await settle();
    expect(api.productionRecord).toHaveBeenCalledWith({
      date: TODAY,
      product: 1,
      quantity: "12",
      unit_value: "150000",
      unit: null,
      workshop: "بافندگی",
      shift: "",
      workers: [],
    });
    expect(byTestId("grid-row-0")?.getAttribute("data-state")).toBe("saved");
    expect(byTestId("grid-value-0")?.textContent).toBe("۱٬۸۰۰٬۰۰۰");
    expect(active()).toEqual({ name: "product", row: "grid-row-1" });
    // The new row copies the date and workshop; the unit value comes with the product.
    expect(cell(1, "workshop")?.value).toBe("بافندگی");
    typeHere("1");
    press("Enter");
    await settle();
    expect(cell(1, "unit_value")?.value).toBe("۱۵۰٬۰۰۰");
    typeHere("۹۰۰۷۱۹۹۲۵۴۷۴۰۹۹۳");
    press("Enter");
    await settle();
    expect(byTestId("grid-saved-count")?.textContent).toBe("۲");
    // 12 × 150,000 + 9,007,199,254,740,993 × 150,000, exactly.
    expect(byTestId("grid-total-value")?.textContent).toBe("۱٬۳۵۱٬۰۷۹٬۸۸۸٬۲۱۱٬۱۵۰٬۷۵۰٬۰۰۰");
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it("moves an incomplete row's Enter to the next cell instead of saving", async () => {
    await open();
    cell(0, "product")?.focus();
    typeHere("2");
    press("Enter");
    await settle();
    typeHere("40");
    press("Enter");
    await settle();
    expect(active()).toEqual({ name: "unit_value", row: "grid-row-0" });
    expect(api.productionRecord).not.toHaveBeenCalled();
  });

  it("keeps a refused row editable, says why in Persian under the cell, and returns the keyboard to it", async () => {
    api.productionRecord.mockRejectedValueOnce(validationFailed([{ field: "quantity", code: "quantity_must_be_positive" }]));
    await open();
    cell(0, "product")?.focus();
    typeHere("2");
    press("Enter");
    await settle();
    typeHere("0");
    tab();
    typeHere("85000");
    press("Enter");
    await settle();
    expect(byTestId("grid-row-0")?.getAttribute("data-state")).toBe("refused");
    expect(byTestId("grid-error-0-quantity")?.textContent).toContain("مقدار باید بیشتر از صفر باشد");
    expect(byTestId("grid-error")?.textContent).toContain("ردیف ۱ ثبت نشد و چیزی ذخیره نشد");
    expect(active()).toEqual({ name: "quantity", row: "grid-row-0" });
    expect(cell(0, "quantity")?.getAttribute("aria-invalid")).toBe("true");
    // Corrected, it is saved; the keyboard goes to the row already opened below.
    typeHere("25");
    press("Enter");
    await settle();
    expect(byTestId("grid-row-0")?.getAttribute("data-state")).toBe("saved");
    expect(active()).toEqual({ name: "product", row: "grid-row-1" });
    expect(document.querySelectorAll('[data-state="draft"]')).toHaveLength(1);
    expect(byTestId("grid-error")?.textContent?.trim()).toBe("");
  });

  it("says which cells a save needs without asking the backend", async () => {
    await open();
    cell(0, "hours")?.focus();
    typeHere("۸");
    press("Enter");
    await settle();
    expect(api.productionRecord).not.toHaveBeenCalled();
    expect(byTestId("grid-error-0-product")?.textContent).toContain("این فیلد الزامی است");
    expect(byTestId("grid-error-0-membership_no")?.textContent).toContain("این فیلد الزامی است");
    expect(active()).toEqual({ name: "product", row: "grid-row-0" });
  });

  it("shows today's saved rows, walks them with the arrows, and clears the new row on Escape", async () => {
    api.productionEntries.mockResolvedValue([
      recorded({ date: TODAY, product: 1, quantity: "3", unit_value: "100", unit: null, workshop: "", shift: "", workers: [] }),
      recorded({ date: TODAY, product: 2, quantity: "4", unit_value: "50", unit: null, workshop: "خط ۲", shift: "", workers: [] }),
    ]);
    await open();
    expect(byTestId("grid-saved-count")?.textContent).toBe("۲");
    expect(byTestId("grid-total-value")?.textContent).toBe("۵۰۰");
    expect(cell(2, "workshop")?.value).toBe("خط ۲");
    cell(2, "quantity")?.focus();
    typeHere("۷");
    press("ArrowUp");
    await settle();
    expect(document.activeElement?.getAttribute("data-cell")).toBe("1:2");
    press("ArrowUp");
    await settle();
    expect(document.activeElement?.getAttribute("data-cell")).toBe("0:2");
    press("ArrowLeft"); // onward in Persian
    await settle();
    expect(document.activeElement?.getAttribute("data-cell")).toBe("0:3");
    press("ArrowDown");
    await settle();
    press("ArrowDown");
    await settle();
    expect(active()).toEqual({ name: "unit_value", row: "grid-row-2" });
    cell(2, "quantity")?.focus();
    press("Escape");
    await settle();
    expect(cell(2, "quantity")?.value).toBe("");
    expect(active()).toEqual({ name: "product", row: "grid-row-2" });
  });

  it("reverses a saved row with a reason, and counts it out of the totals", async () => {
    const entry = recorded({ date: TODAY, product: 1, quantity: "3", unit_value: "100", unit: null, workshop: "", shift: "", workers: [] });
    api.productionEntries.mockResolvedValue([entry]);
    api.productionReverse.mockResolvedValue({ ...entry, id: "r1", quantity: "-3", value: "-300", reverses: entry.id });
    await open();
    byTestId("grid-reverse-0")?.click();
    await settle();
    expect(byTestId("grid-reverse-dialog")?.textContent).toContain("سند برگشتی");
    byTestId("grid-reverse-confirm")?.click();
    await settle();
    expect(api.productionReverse).not.toHaveBeenCalled();
    const reason = document.querySelector<HTMLInputElement>("#grid-reverse-reason");
    if (!reason) throw new Error("no reason field");
    reason.value = "مقدار اشتباه";
    reason.dispatchEvent(new Event("input", { bubbles: true }));
    byTestId("grid-reverse-confirm")?.click();
    await settle();
    expect(api.productionReverse).toHaveBeenCalledWith(entry.id, "مقدار اشتباه");
    expect(byTestId("grid-row-0")?.getAttribute("data-state")).toBe("reversed");
    expect(byTestId("grid-row-1")?.getAttribute("data-state")).toBe("reversal");
    expect(byTestId("grid-saved-count")?.textContent).toBe("۰");
    expect(byTestId("grid-total-value")?.textContent).toBe("۰");
  });
});
