// The arithmetic of a virtualised list of fixed-height rows: which rows to render
// for a scroll position (the visible ones plus a margin), how much empty space
// stands in for the rows above and below them, and where to scroll so a row the
// keyboard moved to is in view. Pure numbers, so it is tested without a browser.

/** The rows to render, [start, end), and the space the others take above and below. */
export type VirtualWindow = {
  start: number;
  end: number;
  /** Pixels above the first rendered row. */
  before: number;
  /** Pixels below the last rendered row. */
  after: number;
};

export type WindowInput = {
  /** The scroll container's scrollTop. */
  scrollTop: number;
  /** The height of the container's visible area (header and footer included). */
  viewportHeight: number;
  /** Every row's height. */
  rowHeight: number;
  /** How many rows the list has. */
  count: number;
  /** Rows rendered beyond each edge of the visible area, so fast scrolling shows no gaps. */
  overscan?: number;
};

const EMPTY: VirtualWindow = { start: 0, end: 0, before: 0, after: 0 };

/** Which rows to render for a scroll position. */
export function virtualWindow({ scrollTop, viewportHeight, rowHeight, count, overscan = 8 }: WindowInput): VirtualWindow {
  if (count <= 0 || rowHeight <= 0) return EMPTY;
  const margin = Math.max(0, Math.floor(overscan));
  const height = Math.max(0, viewportHeight);
  // Elastic over-scrolling can report a scrollTop outside the content.
  const maxTop = Math.max(0, count * rowHeight - height);
  const top = Math.min(Math.max(0, scrollTop), maxTop);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const visible = Math.ceil(height / rowHeight) + 1;
  const start = Math.max(0, first - margin);
  const end = Math.min(count, first + visible + margin);
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}

export type RevealInput = {
  index: number;
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  /** Height of the sticky header covering the top of the viewport. */
  headerHeight?: number;
  /** Height of the sticky footer (totals row) covering the bottom. */
  footerHeight?: number;
};

/**
 * The scrollTop that brings row `index` fully into view between the sticky header
 * and footer, moving as little as possible; the current scrollTop when it already is.
 * Rows start below the header in the content, so row i spans
 * [header + i·h, header + (i+1)·h] and is visible when that lies within
 * [scrollTop + header, scrollTop + viewport − footer].
 */
export function scrollToReveal({
  index,
  scrollTop,
  viewportHeight,
  rowHeight,
  headerHeight = 0,
  footerHeight = 0,
}: RevealInput): number {
  const rowTop = index * rowHeight;
  if (rowTop < scrollTop) return Math.max(0, rowTop);
  const rowBottom = headerHeight + (index + 1) * rowHeight;
  const visibleBottom = scrollTop + viewportHeight - footerHeight;
  if (rowBottom > visibleBottom) return Math.max(0, rowBottom - viewportHeight + footerHeight);
  return scrollTop;
}

/** How many whole rows fit between the sticky header and footer (at least 1): a Page Up/Down step. */
export function rowsPerPage(viewportHeight: number, rowHeight: number, headerHeight = 0, footerHeight = 0): number {
  if (rowHeight <= 0) return 1;
  return Math.max(1, Math.floor((viewportHeight - headerHeight - footerHeight) / rowHeight));
}

/** The row the keyboard moves to from `current` for a key, or null when the key is not a move. */
export function nextRow(current: number, key: string, count: number, page: number): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  const clamp = (n: number) => Math.min(last, Math.max(0, n));
  switch (key) {
    case "ArrowDown":
      return clamp(current + 1);
    case "ArrowUp":
      return clamp(current - 1);
    case "PageDown":
      return clamp(current + page);
    case "PageUp":
      return clamp(current - page);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}
