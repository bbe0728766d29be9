// Cold start and idle memory of Hamyar beside a hello-world Tauri 2 window (bench/hello), in the
// same run, under Xvfb: the floor WebKitGTK sets. Not a test: it prints figures for
// docs/benchmarks.md and asserts nothing.
//
//   make bench-startup     (builds both release binaries, then runs this under xvfb-run)
//
// Start: from asking tauri-driver for a session (which launches the app) until the first screen's
// marker is in the DOM — the hello page's heading; Hamyar's dashboard with its figures loaded
// (the journal's event count). Both include the same WebDriver overhead, so compare them as a
// ratio. The page's own DOMContentLoaded (navigation timing) is printed too. And without the
// WebDriver overhead, from the app process's own start (/proc/PID/stat, 10 ms ticks) to, for hello,
// its DOMContentLoaded, and for Hamyar, the mark the dashboard sets once its first figures are
// drawn (hamyar:dashboard-ready): the budget's comparison, as a ratio.
// Memory: 5 s after the start, the proportional set size (PSS: shared libraries counted once
// across processes, unlike RSS) of the app and all its webview processes, summed; for the launch
// with the median figure, each process's share by kind of mapping (heap, code, files, shared
// memory) and its biggest mappings (memory.mjs).
//
// BENCH_APPS=hello,small,large picks which to run (all by default); BENCH_RUNS launches each.
import { existsSync, cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { launch, freshDataDir, root } from "../lib/app.mjs";
import { appPid, describe, familyMemory } from "./memory.mjs";
import { execFileSync } from "node:child_process";

const profile = process.env.BENCH_PROFILE ?? "release";
const target = process.env.CARGO_TARGET_DIR ?? path.join(root, "target");
const hamyar = path.join(target, profile, "hamyar");
const hello = path.join(target, profile, "hamyar-hello");
const cli = path.join(target, profile === "release" ? "release" : "debug", "hamyar-cli");
const runs = Number(process.env.BENCH_RUNS ?? 5);
const apps = (process.env.BENCH_APPS ?? "hello,small,large").split(",");

const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/** When the process started, in ms since the epoch (boot time from /proc/uptime, 10 ms steps). */
function processStartEpochMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const startTicks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
  const uptime = Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);
  return Date.now() - uptime * 1000 + (startTicks * 1000) / ticksPerSecond;
}

async function measure(label, binary, marker, prepare) {
  const fromExec = [];
  const phases = [];
  const starts = [];
  const loaded = [];
  const memory = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = freshDataDir();
    prepare?.(dataDir);
    const t0 = performance.now();
    const app = await launch(dataDir, { binary, env: { HAMYAR_AUTO_BACKUP: "off" } });
    try {
      await app.browser.waitUntil(async () => (await app.browser.$$(marker)).length > 0, {
        timeout: 60000,
        interval: 5,
      });
      starts.push(performance.now() - t0);
      loaded.push(await app.browser.execute(() => {
        const t = performance.timing;
        return t.domContentLoadedEventEnd - t.navigationStart;
      }));
      const pid = appPid(binary);
      // The page's own clock: Hamyar's ready mark, or hello's DOMContentLoaded, in epoch ms.
      const shown = await app.browser.executeAsync((done) => {
        const ready = () => performance.getEntriesByName("hamyar:dashboard-ready")[0];
        const origin = performance.timeOrigin ?? performance.timing.navigationStart;
        const t = performance.timing;
        const at = (end) => ({ end, origin, dcl: t.domContentLoadedEventEnd, load: t.loadEventEnd });
        if (document.querySelector("[data-testid=hello]")) return done(at(t.domContentLoadedEventEnd));
        const wait = () => (ready() ? done(at(origin + ready().startTime)) : requestAnimationFrame(wait));
        wait();
        setTimeout(() => done(null), 30000); // no mark: an older build; the figure is left out
      });
      if (pid && shown) {
        const started = processStartEpochMs(pid);
        fromExec.push(shown.end - started);
        // Where the time goes: until the page's navigation starts (process, GTK, the webview and its
        // processes), until DOMContentLoaded (the bundle parsed and run), until the ready mark.
        phases.push({
          to_navigation_start: Math.round(shown.origin - started),
          to_dom_content_loaded: Math.round(shown.dcl - shown.origin),
          to_ready: Math.round(shown.end - shown.dcl),
        });
      }
      await new Promise((r) => setTimeout(r, 5000));
      if (pid) memory.push(familyMemory(pid));
    } finally {
      await app.close();
    }
  }
  const median = (xs, by = (x) => x) => [...xs].sort((a, b) => by(a) - by(b))[Math.floor(xs.length / 2)];
  const idle = median(memory, (m) => m.pss);
  const row = {
    label,
    process_start_to_ready_ms: fromExec.length ? Math.round(median(fromExec)) : null,
    start_ms: median(starts),
    dom_content_loaded_ms: median(loaded),
    pss_mib: idle ? idle.pss / 1024 : null,
  };
  console.log(JSON.stringify(row));
  console.log(`  phases from process start, each launch: ${JSON.stringify(phases)}`);
  if (idle) console.log(describe(idle));
  return row;
}

const results = [];
if (apps.includes("hello")) results.push(await measure("hello-world Tauri 2", hello, "[data-testid=hello]"));
if (apps.includes("small")) {
  results.push(
    await measure("Hamyar, small ledger", hamyar, "[data-testid=dashboard-event-count]", (dir) => {
      execFileSync(cli, ["--data-dir", dir, "seed", "--preset", "small"], { stdio: "ignore" });
    }),
  );
}
const large = path.join(target, "bench-data", "large", "hamyar.sqlite3");
if (apps.includes("large") && existsSync(large)) {
  results.push(
    await measure("Hamyar, large ledger", hamyar, "[data-testid=dashboard-event-count]", (dir) => {
      cpSync(large, path.join(dir, "hamyar.sqlite3"));
    }),
  );
} else if (apps.includes("large")) {
  console.log(`(no ${large}: run make bench first for the large ledger)`);
}
const base = results[0];
for (const r of apps.includes("hello") ? results.slice(1) : []) {
  console.log(
    `${r.label}: start ${(r.start_ms / base.start_ms).toFixed(2)}× hello's, ` +
      `${(r.start_ms / base.dom_content_loaded_ms).toFixed(2)}× hello's DOMContentLoaded; ` +
      `process start to the dashboard drawn ${r.process_start_to_ready_ms} ms = ` +
      `${(r.process_start_to_ready_ms / base.process_start_to_ready_ms).toFixed(2)}× hello's process start to DOMContentLoaded ` +
      `(${base.process_start_to_ready_ms} ms); ` +
      `PSS hello + ${(r.pss_mib - base.pss_mib).toFixed(1)} MiB`,
  );
}
