// Users and roles in the real window: users turned on from Settings (the first board account),
// a clerk added, log out, log in as the clerk, and a share transfer the statute would allow is
// refused for the clerk's role with the Persian message on screen; nothing is recorded.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { launch, ready, freshDataDir, screenshot, cli, fill, click, waitText } from "../lib/app.mjs";

const dataDir = freshDataDir();
// The demo cooperative (nine members with shares), recorded in single-user mode by the CLI.
const init = cli(dataDir, "init", "--demo");
assert.equal(init.code, 0, JSON.stringify(init.json));

const app = await launch(dataDir);
const { browser } = app;
after(() => app.close());

const accounts = () => cli(dataDir, "users", "list").json;
const events = () => cli(dataDir, "verify").json.events_checked;

test("users are turned on from Settings by creating the first board account", async () => {
  await ready(browser);
  await click(browser, "nav-settings");
  await browser.$("[data-testid=users-first]").waitForDisplayed({ timeout: 10000 });
  await fill(browser, "user-username", "maryam");
  await fill(browser, "user-display-name", "مریم احمدی");
  await fill(browser, "user-password", "maryam-secret");
  await click(browser, "users-turn-on");
  await waitText(browser, "users-me", /مریم احمدی/, { shot: "users-on" });
  assert.deepEqual(accounts().map((a) => [a.username, a.role]), [["maryam", "board"]]);
});

test("the board adds a clerk", async () => {
  await fill(browser, "user-username", "reza");
  await fill(browser, "user-display-name", "رضا کریمی");
  await fill(browser, "user-password", "reza-secret");
  await click(browser, "users-add-submit");
  await browser.waitUntil(async () => accounts().length === 2, { timeout: 10000, timeoutMsg: "the clerk was not added" });
  assert.deepEqual(accounts().map((a) => [a.username, a.role]), [["maryam", "board"], ["reza", "clerk"]]);
  await screenshot(browser, "users-card");
});

test("after logging out, a wrong password is refused in Persian and the clerk logs in", async () => {
  await click(browser, "users-logout");
  await browser.$("[data-testid=login-form]").waitForDisplayed({ timeout: 10000 });
  await fill(browser, "login-username", "reza");
  await fill(browser, "login-password", "not-the-password");
  await click(browser, "login-submit");
  await waitText(browser, "login-error", /نام کاربری یا گذرواژه نادرست است/, { shot: "login-failed" });
  await screenshot(browser, "login-failed");
  await fill(browser, "login-password", "reza-secret");
  await click(browser, "login-submit");
  await ready(browser);
});

test("the clerk's share transfer is refused with the Persian message and nothing is recorded", async () => {
  const before = events();
  const statementBefore = cli(dataDir, "statement", "--member", "1").json.shares;
  await click(browser, "nav-shares");
  await browser.$("[data-testid=shares-screen]").waitForDisplayed({ timeout: 10000 });
  await click(browser, "share-new");
  await browser.$("[data-testid=share-form]").waitForDisplayed({ timeout: 5000 });
  await browser.$("select[name=kind]").selectByAttribute("value", "transfer");
  const fields = { membership_no: "1", to_member: "3", shares: "1", date: "۱۴۰۵/۰۸/۰۱", resolution: "صورتجلسه هیئت مدیره ۱۲" };
  for (const [name, value] of Object.entries(fields)) await fill(browser, name, value);
  await click(browser, "share-save");
  await click(browser, "share-confirm");
  await waitText(browser, "share-error", /نقش کاربری شما اجازه این کار را نمی‌دهد/, { shot: "clerk-transfer" });
  await screenshot(browser, "clerk-transfer-refused");
  assert.equal(events(), before);
  assert.equal(cli(dataDir, "statement", "--member", "1").json.shares, statementBefore);
  const last = cli(dataDir, "users", "list");
  assert.equal(last.code, 0);
});
