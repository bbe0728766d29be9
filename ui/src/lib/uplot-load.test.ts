import { describe, expect, it } from "vitest";
import { ensureLanguageTag, isLanguageTag } from "./uplot-load";

describe("the language uPlot reads at load", () => {
  it("tells BCP 47 tags from a POSIX locale name", () => {
    expect(isLanguageTag("fa-IR")).toBe(true);
    expect(isLanguageTag("en")).toBe(true);
    expect(isLanguageTag("C")).toBe(false);
    expect(isLanguageTag("")).toBe(false);
    expect(isLanguageTag(undefined)).toBe(false);
  });

  it("replaces «C» with the display language, and leaves a real tag alone", () => {
    const posix = { language: "C" } as Navigator;
    ensureLanguageTag("fa", posix);
    expect(posix.language).toBe("fa-IR");
    const english = { language: "C" } as Navigator;
    ensureLanguageTag("en", english);
    expect(english.language).toBe("en-US");
    const german = { language: "de-DE" } as Navigator;
    ensureLanguageTag("fa", german);
    expect(german.language).toBe("de-DE");
  });
});
