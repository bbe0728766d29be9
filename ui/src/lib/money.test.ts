import { afterEach, describe, expect, it, vi } from "vitest";
import {
  canonicalRials,
  changePercent,
  compareRials,
  formatPercent,
  formatRials,
  formatSignedRials,
  isPositiveRials,
  parseDecimal,
  parseRials,
  shiftDecimal,
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

describe("parseDecimal", () => {
  it("reads every digit form, separators and the Persian decimal mark", () => {
    expect(parseDecimal("۱۲٬۵۰۰٫۵")).toBe("12500.5");
    expect(parseDecimal("١٢٫٢٥")).toBe("12.25");
    expect(parseDecimal("1,250.50")).toBe("1250.5");
    expect(parseDecimal(" 0012 ")).toBe("12");
    expect(parseDecimal("-3")).toBe("-3");
    expect(parseDecimal(".5")).toBe("0.5");
    expect(parseDecimal("7.")).toBe("7");
  });

  it("refuses what is not a number", () => {
    expect(parseDecimal("")).toBeNull();
    expect(parseDecimal("abc")).toBeNull();
    expect(parseDecimal("1.2.3")).toBeNull();
    expect(parseDecimal("۱۲ کیلو")).toBeNull();
  });

  it("keeps digits beyond 2^53", () => {
    expect(parseDecimal("۹۰۰۷۱۹۹۲۵۴۷۴۰۹۹۳٫۱۲۵")).toBe("9007199254740993.125");
  });
});

describe("shiftDecimal", () => {
  it("divides by a power of ten and rounds halves away from zero", () => {
    expect(shiftDecimal("12345678", 6, 1)).toBe("12.3");
    expect(shiftDecimal("12350000", 6, 1)).toBe("12.4");
    expect(shiftDecimal("-12350000", 6, 1)).toBe("-12.4");
    expect(shiftDecimal("999", 6, 2)).toBe("0");
    expect(shiftDecimal("5000", 3, 0)).toBe("5");
    expect(shiftDecimal("1.5", 0, 0)).toBe("2");
    expect(shiftDecimal("0", 9, 2)).toBe("0");
  });

  it("is exact for amounts beyond 2^53", () => {
    expect(shiftDecimal("123456789012345678901", 9, 3)).toBe("123456789012.346");
  });
});

describe("changePercent", () => {
  it("says the change in percent with one decimal", () => {
    expect(changePercent("120", "100")).toBe("20");
    expect(changePercent("95", "100")).toBe("-5");
    expect(changePercent("100", "300")).toBe("-66.7");
    expect(changePercent("200", "300")).toBe("-33.3");
    expect(changePercent("100", "100")).toBe("0");
    expect(changePercent("1", "3")).toBe("-66.7");
  });

  it("has nothing to say when the earlier value is zero", () => {
    expect(changePercent("100", "0")).toBeNull();
  });
});
