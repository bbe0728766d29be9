import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppInfo } from "../../lib/bindings/AppInfo";
import type { BackupInfo } from "../../lib/bindings/BackupInfo";
import type { BackupProgress } from "../../lib/bindings/BackupProgress";
import { byTestId, click, settle, text, useScreen, withApiErrors } from "../../testing/screen";

const api = vi.hoisted(() => ({
  appInfo: vi.fn(),
  backupList: vi.fn(),
  backupTake: vi.fn(),
  backupRestore: vi.fn(),
  onBackupProgress: vi.fn(),
}));

vi.mock("../../lib/api", () => withApiErrors(api));

const { default: BackupCard } = await import("./BackupCard.svelte");
const { i18n } = await import("../../lib/i18n/locale.svelte");
const { toast } = await import("../../lib/ui/toast.svelte");

const DIR = "/home/coop/.local/share/hamyar/backups";

function backup(name: string, extra: Partial<BackupInfo> = {}): BackupInfo {
  return {
    path: `${DIR}/${name}`,
    name,
    taken_at: "2026-11-28T07:00:00Z", // ۷ آذر ۱۴۰۵، ساعت ۱۰:۳۰ in Tehran
    bytes: 1_572_864,
    events: 1234,
    ok: true,
    problems: [],
    encrypted: false,
    ...extra,
  };
}

function info(extra: Partial<AppInfo> = {}): AppInfo {
  return {
    version: "0.1.0",
    data_dir: "/home/coop/.local/share/hamyar",
    database_path: "/home/coop/.local/share/hamyar/hamyar.sqlite3",
    device_id: "d1",
    ledger_error: null,
    backups_dir: DIR,
    restored_from: null,
    encrypted: false,
    locked: false,
    ...extra,
  };
}

const OLDER = backup("hamyar-1405-09-06-223000.sqlite3", { taken_at: "2026-11-27T19:00:00Z", bytes: 250_000, events: 1200 });
const BROKEN = backup("hamyar-1405-09-01-090000.sqlite3", { taken_at: "", ok: false, problems: ["not verified"] });

const screen = useScreen();
let reload: ReturnType<typeof vi.fn<(name: string) => void>>;
/** The progress listener the card registered, and whether it stopped listening. */
let listener: ((progress: BackupProgress) => void) | null;
let stopped: boolean;

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  i18n.set("fa");
  toast.dismiss();
  reload = vi.fn<(name: string) => void>();
  listener = null;
  stopped = false;
  api.appInfo.mockResolvedValue(info());
  api.backupList.mockResolvedValue([OLDER, BROKEN]);
  api.onBackupProgress.mockImplementation(async (cb: (progress: BackupProgress) => void) => {
    listener = cb;
    return () => {
      stopped = true;
    };
  });
});

const show = () => screen.show(BackupCard, { reload });

