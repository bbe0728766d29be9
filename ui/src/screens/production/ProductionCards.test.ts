import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ImportPreview } from "../../lib/bindings/ImportPreview";
import type { Product } from "../../lib/bindings/Product";
import { validationFailed } from "../../testing/fixtures";
import { byTestId, click, settle, text, type, useScreen, withApiErrors } from "../../testing/screen";

const api = vi.hoisted(() => ({
  productAdd: vi.fn(),
  productRetire: vi.fn(),
  productionSummary: vi.fn(),
  salesSummary: vi.fn(),
  productionImportPreview: vi.fn(),
  productionImportCommit: vi.fn(),
  workforceGet: vi.fn(),
  workforceSet: vi.fn(),
  saleAdd: vi.fn(),
}));

vi.mock("../../lib/api", () => withApiErrors(api));

const { default: ProductsCard } = await import("./ProductsCard.svelte");
const { default: SummaryCard } = await import("./SummaryCard.svelte");
const { default: ImportCard } = await import("./ImportCard.svelte");
const { default: WorkforceCard } = await import("./WorkforceCard.svelte");
const { default: SaleCard } = await import("./SaleCard.svelte");
const { i18n } = await import("../../lib/i18n/locale.svelte");
const { toast } = await import("../../lib/ui/toast.svelte");

const TODAY = "2026-11-28"; // ۷ آذر ۱۴۰۵

const PRODUCTS: Product[] = [
  { product: 1, name: "پارچه نخی", unit: "meter", category: "پارچه", code: "PN-1", retired: null },
  { product: 2, name: "حوله", unit: "piece", category: null, code: null, retired: "2026-01-01" },
];

const screen = useScreen();

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  i18n.set("fa");
  toast.dismiss();
});

function submit(testid: string): Promise<void> {
  const form = byTestId(testid) as HTMLFormElement;
  form.requestSubmit();
  return settle();
}

describe("the product catalogue", () => {
  it("adds a product and says so", async () => {
    const changed = vi.fn(async () => undefined);
    api.productAdd.mockResolvedValue({ ...PRODUCTS[0], product: 3, name: "جوراب", unit: "pair" });
    await screen.show(ProductsCard, { products: PRODUCTS, onchanged: changed });
    type("name", "جوراب");
    const unit = document.querySelector<HTMLSelectElement>("select[name=unit]");
    if (!unit) throw new Error("no unit");
    unit.selectedIndex = [...unit.options].findIndex((o) => o.textContent === "جفت");
    unit.dispatchEvent(new Event("change", { bubbles: true }));
    await submit("product-form");
    expect(api.productAdd).toHaveBeenCalledWith({ name: "جوراب", unit: "pair", category: "", code: "" });
    expect(changed).toHaveBeenCalled();
    expect(toast.current?.message).toBe("کالای «جوراب» ثبت شد");
  });

  it("says why a product was refused, next to its field", async () => {
    api.productAdd.mockRejectedValue(validationFailed([{ field: "name", code: "duplicate_product_name" }]));
    await screen.show(ProductsCard, { products: PRODUCTS, onchanged: async () => undefined });
    type("name", "پارچه نخی");
    const unit = document.querySelector<HTMLSelectElement>("select[name=unit]");
    if (!unit) throw new Error("no unit");
    unit.selectedIndex = 1;
    unit.dispatchEvent(new Event("change", { bubbles: true }));
    await submit("product-form");
    expect(text("error-product-name")).toContain("کالایی با همین نام در فهرست هست");
    expect(text("product-error")).toContain("کالا ثبت نشد و چیزی ذخیره نشد");
  });

  it("asks before retiring a product, and offers it no more once retired", async () => {
    api.productRetire.mockResolvedValue({ ...PRODUCTS[0], retired: TODAY });
    await screen.show(ProductsCard, { products: PRODUCTS, onchanged: async () => undefined });
    expect(byTestId("product-retire-2")).toBeNull(); // already retired
    expect(text("product-row-2")).toContain("کنار گذاشته از");
    await click("product-retire-1");
    expect(api.productRetire).not.toHaveBeenCalled();
    expect(text("product-retire-dialog")).toContain("کالای «پارچه نخی» کنار گذاشته می‌شود.");
    await click("product-retire-confirm");
    expect(api.productRetire).toHaveBeenCalledWith(1);
  });
});

