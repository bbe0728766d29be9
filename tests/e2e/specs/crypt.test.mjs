// Encryption at rest in the real window: a data folder whose ledger was encrypted with
// `hamyar-cli encrypt` opens on the unlock screen and nothing else; a wrong passphrase is refused
// with the Persian message and the ledger file unchanged; the right one opens the dashboard.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { launch, freshDataDir, screenshot, cli, fill } from "../lib/app.mjs";

const PASSPHRASE = "negin-arak-1405";
const dataDir = freshDataDir();
assert.equal(cli(dataDir, "init", "--demo").code, 0);
process.env.HAMYAR_PASSPHRASE = PASSPHRASE;
const encrypted = cli(dataDir, "encrypt");
delete process.env.HAMYAR_PASSPHRASE;
assert.equal(encrypted.code, 0, JSON.stringify(encrypted.json));
assert.equal(encrypted.json.encrypted, true);
const ledger = path.join(dataDir, "hamyar.sqlite3");
const before = readFileSync(ledger);
assert.notEqual(before.subarray(0, 15).toString("latin1"), "SQLite format 3");

const app = await launch(dataDir);
const { browser } = app;
after(() => app.close());

async function shown(testid, timeout = 15000) {
  const el = await browser.$(`[data-testid="${testid}"]`);
  await el.waitForDisplayed({ timeout }).catch(async (e) => {
    await screenshot(browser, `crypt-failure-${testid}`);
    throw e;
  });
  return el;
}

test("an encrypted ledger opens on the unlock screen, with the passphrase box focused", async () => {
  await shown("unlock-screen");
  assert.equal((await browser.$$("[data-testid=nav-dashboard]")).length, 0, "nothing behind the lock is shown");
  const focused = await browser.execute(() => document.activeElement?.getAttribute("name"));
  assert.equal(focused, "unlock-passphrase");
  await screenshot(browser, "crypt-unlock");
});

test("a wrong passphrase is refused in Persian and changes nothing", async () => {
  await fill(browser, "unlock-passphrase", "not-the-passphrase");
  await browser.keys("Enter");
  const error = await shown("unlock-error");
  assert.match(await error.getText(), /گذرواژه نادرست است/);
  assert.ok((await shown("unlock-screen")).isDisplayed());
  assert.deepEqual(readFileSync(ledger), before, "the ledger file is byte-for-byte unchanged");
  await screenshot(browser, "crypt-wrong");
});

test("the right passphrase opens the dashboard", async () => {
  await fill(browser, "unlock-passphrase", PASSPHRASE);
  await browser.keys("Enter");
  await shown("nav-dashboard", 20000);
  await browser.waitUntil(async () => (await browser.$$("[data-testid=unlock-screen]")).length === 0, {
    timeout: 10000,
    timeoutMsg: "the unlock screen stayed",
  });
  await screenshot(browser, "crypt-dashboard");
});
