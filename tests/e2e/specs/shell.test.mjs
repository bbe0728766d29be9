// The shell: RTL Persian window titled «همیار», first run offered, figures from the real backend.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { launch, ready, freshDataDir, screenshot, cli } from "../lib/app.mjs";

const dataDir = freshDataDir();
const app = await launch(dataDir);
const { browser } = app;
after(() => app.close());

test("the window opens right-to-left in Persian with the title همیار", async () => {
  await ready(browser);
  assert.equal(await browser.getTitle(), "همیار");
  const [dir, lang] = await browser.execute(() => [document.documentElement.dir, document.documentElement.lang]);
  assert.equal(dir, "rtl");
  assert.equal(lang, "fa");
  await screenshot(browser, "first-run");
});

test("an empty ledger offers the first-run choice", async () => {
  const firstRun = await browser.$("[data-testid=first-run]");
  await firstRun.waitForDisplayed({ timeout: 10000 });
  assert.ok(await browser.$("[data-testid=first-run-demo]").isDisplayed());
  assert.ok(await browser.$("[data-testid=first-run-own]").isDisplayed());
});

test("the demo cooperative is recorded in the ledger and shown on the dashboard", async () => {
  await browser.$("[data-testid=first-run-demo]").click();
  const name = await browser.$("[data-testid=dashboard-profile-name]");
  await name.waitForDisplayed({ timeout: 10000 });
  const shown = await name.getText();
  const recorded = cli(dataDir, "profile", "show");
  assert.equal(recorded.code, 0);
  assert.equal(shown.trim(), recorded.json.name);
  const count = await browser.$("[data-testid=dashboard-event-count]").getText();
  const events = cli(dataDir, "verify").json.events_checked;
  const ascii = count.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d))).replace(/[^0-9]/g, "");
  assert.equal(Number(ascii), events);
  await screenshot(browser, "dashboard");
});

test("English flips the layout to left-to-right, and back", async () => {
  await browser.$("[data-testid=nav-settings]").click();
  await browser.$("[data-testid=lang-toggle]").waitForDisplayed({ timeout: 5000 });
  await browser.$("[data-testid=lang-toggle]").click();
  await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.dir)) === "ltr", {
    timeout: 5000,
    timeoutMsg: "dir did not flip to ltr",
  });
  assert.equal(await browser.execute(() => document.documentElement.lang), "en");
  await screenshot(browser, "dashboard-en");
  await browser.$("[data-testid=lang-toggle]").click();
  await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.dir)) === "rtl", {
    timeout: 5000,
  });
});

test("the integrity check runs against the real ledger", async () => {
  const run = await browser.$("[data-testid=verify-run]");
  await run.waitForDisplayed({ timeout: 5000 });
  await run.click();
  const result = await browser.$("[data-testid=verify-result]");
  await result.waitForDisplayed({ timeout: 10000 });
  assert.equal(await result.getAttribute("data-ok"), "true");
  assert.equal(cli(dataDir, "verify").code, 0);
});
