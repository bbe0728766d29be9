// Drives the real Hamyar binary: one tauri-driver (and so one WebKitWebDriver) per app launch,
// each with its own data folder, so tests never share state.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../../..");
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(root, "target");
export const appBinary = path.join(targetDir, "debug", "hamyar");
export const cliBinary = path.join(targetDir, "debug", "hamyar-cli");
export const registryBinary = path.join(targetDir, "debug", "hamyar-registry");
export const artifacts = path.join(root, "tests", "e2e", "artifacts");

/** A fresh, empty data folder. */
export function freshDataDir() {
  return mkdtempSync(path.join(tmpdir(), "hamyar-e2e-"));
}

/** A TCP port on 127.0.0.1 that nothing listens on now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, child, ms = 15000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    const open = await new Promise((resolve) => {
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => { s.destroy(); resolve(true); });
      s.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port} within ${ms} ms`);
}

/**
 * Launches the real app on `dataDir` and returns { browser, close }.
 * The window is the production build (ui/dist embedded), talking to the real Rust backend.
 */
export async function launch(dataDir, { binary = appBinary, env = {} } = {}) {
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run make build first`);
  const port = await freePort();
  const nativePort = await freePort();
  // Its own process group (detached), so that closing kills tauri-driver, WebKitWebDriver and the
  // app together; and no inherited pipes, so a straggler can never hold the test runner open.
  const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    // The webview keeps localStorage (the chosen language) under XDG_DATA_HOME: give each data
    // folder its own, so no test inherits another's settings, while a restart keeps them.
    env: {
      ...process.env,
      HAMYAR_DATA_DIR: dataDir,
      XDG_DATA_HOME: path.join(dataDir, "xdg-data"),
      XDG_CONFIG_HOME: path.join(dataDir, "xdg-config"),
      XDG_CACHE_HOME: path.join(dataDir, "xdg-cache"),
      ...env,
    },
    stdio: "ignore",
    detached: true,
  });
  try {
    await waitForPort(port, driver);
    const browser = await remote({
      hostname: "127.0.0.1",
      port,
      logLevel: "warn",
      capabilities: {
        browserName: "wry",
        "wdio:enforceWebDriverClassic": true,
        "tauri:options": { application: binary },
      },
    });
    const close = async () => {
      try { await browser.deleteSession(); } finally { await stopGroup(driver); }
    };
    return { browser, close };
  } catch (e) {
    await stopGroup(driver);
    throw e;
  }
}

/** Ends tauri-driver's whole process group: SIGTERM, then SIGKILL for whatever is left. */
async function stopGroup(driver) {
  const signal = (sig) => {
    try { process.kill(-driver.pid, sig); } catch { /* the group is already gone */ }
  };
  signal("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  signal("SIGKILL");
}

/** Waits for the app's first screen to be drawn by Svelte. */
export async function ready(browser) {
  await browser.waitUntil(async () => (await browser.$$("[data-testid=nav-dashboard]")).length > 0, {
    timeout: 15000,
    timeoutMsg: "the app shell did not render",
  });
}

/** Saves a screenshot after two animation frames (earlier ones can show a stale frame). */
export async function screenshot(browser, name) {
  mkdirSync(artifacts, { recursive: true });
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const file = path.join(artifacts, `${name}.png`);
  await browser.saveScreenshot(file);
  return file;
}

/** Runs hamyar-cli --json on a data folder; returns { code, json }. */
export function cli(dataDir, ...args) {
  try {
    const out = execFileSync(cliBinary, ["--data-dir", dataDir, "--json", ...args], { encoding: "utf8" });
    return { code: 0, json: JSON.parse(out) };
  } catch (e) {
    return { code: e.status, json: e.stdout ? JSON.parse(e.stdout) : null };
  }
}

/** Clears a field and types a value into it. */
export async function fill(browser, name, value) {
  const el = await browser.$(`[name="${name}"]`);
  await el.waitForDisplayed({ timeout: 5000 });
  await el.clearValue();
  await el.setValue(value);
}

/** The displayed text of the element with this test id, once it is shown. */
export async function textOf(browser, testid) {
  const el = await browser.$(`[data-testid="${testid}"]`);
  await el.waitForDisplayed({ timeout: 10000 });
  return el.getText();
}

/**
 * Waits until the element with this test id exists and its text passes `check` (a RegExp or a
 * function); returns the text. On a timeout, saves the screenshot `<shot>-<testid>` first.
 */
export async function waitText(browser, testid, check, { message, shot = "failure", timeout = 20000 } = {}) {
  const passes = (text) => (check instanceof RegExp ? check.test(text) : check(text));
  const el = await browser.$(`[data-testid="${testid}"]`);
  await browser
    .waitUntil(async () => (await el.isExisting()) && passes(await el.getText()), {
      timeout,
      timeoutMsg: message ?? `${testid} never matched ${check}`,
    })
    .catch(async (e) => {
      await screenshot(browser, `${shot}-${testid}`);
      throw e;
    });
  return el.getText();
}

/** Clicks the element with this test id, scrolled into view by the page itself first. */
export async function click(browser, testid) {
  const el = await browser.$(`[data-testid="${testid}"]`);
  await el.waitForDisplayed({ timeout: 10000 });
  // webdriverio's own scrollIntoView may still be scrolling when the click lands.
  await browser.execute((target) => target.scrollIntoView({ block: "center" }), el);
  await el.click();
}
