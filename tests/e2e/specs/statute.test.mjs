// The statute profile (اساسنامه) in the real window: the first setting is recorded through the
// confirmation; an amendment without its resolution is refused and records nothing.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { launch, ready, freshDataDir, screenshot, cli, fill } from "../lib/app.mjs";

const dataDir = freshDataDir();
const app = await launch(dataDir);
const { browser } = app;
after(() => app.close());

async function openForm() {
  await browser.$("[data-testid=nav-statute]").click();
  await browser.$("[data-testid=statute-screen]").waitForDisplayed({ timeout: 5000 });
  await browser.$("[data-testid=statute-edit]").click();
  await browser.$("[data-testid=statute-form]").waitForDisplayed({ timeout: 5000 });
}

test("the first statute setting is recorded after its confirmation", async () => {
  await ready(browser);
  await openForm();
  await fill(browser, "par_value", "۲۵۰۰۰۰۰");
  await fill(browser, "max_member_capital_pct", "۲۰");
  await browser.$("[data-testid=statute-save]").click();
  const confirm = await browser.$("[data-testid=statute-confirm]");
  await confirm.waitForDisplayed({ timeout: 5000 });
  await screenshot(browser, "statute-confirm");
  await confirm.click();
  const par = await browser.$("[data-testid=statute-par-value]");
  await browser
    .waitUntil(async () => (await par.getText()).includes("۲٬۵۰۰٬۰۰۰"), {
      timeout: 5000,
      timeoutMsg: "the recorded par value is not shown",
    })
    .catch(async (e) => {
      await screenshot(browser, "statute-failure");
      console.log("par value shown:", await par.getText().catch(() => "(none)"), JSON.stringify(cli(dataDir, "statute", "show")));
      throw e;
    });
  const shown = cli(dataDir, "statute", "show");
  assert.equal(shown.code, 0);
  assert.equal(shown.json.values.par_value, "2500000");
  assert.equal(shown.json.values.max_member_capital_pct, "20");
  await screenshot(browser, "statute");
});

test("an amendment without a resolution is refused and records nothing", async () => {
  await openForm();
  await fill(browser, "par_value", "3000000");
  await fill(browser, "resolution", " ");
  await browser.$("[data-testid=statute-save]").click();
  const error = await browser.$("[data-testid=error-resolution]");
  await browser.waitUntil(async () => (await error.getText()).trim().length > 0, {
    timeout: 5000,
    timeoutMsg: "no message next to the resolution field",
  });
  assert.equal(cli(dataDir, "statute", "show").json.version, 1);
  assert.equal(cli(dataDir, "statute", "show").json.values.par_value, "2500000");
});
