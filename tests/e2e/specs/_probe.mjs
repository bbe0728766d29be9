import { launch, ready, freshDataDir, screenshot, cli } from "../lib/app.mjs";
const dataDir = freshDataDir();
cli(dataDir, "init");
const app = await launch(dataDir);
const { browser } = app;
try {
  await ready(browser);
  await browser.$("[data-testid=first-run-demo]").click();
  await browser.$("[data-testid=dashboard-profile-name]").waitForDisplayed({ timeout: 10000 });
  await browser.execute(() => {
    window.__errors = [];
    window.addEventListener("error", (e) => window.__errors.push(String(e.message)));
    window.addEventListener("unhandledrejection", (e) => window.__errors.push("rej " + String(e.reason?.message ?? JSON.stringify(e.reason))));
  });
  await browser.$("[data-testid=nav-production]").click();
  await browser.$("[data-testid=product-form]").waitForDisplayed({ timeout: 5000 });
  await browser.$("[data-testid=product-form] [name=name]").setValue("حوله");
  await browser.$("[data-testid=product-form] select[name=unit]").selectByAttribute("value", "piece");
  await browser.$("[data-testid=product-save]").click();
  await browser.$("[data-testid=product-row-1]").waitForDisplayed({ timeout: 5000 });
  const type = async (text) => { for (const ch of text) await browser.keys([ch]); };
  const p = await browser.$("[data-testid=grid-row-0] [name=product]");
  await p.scrollIntoView({ block: "center" });
  await p.click();
  await type("1");
  await browser.keys(["Enter"]);
  await type("0");
  await browser.keys(["Tab"]);
  await type("85000");
  console.log("uv:", await browser.$("[data-testid=grid-row-0] [name=unit_value]").getValue());
  await browser.keys(["Enter"]);
  await new Promise((r) => setTimeout(r, 1500));
  console.log("state:", await browser.$("[data-testid=grid-row-0]").getAttribute("data-state"));
  console.log("grid-error:", await browser.$("[data-testid=grid-error]").getText());
  console.log("errors:", await browser.execute(() => window.__errors));
  await screenshot(browser, "probe");
} finally {
  await app.close();
}
