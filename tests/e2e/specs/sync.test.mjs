// Registry sync in the real window, on the demo cooperative, against the real reference registry
// (hamyar-registry serve on a free port of this computer): the cooperative enrols with a one-time
// code; the registry goes down; a quarter is closed (after its preview and the confirmation) and
// «ارسال به سامانه» leaves its report waiting in the outbox while the screen says the registry
// cannot be reached; the registry comes back on the same port and database; the next press sends
// the report and its receipt is shown. The registry's own list agrees: exactly one report for the
// quarter, with the receipt number the window shows.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  launch,
  ready,
  freshDataDir,
  screenshot,
  cli,
  fill,
  freePort,
  registryBinary,
  textOf,
  waitText,
  click,
} from "../lib/app.mjs";

const PERIOD = "1404-Q4";
const PERIOD_TYPED = "۱۴۰۴-Q۴";

assert.ok(existsSync(registryBinary), `${registryBinary} is missing: cargo build -p hamyar-registry`);
const dataDir = freshDataDir();
assert.equal(cli(dataDir, "init", "--demo").code, 0);
const legalId = cli(dataDir, "profile", "show").json?.legal_id;
assert.match(legalId ?? "", /^\d{11}$/, "the demo cooperative has no legal ID to enrol with");

const registryDir = mkdtempSync(path.join(tmpdir(), "hamyar-e2e-registry-"));
const registryDb = path.join(registryDir, "registry.sqlite3");
const port = await freePort();
const registryUrl = `http://127.0.0.1:${port}`;

/** The running registry, if any. */
let registry = null;

/** Starts the registry on `port` and `registryDb`; resolves once it says it is listening. */
async function startRegistry() {
  const child = spawn(registryBinary, ["serve", "--db", registryDb, "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  registry = child;
  let out = "";
  let err = "";
  child.stderr.on("data", (chunk) => (err += chunk));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the registry did not start within 15 s: ${err}`)), 15000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (/listening on http:\/\//.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the registry exited (${code ?? signal}) before listening: ${err}`));
    });
  });
}

/** Stops the registry (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
async function stopRegistry() {
  const child = registry;
  registry = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const gone = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
  if (!gone) {
    child.kill("SIGKILL");
    await exited;
  }
}

/** The reports the registry holds. */
function registryReports() {
  const out = execFileSync(registryBinary, ["reports", "--db", registryDb, "--json"], { encoding: "utf8" });
  return JSON.parse(out);
}

const enrolmentCode = execFileSync(registryBinary, ["enrolment-code", "--db", registryDb, "--legal-id", legalId], {
  encoding: "utf8",
}).trim();
assert.ok(enrolmentCode.length > 0, "the registry issued no enrolment code");

const app = await launch(dataDir);
const { browser } = app;
after(async () => {
  await stopRegistry();
  await app.close();
});

const shot = "sync-failure";
const rowSelector = `[data-testid="outbox-row"][data-period="${PERIOD}"]`;

/** Waits until the quarter's outbox row is in `state`. */
async function waitRowState(state, message) {
  await browser
    .waitUntil(
      async () => {
        const row = await browser.$(rowSelector);
        return (await row.isExisting()) && (await row.getAttribute("data-state")) === state;
      },
      { timeout: 20000, timeoutMsg: message },
    )
    .catch(async (e) => {
      await screenshot(browser, `${shot}-row-${state}`);
      throw e;
    });
  return browser.$(rowSelector);
}

async function scrollTo(selector) {
  await browser.execute((s) => document.querySelector(s)?.scrollIntoView({ block: "start" }), selector);
}

