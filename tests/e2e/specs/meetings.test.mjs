// Assemblies in the real window. (a) The annual ordinary assembly with elections, from the form to
// the printed minutes: convened, its notice checked live before it is recorded (a notice 19 days
// ahead is refused, 25 days is within 20–40) and recorded with the statute's warnings for the late
// annual deadlines, a proxy, members checked in with the keyboard until the quorum is met, a
// resolution, a board election whose tie is settled by lot, the minutes, their print preview,
// notification and closing. (b) A first call that fails for lack of quorum and a second call,
// created from it, that is held with three members and passes a resolution.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { launch, ready, freshDataDir, screenshot, cli, fill } from "../lib/app.mjs";

const dataDir = freshDataDir();
assert.equal(cli(dataDir, "init", "--demo").code, 0);
// Today is long past the last fiscal year's annual deadlines: the statute (amended today) lets
// them through as warnings, so the annual assembly can still be held.
const amended = cli(dataDir, "statute", "set", "--warn-only", "annual_notice_late,annual_assembly_late",
  "--resolution", "مصوبه مجمع فوق‌العاده");
assert.equal(amended.code, 0, JSON.stringify(amended.json));

const app = await launch(dataDir);
const { browser } = app;
after(() => app.close());

/** Today in Tehran (UTC+03:30), ISO. */
function tehranToday() {
  return new Date(Date.now() + 210 * 60_000).toISOString().slice(0, 10);
}
function isoDaysFrom(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** The Jalali date as a clerk types it (Latin digits are accepted too). */
const jalali = (iso) => cli(dataDir, "date", iso).json.jalali;

const TODAY = tehranToday();
const meetings = () => cli(dataDir, "meeting", "list").json;
const show = (id) => cli(dataDir, "meeting", "show", "--meeting", String(id)).json;

async function textOf(testid) {
  const el = await browser.$(`[data-testid="${testid}"]`);
  await el.waitForDisplayed({ timeout: 10000 });
  return el.getText();
}

async function waitText(testid, pattern, message) {
  const el = await browser.$(`[data-testid="${testid}"]`);
  await browser
    .waitUntil(async () => (await el.isExisting()) && pattern.test(await el.getText()), {
      timeout: 10000,
      timeoutMsg: message ?? `${testid} never matched ${pattern}`,
    })
    .catch(async (e) => {
      await screenshot(browser, `meetings-failure-${testid}`);
      throw e;
    });
}

/** Fills the control named `name` (the wire name of its field). */
async function put(name, value) {
  if (process.env.E2E_TRACE) console.log("fill", name);
  await fill(browser, name, value);
}

async function click(testid) {
  if (process.env.E2E_TRACE) console.log("click", testid);
  const el = await browser.$(`[data-testid="${testid}"]`);
  await el.waitForDisplayed({ timeout: 10000 });
  await el.scrollIntoView({ block: "center" });
  await el.click();
}

async function stageIs(word) {
  await waitText("meeting-stage", new RegExp(word), `the stage never became «${word}»`);
}

/** Checks a member in from the keyboard: type the number into the check-in field and press Enter. */
async function checkIn(no, name) {
  const input = await browser.$("[data-testid=checkin-input]");
  await input.waitForDisplayed({ timeout: 10000 });
  await browser.execute((el) => el.focus(), input);
  await browser.keys(String(no).split(""));
  await browser.keys("Enter");
  await waitText("checkin-status", new RegExp(`${name}.*ثبت شد`), `member ${no} was not checked in`);
}

test("(a) an annual ordinary assembly with elections, from notice to printed minutes", async () => {
  await ready(browser);
  await click("nav-meetings");
  await browser.$("[data-testid=meetings-screen]").waitForDisplayed({ timeout: 10000 });
  await click("meeting-new");
  await browser.$("[data-testid=meeting-form]").waitForDisplayed({ timeout: 10000 });

  await browser.$("select[name=kind]").selectByAttribute("value", "ordinary");
  await click("meeting-annual");
  await click("meeting-elections");
  // Check-in is refused before the meeting's day, so the assembly is held today.
  await put("date", jalali(TODAY));
  await put("hour", "۱۰:۰۰");
  // The place comes from the cooperative's address; the proxy check has a default.
  await browser.waitUntil(async () => (await browser.$("[name=place]").getValue()).length > 5, {
    timeout: 5000,
    timeoutMsg: "the cooperative's address was not filled in",
  });
  const proxyCheck = await browser.$("[data-testid=meeting-proxy-check]");
  await proxyCheck.clearValue();
  await proxyCheck.setValue("دفتر تعاونی، روز جلسه از ساعت ۸ تا ۹:۳۰");
  await put("candidacy_until", jalali(isoDaysFrom(TODAY, -5)));
  // One item per line (typed lines; WebDriver's newline is a key press the textarea keeps).
  const agenda = await browser.$("[data-testid=meeting-agenda]");
  await agenda.click();
  for (const [i, line] of ["گزارش هیئت مدیره و بازرس", "تصویب صورت‌های مالی سال ۱۴۰۴", "انتخاب اعضای هیئت مدیره"].entries()) {
    if (i > 0) await browser.keys("Enter");
    await agenda.addValue(line);
  }
  await click("meeting-save");

  await browser.$("[data-testid=meeting-page]").waitForDisplayed({ timeout: 10000 });
  await stageIs("دعوت شده");
  const [created] = meetings();
  assert.equal(created.stage, "convened");
  assert.equal(created.annual, true);
  assert.equal(created.elections, true);
  assert.equal(created.date, TODAY);
  // Stored with ASCII digits (the backend normalises text); shown with Persian digits.
  assert.deepEqual(created.agenda, ["گزارش هیئت مدیره و بازرس", "تصویب صورت‌های مالی سال 1404", "انتخاب اعضای هیئت مدیره"]);
  const id = created.meeting;

  // The notice: 19 days ahead is refused before anything is recorded, with the reason and numbers.
  await put("published", jalali(isoDaysFrom(TODAY, -19)));
  await waitText("notice-preview", /۱۹ روز، حداقل ۲۰/, "the too-short notice was not explained before saving");
  assert.match(await textOf("notice-preview"), /ثبت نمی‌شود/);
  // 25 days ahead is within the election window; the late annual deadlines are only warnings.
  await put("published", jalali(isoDaysFrom(TODAY, -25)));
  await browser.waitUntil(async () => !/۱۹ روز/.test(await textOf("notice-preview")), {
    timeout: 10000,
    timeoutMsg: "the preview did not follow the new date",
  });
  await waitText("notice-preview", /با هشدار ثبت می‌شود/);
  const preview = await textOf("notice-preview");
  assert.match(preview, /چهار ماه/);
  assert.doesNotMatch(preview, /ثبت نمی‌شود/);
  await put("reference", "روزنامه‌ی اطلاعات، شماره‌ی ۲۸۴۵۶");
  await click("notice-save");
  await stageIs("آگهی شده");
  await waitText("meeting-warnings", /چهار ماه/, "the recorded warning was not shown on the meeting page");
  assert.match(await textOf("meeting-warnings"), /دو ماه/);
  assert.equal(show(id).notices[0].published, isoDaysFrom(TODAY, -25));

  // Posting the notice, from the checklist.
  await click("posting-head_office");
  await click("posting-workshops");
  await click("posting-save");
  await browser.waitUntil(async () => show(id).notices.length === 2, { timeout: 10000, timeoutMsg: "posting not recorded" });
  assert.equal(show(id).notices[1].channel, "posting");

  // A proxy: member 9 (سمیرا قاسمی) to member 1 (مریم احمدی).
  await put("principal", "9");
  await put("holder", "1");
  // Leave the holder's picker as a user does (its suggestion list closes), so the list cannot lie
  // over the save button when the page scrolls it into view.
  await browser.keys("Tab");
  await click("proxy-save");
  await waitText("proxies-table", /سمیرا قاسمی/, "the proxy was not listed");
  assert.equal(show(id).proxies[0].holder.value, 1);
  await browser.execute(() => {
    document.activeElement?.blur();
    for (const el of [document.getElementById("main"), document.scrollingElement]) if (el) el.scrollTop = 0;
  });
  await screenshot(browser, "meeting-page");

  // Check-in at the door, keyboard only, until the quorum (5 of 9) is met.
  await waitText("quorum-met", /حد نصاب حاصل نیست/);
  await checkIn(1, "مریم احمدی");
  await checkIn(2, "رضا کریمی");
  await checkIn(3, "زهرا موسوی");
  await waitText("quorum-met", /حد نصاب حاصل نیست/);
  await checkIn(4, "حسین رضایی");
  await waitText("quorum-met", /حد نصاب حاصل است/, "the quorum panel did not turn to met");
  assert.equal(await textOf("quorum-present"), "۵");
  assert.equal(await textOf("quorum-by-proxy"), "۱");
  await stageIs("در حال برگزاری");
  await browser.execute(() => document.getElementById("meeting-checkin")?.scrollIntoView({ block: "start" }));
  await screenshot(browser, "meeting-checkin");

  // A resolution: the outcome is computed, never typed.
  await put("text", "صورت‌های مالی سال ۱۴۰۴ تصویب شد");
  await put("yes", "۴");
  await put("no", "۱");
  await put("abstain", "۰");
  await click("resolution-save");
  await waitText("resolution-1", /تصویب شد/, "the resolution was not listed as passed");

  // The board election: candidates 2, 3 and 4 tie across the principals' boundary; the order
  // drawn by lot settles it.
  await browser.$("select[name=body]").selectByAttribute("value", "board");
  await put("seats", "3");
  await put("alternates", "1");
  await put("ballots", "5");
  const votes = [["1", "5"], ["2", "4"], ["3", "4"], ["4", "4"], ["5", "2"]];
  for (const [i, [no, count]] of votes.entries()) {
    if (i >= 4) await click("candidate-add");
    await put(`candidate-${i}`, no);
    await put(`votes-${i}`, count);
  }
  await click("election-save");
  await waitText("election-lot", /رأی برابر/, "the lot prompt did not appear for the tie");
  await put("lot-4", "1");
  await put("lot-2", "2");
  await put("lot-3", "3");
  await click("election-lot-save");
  await waitText("election-result-board", /حسین رضایی/, "the election result was not shown");
  const election = show(id).elections[0];
  assert.deepEqual(election.result.principals.map((r) => r.membership_no), [1, 4, 2]);
  assert.deepEqual(election.result.alternates.map((r) => r.membership_no), [3]);

  // The minutes: reviewed, then recorded.
  await put("chair", "رضا کریمی");
  await put("secretary", "زهرا موسوی");
  await put("observers", "علی جعفری");
  await click("minutes-save");
  await click("minutes-confirm");
  await stageIs("صورتجلسه شده");

  // The minutes in print preview.
  await click("print-minutes");
  const doc = await browser.$("[data-testid=minutes-doc]");
  await doc.waitForDisplayed({ timeout: 10000 });
  const minutes = await doc.getText();
  assert.match(minutes, /صورت‌های مالی سال ۱۴۰۴ تصویب شد/);
  assert.match(minutes, /تصویب شد/);
  for (const name of ["مریم احمدی", "حسین رضایی", "رضا کریمی", "زهرا موسوی", "علی جعفری"]) assert.match(minutes, new RegExp(name));
  assert.match(minutes, /از ۹ عضو دارای حق رأی، ۵ رأی حاضر بود/);
  assert.match(minutes, /مدت مأموریت/);
  assert.match(minutes, /اعضای علی‌البدل/);
  assert.match(minutes, /با قرعه تعیین شد/);
  await screenshot(browser, "meeting-minutes");
  await browser.execute(() => document.querySelector("[data-testid=minutes-elections]")?.scrollIntoView({ block: "start" }));
  await screenshot(browser, "meeting-minutes-elections");
  await click("print-back");
  await browser.$("[data-testid=meeting-page]").waitForDisplayed({ timeout: 10000 });

  // The other papers open too: the notice with every required content, and the attendance sheet.
  await click("print-notice");
  const notice = await browser.$("[data-testid=notice-doc]");
  await notice.waitForDisplayed({ timeout: 10000 });
  const noticeText = await notice.getText();
  assert.match(noticeText, /آگهی دعوت مجمع عمومی عادی سالیانه \(نوبت اول\)/);
  assert.match(noticeText, /انتخاب اعضای هیئت مدیره/);
  assert.match(noticeText, /ساعت ۱۰:۰۰ روز/);
  assert.match(noticeText, /روز جلسه از ساعت ۸ تا ۹:۳۰/);
  assert.match(noticeText, /داوطلبان عضویت در هیئت مدیره/);
  await screenshot(browser, "meeting-notice");
  await click("print-back");
  await click("print-ballot");
  await browser.$("[data-testid=ballot-doc]").waitForDisplayed({ timeout: 10000 });
  await click("print-back");

  // Notified, then closed.
  await click("notify-save");
  await stageIs("ابلاغ شده");
  await click("meeting-close");
  await click("end-confirm");
  await stageIs("بسته شده");

  const recorded = show(id);
  assert.equal(recorded.meeting.stage, "closed");
  assert.equal(recorded.resolutions.length, 1);
  assert.equal(recorded.resolutions[0].tally.passed, true);
  assert.equal(recorded.minutes.chair, "رضا کریمی");
  assert.ok(recorded.meeting.warnings.some((w) => w.code === "annual_assembly_late"));
});

test("(b) a first call that fails for lack of quorum, and a second call that passes", async () => {
  // The first call, yesterday, through the CLI: noticed 15 days ago, one member came.
  const yesterday = isoDaysFrom(TODAY, -1);
  const first = cli(dataDir, "meeting", "create", "--kind", "ordinary", "--date", yesterday,
    "--agenda", "تعیین حق حضور اعضای هیئت مدیره", "--agenda", "خرید دستگاه تراش");
  assert.equal(first.code, 0, JSON.stringify(first.json));
  const firstId = first.json.id;
  assert.equal(cli(dataDir, "meeting", "notice", "--meeting", String(firstId), "--published",
    isoDaysFrom(TODAY, -15), "--channel", "newspaper").code, 0);
  assert.equal(cli(dataDir, "meeting", "checkin", "--meeting", String(firstId), "--member", "1").code, 0);

  await click("nav-meetings");
  const row = await browser.$(`[data-testid=meeting-row-${firstId}]`);
  await row.waitForExist({ timeout: 10000 });
  await screenshot(browser, "meetings-list");
  await browser.execute((el) => el.focus(), row);
  await browser.keys("Enter");
  await browser.$("[data-testid=meeting-page]").waitForDisplayed({ timeout: 10000 });
  await waitText("quorum-met", /حد نصاب حاصل نیست/);

  // «عدم حد نصاب», confirmed.
  await click("meeting-fail");
  await waitText("end-dialog", /۱ رأی حاضر از ۵ رأی لازم/);
  await click("end-confirm");
  await stageIs("به حد نصاب نرسید");
  assert.equal(show(firstId).meeting.stage, "failed");

  // «ایجاد نوبت دوم» opens the form filled in from the first call.
  await click("meeting-next-call");
  await browser.$("[data-testid=meeting-form]").waitForDisplayed({ timeout: 10000 });
  assert.equal(await browser.$("select[name=call]").getValue(), "2");
  assert.equal(await browser.$("select[name=previous]").getValue(), String(firstId));
  assert.match(await browser.$("[data-testid=meeting-agenda]").getValue(), /خرید دستگاه تراش/);
  await put("date", jalali(TODAY));
  await click("meeting-save");
  await browser.$("[data-testid=meeting-page]").waitForDisplayed({ timeout: 10000 });
  await stageIs("دعوت شده");
  const second = meetings().find((m) => m.previous === firstId);
  assert.ok(second, "the second call was not recorded");
  assert.equal(second.call, 2);
  assert.equal(second.date, TODAY);

  await put("published", jalali(isoDaysFrom(TODAY, -12)));
  await waitText("notice-preview", /می‌خواند/, "a valid notice was not said to be within the rules");
  await click("notice-save");
  await stageIs("آگهی شده");

  // The second call of an ordinary assembly needs any number, but not fewer than the presiding panel (3).
  await checkIn(5, "فاطمه حسینی");
  await checkIn(6, "علی جعفری");
  await waitText("quorum-met", /حد نصاب حاصل نیست/);
  await checkIn(7, "نرگس صادقی");
  await waitText("quorum-met", /حد نصاب حاصل است/);
  assert.equal(await textOf("quorum-required"), "۳");

  await put("text", "خرید یک دستگاه تراش CNC تصویب شد");
  await put("yes", "3");
  await click("resolution-save");
  await waitText("resolution-1", /تصویب شد/);

  const recorded = show(second.meeting);
  assert.equal(recorded.meeting.stage, "held");
  assert.equal(recorded.meeting.previous, firstId);
  assert.equal(recorded.resolutions[0].tally.passed, true);
  assert.equal(recorded.resolutions[0].tally.votes_present, 3);
});

test("(c) a board meeting: convened without notice, only the board's principals check in, closed after its minutes", async () => {
  // The board in office is the demo's, elected in 1404 for three years (principals 1, 2, 6, 3, 4);
  // the board elected in (a) starts when that term ends.
  await click("nav-meetings");
  await click("meeting-new");
  await browser.$("[data-testid=meeting-form]").waitForDisplayed({ timeout: 10000 });
  await browser.$("select[name=kind]").selectByAttribute("value", "board");
  assert.equal(await browser.$("[name=call]").isExisting(), false);
  assert.equal(await browser.$("[data-testid=meeting-elections]").isExisting(), false);
  await put("date", jalali(TODAY));
  await put("place", "دفتر تعاونی");
  await browser.$("[data-testid=meeting-agenda]").setValue("انتخاب رئیس و نایب‌رئیس هیئت مدیره");
  await click("meeting-save");
  await browser.$("[data-testid=meeting-page]").waitForDisplayed({ timeout: 10000 });
  await stageIs("دعوت شده");
  assert.equal(await browser.$("[data-testid=notice-form]").isExisting(), false);
  assert.equal(await browser.$("[data-testid=print-notice]").isExisting(), false);

  const input = await browser.$("[data-testid=checkin-input]");
  await browser.execute((el) => el.focus(), input);
  await browser.keys(["9", "Enter"]);
  await waitText("checkin-status", /عضو اصلی هیئت مدیره‌ی کنونی نیست/, "a member outside the board was not refused");
  await checkIn(1, "مریم احمدی");
  await checkIn(4, "حسین رضایی");
  await waitText("quorum-met", /حد نصاب حاصل نیست/);
  await checkIn(2, "رضا کریمی");
  await waitText("quorum-met", /حد نصاب حاصل است/);
  await put("text", "مریم احمدی به ریاست هیئت مدیره برگزیده شد");
  await put("yes", "2");
  await click("resolution-save");
  await waitText("resolution-1", /تصویب شد/);
  await put("chair", "مریم احمدی");
  await put("secretary", "حسین رضایی");
  await click("minutes-save");
  await click("minutes-confirm");
  await stageIs("صورتجلسه شده");
  assert.equal(await browser.$("[data-testid=notify-form]").isExisting(), false);
  await click("meeting-close");
  await click("end-confirm");
  await stageIs("بسته شده");
  const board = meetings().find((m) => m.kind === "board");
  assert.equal(board.stage, "closed");
  assert.equal(show(board.meeting).quorum.entitled, 5);
});
