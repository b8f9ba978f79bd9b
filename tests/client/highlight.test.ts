import { describe, expect, test } from 'vitest';
import { highlightSegments, locateQuote } from '../../client/src/details/highlight.ts';

const text = 'President of Tajikistan Emomali Rahmon thanked the Russian Federation.';

describe('highlightSegments', () => {
  test('marks one range in place', () => {
    expect(highlightSegments(text, [{ start: 24, end: 38 }])).toEqual([
      { text: 'President of Tajikistan ', marked: false },
      { text: 'Emomali Rahmon', marked: true },
      { text: ' thanked the Russian Federation.', marked: false },
    ]);
  });

  test('merges overlapping ranges and clips ranges outside the text', () => {
    const segments = highlightSegments('abcdefgh', [
      { start: 6, end: 99 },
      { start: 1, end: 3 },
      { start: 2, end: 4 },
      { start: 5, end: 5 },
    ]);
    expect(segments).toEqual([
      { text: 'a', marked: false },
      { text: 'bcd', marked: true },
      { text: 'ef', marked: false },
      { text: 'gh', marked: true },
    ]);
  });

  test('no ranges leave the text whole', () => {
    expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', marked: false }]);
  });
});

describe('locateQuote', () => {
  test('trusts offsets that match the quote', () => {
    expect(locateQuote(text, 'Emomali Rahmon', 24, 38)).toEqual({ start: 24, end: 38 });
  });

  test('finds the quote when the offsets do not match it', () => {
    expect(locateQuote(text, 'Russian Federation', 0, 5)).toEqual({ start: 51, end: 69 });
  });

  test('uses offsets alone when there is no quote text, and gives up on a missing quote', () => {
    expect(locateQuote(text, null, 0, 9)).toEqual({ start: 0, end: 9 });
    expect(locateQuote(text, 'Kazakhstan', null, null)).toBeUndefined();
  });
});
