// Cold start and idle memory of Hamyar beside a hello-world Tauri 2 window (bench/hello), in the
// same run, under Xvfb: the floor WebKitGTK sets. Not a test: it prints figures for
// docs/benchmarks.md and asserts nothing.
//
//   make bench-startup     (builds both release binaries, then runs this under xvfb-run)
//
// Start: from asking tauri-driver for a session (which launches the app) until the first screen's
// marker is in the DOM — the hello page's heading; Hamyar's dashboard with its figures loaded
// (the journal's event count). Both include the same WebDriver overhead, so compare them as a
// ratio. The page's own DOMContentLoaded (navigation timing) is printed too.
// Memory: 5 s after the start, the proportional set size (PSS: shared libraries counted once
// across processes, unlike RSS) of the app and all its webview processes, summed.
import { readFileSync, readdirSync, existsSync, cpSync } from "node:fs";
import path from "node:path";
import { launch, freshDataDir, root } from "../lib/app.mjs";
import { execFileSync } from "node:child_process";

const profile = process.env.BENCH_PROFILE ?? "release";
const target = process.env.CARGO_TARGET_DIR ?? path.join(root, "target");
const hamyar = path.join(target, profile, "hamyar");
const hello = path.join(target, profile, "hamyar-hello");
const cli = path.join(target, profile === "release" ? "release" : "debug", "hamyar-cli");
const runs = Number(process.env.BENCH_RUNS ?? 5);

/** Every process id whose parent chain reaches `pid`, and `pid` itself. */
function family(pid) {
  const parent = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parent.set(Number(name), ppid);
    } catch { /* gone */ }
  }
  const out = [pid];
  for (const [p] of parent) {
    let q = p;
    while (q > 1 && parent.has(q)) {
      q = parent.get(q);
      if (q === pid) { out.push(p); break; }
    }
  }
  return out;
}

function pssKiB(pids) {
  let sum = 0;
  for (const p of pids) {
    try {
      const m = readFileSync(`/proc/${p}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
      if (m) sum += Number(m[1]);
    } catch { /* gone */ }
  }
  return sum;
}

function appPid(binary) {
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0")[0];
      if (cmd === binary) return Number(name);
    } catch { /* gone */ }
  }
  return null;
}

async function measure(label, binary, marker, prepare) {
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
      await new Promise((r) => setTimeout(r, 5000));
      const pid = appPid(binary);
      if (pid) memory.push(pssKiB(family(pid)) / 1024);
    } finally {
      await app.close();
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const row = { label, start_ms: median(starts), dom_content_loaded_ms: median(loaded), pss_mib: median(memory) };
  console.log(JSON.stringify(row));
  return row;
}

const results = [];
results.push(await measure("hello-world Tauri 2", hello, "[data-testid=hello]"));
results.push(
  await measure("Hamyar, small ledger", hamyar, "[data-testid=dashboard-event-count]", (dir) => {
    execFileSync(cli, ["--data-dir", dir, "seed", "--preset", "small"], { stdio: "ignore" });
  }),
);
const large = path.join(target, "bench-data", "large", "hamyar.sqlite3");
if (existsSync(large)) {
  results.push(
    await measure("Hamyar, large ledger", hamyar, "[data-testid=dashboard-event-count]", (dir) => {
      cpSync(large, path.join(dir, "hamyar.sqlite3"));
    }),
  );
} else {
  console.log(`(no ${large}: run make bench first for the large ledger)`);
}
const base = results[0];
for (const r of results.slice(1)) {
  console.log(
    `${r.label}: start ${(r.start_ms / base.start_ms).toFixed(2)}× hello's, ` +
      `${(r.start_ms / base.dom_content_loaded_ms).toFixed(2)}× hello's DOMContentLoaded; ` +
      `PSS hello + ${(r.pss_mib - base.pss_mib).toFixed(1)} MiB`,
  );
}
