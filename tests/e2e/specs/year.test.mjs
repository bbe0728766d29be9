// The year end in the real window, on the demo cooperative: fiscal year 1404 (its last year, with
// production and worker hours) is closed with a net result typed in Persian digits; the proposal
// the window shows is the one the CLI computes, part by part and member by member; the demo's 1404
// annual assembly (meeting 2, resolution 2) approves it in cash; the payment list is written as
// XLSX; the printed distribution and member 1's slip show what was approved, the slip with the
// amount in words.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { launch, ready, freshDataDir, screenshot, cli, fill } from "../lib/app.mjs";

const dataDir = freshDataDir();
assert.equal(cli(dataDir, "init", "--demo").code, 0);

const app = await launch(dataDir);
const { browser } = app;
after(() => app.close());

const YEAR = "1404";
const NET_RESULT = "2450000000";

/** Persian-digit text as the window shows an amount («۱٬۲۳۴», «‎−۵») → the CLI's decimal string. */
function plain(text) {
  return text
    .replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String("٠١٢٣٤٥٦٧٨٩".indexOf(d)))
    .replace(/\u2212/g, "-")
    .replace(/[٬,\s\u200e\u200f]|ریال/g, "");
}

async function textOf(testid) {
  const el = await browser.$(`[data-testid="${testid}"]`);
  await el.waitForDisplayed({ timeout: 10000 });
  return el.getText();
}

async function waitText(testid, pattern, message) {
  const el = await browser.$(`[data-testid="${testid}"]`);
  await browser
    .waitUntil(async () => (await el.isExisting()) && pattern.test(await el.getText()), {
      timeout: 15000,
      timeoutMsg: message ?? `${testid} never matched ${pattern}`,
    })
    .catch(async (e) => {
      await screenshot(browser, `year-failure-${testid}`);
      throw e;
    });
}

async function click(testid) {
  if (process.env.E2E_TRACE) console.log("click", testid);
  const el = await browser.$(`[data-testid="${testid}"]`);
  await el.waitForDisplayed({ timeout: 10000 });
  await el.scrollIntoView({ block: "center" });
  await el.click();
}

async function scrollTo(id) {
  await browser.execute((target) => document.getElementById(target)?.scrollIntoView({ block: "start" }), id);
}

test("fiscal year 1404: closed, proposed as the CLI computes, approved, paid and printed", async () => {
  await ready(browser);
  await click("nav-year");
  await browser.$("[data-testid=year-screen]").waitForDisplayed({ timeout: 10000 });
  const picker = await browser.$("[data-testid=year-picker] select[name=year]");
  await picker.waitForDisplayed({ timeout: 10000 });
  await picker.selectByAttribute("value", YEAR);
  await waitText("year-status", /پایان‌یافته/, "fiscal year 1404 was not shown as ended");

  // The close: the net result in Persian digits, the reserves carried; reviewed, then recorded.
  await fill(browser, "net_result", "۲۴۵۰۰۰۰۰۰۰");
  await click("year-close-submit");
  await waitText("year-close-review-net", /۲٬۴۵۰٬۰۰۰٬۰۰۰ ریال/, "the confirmation did not restate the net result");
  await screenshot(browser, "year-close");
  await click("year-close-confirm");
  await waitText("year-status", /بسته‌شده/, "the year did not become closed");
  assert.equal(cli(dataDir, "year", "show", "--year", YEAR).json.year.status, "closed");

  // The proposal in the window is the CLI's, part by part and member by member.
  const proposed = cli(dataDir, "year", "propose", "--year", YEAR);
  assert.equal(proposed.code, 0, JSON.stringify(proposed.json));
  const proposal = proposed.json;
  assert.equal(proposal.net_result, NET_RESULT);
  assert.ok(proposal.members.length > 0, "the demo's 1404 distribution names no member");
  for (const part of proposal.parts) {
    assert.equal(plain(await textOf(`year-part-${part.kind}-amount`)), part.amount, `part ${part.kind}`);
  }
  assert.equal(plain(await textOf("year-parts-total")), NET_RESULT);
  for (const member of proposal.members) {
    const no = member.membership_no ?? member.member;
    assert.equal(plain(await textOf(`year-member-${no}-total`)), member.total, `member ${no}`);
  }
  await scrollTo("year-proposal");
  await screenshot(browser, "year-proposal");

  // The approval on the 1404 annual assembly's resolution 2, paid in cash.
  const approval = await browser.$("[data-testid=year-approve-option] select[name=approval]");
  await approval.waitForDisplayed({ timeout: 10000 });
  await approval.selectByAttribute("value", "2:2");
  await click("year-capitalise-none");
  await click("year-approve-submit");
  await waitText("year-approve-review", /مصوبه‌ی شماره ۲/, "the approval was not restated before it was recorded");
  await click("year-approve-confirm");
  await waitText("year-status", /تصویب‌شده/, "the year did not become approved");
  const shown = cli(dataDir, "year", "show", "--year", YEAR).json;
  assert.equal(shown.year.status, "approved");
  assert.equal(shown.approved.meeting, 2);
  assert.equal(shown.approved.resolution, 2);
  assert.equal(shown.approved.capitalise, "none");
  const first = shown.approved.payouts.find((p) => p.membership_no === 1);
  assert.ok(first, "member 1 has no payout");
  assert.equal(plain(await textOf("year-payout-1-payable")), first.payable);

  // The payment list, written into the data folder's exports.
  await click("year-payments-xlsx");
  const path = await textOf("year-payments-path");
  assert.ok(existsSync(path), `the payment list ${path} was not written`);
  assert.match(path, /\.xlsx$/);
  await scrollTo("year-approved");
  await screenshot(browser, "year-approved");

  // The distribution for the assembly, in print preview.
  await click("year-print-proposal");
  const doc = await browser.$("[data-testid=proposal-doc]");
  await doc.waitForDisplayed({ timeout: 10000 });
  const printed = await doc.getText();
  assert.match(printed, /تقسیم مازاد سال مالی ۱۴۰۴/);
  assert.match(printed, /مصوبه‌ی شماره‌ی ۲/);
  assert.match(printed, /رئیس هیئت مدیره/);
  assert.match(printed, /بازرس/);
  assert.equal(plain(await textOf("proposal-parts-total")), NET_RESULT);
  await screenshot(browser, "year-proposal-print");
  await browser.execute(() => document.querySelector("[data-testid=proposal-doc] table.members")?.scrollIntoView({ block: "start" }));
  await screenshot(browser, "year-proposal-print-members");
  await click("print-back");
  await browser.$("[data-testid=year-screen]").waitForDisplayed({ timeout: 10000 });
  await waitText("year-status", /تصویب‌شده/, "«بازگشت» did not land on the approved year");

  // Member 1's slip: her name, the amount and the amount in words.
  await click("year-slip-1");
  const slip = await browser.$("[data-testid=slip-doc]");
  await slip.waitForDisplayed({ timeout: 10000 });
  const slipText = await slip.getText();
  assert.match(slipText, /مریم احمدی/);
  assert.equal(plain(await textOf("slip-payable")), first.payable);
  const words = await textOf("slip-payable-words");
  assert.match(words, /به حروف: .+ ریال/);
  const expected = (shown.words ?? []).find((w) => w.membership_no === 1);
  if (expected) assert.ok(words.includes(expected.payable), `the slip's words «${words}» are not «${expected.payable}»`);
  await screenshot(browser, "year-slip");
  await click("print-back");
  await browser.$("[data-testid=year-screen]").waitForDisplayed({ timeout: 10000 });
});
