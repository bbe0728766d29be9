// Search over 10,000 members in the real window: from a keystroke in the members' filter box to
// the rows drawn, for a typed name growing letter by letter and shrinking back. Not a test: it
// prints figures for docs/benchmarks.md.
//
// "Drawn" is the second animation frame after the last change to the table (the first frame's
// callbacks run before it is painted, the second's after). A keystroke that leaves the table as
// it was (the same members match) ends two frames after the keystroke. Nothing is capped: a
// sample only stops waiting after 20 s, and such a sample is counted as capped in the output.
//
//   make bench-startup   (runs this after startup.mjs)
//   WEBKIT_DISABLE_COMPOSITING_MODE=1 …   WebKitGTK without accelerated compositing, which under
//                                         Xvfb otherwise runs on software GL (llvmpipe)
import path from "node:path";
import { execFileSync } from "node:child_process";
import { launch, freshDataDir, root } from "../lib/app.mjs";

const profile = process.env.BENCH_PROFILE ?? "release";
const target = process.env.CARGO_TARGET_DIR ?? path.join(root, "target");
const binary = path.join(target, profile, "hamyar");
const cli = path.join(target, profile === "release" ? "release" : "debug", "hamyar-cli");
const members = Number(process.env.BENCH_MEMBERS ?? 10000);

const dataDir = freshDataDir();
execFileSync(cli, ["--data-dir", dataDir, "seed", "--members", String(members), "--years", "1", "--production-per-day", "1"], {
  stdio: "ignore",
});
const app = await launch(dataDir, { binary, env: { HAMYAR_AUTO_BACKUP: "off" } });
const { browser } = app;
try {
  await browser.waitUntil(async () => (await browser.$$("[data-testid=nav-members]")).length > 0, { timeout: 60000 });
  const opened = performance.now();
  await (await browser.$("[data-testid=nav-members]")).click();
  await browser.waitUntil(async () => (await browser.$$("[data-testid=member-count]")).length > 0, {
    timeout: 60000,
    interval: 5,
  });
  console.log(JSON.stringify({ what: `open the members screen with ${members} members (WebDriver click to count shown)`, ms: Math.round(performance.now() - opened) }));
  const word = "رضایی";
  const queries = [];
  for (let i = 1; i <= word.length; i++) queries.push(word.slice(0, i));
  for (let i = word.length - 1; i >= 0; i--) queries.push(word.slice(0, i));
  const samples = [];
  for (const q of queries) {
    const sample = await browser.executeAsync((query, done) => {
      const input = document.getElementById("member-search");
      const table = document.getElementById("member-table");
      const t0 = performance.now();
      let frames = 0;
      let changedAt = null; // frames seen when the table last changed
      let finished = false;
      const observer = new MutationObserver(() => {
        changedAt = frames;
      });
      const finish = (capped) => {
        if (finished) return;
        finished = true;
        observer.disconnect();
        done({ ms: performance.now() - t0, changed: changedAt !== null, capped });
      };
      const frame = () => {
        frames++;
        if (frames >= 2 && (changedAt === null || frames - changedAt >= 2)) finish(false);
        else requestAnimationFrame(frame);
      };
      observer.observe(table, { subtree: true, childList: true, characterData: true, attributes: true });
      input.value = query;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      requestAnimationFrame(frame);
      // Below WebDriver's 30 s script timeout, so a stuck sample is reported rather than lost.
      setTimeout(() => finish(true), 20000);
    }, q);
    samples.push(sample);
  }
  const times = samples.map((s) => s.ms);
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    JSON.stringify({
      what: `keystroke to rendered rows over ${members} members`,
      keystrokes: times.length,
      table_changed: samples.filter((s) => s.changed).length,
      capped_at_20s: samples.filter((s) => s.capped).length,
      median_ms: Number(median.toFixed(1)),
      max_ms: Number(sorted[sorted.length - 1].toFixed(1)),
      samples_ms: times.map((ms) => Math.round(ms)),
    }),
  );
} finally {
  await app.close();
}
