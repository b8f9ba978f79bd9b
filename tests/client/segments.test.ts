import { describe, expect, test } from 'vitest';
import { paragraphPieces, relationshipEvidence } from '../../client/src/document/segments.ts';

const text = 'The Tajik side thanked the Russian Federation.';
//            0   4    9    14      22  26      34         45

describe('paragraphPieces', () => {
  test('links mentions and leaves the rest as plain text', () => {
    const pieces = paragraphPieces(text, [{ id: 'm1', nodeId: 'ru', start: 27, end: 45 }], []);
    expect(pieces.map((p) => [p.text, p.mention?.nodeId ?? null])).toEqual([
      ['The Tajik side thanked the ', null],
      ['Russian Federation', 'ru'],
      ['.', null],
    ]);
  });

  test('a stretch in two mentions belongs to the longer one', () => {
    const pieces = paragraphPieces(
      text,
      [
        { id: 'short', nodeId: 'tj', start: 4, end: 9 },
        { id: 'long', nodeId: 'tj-side', start: 4, end: 14 },
      ],
      [],
    );
    expect(pieces.find((p) => p.text === 'Tajik side')?.mention?.id).toBe('long');
  });

  test('highlights cut across mentions without losing either', () => {
    const pieces = paragraphPieces(
      text,
      [{ id: 'm', nodeId: 'ru', start: 27, end: 45 }],
      [{ start: 15, end: 35 }],
    );
    expect(pieces.map((p) => [p.text, p.mention?.id ?? null, p.highlighted])).toEqual([
      ['The Tajik side ', null, false],
      ['thanked the ', null, true],
      ['Russian ', 'm', true],
      ['Federation', 'm', false],
      ['.', null, false],
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  test('clips ranges to the text and ignores empty ones', () => {
    const pieces = paragraphPieces(
      'abc',
      [{ id: 'x', nodeId: 'n', start: 2, end: 99 }],
      [{ start: 1, end: 1 }],
    );
    expect(pieces.map((p) => p.text)).toEqual(['ab', 'c']);
  });
});

describe('relationshipEvidence', () => {
  test('reads the index-aligned lists for one passage', () => {
    const props = {
      evidencePassages: ['doc#2', 'doc#4', 'doc#2'],
      evidenceStarts: [0, 5, 40],
      evidenceEnds: [38, 9, 60],
    };
    expect(relationshipEvidence(props, 'doc#2')).toEqual([
      { start: 0, end: 38 },
      { start: 40, end: 60 },
    ]);
    expect(relationshipEvidence(props, 'doc#9')).toEqual([]);
    expect(relationshipEvidence({}, 'doc#2')).toEqual([]);
  });
});
