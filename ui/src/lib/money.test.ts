import { afterEach, describe, expect, it, vi } from "vitest";
import {
  canonicalRials,
  compareRials,
  formatPercent,
  formatRials,
  formatSignedRials,
  isPositiveRials,
  parseRials,
  subtractRials,
  sumRials,
} from "./money";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("formatRials", () => {
  it("inserts Persian separators and digits into the string", () => {
    expect(formatRials("1000000")).toBe("۱٬۰۰۰٬۰۰۰");
    expect(formatRials("12500")).toBe("۱۲٬۵۰۰");
    expect(formatRials("999")).toBe("۹۹۹");
    expect(formatRials("0")).toBe("۰");
  });

  it("uses Latin digits and commas in English", () => {
    expect(formatRials("1000000", "en")).toBe("1,000,000");
  });

  it("keeps every digit of amounts beyond 2^53, without Number()", () => {
    const spy = vi.spyOn(globalThis, "Number");
    expect(formatRials("123456789012345678901")).toBe("۱۲۳٬۴۵۶٬۷۸۹٬۰۱۲٬۳۴۵٬۶۷۸٬۹۰۱");
    expect(formatRials("9007199254740993", "en")).toBe("9,007,199,254,740,993");
    expect(spy).not.toHaveBeenCalled();
  });

  it("shows decimals as given, with the Persian decimal separator, and negatives with a minus", () => {
    expect(formatRials("1234.50")).toBe("۱٬۲۳۴٫۵");
    expect(formatRials("-2500000")).toBe("\u200e\u2212۲٬۵۰۰٬۰۰۰");
  });

  it("drops leading zeros only", () => {
    expect(canonicalRials("0001200")).toBe("1200");
    expect(canonicalRials("-0")).toBe("0");
    expect(canonicalRials("12.3400")).toBe("12.34");
    expect(canonicalRials("abc")).toBeNull();
  });

  it("marks an increase with a plus", () => {
    expect(formatSignedRials("500000")).toBe("\u200e+۵۰۰٬۰۰۰");
    expect(formatSignedRials("-500000")).toBe("\u200e\u2212۵۰۰٬۰۰۰");
    expect(formatSignedRials("0")).toBe("۰");
  });
});

describe("formatPercent", () => {
  it("drops trailing zeros without rounding", () => {
    expect(formatPercent("28.60")).toBe("۲۸٫۶");
    expect(formatPercent("25.00")).toBe("۲۵");
    expect(formatPercent("28.57")).toBe("۲۸٫۵۷");
    expect(formatPercent("28.57", "en")).toBe("28.57");
  });
});

describe("parseRials", () => {
  it("reads every digit form, with or without separators and the unit", () => {
    expect(parseRials("۱٬۲۰۰٬۰۰۰")).toBe("1200000");
    expect(parseRials("1,200,000")).toBe("1200000");
    expect(parseRials("١٢٠٠٠٠٠")).toBe("1200000");
    expect(parseRials("۱۲۰۰۰۰۰ ریال")).toBe("1200000");
    expect(parseRials("00500")).toBe("500");
  });

  it("refuses what is not whole rials", () => {
    expect(parseRials("")).toBeNull();
    expect(parseRials("12.5")).toBeNull();
    expect(parseRials("-100")).toBeNull();
    expect(parseRials("صد")).toBeNull();
  });

  it("keeps huge amounts exact", () => {
    expect(parseRials("۹۹۹٬۹۹۹٬۹۹۹٬۹۹۹٬۹۹۹٬۹۹۹٬۹۹۹")).toBe("999999999999999999999");
  });
});

describe("arithmetic on strings", () => {
  it("sums exactly, beyond 2^53 and with decimals", () => {
    expect(sumRials(["9007199254740993", "1"])).toBe("9007199254740994");
    expect(sumRials(["0.1", "0.2"])).toBe("0.3");
    expect(sumRials(["1000000", "-250000", "x"])).toBe("750000");
    expect(sumRials([])).toBe("0");
  });

  it("subtracts and compares exactly", () => {
    expect(subtractRials("10000000000000000001", "1")).toBe("10000000000000000000");
    expect(subtractRials("1", "3")).toBe("-2");
    expect(compareRials("9007199254740993", "9007199254740992")).toBe(1);
    expect(compareRials("2.50", "2.5")).toBe(0);
    expect(compareRials("-1", "0")).toBe(-1);
    expect(isPositiveRials("0.01")).toBe(true);
    expect(isPositiveRials("0")).toBe(false);
  });
});
