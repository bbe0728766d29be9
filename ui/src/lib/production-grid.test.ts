import { describe, expect, it } from "vitest";
import type { Product } from "./bindings/Product";
import type { ProductionEntry } from "./bindings/ProductionEntry";
import {
  ACTION_COLUMN,
  draftInput,
  exactProduct,
  filterProducts,
  firstProblem,
  firstShownRow,
  gridKey,
  gridTotals,
  isBlank,
  isComplete,
  lastUnitValues,
  localProblems,
  newDraft,
  problemsOf,
  seedFromDraft,
  seedFromEntry,
  stepOption,
  tidyCell,
  type Draft,
  type GridPlace,
} from "./production-grid";

const product = (id: number, name: string, extra: Partial<Product> = {}): Product => ({
  product: id,
  name,
  unit: "piece",
  category: null,
  code: null,
  retired: null,
  ...extra,
});

const PRODUCTS = [
  product(1, "پارچه نخی", { unit: "meter", code: "PN-1" }),
  product(2, "حوله"),
  product(3, "پارچه کتان", { unit: "meter" }),
  product(12, "جوراب", { unit: "pair" }),
  product(21, "ملحفه قدیمی", { retired: "2025-01-01" }),
];

const entry = (id: string, extra: Partial<ProductionEntry> = {}): ProductionEntry => ({
  id,
  date: "2026-11-28",
  product: 1,
  product_name: "پارچه نخی",
  unit: "meter",
  quantity: "10",
  unit_value: "150000",
  value: "1500000",
  workshop: null,
  shift: null,
  reverses: null,
  reversed_by: null,
  workers: [],
  ...extra,
});

const TODAY = "2026-11-28"; // ۱۴۰۵/۰۹/۰۷

function filled(extra: Partial<Draft> = {}): Draft {
  return {
    ...newDraft(1, null, TODAY),
    product: 1,
    productText: "پارچه نخی",
    quantity: "۱۲",
    unit_value: "۱۵۰٬۰۰۰",
    ...extra,
  };
}

describe("a new row", () => {
  it("starts on today's Jalali date in Persian digits when it is the first", () => {
    const draft = newDraft(7, null, TODAY);
    expect(draft.key).toBe(7);
    expect(draft.date).toBe("۱۴۰۵/۰۹/۰۷");
    expect(draft.product).toBeNull();
    expect(isBlank(draft)).toBe(true);
  });

  it("copies the date, workshop and shift of the row above", () => {
    const above = filled({ date: "۱۴۰۵/۰۹/۰۵", workshop: "بافندگی", shift: "صبح" });
    const draft = newDraft(2, seedFromDraft(above), TODAY);
    expect(draft.date).toBe("۱۴۰۵/۰۹/۰۵");
    expect(draft.workshop).toBe("بافندگی");
    expect(draft.shift).toBe("صبح");
    expect(isBlank(draft)).toBe(true);
  });

  it("copies a saved entry's date in Jalali", () => {
    const seed = seedFromEntry(entry("e1", { date: "2026-11-26", workshop: "خط ۲", shift: null }));
    expect(seed).toEqual({ date: "۱۴۰۵/۰۹/۰۵", workshop: "خط ۲", shift: "" });
    expect(seedFromEntry(entry("e1"), "en").date).toBe("1405/09/07");
  });
});

describe("a row's completeness and problems", () => {
  it("is complete with a date, a picked product, a quantity and a unit value", () => {
    expect(isComplete(filled())).toBe(true);
    expect(isComplete(filled({ product: null }))).toBe(false);
    expect(isComplete(filled({ quantity: " " }))).toBe(false);
    expect(isComplete(filled({ unit_value: "" }))).toBe(false);
  });

  it("needs hours with a member, and a member with hours", () => {
    expect(isComplete(filled({ membership_no: "۳" }))).toBe(false);
    expect(isComplete(filled({ hours: "۸" }))).toBe(false);
    expect(isComplete(filled({ membership_no: "۳", hours: "۸" }))).toBe(true);
    expect(localProblems(filled({ membership_no: "۳" }))).toEqual({ hours: "required" });
    expect(localProblems(filled({ hours: "۸" }))).toEqual({ membership_no: "required" });
  });

  it("says which cells are empty, and a product typed but not picked", () => {
    const empty = newDraft(1, null, TODAY);
    expect(localProblems(empty)).toEqual({ product: "required", quantity: "required", unit_value: "required" });
    expect(localProblems({ ...empty, productText: "پارچ" }).product).toBe("unknown_product");
    expect(localProblems({ ...empty, date: "" }).date).toBe("required");
    expect(localProblems({ ...empty, date: "۱۴۰۵/۱۳/۰۱" }).date).toBe("date_format");
  });

  it("finds the first refused cell in reading order", () => {
    expect(firstProblem({ hours: "required", quantity: "required" })).toBe("quantity");
    expect(firstProblem({})).toBeNull();
  });
});

