/** Splits a passage into plain and quoted segments, so a quote can be marked where it stands. */

export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Segments of `text` with the ranges [start, end) marked (UTF-16 offsets, as the API gives them).
 * Overlapping or touching ranges merge; ranges outside the text are clipped; empty ones ignored.
 */
export function highlightSegments(
  text: string,
  ranges: readonly { start: number; end: number }[],
): Segment[] {
  const clipped = ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(text.length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const range of clipped) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const range of merged) {
    if (range.start > at) segments.push({ text: text.slice(at, range.start), marked: false });
    segments.push({ text: text.slice(range.start, range.end), marked: true });
    at = range.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

/**
 * Where a quote sits in its passage: the given offsets when they match the quote, else the
 * first place the quote occurs, else nowhere (the quote is still shown, just not marked).
 */
export function locateQuote(
  text: string,
  quote: string | null,
  start: number | null,
  end: number | null,
): { start: number; end: number } | undefined {
  if (start !== null && end !== null && end > start && end <= text.length) {
    if (quote === null || text.slice(start, end) === quote) return { start, end };
  }
  if (quote) {
    const found = text.indexOf(quote);
    if (found >= 0) return { start: found, end: found + quote.length };
  }
  return undefined;
}
