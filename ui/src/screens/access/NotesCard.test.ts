import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionState } from "../../lib/bindings/SessionState";
import { fa } from "../../lib/i18n/fa";
import { byTestId, click, settle, text, type, useScreen, withApiErrors } from "../../testing/screen";

const api = vi.hoisted(() => ({ noteList: vi.fn(), noteAdd: vi.fn() }));

vi.mock("../../lib/api", () => withApiErrors(api));

const { default: NotesCard } = await import("./NotesCard.svelte");
const { access } = await import("../../lib/access.svelte");
const { i18n } = await import("../../lib/i18n/locale.svelte");

const screen = useScreen();

function session(role: "board" | "clerk" | "inspector", mayAppend: string[]): SessionState {
  return {
    users_on: true,
    actor: { username: role, display_name: role, role },
    locked: false,
    login_required: false,
    idle_lock_minutes: 10,
    may_append: mayAppend,
  };
}

const NOTE = {
  event_id: "e1",
  date: "2026-11-20",
  subject: { subject: "member" as const, membership_no: 12 },
  text: "پرونده ناقص است",
  author: "بازرس",
};

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  i18n.set("fa");
  access.state = null;
});

describe("the inspector's notes card", () => {
  it("lists the notes with what they are about, in Persian digits", async () => {
    api.noteList.mockResolvedValue([NOTE]);
    await screen.show(NotesCard, { today: "2026-11-28" });
    const table = byTestId("notes")?.textContent ?? "";
    expect(table).toContain("عضو شمارهٔ ۱۲");
    expect(table).toContain("پرونده ناقص است");
    expect(table).toContain("بازرس");
  });

  it("hides the form from a clerk, who may not write notes", async () => {
    access.state = session("clerk", ["production.record"]);
    api.noteList.mockResolvedValue([]);
    await screen.show(NotesCard, { today: "2026-11-28" });
    expect(byTestId("note-form")).toBeNull();
    expect(text("notes-empty")).toBe(fa.access.notes.empty);
  });

  it("records an inspector's note about a meeting, digits typed in Persian", async () => {
    access.state = session("inspector", ["inspector.note"]);
    api.noteList.mockResolvedValue([]);
    api.noteAdd.mockResolvedValue(NOTE);
    await screen.show(NotesCard, { today: "2026-11-28" });
    const select = document.querySelector<HTMLSelectElement>('select[name="subject"]');
    if (!select) throw new Error("no subject select");
    select.value = "meeting";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    type("number", "۳");
    type("text", "صورتجلسه امضا نشده است");
    await click("note-save");
    expect(api.noteAdd).toHaveBeenCalledWith({
      date: "2026-11-28",
      subject: { subject: "meeting", meeting: 3 },
      text: "صورتجلسه امضا نشده است",
    });
  });

  it("refuses an empty note without calling the backend", async () => {
    access.state = session("inspector", ["inspector.note"]);
    api.noteList.mockResolvedValue([]);
    await screen.show(NotesCard, { today: "2026-11-28" });
    await click("note-save");
    expect(api.noteAdd).not.toHaveBeenCalled();
    expect(byTestId("note-form")?.textContent).toContain(fa.access.notes.notSaved);
  });
});