describe("the input a row stands for", () => {
  it("normalises Persian digits and separators, and keeps numbers as strings", () => {
    const built = draftInput(filled({ quantity: "۱۲٫۵", workshop: " بافندگی ", membership_no: "۳", hours: "۷٫۵" }));
    expect(built).toEqual({
      ok: true,
      input: {
        date: "2026-11-28",
        product: 1,
        quantity: "12.5",
        unit_value: "150000",
        unit: null,
        workshop: "بافندگی",
        shift: "",
        workers: [{ membership_no: 3, hours: "7.5" }],
      },
    });
  });

  it("sends unreadable numbers as typed, for the backend to say why", () => {
    const built = draftInput(filled({ quantity: "دوازده" }));
    expect(built.ok && built.input.quantity).toBe("دوازده");
  });

  it("is refused locally while a required cell is empty", () => {
    expect(draftInput(filled({ quantity: "" }))).toEqual({ ok: false, problems: { quantity: "required" } });
  });

  it("puts a refusal's field errors on their cells", () => {
    expect(
      problemsOf([
        { field: "quantity", code: "quantity_not_whole" },
        { field: "quantity", code: "number_format" },
        { field: "membership_no", code: "unknown_member" },
        { field: "unit", code: "unit_mismatch" },
        { field: "file", code: "import_format" },
      ]),
    ).toEqual({
      cells: { quantity: "quantity_not_whole", membership_no: "unknown_member" },
      other: "import_format",
    });
  });
});

describe("cells shown back after leaving them", () => {
  it("in Persian digits, normalised", () => {
    expect(tidyCell("date", "1405/9/7")).toBe("۱۴۰۵/۰۹/۰۷");
    expect(tidyCell("quantity", "1250.5")).toBe("۱٬۲۵۰٫۵");
    expect(tidyCell("unit_value", "150,000")).toBe("۱۵۰٬۰۰۰");
    expect(tidyCell("membership_no", "012")).toBe("۱۲");
    expect(tidyCell("hours", "7.50")).toBe("۷٫۵");
    expect(tidyCell("unit_value", "150000", "en")).toBe("150,000");
  });

  it("leaving unreadable text as typed", () => {
    expect(tidyCell("quantity", "دوازده")).toBe("دوازده");
    expect(tidyCell("date", "فردا")).toBe("فردا");
    expect(tidyCell("workshop", " خط ۱ ")).toBe(" خط ۱ ");
    expect(tidyCell("quantity", "  ")).toBe("");
  });
});

describe("the product cell's list", () => {
  const ids = (list: Product[]) => list.map((p) => p.product);

  it("offers every product in use for an empty cell, never a retired one", () => {
    expect(ids(filterProducts(PRODUCTS, ""))).toEqual([1, 2, 3, 12]);
  });

  it("finds by part of the name, however it was keyboarded, names that start with it first", () => {
    expect(ids(filterProducts(PRODUCTS, "پارچه"))).toEqual([1, 3]);
    expect(ids(filterProducts(PRODUCTS, "کتان"))).toEqual([3]);
    expect(ids(filterProducts(PRODUCTS, "جوراب"))).toEqual([12]);
    expect(ids(filterProducts(PRODUCTS, "حو"))).toEqual([2]);
    expect(ids(filterProducts(PRODUCTS, "ملحفه"))).toEqual([]);
  });

  it("finds by id in any digits, the exact id first", () => {
    expect(ids(filterProducts(PRODUCTS, "1"))).toEqual([1, 12]);
    expect(ids(filterProducts(PRODUCTS, "۱۲"))).toEqual([12]);
    expect(ids(filterProducts(PRODUCTS, "۲"))).toEqual([2]);
  });

  it("finds by code", () => {
    expect(ids(filterProducts(PRODUCTS, "pn"))).toEqual([1]);
  });

  it("keeps the list short", () => {
    const many = Array.from({ length: 30 }, (_, i) => product(i + 1, `کالا ${i + 1}`));
    expect(filterProducts(many, "کالا")).toHaveLength(8);
  });

  it("knows the product a text names exactly", () => {
    expect(exactProduct(PRODUCTS, "۱۲")?.product).toBe(12);
    expect(exactProduct(PRODUCTS, "حوله")?.product).toBe(2);
    expect(exactProduct(PRODUCTS, "پارچه")).toBeNull();
    expect(exactProduct(PRODUCTS, "21")).toBeNull();
  });

  it("steps through the options, wrapping around", () => {
    expect(stepOption(0, 1, 3)).toBe(1);
    expect(stepOption(2, 1, 3)).toBe(0);
    expect(stepOption(0, -1, 3)).toBe(2);
    expect(stepOption(0, 1, 0)).toBe(0);
  });
});

