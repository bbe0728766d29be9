import { describe, expect, it } from "vitest";
import { COOP, meeting } from "./fixture";
import { buildNotice } from "./notice-text";

const STATUTE = { proxies_per_member: 3, proxies_per_non_member: 1 };

describe("the notice of an assembly", () => {
  it("carries every content the regulation requires, in the newspaper form", () => {
    const text = buildNotice(meeting({ stage: "convened" }), COOP, STATUTE, "newspaper");
    const all = [text.heading, text.cooperative, text.lead, text.agendaTitle, ...text.agenda, text.proxy, text.candidacy, text.signer].join("\n");
    expect(text.heading).toBe("آگهی دعوت مجمع عمومی عادی سالیانه (نوبت اول)");
    expect(text.cooperative).toBe("شرکت تعاونی تولیدی نمونه (شماره‌ی ثبت ۱۲۳۴، شناسه‌ی ملی ۱۰۳۸۰۲۸۴۷۹۰)");
    // Day and hour, with the weekday, in Jalali; the place with its full address.
    expect(text.lead).toContain("ساعت ۱۰:۰۰ روز شنبه ۷ آذر ۱۴۰۵");
    expect(text.lead).toContain("اراک، شهرک صنعتی خیرآباد، خیابان صنعت ۱۲");
    expect(text.agenda).toEqual(["گزارش هیئت مدیره و بازرس", "انتخاب اعضای هیئت مدیره"]);
    // When and where proxies are checked, with the statute's limits.
    expect(text.proxy).toContain("دفتر تعاونی، ۵ آذر");
    expect(text.proxy).toContain("حداکثر ۳ رأی");
    // The candidacy deadline, for an election assembly.
    expect(text.candidacy).toContain("دوشنبه ۲ آذر ۱۴۰۵");
    expect(text.signer).toBe("هیئت مدیره‌ی شرکت تعاونی تولیدی نمونه");
    expect(text.addressee).toBeNull();
    expect(text.receipt).toBeNull();
    expect(all).not.toMatch(/[0-9]/);
  });

  it("addresses a written invitation to one member, with a receipt slip", () => {
    const text = buildNotice(meeting(), COOP, STATUTE, "written", { name: "مریم احمدی", membershipNo: 12 });
    expect(text.addressee).toBe("عضو محترم، مریم احمدی (شماره‌ی عضویت ۱۲)");
    expect(text.lead).toContain("از شما دعوت می‌شود");
    expect(text.receipt).toContain("رسید");
    expect(buildNotice(meeting(), COOP, STATUTE, "written").addressee).toContain("......");
  });

  it("says why a later call is held, and leaves out candidacy without elections", () => {
    const text = buildNotice(meeting({ call: 2, previous: 1, elections: false, annual: false }), null, null, "newspaper");
    expect(text.heading).toBe("آگهی دعوت مجمع عمومی عادی (نوبت دوم)");
    expect(text.laterCall).toContain("نوبت اول");
    expect(text.candidacy).toBeNull();
    expect(text.cooperative).toBe("تعاونی");
  });

  it("is signed by the inspector when an inspector convenes", () => {
    expect(buildNotice(meeting({ convened_by: "inspector" }), COOP, STATUTE, "newspaper").signer).toBe(
      "بازرس شرکت تعاونی تولیدی نمونه",
    );
  });
});
