import { describe, expect, it } from "vitest";
import {
  SCROLL_RANGE_LIMIT,
  firstAt,
  lastFirst,
  nextRow,
  revealRow,
  rowWindow,
  rowsPerPage,
  scrollRange,
  scrollTopFor,
} from "./virtual";

const H = 40;

describe("rowWindow", () => {
  it("shows the rows that fit, from the first asked for", () => {
    expect(rowWindow({ first: 0, fits: 10, count: 10_000 })).toEqual({ start: 0, end: 10 });
    expect(rowWindow({ first: 1000, fits: 10, count: 10_000 })).toEqual({ start: 1000, end: 1010 });
  });

  it("stops at the last page, and at the top for a negative first", () => {
    expect(rowWindow({ first: 10_000_000, fits: 10, count: 100 })).toEqual({ start: 90, end: 100 });
    expect(rowWindow({ first: -3, fits: 10, count: 100 }).start).toBe(0);
  });

  it("renders everything when the list is shorter than the space", () => {
    expect(rowWindow({ first: 40, fits: 10, count: 7 })).toEqual({ start: 0, end: 7 });
  });

  it("renders nothing for an empty list, and at least one row in a tiny space", () => {
    expect(rowWindow({ first: 0, fits: 10, count: 0 })).toEqual({ start: 0, end: 0 });
    expect(rowWindow({ first: 0, fits: 0, count: 5 })).toEqual({ start: 0, end: 1 });
  });
});

describe("the scrollbar", () => {
  it("travels one row height per row while the list is short enough", () => {
    // 60 rows, 10 fit: the first row shown runs from 0 to 50.
    expect(scrollRange(60, 10, H)).toBe(50 * H);
    expect(firstAt(0, 60, 10, H)).toBe(0);
    expect(firstAt(17 * H, 60, 10, H)).toBe(17);
    expect(firstAt(50 * H, 60, 10, H)).toBe(50);
    expect(scrollTopFor(17, 60, 10, H)).toBe(17 * H);
  });

  it("has no travel when the list fits", () => {
    expect(scrollRange(7, 10, H)).toBe(0);
    expect(firstAt(123, 7, 10, H)).toBe(0);
    expect(scrollTopFor(3, 7, 10, H)).toBe(0);
  });

  it("never travels more than its limit, and still reaches both ends of 10,000 rows", () => {
    expect(scrollRange(10_000, 12, H)).toBe(SCROLL_RANGE_LIMIT);
    expect(firstAt(0, 10_000, 12, H)).toBe(0);
    expect(firstAt(SCROLL_RANGE_LIMIT, 10_000, 12, H)).toBe(10_000 - 12);
    expect(firstAt(SCROLL_RANGE_LIMIT * 3, 10_000, 12, H)).toBe(10_000 - 12);
    expect(scrollTopFor(10_000 - 12, 10_000, 12, H)).toBe(SCROLL_RANGE_LIMIT);
    expect(firstAt(SCROLL_RANGE_LIMIT / 2, 10_000, 12, H)).toBe(Math.round((10_000 - 12) / 2));
  });

  it("puts the bar where a row asked for by the keyboard is, give or take a pixel's worth of rows", () => {
    const last = 10_000 - 12;
    for (const first of [0, 1, 2, 999, 5000, last]) {
      const back = firstAt(scrollTopFor(first, 10_000, 12, H), 10_000, 12, H);
      expect(Math.abs(back - first)).toBeLessThanOrEqual(Math.ceil(last / SCROLL_RANGE_LIMIT));
    }
    expect(lastFirst(10_000, 12)).toBe(last);
  });
});

describe("revealRow", () => {
  it("leaves the first row alone when the row is in view", () => {
    expect(revealRow(12, 10, 5)).toBe(10);
    expect(revealRow(14, 10, 5)).toBe(10);
  });

  it("moves up to a row above, making it the first", () => {
    expect(revealRow(5, 10, 5)).toBe(5);
  });

  it("moves down just enough for a row below, making it the last", () => {
    expect(revealRow(15, 10, 5)).toBe(11);
    expect(revealRow(40, 10, 5)).toBe(36);
  });
});

describe("keyboard moves", () => {
  it("moves by one, by a page, and to either end, never out of the list", () => {
    expect(nextRow(0, "ArrowDown", 10, 4)).toBe(1);
    expect(nextRow(0, "ArrowUp", 10, 4)).toBe(0);
    expect(nextRow(8, "PageDown", 10, 4)).toBe(9);
    expect(nextRow(5, "PageUp", 10, 4)).toBe(1);
    expect(nextRow(5, "Home", 10, 4)).toBe(0);
    expect(nextRow(5, "End", 10, 4)).toBe(9);
    expect(nextRow(5, "Enter", 10, 4)).toBeNull();
    expect(nextRow(0, "ArrowDown", 0, 4)).toBeNull();
  });

  it("counts the whole rows of a page between the header and the totals row", () => {
    expect(rowsPerPage(480, 40, 40, 40)).toBe(10);
    expect(rowsPerPage(20, 40)).toBe(1);
  });
});