describe("unit values and totals", () => {
  it("remembers the last unit value used for each product, reversals aside", () => {
    const values = lastUnitValues([
      entry("a", { product: 1, unit_value: "100" }),
      entry("b", { product: 2, unit_value: "7" }),
      entry("c", { product: 1, unit_value: "120" }),
      entry("d", { product: 1, unit_value: "120", reverses: "c", quantity: "-10", value: "-1200" }),
    ]);
    expect(values.get(1)).toBe("120");
    expect(values.get(2)).toBe("7");
  });

  it("counts the rows that stand and sums the net value with BigInt", () => {
    const totals = gridTotals([
      entry("a", { value: "9007199254740993" }),
      entry("b", { value: "7", reversed_by: "c" }),
      entry("c", { value: "-7", reverses: "b" }),
      entry("d", { value: "0.5" }),
    ]);
    expect(totals).toEqual({ count: 2, value: "9007199254740993.5" });
    expect(gridTotals([])).toEqual({ count: 0, value: "0" });
  });

  it("puts only the last rows in the page", () => {
    expect(firstShownRow(1000, 200)).toBe(800);
    expect(firstShownRow(50, 200)).toBe(0);
  });
});

describe("the grid's keyboard", () => {
  // Rows 0–4 are saved, 5 is being entered; all are in the page.
  const at = (extra: Partial<GridPlace> = {}): GridPlace => ({
    row: 5,
    col: 2,
    rows: 6,
    firstRow: 0,
    firstDraft: 5,
    listOpen: false,
    complete: false,
    rtl: true,
    ...extra,
  });
  const press = (key: string, place: GridPlace, mods: { shiftKey?: boolean; ctrlKey?: boolean } = {}) =>
    gridKey({ key, ...mods }, place);

  it("saves a complete row on Enter from any cell", () => {
    expect(press("Enter", at({ complete: true, col: 1 }))).toEqual({ kind: "save" });
  });

  it("moves an incomplete row's Enter to the next cell, and saves from the last cell", () => {
    expect(press("Enter", at({ col: 2 }))).toEqual({ kind: "focus", row: 5, col: 3 });
    expect(press("Enter", at({ col: 7 }))).toEqual({ kind: "save" });
  });

  it("leaves Tab, Shift+Tab and typing to the browser", () => {
    expect(press("Tab", at())).toEqual({ kind: "native" });
    expect(press("Tab", at(), { shiftKey: true })).toEqual({ kind: "native" });
    expect(press("۵", at())).toEqual({ kind: "native" });
    expect(press("ArrowLeft", at())).toEqual({ kind: "native" });
    expect(press("Enter", at({ complete: true }), { ctrlKey: true })).toEqual({ kind: "native" });
  });

  it("clears the row being entered on Escape", () => {
    expect(press("Escape", at())).toEqual({ kind: "clear" });
  });

  it("moves between rows in the same column with the arrows", () => {
    expect(press("ArrowUp", at())).toEqual({ kind: "focus", row: 4, col: 2 });
    expect(press("ArrowDown", at({ row: 3 }))).toEqual({ kind: "focus", row: 4, col: 2 });
    expect(press("ArrowDown", at())).toEqual({ kind: "native" });
    expect(press("ArrowUp", at({ row: 0, firstDraft: 0, rows: 1 }))).toEqual({ kind: "native" });
    // A row above the first one in the page is out of reach.
    expect(press("ArrowUp", at({ row: 2, firstRow: 2 }))).toEqual({ kind: "native" });
  });

  it("lands on the last field of a row being entered when coming from a saved row's action", () => {
    expect(press("ArrowDown", at({ row: 4, col: ACTION_COLUMN }))).toEqual({ kind: "focus", row: 5, col: 7 });
    expect(press("ArrowUp", at({ row: 5, col: 7 }))).toEqual({ kind: "focus", row: 4, col: 7 });
  });

  it("walks a saved row's cells with the arrows in reading order, right to left in Persian", () => {
    const saved = at({ row: 2, col: 3 });
    expect(press("ArrowLeft", saved)).toEqual({ kind: "focus", row: 2, col: 4 });
    expect(press("ArrowRight", saved)).toEqual({ kind: "focus", row: 2, col: 2 });
    expect(press("ArrowRight", { ...saved, rtl: false })).toEqual({ kind: "focus", row: 2, col: 4 });
    expect(press("ArrowLeft", at({ row: 2, col: ACTION_COLUMN }))).toEqual({ kind: "focus", row: 2, col: ACTION_COLUMN });
    expect(press("ArrowRight", at({ row: 2, col: 0 }))).toEqual({ kind: "focus", row: 2, col: 0 });
    expect(press("Home", saved)).toEqual({ kind: "focus", row: 2, col: 0 });
    expect(press("End", saved)).toEqual({ kind: "focus", row: 2, col: ACTION_COLUMN });
  });

  it("goes back from a saved row to the row being entered on Escape", () => {
    expect(press("Escape", at({ row: 1, col: 4 }))).toEqual({ kind: "focus", row: 5, col: 1 });
  });

  it("drives the product list while it is open", () => {
    const open = at({ col: 1, listOpen: true, complete: true });
    expect(press("ArrowDown", open)).toEqual({ kind: "list", step: 1 });
    expect(press("ArrowUp", open)).toEqual({ kind: "list", step: -1 });
    expect(press("Enter", open)).toEqual({ kind: "pick", then: "next-cell" });
    expect(press("Tab", open)).toEqual({ kind: "pick", then: "native" });
    expect(press("Escape", open)).toEqual({ kind: "close-list" });
    expect(press("ب", open)).toEqual({ kind: "native" });
  });
});
