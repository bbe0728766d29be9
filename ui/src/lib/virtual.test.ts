import { describe, expect, it } from "vitest";
import { nextRow, rowsPerPage, scrollToReveal, virtualWindow } from "./virtual";

const H = 40;

describe("virtualWindow", () => {
  it("renders the visible rows plus the margin at the top", () => {
    const w = virtualWindow({ scrollTop: 0, viewportHeight: 400, rowHeight: H, count: 10_000, overscan: 5 });
    // 400 / 40 = 10 rows visible, one more for a partly shown row, then 5 of margin.
    expect(w).toEqual({ start: 0, end: 16, before: 0, after: (10_000 - 16) * H });
  });

  it("keeps the margin on both sides in the middle", () => {
    const w = virtualWindow({ scrollTop: 1000 * H + 10, viewportHeight: 400, rowHeight: H, count: 10_000, overscan: 5 });
    expect(w.start).toBe(995);
    expect(w.end).toBe(1016);
    expect(w.before).toBe(995 * H);
    expect(w.after).toBe((10_000 - 1016) * H);
  });

  it("always accounts for the full height, so the scrollbar never jumps", () => {
    for (const scrollTop of [0, 123, 40_000, 399_600, 10_000_000]) {
      const w = virtualWindow({ scrollTop, viewportHeight: 600, rowHeight: H, count: 10_000 });
      expect(w.before + (w.end - w.start) * H + w.after).toBe(10_000 * H);
      expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(600 / H) + 1 + 2 * 8);
    }
  });

  it("stops at the last row when scrolled to (or past) the end", () => {
    const w = virtualWindow({ scrollTop: 10_000_000, viewportHeight: 400, rowHeight: H, count: 100, overscan: 3 });
    expect(w.end).toBe(100);
    expect(w.after).toBe(0);
    expect(w.start).toBe(100 - 10 - 3);
  });

  it("treats a negative (elastic) scrollTop as the top", () => {
    expect(virtualWindow({ scrollTop: -50, viewportHeight: 400, rowHeight: H, count: 100, overscan: 2 }).start).toBe(0);
  });

  it("renders everything when the list is shorter than the viewport", () => {
    expect(virtualWindow({ scrollTop: 0, viewportHeight: 800, rowHeight: H, count: 7 })).toEqual({
      start: 0,
      end: 7,
      before: 0,
      after: 0,
    });
  });

  it("renders nothing for an empty list", () => {
    expect(virtualWindow({ scrollTop: 0, viewportHeight: 800, rowHeight: H, count: 0 })).toEqual({
      start: 0,
      end: 0,
      before: 0,
      after: 0,
    });
  });
});

describe("scrollToReveal", () => {
  const base = { scrollTop: 400, viewportHeight: 440, rowHeight: H, headerHeight: 40, footerHeight: 40 };

  it("leaves the scroll alone when the row is in view", () => {
    expect(scrollToReveal({ ...base, index: 12 })).toBe(400);
  });

  it("scrolls up just enough for a row above", () => {
    expect(scrollToReveal({ ...base, index: 5 })).toBe(200);
  });

  it("scrolls down just enough for a row below, above the sticky footer", () => {
    // Row 25 ends at 40 + 26·40 = 1080; the visible part ends 40 px above the viewport's bottom.
    expect(scrollToReveal({ ...base, index: 25 })).toBe(1080 - 440 + 40);
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

  it("counts the rows of a page between the sticky header and footer", () => {
    expect(rowsPerPage(480, 40, 40, 40)).toBe(10);
    expect(rowsPerPage(20, 40)).toBe(1);
  });
});
