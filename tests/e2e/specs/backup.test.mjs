// Backup and restore in the real window, on the demo cooperative: «پشتیبان‌گیری اکنون» writes a
// backup that is listed as verified; a member added afterwards through the member form is listed;
// restoring the backup (after its confirmation) starts the window over on the restored ledger,
// where that member is no longer listed, and the settings card says which backup is in use. The
// CLI agrees: the member is gone from the ledger and the restore is recorded beside it.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { launch, ready, freshDataDir, screenshot, cli, fill } from "../lib/app.mjs";

const dataDir = freshDataDir();
assert.equal(cli(dataDir, "init", "--demo").code, 0);

const CODE = "0499370899";
const members = () => cli(dataDir, "member", "list").json;
const withCode = () => members().find((row) => row.member.national_code === CODE);
assert.equal(withCode(), undefined, "the demo cooperative already has the test's national code");

const app = await launch(dataDir);
const { browser } = app;
after(() => app.close());

async function click(testid) {
  const el = await browser.$(`[data-testid="${testid}"]`);
  await el.waitForDisplayed({ timeout: 10000 });
  // Scrolled at once by the page itself (webdriverio's scrollIntoView may still be scrolling when
  // the click lands).
  await browser.execute((target) => target.scrollIntoView({ block: "center" }), el);
  await el.click();
}

async function waitText(testid, check, message) {
  const el = await browser.$(`[data-testid="${testid}"]`);
  await browser
    .waitUntil(async () => (await el.isExisting()) && check(await el.getText()), { timeout: 20000, timeoutMsg: message })
    .catch(async (e) => {
      await screenshot(browser, `backup-failure-${testid}`);
      throw e;
    });
  return el.getText();
}

let backupName = "";

test("«پشتیبان‌گیری اکنون» writes a backup that is listed as verified", async () => {
  await ready(browser);
  await click("nav-settings");
  await click("backup-now");
  const said = await waitText("backup-taken", (t) => /hamyar-[\d-]+\.sqlite3/.test(t), "no backup was reported as taken");
  assert.match(said, /بررسی شد/);
  backupName = said.match(/hamyar-[\d-]+\.sqlite3/)[0];
  const row = await browser.$(`[data-testid="backup-list"] tr[data-name="${backupName}"]`);
  await row.waitForExist({ timeout: 10000 });
  assert.equal(await row.getAttribute("data-ok"), "true");
  assert.match(await row.getText(), /بررسی‌شده/);
  assert.match(await row.getText(), /[۰-۹]+ (کیلوبایت|مگابایت)/);
  await browser.execute((target) => target.scrollIntoView({ block: "center" }), row);
  await screenshot(browser, "backup-list");
  assert.ok(existsSync(path.join(dataDir, "backups", backupName)));
});

test("a member added after the backup is listed", async () => {
  await click("nav-members");
  await click("member-add");
  await browser.$("[data-testid=member-form]").waitForDisplayed({ timeout: 5000 });
  await fill(browser, "first_name", "مریم");
  await fill(browser, "last_name", "پشتیبانی");
  await fill(browser, "national_code", "۰۴۹۹۳۷۰۸۹۹");
  // Leave the field as a clerk would (Tab) and let its check answer before clicking «ثبت عضو»: under
  // WebKitWebDriver a click whose mousedown blurs a field (and so starts member_check) is often lost.
  await browser.keys("Tab");
  await browser.pause(500);
  await click("member-save");
  await browser
    .waitUntil(async () => withCode() !== undefined, { timeout: 10000, timeoutMsg: "the member was not recorded" })
    .catch(async (e) => {
      await screenshot(browser, "backup-failure-member");
      throw e;
    });
  const no = withCode().member.membership_no;
  await click("nav-members");
  const search = await browser.$("[data-testid=member-search]");
  await search.waitForDisplayed({ timeout: 10000 });
  await search.setValue("۰۴۹۹۳۷۰۸۹۹");
  await browser.$(`[data-testid="member-row-${no}"]`).waitForExist({ timeout: 10000 });
  assert.match(await browser.$(`[data-testid="member-row-${no}"]`).getText(), /مریم پشتیبانی/);
});

test("restoring the backup brings the ledger back to before the member, and says so", async () => {
  const no = withCode().member.membership_no;
  await click("nav-settings");
  const row = await browser.$(`[data-testid="backup-list"] tr[data-name="${backupName}"]`);
  await row.waitForExist({ timeout: 10000 });
  const index = (await row.getAttribute("data-testid")).replace("backup-row-", "");
  await click(`backup-restore-${index}`);
  const confirm = await waitText("backup-restore-confirm", (t) => t.includes(backupName), "the confirmation did not name the backup");
  assert.match(confirm, /نسخهٔ ایمنی/);
  await screenshot(browser, "backup-restore-confirm");
  await click("backup-restore-go");

  // The window starts over on the restored ledger, back on the backups card.
  const alert = await waitText("restored-from", (t) => t.includes(backupName), "the restored-from alert did not name the backup");
  assert.match(alert, /بازیابی شده است/);
  const shown = await browser.$("[data-testid=restored-from]");
  await browser.execute((target) => target.scrollIntoView({ block: "center" }), shown);
  await screenshot(browser, "backup-restored");

  assert.equal(withCode(), undefined, "the member added after the backup is still in the ledger");
  assert.ok(existsSync(path.join(dataDir, "restored-from.json")), "the restore was not recorded beside the ledger");
  assert.equal(cli(dataDir, "verify").json.ok, true);

  await click("nav-members");
  const search = await browser.$("[data-testid=member-search]");
  await search.waitForDisplayed({ timeout: 10000 });
  await search.setValue("۰۴۹۹۳۷۰۸۹۹");
  await waitText("member-count", (t) => t.startsWith("۰ عضو"), "the member is still listed after the restore");
  assert.equal(await browser.$(`[data-testid="member-row-${no}"]`).isExisting(), false);
});
