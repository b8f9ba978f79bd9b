import { EditorState } from '@codemirror/state';
import { describe, expect, test } from 'vitest';
import { markRange } from '../../client/src/console/errorMark.ts';

const doc = EditorState.create({ doc: 'MATCH (n)\nRETURN n LIMT 5\n' }).doc;
const text = (range: { from: number; to: number } | null) =>
  range ? doc.sliceString(range.from, range.to) : null;

describe('markRange', () => {
  test('marks the word at a 1-based line and column', () => {
    expect(text(markRange(doc, { line: 2, column: 10 }))).toBe('LIMT');
    expect(markRange(doc, { line: 2, column: 10 })?.line).toBe(doc.line(2).from);
  });

  test('marks one character where no word starts', () => {
    expect(text(markRange(doc, { line: 1, column: 7 }))).toBe('(');
  });

  test('past the end of a line, the last character stands in', () => {
    expect(text(markRange(doc, { line: 1, column: 40 }))).toBe(')');
  });

  test('a position outside the text, or an empty line, marks nothing', () => {
    expect(markRange(doc, { line: 9, column: 1 })).toBeNull();
    expect(markRange(doc, { line: 3, column: 1 })).toBeNull();
    expect(markRange(EditorState.create({ doc: '' }).doc, { line: 1, column: 1 })).toBeNull();
  });
});