describe("the period report", () => {
  beforeEach(() => {
    api.productionSummary.mockImplementation(async (period: string) => ({
      period,
      from: "2026-11-22",
      to: "2026-12-21",
      products: [{ product: 1, name: "پارچه نخی", unit: "meter", quantity: "52.5", value: "8045000" }],
      total_value: "8045000",
    }));
    api.salesSummary.mockImplementation(async (period: string) => ({
      period,
      from: "2026-11-22",
      to: "2026-12-21",
      products: [
        {
          product: 1,
          name: "پارچه نخی",
          unit: "meter",
          quantity: "10",
          value: "5000000",
          export_value: "2000000",
          import_substitution_value: "5000000",
        },
      ],
      total_value: "5000000",
      export_value: "2000000",
      destinations: [["عراق", "2000000"]],
    }));
  });

  it("shows this month's production by product with its total, and the sales", async () => {
    await screen.show(SummaryCard, { period: "1405-09", today: TODAY, version: 0 });
    expect(api.productionSummary).toHaveBeenCalledWith("1405-09");
    expect(api.salesSummary).toHaveBeenCalledWith("1405-09");
    expect(text("summary-row-1")).toContain("۵۲٫۵ متر");
    expect(text("summary-total")).toBe("۸٬۰۴۵٬۰۰۰");
    expect(text("sales-row-1")).toContain("جایگزین واردات");
    expect(text("sales-destinations")).toContain("عراق");
    expect(text("production-period-words")).toBe("آذر ۱۴۰۵");
  });

  it("reads a period typed in Persian digits, and refuses one that is not a period", async () => {
    await screen.show(SummaryCard, { period: "1405-09", today: TODAY, version: 0 });
    type("period", "۱۴۰۳-۱۲");
    await settle();
    expect(api.productionSummary).toHaveBeenLastCalledWith("1403-12");
    expect(text("production-period-words")).toBe("اسفند ۱۴۰۳");
    type("period", "۱۴۰۵-Q3");
    await settle();
    expect(api.productionSummary).toHaveBeenLastCalledWith("1405-Q3");
    type("period", "۱۴۰۳");
    await settle();
    expect(api.productionSummary).toHaveBeenLastCalledWith("1403");
    type("period", "۱۴۰۳-۱۳");
    await settle();
    expect(text("error-production-period")).toContain("دوره را به شکل ماه");
    expect(api.productionSummary).toHaveBeenLastCalledWith("1403");
  });
});

describe("the import of a sheet", () => {
  const preview = (bad: number): ImportPreview => ({
    columns: [
      { header: "تاریخ", field: "date" },
      { header: "کالا", field: "product" },
      { header: "یادداشت", field: null },
    ],
    rows: [
      { row: 2, date: "2026-11-28", product: 1, product_text: "پارچه نخی", quantity: "12", unit_value: "150000", errors: [] },
      ...(bad > 0
        ? [
            {
              row: 3,
              date: "1405/13/01",
              product: null,
              product_text: "کالای ناشناس",
              quantity: "0",
              unit_value: "1",
              errors: [
                { field: "date" as const, code: "date_format" as const },
                { field: "product" as const, code: "unknown_product" as const },
              ],
            },
          ]
        : []),
    ],
    good: 1,
    bad,
  });

  async function choose(): Promise<void> {
    const input = byTestId("import-file") as HTMLInputElement;
    const file = new File(["تاریخ,کالا\n1405/09/07,پارچه نخی\n"], "rows.csv", { type: "text/csv" });
    Object.defineProperty(input, "files", { value: [file], configurable: true });
    input.dispatchEvent(new Event("change", { bubbles: true }));
    await settle(20);
  }

  it("lists each bad row with its reasons in Persian, and offers no commit until none is bad", async () => {
    api.productionImportPreview.mockResolvedValue(preview(1));
    await screen.show(ImportCard, { onimported: () => undefined });
    await choose();
    const [name, bytes] = api.productionImportPreview.mock.calls[0] as [string, number[]];
    expect(name).toBe("rows.csv");
    expect(bytes.slice(0, 2)).toEqual([0xd8, 0xaa]); // «ت» in UTF-8
    expect(byTestId("import-preview")).not.toBeNull();
    expect(byTestId("import-counts")?.getAttribute("data-bad")).toBe("1");
    const bad = text("import-bad-row-3");
    expect(bad).toContain("تاریخ: تاریخ");
    expect(bad).toContain("کالا: کالایی با این شناسه نیست");
    expect((byTestId("import-commit") as HTMLButtonElement).disabled).toBe(true);
  });

  it("records every row in one go and says how many", async () => {
    const imported = vi.fn();
    api.productionImportPreview.mockResolvedValue(preview(0));
    api.productionImportCommit.mockResolvedValue({ recorded: 1, total_value: "1800000" });
    await screen.show(ImportCard, { onimported: imported });
    await choose();
    expect((byTestId("import-commit") as HTMLButtonElement).disabled).toBe(false);
    await click("import-commit");
    expect(api.productionImportCommit).toHaveBeenCalledWith("rows.csv", expect.any(Array));
    expect(toast.current?.message).toBe("۱ ردیف تولید به ارزش ۱٬۸۰۰٬۰۰۰ ریال ثبت شد");
    expect(imported).toHaveBeenCalled();
    expect(byTestId("import-preview")).toBeNull();
  });
});

