// Bookkeeping properties (common/internal.ts): ours by name and shape only, tucked away in the
// details, the filters and the search's match reasons, and last in exports.
import { describe, expect, test } from 'vitest';
import type { GraphData } from '../../common/api.ts';
import { isInternalProperty, orderPropertyKeys, splitProperties } from '../../common/internal.ts';
import { bestMatch } from '../../server/search/match.ts';
import { nodesCsv, relationshipsCsv } from '../../client/src/export/formats.ts';
import { observeProperties } from '../../client/src/graph/propertyFilters.ts';

const tajikistan = {
  key: 'country:tajikistan',
  name: 'Tajikistan',
  officialName: 'Republic of Tajikistan',
  searchText: 'Tajikistan | Republic of Tajikistan | Tadzhikistan',
  seed: 'tajikistan-russia-top-level-talks',
  aliases: ['Tadzhikistan'],
  backgroundProperties: [],
  backgroundBases: [],
};
const received = {
  key: 'person:emomali-rahmon-RECEIVED->award:order-of-alexander-nevsky',
  source: 'text',
  citation: 'outstanding merits',
  evidencePassages: ['document:talks#3'],
  evidenceQuotes: ['was awarded the Order of Alexander Nevsky'],
  evidenceStarts: [10],
  evidenceEnds: [52],
  evidenceDocStarts: [400],
  evidenceDocEnds: [442],
};
const mention = { start: 4, end: 14, docStart: 70, docEnd: 80, quote: 'Tajikistan' };

describe('bookkeeping properties', () => {
  test('our keys, search text, seed, evidence lists and offsets are bookkeeping', () => {
    const { shown, internal } = splitProperties(tajikistan);
    expect(shown.map(([k]) => k)).toEqual(['name', 'officialName', 'aliases']);
    expect(internal.map(([k]) => k).sort()).toEqual([
      'backgroundBases',
      'backgroundProperties',
      'key',
      'searchText',
      'seed',
    ]);
    expect(splitProperties(received).shown.map(([k]) => k)).toEqual(['source', 'citation']);
    expect(splitProperties(mention).shown.map(([k]) => k)).toEqual(['quote']);
  });

  test('a foreign database keeps its own "key", "start" and "end" in view', () => {
    const film = { key: 'tt0133093', title: 'The Matrix', start: 1999, end: 2003 };
    expect(splitProperties(film).internal).toEqual([]);
    expect(isInternalProperty('key', 42, { key: 42 })).toBe(false);
    expect(isInternalProperty('sha256', 'not a hash', { sha256: 'not a hash' })).toBe(false);
    expect(isInternalProperty('sha256', 'ab'.repeat(32), { sha256: 'ab'.repeat(32) })).toBe(true);
    // Names only: a property that merely looks like ours is not.
    expect(isInternalProperty('code', 'country:x', { code: 'country:x' })).toBe(false);
  });

  test('keys in reading order: names, what a reader looks at, then bookkeeping', () => {
    expect(orderPropertyKeys([{ properties: tajikistan }])).toEqual([
      'name',
      'aliases',
      'officialName',
      'backgroundBases',
      'backgroundProperties',
      'key',
      'searchText',
      'seed',
    ]);
    // A key that is bookkeeping on one element but not on another is the reader's.
    expect(
      orderPropertyKeys([{ properties: { key: 'country:x' } }, { properties: { key: 7 } }]),
    ).toEqual(['key']);
  });

  test('CSV exports keep every column, bookkeeping last', () => {
    const data: GraphData = {
      nodes: [{ id: 'n1', labels: ['Country', 'Entity'], properties: tajikistan }],
      relationships: [{ id: 'r1', type: 'RECEIVED', start: 'n1', end: 'n1', properties: received }],
    };
    const nodeHeader = nodesCsv(data).split('\r\n')[0];
    expect(nodeHeader).toBe(
      'id,labels,name,aliases,officialName,backgroundBases,backgroundProperties,key,searchText,seed',
    );
    const relHeader = relationshipsCsv(data).split('\r\n')[0]?.split(',') ?? [];
    expect(relHeader.slice(0, 6)).toEqual(['id', 'type', 'start', 'end', 'citation', 'source']);
    expect(relHeader).toHaveLength(4 + Object.keys(received).length);
  });

  test('the property filters offer bookkeeping keys marked as such', () => {
    const observed = observeProperties(
      [{ id: 'n1', labels: ['Country'], properties: tajikistan }],
      [],
    );
    const internal = observed.filter((p) => p.internal).map((p) => p.key);
    // Empty lists say nothing about a kind of value, so they are not offered at all.
    expect(internal).toEqual(['key', 'searchText', 'seed']);
    expect(observed.filter((p) => !p.internal).map((p) => p.key)).toEqual([
      'aliases',
      'name',
      'officialName',
    ]);
  });

  test('a seed key or the search text is never the reason a search hit matched', () => {
    expect(bestMatch(tajikistan, 'country:tajikistan')?.property).not.toBe('key');
    expect(bestMatch(tajikistan, 'tadzhikistan')).toEqual({
      property: 'aliases',
      text: 'Tadzhikistan',
    });
    expect(bestMatch({ key: 'country:tajikistan', seed: 'x' }, 'tajikistan')).toBeNull();
  });
});
