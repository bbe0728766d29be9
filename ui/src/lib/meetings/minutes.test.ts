import { describe, expect, it } from "vitest";
import { COOP, OFFICERS, page } from "./fixture";
import { buildMinutes } from "./minutes";

describe("the minutes built from what was recorded", () => {
  const doc = buildMinutes(page(), COOP, OFFICERS);

  it("names the meeting, the cooperative, the day and the place", () => {
    expect(doc.title).toBe("صورتجلسه‌ی مجمع عمومی عادی سالیانه (نوبت اول)");
    expect(doc.opening).toContain("شرکت تعاونی تولیدی نمونه");
    expect(doc.opening).toContain("ساعت ۱۰:۰۰ روز شنبه ۷ آذر ۱۴۰۵");
    expect(doc.notices).toContain("۱۲ آبان ۱۴۰۵");
    expect(doc.notices).toContain("۲۵ روز پیش از جلسه");
  });

  it("states the quorum in numbers", () => {
    expect(doc.quorum).toBe(
      "از ۹ عضو دارای حق رأی، ۵ رأی حاضر بود (۴ عضو حضوری و ۱ رأی با وکالت). حد نصاب لازم ۵ رأی بود و جلسه رسمیت یافت.",
    );
    expect(doc.counts.map((c) => c.value)).toEqual(["۹", "۵", "۴", "۱", "۵"]);
  });

  it("names the presiding panel and its signers", () => {
    expect(doc.panel).toBe(
      "برای اداره‌ی جلسه رضا کریمی به سمت رئیس و زهرا موسوی به سمت منشی، و علی جعفری، نرگس صادقی به سمت ناظر برگزیده شدند.",
    );
    expect(doc.signers.map((s) => `${s.role}:${s.name}`)).toEqual([
      "رئیس جلسه:رضا کریمی",
      "منشی جلسه:زهرا موسوی",
      "ناظر:علی جعفری",
      "ناظر:نرگس صادقی",
    ]);
  });

  it("gives each resolution its votes and outcome", () => {
    expect(doc.resolutions).toEqual([
      {
        number: "۱",
        text: "صورت‌های مالی سال ۱۴۰۴ تصویب شد",
        votes: "موافق ۴، مخالف ۱، ممتنع ۰، از ۵ رأی حاضر (حد لازم برای تصویب: ۳ رأی موافق)",
        outcome: "تصویب شد",
        passed: true,
      },
      expect.objectContaining({ number: "۲", outcome: "تصویب نشد", passed: false }),
    ]);
  });

  it("lists the elected, principals and alternates, with votes and term", () => {
    const [board] = doc.elections;
    expect(board?.title).toBe("انتخاب اعضای هیئت مدیره");
    expect(board?.ballots).toBe("۵ برگه‌ی رأی شمرده شد، برای ۳ کرسی اصلی و ۱ کرسی علی‌البدل.");
    expect(board?.principals.map((r) => `${r.name} ${r.votes}`)).toEqual(["مریم احمدی ۵", "رضا کریمی ۴", "زهرا موسوی ۴"]);
    expect(board?.alternates).toEqual([{ rank: "۴", membershipNo: "۴", name: "حسین رضایی", votes: "۳" }]);
    // 3 and 4 had 4 and 3 votes: no lot; with 4 votes each the order was drawn.
    expect(board?.byLot).toBeNull();
    const tied = page();
    const [election] = tied.elections;
    if (election?.result.alternates[0]) election.result.alternates[0].votes = 4;
    expect(buildMinutes(tied, COOP, OFFICERS).elections[0]?.byLot).toContain("قرعه");
    expect(board?.term).toBe("مدت مأموریت: از ۷ آذر ۱۴۰۵ تا ۷ آذر ۱۴۰۸");
  });

  it("writes a board meeting's quorum in members, and blank signers before the minutes", () => {
    const board = buildMinutes(
      page({ minutes: null, elections: [], quorum: { entitled: 5, required: 3, in_person: 4, by_proxy: 0, present: 4, met: true } }, {
        kind: "board",
        annual: false,
        elections: false,
      }),
      COOP,
      [],
    );
    expect(board.title).toBe("صورتجلسه‌ی جلسه‌ی هیئت مدیره");
    expect(board.quorum).toContain("از ۵ عضو اصلی هیئت مدیره ۴ نفر حاضر بودند");
    expect(board.counts).toHaveLength(4);
    expect(board.panel).toBeNull();
    expect(board.signers.map((s) => s.name)).toEqual(["", ""]);
  });
});
