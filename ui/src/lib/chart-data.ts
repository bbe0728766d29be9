// The dashboard's production chart, as data: twelve Jalali months of this year
// against the same months a year earlier. The table beside the chart shows the
// exact rials (strings); the chart draws the values scaled to thousands, millions
// or billions of rials, turned into numbers only for drawing.
import type { MonthTotal } from "./bindings/MonthTotal";
import { localeDigits, type Locale } from "./digits";
import { formatNumber } from "./format";
import { monthName } from "./jalali";
import { compareRials, shiftDecimal } from "./money";
import { parseMonthKey } from "./period";

/** Powers of ten the axis can count in: rials, thousands, millions, billions. */
export type ChartExponent = 0 | 3 | 6 | 9;

/** One month in the table: its key, its name, and both years' values in rials. */
export type ChartRow = { month: string; label: string; value: string; lastYear: string; entries: number };

export type ChartData = {
  /** 0…11, the x position of each month. */
  x: number[];
  /** Short month names under the axis. */
  labels: string[];
  /** This year's values, scaled (for drawing only). */
  current: number[];
  /** A year earlier, scaled. */
  previous: number[];
  exponent: ChartExponent;
  rows: ChartRow[];
};

/** The largest of the values (rials), compared as strings. */
function largest(values: readonly string[]): string {
  let max = "0";
  for (const value of values) {
    const magnitude = value.startsWith("-") ? value.slice(1) : value;
    if (compareRials(magnitude, max) > 0) max = magnitude;
  }
  return max;
}

/** The unit the axis counts in, so the largest value reads in a few digits. */
export function chartExponent(values: readonly string[]): ChartExponent {
  const max = largest(values);
  if (compareRials(max, "10000000000") >= 0) return 9; // 10 billion rials and more
  if (compareRials(max, "10000000") >= 0) return 6; // 10 million
  if (compareRials(max, "10000") >= 0) return 3;
  return 0;
}

/** A value scaled for drawing: rials / 10^exponent, two decimals, as a number. */
export function scaledForDrawing(value: string, exponent: ChartExponent): number {
  return Number(shiftDecimal(value, exponent, 2));
}

/** The chart's data from the dashboard's months (oldest first) and the same months a year earlier. */
export function shapeChart(
  months: readonly MonthTotal[],
  monthsLastYear: readonly MonthTotal[],
  locale: Locale = "fa",
): ChartData {
  const exponent = chartExponent([...months, ...monthsLastYear].map((m) => m.value));
  const rows: ChartRow[] = months.map((m, i) => {
    const key = parseMonthKey(m.month);
    return {
      month: m.month,
      label: key ? `${monthName(key.month, locale)} ${localeDigits(String(key.year), locale)}` : localeDigits(m.month, locale),
      value: m.value,
      lastYear: monthsLastYear[i]?.value ?? "0",
      entries: m.entries,
    };
  });
  return {
    x: rows.map((_, i) => i),
    labels: months.map((m) => {
      const key = parseMonthKey(m.month);
      return key ? monthName(key.month, locale) : m.month;
    }),
    current: rows.map((row) => scaledForDrawing(row.value, exponent)),
    previous: rows.map((row) => scaledForDrawing(row.lastYear, exponent)),
    exponent,
    rows,
  };
}

/** An axis tick in the locale's digits: 12.5 → «۱۲٫۵», 1500 → «۱٬۵۰۰». */
export function axisNumber(value: number, locale: Locale = "fa"): string {
  const rounded = Math.round(value * 100) / 100;
  return formatNumber(Object.is(rounded, -0) ? "0" : String(rounded), locale);
}

/** The months that get a name under the axis, every `step`-th counted back from the newest. */
export function monthSplits(count: number, step: number): number[] {
  const every = Math.max(1, Math.round(step));
  const splits: number[] = [];
  for (let i = count - 1; i >= 0; i -= every) splits.unshift(i);
  return splits;
}