describe("the month's workforce", () => {
  it("loads the month's record and saves it with the members' hours", async () => {
    api.workforceGet.mockResolvedValue({
      month: "1405-09",
      member_workers: 9,
      employees: 4,
      headcount: 13,
      women: 6,
      insured: 13,
      hours: [{ membership_no: 3, hours: "160" }],
    });
    api.workforceSet.mockImplementation(async (input) => ({ ...input, headcount: 14, hours: [] }));
    await screen.show(WorkforceCard, { today: TODAY });
    expect(api.workforceGet).toHaveBeenCalledWith("1405-09");
    expect(text("workforce-status")).toContain("پیش‌تر نیروی کار ثبت شده است");
    expect((document.querySelector("[name=member_workers]") as HTMLInputElement).value).toBe("۹");
    type("employees", "۵");
    await submit("workforce-form");
    expect(api.workforceSet).toHaveBeenCalledWith({
      month: "1405-09",
      member_workers: 9,
      employees: 5,
      women: 6,
      insured: 13,
      hours: [{ membership_no: 3, hours: "160" }],
    });
    expect(toast.current?.message).toBe("نیروی کار آذر ۱۴۰۵ ثبت شد");
  });

  it("shows the backend's refusal next to the field", async () => {
    api.workforceGet.mockResolvedValue(null);
    api.workforceSet.mockRejectedValue(validationFailed([{ field: "women", code: "headcount_inconsistent" }]));
    await screen.show(WorkforceCard, { today: TODAY });
    type("member_workers", "2");
    type("women", "5");
    await submit("workforce-form");
    expect(text("error-workforce-women")).toContain("بخشی از نیروی کار از کل بیشتر است");
    expect(text("workforce-error")).toContain("چیزی ذخیره نشد");
  });
});

describe("a sale", () => {
  it("records an export with its destination, currency and the import-substitution mark", async () => {
    const saved = vi.fn();
    api.saleAdd.mockResolvedValue("s1");
    await screen.show(SaleCard, { products: PRODUCTS, today: TODAY, onsaved: saved });
    // Only products in use are offered.
    const select = document.querySelector<HTMLSelectElement>("#sale-product");
    expect([...(select?.options ?? [])].map((o) => o.textContent)).toEqual(["انتخاب کنید", "پارچه نخی"]);
    if (!select) throw new Error("no product select");
    select.selectedIndex = 1;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    type("quantity", "۱۰");
    type("value", "۵٬۰۰۰٬۰۰۰");
    type("destination", "عراق");
    type("currency", "usd");
    type("foreign_amount", "۱۲۰");
    const check = document.querySelector<HTMLInputElement>("[name=import_substitution]");
    check?.click();
    await submit("sale-form");
    expect(api.saleAdd).toHaveBeenCalledWith({
      date: TODAY,
      product: 1,
      quantity: "10",
      value: "5000000",
      destination: "عراق",
      currency: "USD",
      foreign_amount: "120",
      import_substitution: true,
    });
    expect(saved).toHaveBeenCalled();
  });
});
