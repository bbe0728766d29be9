// Search over 10,000 members in the real window: from a keystroke in the members' filter box to
// the rows drawn (two animation frames after the table changed), for a typed name growing letter
// by letter and shrinking back. Not a test: it prints figures for docs/benchmarks.md.
//
//   make bench-startup   (runs this after startup.mjs)
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
  const times = [];
  for (const q of queries) {
    const ms = await browser.executeAsync((query, done) => {
      const input = document.getElementById("member-search");
      const table = document.getElementById("member-table");
      const t0 = performance.now();
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
      };
      const observer = new MutationObserver(finish);
      observer.observe(table, { subtree: true, childList: true, characterData: true });
      input.value = query;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      setTimeout(finish, 3000);
    }, q);
    times.push(ms);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    JSON.stringify({
      what: `keystroke to rendered rows over ${members} members`,
      keystrokes: times.length,
      median_ms: Number(median.toFixed(1)),
      max_ms: Number(sorted[sorted.length - 1].toFixed(1)),
    }),
  );
} finally {
  await app.close();
}
