import { describe, expect, it } from "vitest";
import type { MonthTotal } from "./bindings/MonthTotal";
import { axisNumber, chartExponent, monthSplits, scaledForDrawing, shapeChart } from "./chart-data";

/** Twelve months ending Azar 1405 (or 1404), with the given values. */
function months(year: number, values: string[]): MonthTotal[] {
  const keys = [
    `${year - 1}-10`,
    `${year - 1}-11`,
    `${year - 1}-12`,
    ...Array.from({ length: 9 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`),
  ];
  return keys.map((month, i) => ({ month, value: values[i] ?? "0", entries: values[i] ? 1 : 0 }));
}

describe("the chart's scale", () => {
  it("counts in the unit that keeps the largest value short", () => {
    expect(chartExponent(["0", "9999"])).toBe(0);
    expect(chartExponent(["10000"])).toBe(3);
    expect(chartExponent(["12500000", "3"])).toBe(6);
    expect(chartExponent(["-25000000000"])).toBe(9);
    expect(chartExponent([])).toBe(0);
  });

  it("scales values for drawing only, from strings", () => {
    expect(scaledForDrawing("12345678", 6)).toBe(12.35);
    expect(scaledForDrawing("123456789012345678", 9)).toBe(123456789.01);
    expect(scaledForDrawing("-1500000", 6)).toBe(-1.5);
  });

  it("writes axis ticks in Persian digits without float noise", () => {
    expect(axisNumber(12.5)).toBe("۱۲٫۵");
    expect(axisNumber(0.30000000000000004)).toBe("۰٫۳");
    expect(axisNumber(1500)).toBe("۱٬۵۰۰");
    expect(axisNumber(-0)).toBe("۰");
    expect(axisNumber(2.5, "en")).toBe("2.5");
  });
});

describe("shapeChart", () => {
  const now = months(1405, ["0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "2000000", "18750000"]);
  const before = months(1404, ["0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "1000000", "12500000"]);

  it("pairs each month with the same month a year earlier, exact rials in the rows", () => {
    const data = shapeChart(now, before);
    expect(data.exponent).toBe(6);
    expect(data.x).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(data.rows.at(-1)).toEqual({
      month: "1405-09",
      label: "آذر ۱۴۰۵",
      value: "18750000",
      lastYear: "12500000",
      entries: 1,
    });
    expect(data.current.at(-1)).toBe(18.75);
    expect(data.previous.at(-1)).toBe(12.5);
  });

  it("names the months in Jalali, oldest first", () => {
    const data = shapeChart(now, before);
    expect(data.labels[0]).toBe("دی");
    expect(data.labels[3]).toBe("فروردین");
    expect(data.labels[11]).toBe("آذر");
    expect(shapeChart(now, before, "en").labels[11]).toBe("Azar");
    expect(data.rows[0]?.label).toBe("دی ۱۴۰۴");
  });

  it("draws zero for a month missing from last year", () => {
    const data = shapeChart(now, before.slice(0, 6));
    expect(data.rows[11]?.lastYear).toBe("0");
    expect(data.previous[11]).toBe(0);
  });
});

describe("monthSplits", () => {
  it("names every month, or every n-th counted back from the newest", () => {
    expect(monthSplits(12, 1)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(monthSplits(12, 2)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(monthSplits(12, 3)).toEqual([2, 5, 8, 11]);
    expect(monthSplits(12, 0)).toHaveLength(12);
    expect(monthSplits(0, 1)).toEqual([]);
  });
});
