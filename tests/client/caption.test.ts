import { describe, expect, test } from 'vitest';
import { fullCaption, nodeCaption, shortId, shorten } from '../../client/src/graph/caption.ts';

const node = (properties: Record<string, unknown>, labels = ['Thing']) => ({
  id: '4:9f1c:42',
  labels,
  properties: properties as never,
});

describe('node captions', () => {
  test('prefer name, then title, over other text properties', () => {
    expect(fullCaption(node({ title: 'President', name: 'Emomali Rahmon' }))).toBe(
      'Emomali Rahmon',
    );
    expect(fullCaption(node({ title: 'The Matrix', tagline: 'Welcome' }))).toBe('The Matrix');
  });

  test('fall back to the first text property in key order', () => {
    expect(fullCaption(node({ zeta: 'last', alpha: 'first', count: 3 }))).toBe('first');
  });

  test('skip blank strings and non-text values', () => {
    expect(
      fullCaption(node({ name: '  ', born: { $type: 'Date', value: '1952-10-05' }, iata: 'DYU' })),
    ).toBe('DYU');
  });

  test('use a numeric name when that is all there is', () => {
    expect(fullCaption(node({ name: 1999 }))).toBe('1999');
  });

  test('name the label and id when there is no text at all', () => {
    expect(fullCaption(node({ born: 1964 }, ['Person']))).toBe('Person #42');
    expect(fullCaption(node({}, []))).toBe('Node #42');
  });

  test('are shortened on the canvas but not in full', () => {
    const long = 'Top-level meetings and negotiations between Tajikistan and Russia';
    expect(nodeCaption(node({ name: long }))).toHaveLength(40);
    expect(nodeCaption(node({ name: long })).endsWith('…')).toBe(true);
    expect(fullCaption(node({ name: long }))).toBe(long);
  });
});

describe('helpers', () => {
  test('shortId keeps the tail of an element id', () => {
    expect(shortId('4:abc:17')).toBe('#17');
    expect(shortId('plain')).toBe('#plain');
  });

  test('shorten collapses whitespace and leaves short text alone', () => {
    expect(shorten('a\n  b', 10)).toBe('a b');
    expect(shorten('abcdefghij', 5)).toBe('abcd…');
  });
});
