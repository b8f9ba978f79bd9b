import { describe, expect, test } from 'vitest';
import type { GraphNode } from '../../common/api.ts';
import { passageName } from '../../client/src/details/Evidence.tsx';

const passage = (properties: GraphNode['properties']): GraphNode => ({
  id: '4:x:1',
  labels: ['Passage'],
  properties,
});

describe('passageName', () => {
  test('uses the stored caption, which numbers paragraphs only', () => {
    // Block 2 of a text whose title is printed twice is its first paragraph.
    expect(passageName(passage({ index: 2, paragraph: 1, name: 'Paragraph 1' }))).toBe(
      'Paragraph 1',
    );
    expect(passageName(passage({ index: 0, name: 'Title' }))).toBe('Title');
    expect(passageName(passage({ index: 16, name: "Publisher's line" }))).toBe("Publisher's line");
  });

  test('falls back to the paragraph number, then to a block number that does not claim to be one', () => {
    expect(passageName(passage({ index: 5, paragraph: 4 }))).toBe('Paragraph 4');
    expect(passageName(passage({ index: 5 }))).toBe('Passage 6');
    expect(passageName(passage({ key: 'doc#3' }))).toBe('doc#3');
  });
});