test("a quarter closed while the registry is down waits in the outbox, then is sent with its receipt", async () => {
  try {
    await startRegistry();
    await ready(browser);
    await click(browser, "nav-sync");
    await browser.$("[data-testid=sync-screen]").waitForDisplayed({ timeout: 10000 });

    // Enrolment with the registry's one-time code.
    await waitText(browser, "enrol-none", /ثبت‌نام نشده/, { shot });
    await fill(browser, "url", registryUrl);
    await fill(browser, "code", enrolmentCode);
    await click(browser, "enrol-submit");
    const state = await waitText(browser, "enrol-state", (t) => t.includes(`127.0.0.1:${port}`), {
      message: "the enrolment was not shown",
      shot,
    });
    assert.match(state, /[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}/, "no key fingerprint in the enrolment state");
    assert.match(state, /ساعت [۰-۹]{2}:[۰-۹]{2}/, "the enrolment time is not in Jalali with Persian digits");
    await scrollTo("#sync-enrol");
    await screenshot(browser, "sync-enrolled");

    // The registry goes down.
    await stopRegistry();

    // The quarter: previewed, then closed after the confirmation.
    await fill(browser, "period", PERIOD_TYPED);
    await click(browser, "sync-preview");
    const preview = await waitText(browser, "sync-preview-result", /فصل ۴ سال ۱۴۰۴/, {
      message: "the preview of 1404-Q4 was not shown",
      shot,
    });
    assert.match(preview, /دوره تمام شده است/);
    assert.match(preview, /هنوز گزارشی بسته نشده است/);
    assert.match(preview, /ریال/, "the preview shows no amount of money");
    assert.match(await textOf(browser, "summary-members"), /[۰-۹]/, "the members section shows no Persian figure");
    await scrollTo("#sync-period");
    await screenshot(browser, "sync-preview");
    await scrollTo("[data-testid=summary-capital]");
    await screenshot(browser, "sync-preview-figures");
    await click(browser, "sync-close");
    const review = await waitText(browser, "sync-close-review", /پاک‌شدنی نیست/, { shot });
    assert.match(review, /فصل ۴ سال ۱۴۰۴/);
    await screenshot(browser, "sync-close-confirm");
    await click(browser, "sync-confirm");
    await waitRowState("pending", "the closed quarter did not appear in the outbox as pending");
    const closed = cli(dataDir, "report", "list");
    assert.equal(closed.code, 0, JSON.stringify(closed.json));
    assert.equal(closed.json.filter((r) => r.period === PERIOD).length, 1, "the ledger does not hold one report for 1404-Q4");

    // «ارسال به سامانه» with the registry down: the report waits, and the screen says so.
    await click(browser, "sync-now");
    await waitText(
      browser,
      "sync-status",
      /سامانه در دسترس نیست؛ گزارش‌ها در صف می‌مانند و خودکار دوباره فرستاده می‌شوند/,
      { message: "the status line did not say the registry is unreachable", shot },
    );
    assert.equal(await browser.$("[data-testid=sync-status] [data-status=unreachable]").isExisting(), true);
    const waiting = await waitRowState("pending", "the report is not pending after a failed send");
    assert.equal(await waiting.$('[data-testid="outbox-receipt"]').isExisting(), false);
    assert.match(await waiting.getText(), /در انتظار/);
    assert.deepEqual(registryReports(), [], "the registry holds a report while it was down");
    await scrollTo("[data-testid=sync-screen]");
    await screenshot(browser, "sync-unreachable");

    // The registry comes back on the same port and database; the next press sends the report.
    await startRegistry();
    await click(browser, "sync-now");
    const sent = await waitRowState("sent", "the report was not sent after the registry came back");
    const receipt = await sent.$('[data-testid="outbox-receipt"]');
    await receipt.waitForDisplayed({ timeout: 10000 });
    const registryId = await receipt.getAttribute("data-registry-id");
    assert.ok(registryId, "the receipt has no registry number");
    assert.ok((await receipt.getText()).includes(registryId), "the receipt shown does not name the registry number");
    assert.match(await sent.getText(), /ارسال‌شده/);
    await waitText(browser, "sync-status", /ارسال شد|همهٔ گزارش‌های بسته‌شده در سامانه ثبت شده‌اند/, {
      message: "the status line did not say the report was sent",
      shot,
    });

    // The registry agrees: exactly one report for the quarter, the one the window shows.
    const held = registryReports().filter((r) => r.period === PERIOD);
    assert.equal(held.length, 1, `the registry holds ${held.length} reports for ${PERIOD}`);
    assert.equal(held[0].registry_id, registryId);
    assert.equal(held[0].legal_id, legalId);
    assert.equal(held[0].report_id, await sent.getAttribute("data-id"));

    // Its history (the failed attempt, then the receipt) and the full receipt, opened by its row.
    await (await sent.$('[data-testid="outbox-toggle"]')).click();
    const history = await waitText(browser, "outbox-history", /ارسال شد و رسید گرفت/, { shot });
    assert.match(history, /ناموفق؛ دوباره فرستاده می‌شود/);
    assert.equal(await textOf(browser, "outbox-receipt-registry-id"), registryId);
    assert.equal(await textOf(browser, "outbox-receipt-hash"), held[0].content_hash);
    await scrollTo("#sync-outbox");
    await screenshot(browser, "sync-sent");

    // The package for manual upload, written into the exports folder.
    await click(browser, "export-package");
    const folder = await textOf(browser, "export-path");
    assert.ok(existsSync(folder), `the package folder ${folder} was not written`);
  } finally {
    await stopRegistry();
  }
});
