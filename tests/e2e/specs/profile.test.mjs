// The profile form against the real backend: refusals save nothing; a saved profile survives a restart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, ready, freshDataDir, screenshot, cli, fill } from "../lib/app.mjs";

const VALID = {
  name: "شرکت تعاونی تولیدی بلبرینگ ایمن",
  legal_id: "۱۰۳۸۰۲۸۴۷۹۰",
  registration_number: "۸۸۲۱",
  registration_date: "۱۳۹۵/۰۳/۱۵",
  city: "تهران",
  address: "جاده مخصوص کرج، کیلومتر ۱۲",
  postal_code: "۱۱۹۳۶۵۳۴۷۱",
  phone: "۰۲۱۴۴۵۵۶۶۷۷",
};

async function openProfileForm(browser) {
  await ready(browser);
  await browser.$("[data-testid=first-run-own]").waitForDisplayed({ timeout: 10000 });
  await browser.$("[data-testid=first-run-own]").click();
  await browser.$("[data-testid=profile-form]").waitForDisplayed({ timeout: 5000 });
}

async function fillForm(browser, values) {
  for (const [name, value] of Object.entries(values)) await fill(browser, name, value);
  await browser.$("select[name=kind]").selectByAttribute("value", "production");
  await browser.$("select[name=province]").selectByAttribute("value", "tehran");
}

test("an invalid شناسه ملی is refused with the Persian message and nothing is saved", async () => {
  const dataDir = freshDataDir();
  const app = await launch(dataDir);
  try {
    const { browser } = app;
    await openProfileForm(browser);
    await fillForm(browser, { ...VALID, legal_id: "۱۰۳۸۰۲۸۴۷۹۱" });
    await browser.$("[data-testid=profile-save]").click();
    const error = await browser.$("[data-testid=error-legal_id]");
    await error.waitForDisplayed({ timeout: 5000 });
    await browser.waitUntil(async () => (await error.getText()).includes("شناسه ملی وارد شده معتبر نیست"), {
      timeout: 5000,
      timeoutMsg: "the Persian legal-ID message did not appear",
    });
    await browser.$("[data-testid=form-error]").waitForDisplayed({ timeout: 5000 });
    await screenshot(browser, "profile-refused");
    // Nothing reached the ledger.
    const shown = cli(dataDir, "profile", "show");
    assert.equal(shown.code, 2);
    assert.equal(shown.json.code, "not_found");
    assert.equal(cli(dataDir, "verify").json.events_checked, 0);
  } finally {
    await app.close();
  }
});

test("a valid profile is saved, and is still there after the app restarts", async () => {
  const dataDir = freshDataDir();
  let app = await launch(dataDir);
  try {
    const { browser } = app;
    await openProfileForm(browser);
    await fillForm(browser, VALID);
    await browser.$("[data-testid=profile-save]").click();
    await browser.$("[data-testid=toast]").waitForDisplayed({ timeout: 5000 });
    const recorded = cli(dataDir, "profile", "show");
    assert.equal(recorded.code, 0);
    assert.equal(recorded.json.legal_id, "10380284790");
    assert.equal(recorded.json.registration_date, "2016-06-04");
    await screenshot(browser, "profile-saved");
  } finally {
    await app.close();
  }

  app = await launch(dataDir);
  try {
    const { browser } = app;
    await ready(browser);
    const name = await browser.$("[data-testid=dashboard-profile-name]");
    await name.waitForDisplayed({ timeout: 10000 });
    assert.equal((await name.getText()).trim(), VALID.name);
    await browser.$("[data-testid=nav-settings]").click();
    await browser.$("[data-testid=profile-form]").waitForDisplayed({ timeout: 5000 });
    const legalId = await browser.$("[name=legal_id]");
    await browser.waitUntil(async () => (await legalId.getValue()) !== "", { timeout: 5000 });
    assert.match(await legalId.getValue(), /^(10380284790|۱۰۳۸۰۲۸۴۷۹۰)$/);
  } finally {
    await app.close();
  }
});
