import { flushSync } from "svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Field } from "../../lib/bindings/Field";
import type { MemberImportPreview } from "../../lib/bindings/MemberImportPreview";
import type { MemberSheet } from "../../lib/bindings/MemberSheet";
import { errorDetails, validationFailed } from "../../testing/fixtures";
import { byTestId, click, settle, text, useScreen, withApiErrors } from "../../testing/screen";

const api = vi.hoisted(() => ({
  memberImportPreview: vi.fn(),
  memberImportHeaders: vi.fn(),
  memberImportCommit: vi.fn(),
  memberList: vi.fn(),
}));

vi.mock("../../lib/api", () => withApiErrors(api));

const { default: MemberImportCard } = await import("./MemberImportCard.svelte");
const { i18n } = await import("../../lib/i18n/locale.svelte");
const { toast } = await import("../../lib/ui/toast.svelte");

/** The sheet's header row: «نام عضو» is no header Hamyar knows. */
const HEADERS = ["نام عضو", "نام خانوادگی", "کد ملی", "تعداد سهام", "یادداشت"];

function judged(mapping: (Field | null)[], bad: number): MemberImportPreview {
  return {
    columns: HEADERS.map((header, i) => ({ header, field: mapping[i] ?? null })),
    rows: [
      { row: 2, name: "علی کریمی", national_code: "0499370899", shares: "10", paid: "10000000", errors: [] },
      ...(bad > 0
        ? [
            {
              row: 3,
              name: "رضا احمدی",
              national_code: "1234567890",
              shares: "0",
              paid: "0",
              errors: [
                { field: "national_code" as const, code: "national_code_checksum" as const },
                { field: "shares" as const, code: "shares_must_be_positive" as const },
              ],
            },
          ]
        : []),
    ],
    good: 1,
    bad,
  };
}

/**
 * The backend as it answers this sheet: refused by its headers (the unknown «نام عضو»), its
 * header row with the fields it recognises, and a mapping of the sheet's width judged.
 */
function backend(bad: number): void {
  const known: (Field | null)[] = [null, "last_name", "national_code", "shares", null];
  api.memberImportHeaders.mockResolvedValue(HEADERS.map((header, i) => ({ header, field: known[i] ?? null })));
  api.memberImportPreview.mockImplementation(async (sheet: MemberSheet) => {
    if (sheet.mapping === null) {
      throw { code: "import_column_unknown", message: "unknown column", details: errorDetails({ value: "نام عضو" }) };
    }
    if (sheet.mapping.length !== HEADERS.length) throw validationFailed([{ field: "file", code: "import_column_unknown" }]);
    return judged(sheet.mapping, bad);
  });
}

const screen = useScreen();

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  i18n.set("fa");
  toast.dismiss();
  api.memberList.mockResolvedValue([]);
});

async function choose(): Promise<void> {
  const input = byTestId("member-import-file") as HTMLInputElement;
  const file = new File(["نام عضو,نام خانوادگی,کد ملی,تعداد سهام,یادداشت\n"], "members.csv", { type: "text/csv" });
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  input.dispatchEvent(new Event("change", { bubbles: true }));
  await settle(20);
}

function select(index: number): HTMLSelectElement {
  const found = document.querySelector<HTMLSelectElement>(`select[name="column-${index}"]`);
  if (!found) throw new Error(`no select for column ${index}`);
  return found;
}

function pick(index: number, label: string): void {
  const control = select(index);
  control.selectedIndex = [...control.options].findIndex((o) => o.textContent === label);
  control.dispatchEvent(new Event("change", { bubbles: true }));
  flushSync();
}

const selected = (index: number) => select(index).selectedOptions[0]?.textContent;

