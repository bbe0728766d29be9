// Production in the real window: the demo cooperative, two products added in the catalogue, ten
// rows typed into the entry grid with the keyboard alone (one refused and corrected on the way),
// the running total checked against what the backend recorded, and the dashboard's month value
// and twelve-month chart (uPlot, under the app's CSP) showing the new total.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { launch, ready, freshDataDir, screenshot, cli } from "../lib/app.mjs";

const dataDir = freshDataDir();
const app = await launch(dataDir);
const { browser } = app;
after(() => app.close());

const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
/** Latin digits, no separators or marks: «۱۲٬۵۰۰ ریال» → "12500". */
const ascii = (text) => text.replace(/[۰-۹]/g, (d) => String(PERSIAN.indexOf(d))).replace(/[^0-9-]/g, "");

/** This Jalali month in Tehran, as the backend names it ("1405-09"). */
function thisJalaliMonth() {
  const parts = new Intl.DateTimeFormat("en-US-u-ca-persian-nu-latn", {
    timeZone: "Asia/Tehran",
    year: "numeric",
    month: "2-digit",
  }).formatToParts(new Date());
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get("year")}-${get("month")}`;
}

const month = thisJalaliMonth();
/** Our two products' ids, once added. */
let cloth = 0;
let towel = 0;
const persianDigits = (text) => text.replace(/[0-9]/g, (d) => PERSIAN[Number(d)]);

/**
 * Types text into whatever has focus, one key action per character: WebKitWebDriver drops a key
 * that repeats the one before it within a single action sequence ("85000" arrives as "850").
 */
async function type(text) {
  for (const ch of text) await browser.keys([ch]);
}

async function activeName() {
  return browser.execute(() => {
    const el = document.activeElement;
    const row = el?.closest("tr")?.getAttribute("data-testid") ?? null;
    return { name: el?.getAttribute("name") ?? null, row };
  });
}

async function waitForActive(name, row, what) {
  await browser.waitUntil(
    async () => {
      const active = await activeName();
      return active.name === name && active.row === row;
    },
    { timeout: 5000, timeoutMsg: `the keyboard is not in ${row}'s ${name} cell (${what}): ${JSON.stringify(await activeName())}` },
  );
}

