// Members from a sheet and the register out to one, in the real window on the demo cooperative:
// the register is exported as CSV (the path shown is the file written); a CSV with a header Hamyar
// does not know asks what each column holds, its bad row is named with its reason and blocks
// «ثبت همه»; once the row is fixed, every row is recorded and the CLI lists the new members.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { launch, ready, freshDataDir, screenshot, cli } from "../lib/app.mjs";

const dataDir = freshDataDir();
assert.equal(cli(dataDir, "init", "--demo").code, 0);

const members = () => cli(dataDir, "member", "list").json;
const before = members().length;
const HEADER = "نام عضو,نام خانوادگی,کد ملی,تعداد سهام,یادداشت";
const badSheet = path.join(dataDir, "members-bad.csv");
const goodSheet = path.join(dataDir, "members-good.csv");
writeFileSync(badSheet, `${HEADER}\nمریم,کاظمی,0499370899,,\nرضا,احمدی,1234567890,,\n`);
writeFileSync(goodSheet, `${HEADER}\nمریم,کاظمی,0499370899,,\nرضا,احمدی,0076229645,,\n`);

const app = await launch(dataDir);
const { browser } = app;
after(() => app.close());

async function waitText(testid, check, message) {
  const el = await browser.$(`[data-testid="${testid}"]`);
  await browser
    .waitUntil(async () => (await el.isExisting()) && check(await el.getText()), { timeout: 20000, timeoutMsg: message })
    .catch(async (e) => {
      await screenshot(browser, `member-sheet-failure-${testid}`);
      throw e;
    });
  return el.getText();
}

async function choose(file) {
  const input = await browser.$("[data-testid=member-import-file]");
  await input.waitForExist({ timeout: 10000 });
  await input.setValue(file);
}

test("the register is exported as CSV where the window says", async () => {
  await ready(browser);
  await browser.$("[data-testid=nav-members]").click();
  await browser.$("[data-testid=member-export-csv]").waitForDisplayed({ timeout: 10000 });
  await browser.$("[data-testid=member-export-csv]").click();
  const said = await waitText("member-export-result", (t) => t.includes("members.csv"), "no export path was shown");
  const written = said.slice(said.indexOf("/")).trim();
  assert.equal(written, path.join(dataDir, "exports", "members.csv"));
  assert.ok(existsSync(written));
});

test("an unknown header asks for the columns, and a bad row blocks the import", async () => {
  await browser.$("[data-testid=member-import-open]").click();
  await choose(badSheet);
  await waitText("member-import-mapping-reason", (t) => t.includes("نام عضو"), "the mapping step did not say which column");
  await browser.$("select[name=column-0]").selectByAttribute("value", "first_name");
  await screenshot(browser, "member-import-mapping");
  await browser.$("[data-testid=member-import-remap]").click();
  await waitText("member-import-bad-row-3", (t) => t.includes("کد ملی"), "the bad row was not named with its reason");
  assert.equal(await browser.$("[data-testid=member-import-counts]").getAttribute("data-bad"), "1");
  assert.equal(await browser.$("[data-testid=member-import-commit]").isEnabled(), false);
  await screenshot(browser, "member-import-preview");
  assert.equal(members().length, before);
});

test("a sheet without bad rows is recorded whole", async () => {
  await choose(goodSheet);
  await browser.$("[data-testid=member-import-mapping]").waitForDisplayed({ timeout: 10000 });
  await browser.$("select[name=column-0]").selectByAttribute("value", "first_name");
  await browser.$("[data-testid=member-import-remap]").click();
  const commit = await browser.$("[data-testid=member-import-commit]");
  await browser.waitUntil(async () => (await commit.isExisting()) && (await commit.isEnabled()), {
    timeout: 20000,
    timeoutMsg: "«ثبت همه» was not offered for a sheet without bad rows",
  });
  await commit.click();
  await waitText("toast", (t) => t.includes("۲ عضو از پرونده ثبت شد"), "the import was not confirmed");
  await browser.$("[data-testid=member-table]").waitForDisplayed({ timeout: 10000 });
  const codes = members().map((row) => row.member.national_code);
  assert.equal(codes.length, before + 2);
  assert.ok(codes.includes("0499370899") && codes.includes("0076229645"));
});