describe("the member import", () => {
  it("asks what each column holds when a header is unknown, prefilled with the ones it knows", async () => {
    backend(0);
    await screen.show(MemberImportCard, { onimported: () => undefined, oncancel: () => undefined });
    await choose();
    const first = api.memberImportPreview.mock.calls[0]?.[0] as MemberSheet;
    expect(first.name).toBe("members.csv");
    expect(first.mapping).toBeNull();
    expect(byTestId("member-import-preview")).toBeNull();
    expect(text("member-import-mapping-reason")).toContain("ستون «نام عضو» برای همیار شناخته نیست");
    expect(text("member-import-map-0")).toContain("ستون ۱: نام عضو");
    expect(selected(0)).toBe("نادیده گرفته شود");
    expect(selected(1)).toBe("نام خانوادگی");
    expect(selected(2)).toBe("کد ملی");
    expect(selected(3)).toBe("تعداد سهام");
    expect(selected(4)).toBe("نادیده گرفته شود");

    await click("member-import-remap"); // «نام» is still missing
    expect(text("member-import-mapping-error")).toContain("هنوز به ستونی نسبت داده نشده‌اند: نام.");
    expect(api.memberImportPreview).toHaveBeenCalledTimes(1); // the refused remap never reached the backend
    expect(api.memberImportHeaders).toHaveBeenCalledTimes(1);
    pick(0, "نام");
    await click("member-import-remap");
    const last = api.memberImportPreview.mock.calls.at(-1)?.[0] as MemberSheet;
    expect(last.mapping).toEqual(["first_name", "last_name", "national_code", "shares", null]);
    expect(byTestId("member-import-mapping")).toBeNull();
    expect(byTestId("member-import-counts")?.dataset.good).toBe("1");
  });

  it("lists bad rows with their reasons by field, and offers no commit while any row is bad", async () => {
    backend(1);
    await screen.show(MemberImportCard, { onimported: () => undefined, oncancel: () => undefined });
    await choose();
    pick(0, "نام");
    await click("member-import-remap");
    expect(byTestId("member-import-counts")?.dataset.bad).toBe("1");
    const bad = text("member-import-bad-row-3");
    expect(bad).toContain("کد ملی: ");
    expect(bad).toContain("تعداد سهام: ");
    expect(byTestId("member-import-row-2")).toBeNull(); // only the bad rows are listed
    expect((byTestId("member-import-commit") as HTMLButtonElement).disabled).toBe(true);
    await click("member-import-commit");
    expect(api.memberImportCommit).not.toHaveBeenCalled();
  });

  it("records every row with the mapping it was previewed with, and says how many", async () => {
    backend(0);
    const mapping: (Field | null)[] = ["first_name", "last_name", "national_code", "shares", null];
    api.memberImportCommit.mockResolvedValue(judged(mapping, 0));
    const imported = vi.fn();
    await screen.show(MemberImportCard, { onimported: imported, oncancel: () => undefined });
    await choose();
    pick(0, "نام");
    await click("member-import-remap");
    expect((byTestId("member-import-commit") as HTMLButtonElement).disabled).toBe(false);
    expect(text("member-import-commit")).toContain("ثبت همه (۱ عضو)");
    await click("member-import-commit");
    const committed = api.memberImportCommit.mock.calls[0]?.[0] as MemberSheet;
    expect(committed.mapping).toEqual(mapping);
    expect(committed.bytes.length).toBeGreaterThan(0);
    expect(toast.current?.message).toBe("۱ عضو از پرونده ثبت شد");
    expect(imported).toHaveBeenCalled();
  });

  it("previews a sheet whose headers it knows without asking, and says why an unreadable file was refused", async () => {
    api.memberImportPreview.mockResolvedValueOnce(judged(["first_name", "last_name", "national_code", "shares", null], 0));
    await screen.show(MemberImportCard, { onimported: () => undefined, oncancel: () => undefined });
    await choose();
    expect(api.memberImportPreview).toHaveBeenCalledTimes(1);
    expect(byTestId("member-import-mapping")).toBeNull();
    expect(byTestId("member-import-preview")).not.toBeNull();

    api.memberImportPreview.mockRejectedValueOnce(validationFailed([{ field: "file", code: "import_format" }]));
    await choose();
    expect(text("member-import-error")).toContain("چیزی ذخیره نشد: این پرونده CSV یا XLSX خوانا نیست");
    expect(byTestId("member-import-preview")).toBeNull();
  });
});
