import { describe, expect, it } from "vitest";
import { ERROR_CODES, FIELDS } from "../errors";
import { STATUTE_PARAMS } from "../statute";
import { en } from "./en";
import { fa } from "./fa";

/** Every key path of a catalogue, e.g. "profile.fields.name"; arrays count as leaves. */
function keyPaths(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keyPaths(value, prefix ? `${prefix}.${key}` : key));
}

function leaf(catalogue: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalogue);
}

describe("the message catalogues", () => {
  it("have exactly the same keys in Persian and English", () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(fa).sort());
  });

  it("have no empty message, and messages with arguments take them in both languages", () => {
    for (const path of keyPaths(fa)) {
      const persian = leaf(fa, path);
      const english = leaf(en, path);
      expect(typeof english, path).toBe(typeof persian);
      if (typeof persian === "string") {
        expect(persian.trim(), path).not.toBe("");
        expect((english as string).trim(), path).not.toBe("");
      } else if (typeof persian === "function") {
        expect((english as (...args: string[]) => string).length, path).toBe(persian.length);
      } else if (Array.isArray(persian)) {
        expect((english as unknown[]).length, path).toBe(persian.length);
      }
    }
  });

  it.each(ERROR_CODES)("explain the error code %s in both languages", (code) => {
    expect(fa.errors[code]).toBeTruthy();
    expect(en.errors[code]).toBeTruthy();
    expect(fa.errors[code]).not.toBe(en.errors[code]);
  });

  it.each(FIELDS)("name the field %s in both languages", (field) => {
    expect(fa.fields[field]).toBeTruthy();
    expect(en.fields[field]).toBeTruthy();
  });

  it.each(STATUTE_PARAMS)("name the statute number %s and its source in both languages", (param) => {
    expect(fa.statute.params[param]).toBeTruthy();
    expect(en.statute.params[param]).toBeTruthy();
    expect(fa.statute.sources[param]).toBeTruthy();
    expect(en.statute.sources[param]).toBeTruthy();
  });

  it("say the required Persian sentences word for word", () => {
    expect(fa.errors.required).toBe("این فیلد الزامی است");
    expect(fa.errors.national_code_checksum).toBe("کد ملی وارد شده معتبر نیست");
    expect(fa.errors.duplicate_national_code).toBe("عضوی با این کد ملی قبلاً ثبت شده است");
    expect(fa.errors.share_cap_exceeded).toBe("این کار سهم عضو را از سقف اساسنامه بالاتر می‌برد");
    expect(fa.statute.notSet).toBe("اساسنامه هنوز ثبت نشده؛ مقادیر پیش‌فرض قانون نمایش داده می‌شود");
    expect(fa.statute.confidence).toEqual({
      confirmed: "تأیید شده",
      secondary: "ثانویه",
      unconfirmed: "تأیید نشده — از اساسنامه خود وارد کنید",
    });
    expect(fa.errors.legal_id_format).toBe("شناسه ملی باید ۱۱ رقم باشد");
    expect(fa.errors.legal_id_checksum).toBe("شناسه ملی وارد شده معتبر نیست");
    expect(fa.profile.saved).toBe("مشخصات تعاونی ثبت شد");
  });

  it("write Persian with Persian letters (ی and ک, not Arabic ي and ك)", () => {
    for (const path of keyPaths(fa)) {
      const value = leaf(fa, path);
      const texts = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
      for (const text of texts) expect(text, path).not.toMatch(/[يك]/);
    }
  });

  it("name all 31 provinces and 7 kinds of cooperative", () => {
    expect(Object.keys(fa.provinces)).toHaveLength(31);
    expect(Object.keys(fa.kinds)).toHaveLength(7);
  });

  it("keep the window title «همیار» in both languages", () => {
    expect(fa.app.name).toBe("همیار");
    expect(en.app.name).toBe("همیار");
  });
});
