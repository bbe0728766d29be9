// The arithmetic of a virtualised list of fixed-height rows that scrolls by whole
// rows, as a spreadsheet does: the table itself never scrolls (a scrolling table is
// a layer WebKit must repaint and composite whole on every change, which costs
// hundreds of milliseconds under software rendering); a thin scrollbar beside it
// stands for the list, and its position picks the first row shown. Pure numbers, so
// it is tested without a browser.

/** The rows to render, [start, end). */
export type RowWindow = {
  start: number;
  end: number;
};

/**
 * The scrollbar's travel is at most this many pixels, however long the list: a scroll
 * layer hundreds of thousands of pixels tall (10,000 rows of 40 px) made every frame of
 * the window slow under software rendering, even with nothing in it. Past this, one pixel
 * of the scrollbar moves more than one row; the wheel and the keyboard still move by rows.
 */
export const SCROLL_RANGE_LIMIT = 4000;

/** The last row that can be the first shown: the last page starts there. */
export function lastFirst(count: number, fits: number): number {
  return Math.max(0, count - Math.max(1, fits));
}

/** Which rows to render when `first` is asked for: the ones that fit, never past the last page. */
export function rowWindow({ first, fits, count }: { first: number; fits: number; count: number }): RowWindow {
  if (count <= 0) return { start: 0, end: 0 };
  const start = Math.min(lastFirst(count, fits), Math.max(0, Math.floor(first)));
  return { start, end: Math.min(count, start + Math.max(1, fits)) };
}

/** How far the scrollbar travels, in pixels, for a list (0 when it all fits). */
export function scrollRange(count: number, fits: number, rowHeight: number): number {
  return Math.min(lastFirst(count, fits) * Math.max(0, rowHeight), SCROLL_RANGE_LIMIT);
}

/** The first row for a scrollbar position (a scrollTop outside the travel counts as its end). */
export function firstAt(scrollTop: number, count: number, fits: number, rowHeight: number): number {
  const range = scrollRange(count, fits, rowHeight);
  if (range <= 0) return 0;
  const share = Math.min(1, Math.max(0, scrollTop / range));
  return Math.round(share * lastFirst(count, fits));
}

/** The scrollbar position that shows `first` at the top. */
export function scrollTopFor(first: number, count: number, fits: number, rowHeight: number): number {
  const last = lastFirst(count, fits);
  if (last <= 0) return 0;
  return Math.round((Math.min(last, Math.max(0, first)) / last) * scrollRange(count, fits, rowHeight));
}

/**
 * The first row to show so that row `index` is in view, moving as little as possible:
 * `first` itself when it already is.
 */
export function revealRow(index: number, first: number, fits: number): number {
  const page = Math.max(1, fits);
  if (index < first) return Math.max(0, index);
  if (index >= first + page) return index - page + 1;
  return first;
}

/** How many whole rows fit between the header and the totals row (at least 1): also a Page Up/Down step. */
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