describe("the backups card", () => {
  it("lists the automatic backups with their time, size, events and verification", async () => {
    await show();
    expect(api.backupList).toHaveBeenCalledWith(null);
    expect(text("backup-automatic")).toContain("۷ روز، ۴ هفته و ۱۲ ماه");
    expect(byTestId("backup-list")).not.toBeNull();
    const first = text("backup-row-0");
    expect(first).toContain("hamyar-1405-09-06-223000.sqlite3");
    expect(first).toContain("۱۴۰۵/۰۹/۰۶"); // the Jalali day in Tehran
    expect(first).toContain("ساعت ۲۲:۳۰");
    expect(first).toContain("۲۴۴ کیلوبایت");
    expect(first).toContain("۱٬۲۰۰");
    expect(first).toContain("بررسی‌شده");
    const second = text("backup-row-1");
    expect(second).toContain("ناموفق");
    expect(second).toContain("نامعلوم");
    expect(second).toContain("۱٫۵ مگابایت");
    expect(byTestId("restored-from")).toBeNull();
  });

  it("takes a backup with its progress, says so and lists it first", async () => {
    await show();
    let finish: (value: BackupInfo) => void = () => undefined;
    api.backupTake.mockReturnValue(new Promise<BackupInfo>((resolve) => (finish = resolve)));
    await click("backup-now");
    expect(api.backupTake).toHaveBeenCalledWith(null);
    expect(byTestId("backup-progress")).not.toBeNull();
    expect(byTestId("backup-now")?.getAttribute("aria-busy")).toBe("true");
    listener?.({ done: 30, total: 120 });
    await settle();
    expect(text("backup-progress")).toContain("۲۵٪");
    expect(byTestId("backup-progress")?.querySelector("progress")?.getAttribute("value")).toBe("25");

    const fresh = backup("hamyar-1405-09-07-103000.sqlite3");
    api.backupList.mockResolvedValue([fresh, OLDER, BROKEN]);
    finish(fresh);
    await settle();
    expect(byTestId("backup-progress")).toBeNull();
    expect(stopped).toBe(true);
    expect(toast.current?.message).toBe("پشتیبان گرفته و بررسی شد");
    expect(text("backup-taken")).toContain("hamyar-1405-09-07-103000.sqlite3");
    expect(text("backup-taken")).toContain("۱٬۲۳۴ رویداد");
    expect(byTestId("backup-row-0")?.dataset.name).toBe(fresh.name);
  });

  it("backs up to another folder and lists that folder's backups", async () => {
    await show();
    await click("backup-to-folder");
    expect(api.backupTake).not.toHaveBeenCalled();
    expect(text("error-backup-folder")).toContain("مسیر پوشه");
    const field = byTestId("backup-folder") as HTMLInputElement;
    field.value = "/media/usb";
    field.dispatchEvent(new Event("input", { bubbles: true }));
    const onStick = backup("hamyar-1405-09-07-110000.sqlite3", { path: "/media/usb/hamyar-1405-09-07-110000.sqlite3" });
    api.backupTake.mockResolvedValue(onStick);
    api.backupList.mockResolvedValue([onStick]);
    await click("backup-to-folder");
    expect(api.backupTake).toHaveBeenCalledWith("/media/usb");
    expect(api.backupList).toHaveBeenLastCalledWith("/media/usb");
    expect(document.getElementById("backup-list-title")?.textContent).toContain("/media/usb");
    expect(byTestId("backup-row-1")).toBeNull();
    api.backupList.mockResolvedValue([OLDER, BROKEN]);
    await click("backup-auto-show");
    expect(api.backupList).toHaveBeenLastCalledWith(null);
    expect(byTestId("backup-row-1")).not.toBeNull();
  });

  it("restores only after a confirmation that says what a restore does, then starts the window over", async () => {
    api.backupRestore.mockResolvedValue({
      from: OLDER.path,
      restored_at: "2026-11-28T08:00:00Z",
      safety_copy: `${DIR}/safety/hamyar-1405-09-07-113000.sqlite3`,
      events: 1200,
    });
    await show();
    await click("backup-restore-0");
    expect(api.backupRestore).not.toHaveBeenCalled();
    const confirm = text("backup-restore-dialog");
    expect(text("backup-restore-confirm")).toContain("hamyar-1405-09-06-223000.sqlite3");
    expect(confirm).toContain("نخست درستی پشتیبان بررسی می‌شود");
    expect(confirm).toContain("نسخهٔ ایمنی");
    expect(confirm).toContain("پس از زمان این پشتیبان ثبت شده");
    await click("backup-restore-go");
    expect(api.backupRestore).toHaveBeenCalledWith(OLDER.path);
    expect(reload).toHaveBeenCalledWith("hamyar-1405-09-06-223000.sqlite3");
  });

  it("says in Persian why a damaged backup was refused, and restores nothing", async () => {
    api.backupRestore.mockRejectedValue({ code: "backup_invalid", message: "backup invalid", details: null });
    await show();
    await click("backup-restore-1");
    await click("backup-restore-go");
    expect(text("backup-restore-error")).toContain(
      "بازیابی انجام نشد: این پشتیبان آسیب دیده است یا دفتر همیار نیست؛ به دفتر کنونی دست زده نشد",
    );
    expect(reload).not.toHaveBeenCalled();
    await click("backup-restore-cancel");
    expect(byTestId("backup-restore-dialog")).toBeNull();
  });

  it("asks for an encrypted backup's own passphrase when the ledger's does not open it, then restores with it", async () => {
    const SEALED = backup("hamyar-1405-09-05-080000.sqlite3", { encrypted: true });
    api.backupList.mockResolvedValue([SEALED]);
    api.backupRestore.mockRejectedValueOnce({ code: "passphrase_wrong", message: "wrong", details: null });
    api.backupRestore.mockResolvedValueOnce({
      from: SEALED.path,
      restored_at: "2026-11-28T08:00:00Z",
      safety_copy: `${DIR}/safety/x.sqlite3`,
      events: 1234,
    });
    await show();
    await click("backup-restore-0");
    expect(byTestId("field-backup-passphrase")).toBeNull();
    await click("backup-restore-go");
    expect(api.backupRestore).toHaveBeenCalledWith(SEALED.path);
    expect(reload).not.toHaveBeenCalled();
    const box = byTestId("field-backup-passphrase") as HTMLInputElement | null;
    if (!box) throw new Error("no passphrase box after passphrase_wrong");
    box.value = "old secret phrase";
    box.dispatchEvent(new Event("input", { bubbles: true }));
    await click("backup-restore-go");
    expect(api.backupRestore).toHaveBeenLastCalledWith(SEALED.path, "old secret phrase");
    expect(reload).toHaveBeenCalledWith("hamyar-1405-09-05-080000.sqlite3");
  });

  it("does not ask a plain backup for a passphrase", async () => {
    api.backupRestore.mockRejectedValue({ code: "passphrase_wrong", message: "wrong", details: null });
    await show();
    await click("backup-restore-0");
    await click("backup-restore-go");
    expect(byTestId("field-backup-passphrase")).toBeNull();
  });

  it("offers the backups when the ledger cannot be opened", async () => {
    api.appInfo.mockResolvedValue(
      info({ device_id: "", ledger_error: { code: "integrity_failed", message: "malformed", details: null } }),
    );
    await show();
    expect(text("ledger-error")).toContain("دفتر همیار باز نمی‌شود");
    expect(text("ledger-error")).toContain("بازیابی کنید");
    expect(byTestId("backup-restore-0")).not.toBeNull();
  });

  it("says which backup the ledger in use was restored from, and where the safety copy is", async () => {
    api.appInfo.mockResolvedValue(
      info({
        restored_from: {
          from: `${DIR}/hamyar-1405-09-06-223000.sqlite3`,
          restored_at: "2026-11-28T08:00:00Z",
          safety_copy: `${DIR}/safety/hamyar-1405-09-07-113000.sqlite3`,
          events: 1200,
        },
      }),
    );
    await show();
    const alert = text("restored-from");
    expect(alert).toContain("از پشتیبان «hamyar-1405-09-06-223000.sqlite3» در ۱۴۰۵/۰۹/۰۷، ساعت ۱۱:۳۰ بازیابی شده است");
    expect(alert).toContain(`${DIR}/safety/hamyar-1405-09-07-113000.sqlite3`);
  });
});