test("the demo cooperative opens on the dashboard, with the production figures at zero", async () => {
  await ready(browser);
  await browser.$("[data-testid=first-run-demo]").click();
  await browser.$("[data-testid=dashboard-profile-name]").waitForDisplayed({ timeout: 10000 });
  // Any CSP refusal from here on (the chart's styles above all) is collected.
  await browser.execute(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample ?? ""}`);
    });
  });
  const value = await browser.$("[data-testid=dashboard-month-value]");
  await value.waitForDisplayed({ timeout: 5000 });
  assert.equal(ascii(await value.getText()), "0");
});

test("products are added in the catalogue and recorded by the backend", async () => {
  await browser.$("[data-testid=nav-production]").click();
  await browser.$("[data-testid=production-screen]").waitForDisplayed({ timeout: 5000 });
  const form = await browser.$("[data-testid=product-form]");
  await form.waitForDisplayed({ timeout: 5000 });
  for (const [name, unit] of [
    ["پارچه نخی", "meter"],
    ["حوله", "piece"],
  ]) {
    const nameInput = await form.$("[name=name]");
    await nameInput.clearValue();
    await nameInput.setValue(name);
    await form.$("select[name=unit]").selectByAttribute("value", unit);
    await browser.$("[data-testid=product-save]").click();
    await browser.waitUntil(async () => (cli(dataDir, "product", "list").json ?? []).some((p) => p.name === name), {
      timeout: 5000,
      timeoutMsg: `product ${name} was not recorded`,
    });
  }
  // The demo's catalogue comes first; ours are the last two.
  const products = cli(dataDir, "product", "list").json;
  const ours = products.slice(-2);
  assert.deepEqual(
    ours.map((p) => [p.name, p.unit]),
    [
      ["پارچه نخی", "meter"],
      ["حوله", "piece"],
    ],
  );
  [cloth, towel] = ours.map((p) => p.product);
  await browser.$(`[data-testid=product-row-${towel}]`).waitForDisplayed({ timeout: 5000 });
});

test("ten rows are entered in the grid with the keyboard alone", async () => {
  const grid = await browser.$("[data-testid=production-grid]");
  await grid.waitForDisplayed({ timeout: 5000 });
  // The only click: into the first row's product cell. Everything after is keys.
  const first = await browser.$("[data-testid=grid-row-0] [name=product]");
  await first.waitForDisplayed({ timeout: 5000 });
  await first.scrollIntoView({ block: "center" });
  await screenshot(browser, "production-before-grid");
  await first.click();
  await waitForActive("product", "grid-row-0", "start");

  // [product id as typed, quantity, unit value typed (null: the product's last one is filled in), workshop]
  const A = String(cloth);
  const B = String(towel);
  const rows = [
    [A, "۱۲", "۱۵۰٬۰۰۰", "بافندگی"],
    [B, "40", "85000", null],
    [persianDigits(A), "۸", null, null],
    [B, "0", null, null], // refused: the quantity must be above zero; corrected to 25 below
    [A, "۱۵٫۵", null, null],
    [A, "10", "۱۶۰۰۰۰", null],
    [B, "۳۰", null, null],
    [A, "۷", null, null],
    [B, "12", "90,000", null],
    [persianDigits(B), "۱۸", null, null],
  ];
  const expected = [12n * 150000n, 40n * 85000n, 8n * 150000n, 25n * 85000n, 15n * 150000n + 75000n, 10n * 160000n, 30n * 85000n, 7n * 160000n, 12n * 90000n, 18n * 90000n];
  const total = expected.reduce((a, b) => a + b, 0n);

  for (const [i, [product, quantity, unitValue, workshop]] of rows.entries()) {
    const row = `grid-row-${i}`;
    await waitForActive("product", row, "a new row");
    await type(product);
    await browser.$(`[data-testid=grid-product-option-${ascii(product)}]`).waitForDisplayed({ timeout: 5000 });
    await browser.keys(["Enter"]); // picks the product, moves to the quantity
    await waitForActive("quantity", row, "after picking");
    await type(quantity);
    if (unitValue !== null) {
      await browser.keys(["Tab"]);
      await waitForActive("unit_value", row, "tabbing on");
      await type(unitValue);
    }
    if (workshop !== null) {
      await browser.keys(["Tab"]);
      await waitForActive("workshop", row, "tabbing on");
      await type(workshop);
    }
    await browser.keys(["Enter"]); // a complete row is saved; a fresh row opens below

    if (quantity === "0") {
      // Refused: said in Persian next to the cell and under the grid; the keyboard goes back to it.
      const error = await browser.$("[data-testid=grid-error]");
      await browser
        .waitUntil(async () => (await error.getText()).includes("ثبت نشد"), {
          timeout: 5000,
          timeoutMsg: "the refusal did not appear under the grid",
        })
        .catch(async (e) => {
          await screenshot(browser, "production-grid-failure");
          throw e;
        });
      const cell = await browser.$(`[data-testid=grid-error-${i}-quantity]`);
      await cell.waitForDisplayed({ timeout: 5000 });
      assert.match(await cell.getText(), /مقدار باید بیشتر از صفر باشد/);
      assert.equal(await browser.$(`[data-testid=${row}]`).getAttribute("data-state"), "refused");
      await waitForActive("quantity", row, "the refused cell");
      await screenshot(browser, "production-grid-refused");
      await type("25");
      await browser.keys(["Enter"]);
    }
    await browser.waitUntil(
      async () => (await browser.$(`[data-testid=${row}]`).getAttribute("data-state")) === "saved",
      { timeout: 5000, timeoutMsg: `${row} was not saved` },
    );
  }
  await waitForActive("product", "grid-row-10", "after the tenth row");

  await browser.waitUntil(async () => ascii(await browser.$("[data-testid=grid-saved-count]").getText()) === "10", {
    timeout: 5000,
    timeoutMsg: "the grid does not count ten saved rows",
  });
  assert.equal(ascii(await browser.$("[data-testid=grid-total-value]").getText()), String(total));
  // Each row shows the value the backend computed.
  const textOf = (testid) => browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? "", testid);
  assert.equal(ascii(await textOf("grid-value-4")), String(expected[4]));
  // The workshop typed in the first row was carried down.
  assert.equal(
    await browser.execute(() => document.querySelector("[data-testid=grid-row-9] td:nth-child(6)")?.textContent?.trim()),
    "بافندگی",
  );

  // The arrows move between rows in the same column; Esc clears the new row.
  await type("پار");
  await browser.keys(["Escape"]); // closes the product list
  await browser.keys(["ArrowUp"]);
  assert.equal(await browser.execute(() => document.activeElement?.closest("tr")?.getAttribute("data-testid")), "grid-row-9");
  await browser.keys(["ArrowDown"]);
  await waitForActive("product", "grid-row-10", "back down");
  await browser.keys(["Escape"]);
  await browser.waitUntil(
    async () => (await browser.execute(() => document.activeElement?.value ?? null)) === "",
    { timeout: 5000, timeoutMsg: "Esc did not clear the new row" },
  );
  await screenshot(browser, "production");

  // What the backend recorded.
  const listed = cli(dataDir, "production", "list").json;
  assert.equal(listed.length, 10, JSON.stringify(listed));
  const summary = cli(dataDir, "production", "summary", "--period", month);
  assert.equal(summary.code, 0, JSON.stringify(summary.json));
  assert.equal(summary.json.total_value, String(total));
  global.productionTotal = total;
});

test("the period report shows the month's total", async () => {
  const total = await browser.$("[data-testid=summary-total]");
  await total.scrollIntoView();
  await browser.waitUntil(async () => ascii(await total.getText()) === String(global.productionTotal), {
    timeout: 5000,
    timeoutMsg: "the period report does not show the month's total",
  });
  await browser.execute(() => document.getElementById("production-summary")?.scrollIntoView({ block: "start" }));
  await screenshot(browser, "production-summary");
  await browser.execute(() => document.getElementById("production-workforce")?.scrollIntoView({ block: "start" }));
  await screenshot(browser, "production-workforce");
  await browser.execute(() => document.getElementById("production-sales")?.scrollIntoView({ block: "start" }));
  await screenshot(browser, "production-sales");
});

test("the dashboard shows the new total in the month's value and the chart", async () => {
  await browser.$("[data-testid=nav-dashboard]").click();
  const value = await browser.$("[data-testid=dashboard-month-value]");
  await value.waitForDisplayed({ timeout: 5000 });
  const total = String(global.productionTotal);
  await browser.waitUntil(async () => ascii(await value.getText()) === total, {
    timeout: 5000,
    timeoutMsg: "the dashboard's month value is not the grid's total",
  });
  const row = await browser.$(`[data-testid=chart-month-${month}]`);
  await row.waitForExist({ timeout: 5000 });
  assert.equal(await row.getAttribute("data-value"), total);
  assert.ok(ascii(await row.getText()).includes(total));
  // uPlot drew into its canvas, with no CSP refusal.
  const canvas = await browser.$("[data-testid=dashboard-chart]");
  await canvas.waitForExist({ timeout: 10000 });
  const size = await browser.execute(() => {
    const c = document.querySelector("[data-testid=dashboard-chart]");
    return { width: c.width, height: c.height, tag: c.tagName };
  });
  assert.equal(size.tag, "CANVAS");
  assert.ok(size.width > 200 && size.height > 100, JSON.stringify(size));
  assert.deepEqual(await browser.execute(() => window.__cspViolations), []);
  await screenshot(browser, "dashboard-production");
});

test("in English the chart and the grid read left to right", async () => {
  await browser.$("[data-testid=nav-settings]").click();
  await browser.$("[data-testid=lang-toggle]").waitForDisplayed({ timeout: 5000 });
  await browser.$("[data-testid=lang-toggle]").click();
  await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.dir)) === "ltr", {
    timeout: 5000,
    timeoutMsg: "dir did not flip to ltr",
  });
  await browser.$("[data-testid=nav-dashboard]").click();
  const value = await browser.$("[data-testid=dashboard-month-value]");
  await value.waitForDisplayed({ timeout: 5000 });
  assert.equal((await value.getText()).replace(/[^0-9]/g, ""), String(global.productionTotal));
  await browser.$("[data-testid=dashboard-chart]").waitForExist({ timeout: 10000 });
  await screenshot(browser, "dashboard-production-en");
  await browser.$("[data-testid=nav-production]").click();
  await browser.$("[data-testid=production-grid]").waitForDisplayed({ timeout: 5000 });
  await screenshot(browser, "production-en");
  assert.deepEqual(await browser.execute(() => window.__cspViolations), []);
  await browser.$("[data-testid=nav-settings]").click();
  await browser.$("[data-testid=lang-toggle]").click();
  await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.dir)) === "rtl", {
    timeout: 5000,
  });
});
