import { describe, expect, it } from "vitest";
import { errorDetails as details } from "../testing/fixtures";
import { describeError } from "./error-text";
import { en } from "./i18n/en";
import { fa } from "./i18n/fa";

describe("an error as a sentence", () => {
  it("says the member, the share reached and the cap, in Persian digits", () => {
    const text = describeError("share_cap_exceeded", details({ membership_no: 12, value: "28.6", limit: "25" }), fa, "fa");
    expect(text).toBe("این کار مجاز نیست: سهم عضو شماره ۱۲ به ۲۸٫۶٪ سرمایه می‌رسد و سقف اساسنامه ۲۵٪ است");
  });

  it("says it in English with Latin digits", () => {
    const text = describeError("share_cap_exceeded", details({ membership_no: 12, value: "28.6", limit: "25" }), en, "en");
    expect(text).toBe("Not allowed: Member no. 12 would hold 28.6% of the capital, and the statute's cap is 25%");
  });

  it("speaks of «this member» when the member is not named", () => {
    const text = describeError("share_cap_exceeded", details({ value: "30", limit: "25" }), fa, "fa");
    expect(text).toContain("سهم این عضو به ۳۰٪");
  });

  it("falls back to the plain sentence when the details it needs are missing", () => {
    expect(describeError("share_cap_exceeded", null, fa, "fa")).toBe(fa.errors.share_cap_exceeded);
    expect(describeError("share_cap_exceeded", details({ membership_no: 3 }), fa, "fa")).toBe(
      fa.errors.share_cap_exceeded,
    );
    expect(describeError("national_code_checksum", details({ value: "1" }), fa, "fa")).toBe(
      "کد ملی وارد شده معتبر نیست",
    );
  });

  it("groups money in rials and says the membership number", () => {
    expect(
      describeError("payment_exceeds_unpaid", details({ value: "5000000", limit: "3000000" }), fa, "fa"),
    ).toBe("مبلغ پرداخت ۵٬۰۰۰٬۰۰۰ ریال است و مانده تعهد عضو ۳٬۰۰۰٬۰۰۰ ریال؛ مبلغ را کاهش دهید");
    expect(describeError("unknown_member", details({ membership_no: 40 }), fa, "fa")).toBe(
      "عضوی با شماره عضویت ۴۰ پیدا نشد؛ شماره را بررسی کنید",
    );
  });
});
