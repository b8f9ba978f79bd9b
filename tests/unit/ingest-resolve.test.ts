/**
 * Name folding and entity resolution on literal candidates: codes, names and aliases under case,
 * diacritics and look-alike letters, transliterations, titles, structure for events and figures,
 * doubtful matches kept apart, and fresh keys that never collide.
 */
import { describe, expect, it } from 'vitest';
import type { EntityKind } from '../../server/model/ontology.ts';
import type {
  ExtractedEntity,
  ExtractedFact,
  Extraction,
} from '../../server/ingest/extract/types.ts';
import { resolveEntities, type Candidate } from '../../server/ingest/resolve/resolve.ts';
import {
  foldForMatching,
  hasLookAlikes,
  nameKey,
  transliterationKey,
} from '../../server/ingest/text/fold.ts';

function candidate(
  key: string,
  kind: EntityKind,
  name: string,
  extra: Partial<Candidate> = {},
): Candidate {
  return { key, kind, name, aliases: [], countries: [], ...extra };
}

function entity(
  id: string,
  kind: EntityKind,
  name: string,
  extra: Partial<ExtractedEntity> = {},
): ExtractedEntity {
  return {
    id,
    kind,
    name,
    aliases: [],
    properties: {},
    background: [],
    mentions: [],
    confidence: 0.9,
    ...extra,
  };
}

function resolve(
  entities: ExtractedEntity[],
  candidates: Candidate[],
  facts: ExtractedFact[] = [],
) {
  const extraction: Extraction = { extractor: 'test', entities, facts };
  return resolveEntities(extraction, candidates);
}

const fact = (type: ExtractedFact['type'], from: string, to: string): ExtractedFact => ({
  type,
  from,
  to,
  properties: {},
  evidence: [],
  confidence: 1,
  source: 'text',
});

describe('folding', () => {
  it('maps look-alike letters inside Latin words, keeping every offset', () => {
    const text = 'Tajikistan and Russiа (Россия)';
    const folded = foldForMatching(text);
    expect(folded).toHaveLength(text.length);
    expect(folded).toBe('Tajikistan and Russia (Россия)');
    expect(hasLookAlikes('Russiа')).toBe(true);
    expect(hasLookAlikes('Russia Россия')).toBe(false);
    expect(foldForMatching('Raḩmon’s')).toBe("Rahmon's");
  });

  it('gives one key to spellings of one name', () => {
    expect(nameKey('  The RUSSIAN–Federation ')).toBe('russian federation');
    expect(nameKey('Emomalī Raḩmon')).toBe(nameKey('emomali rahmon'));
    for (const [a, b] of [
      ['Rakhmon', 'Rahmon'],
      ['Tadzhikistan', 'Tajikistan'],
      ['Tadjikistan', 'Tajikistan'],
      ['Tokayev', 'Tokaev'],
      ['Mirziyoyev', 'Mirziyoev'],
      ['Shanghai Cooperation Organization', 'Shanghai Cooperation Organisation'],
    ])
      expect(transliterationKey(a ?? '')).toBe(transliterationKey(b ?? ''));
    expect(transliterationKey('Uzbekistan')).not.toBe(transliterationKey('Tajikistan'));
  });
});

describe('resolveEntities', () => {
  const tajikistan = candidate('country:tajikistan', 'Country', 'Tajikistan', {
    aliases: ['Republic of Tajikistan'],
    iso3: 'TJK',
  });
  const russia = candidate('country:russia', 'Country', 'Russia', {
    aliases: ['Russian Federation'],
    iso3: 'RUS',
  });
  const rahmon = candidate('person:emomali-rahmon', 'Person', 'Emomali Rahmon');

  it('matches countries by ISO code whatever the name', () => {
    const resolved = resolve(
      [
        entity('country:x', 'Country', 'Tadjikistan', {
          background: [{ properties: { iso3: 'TJK' }, basis: 'gazetteer' }],
        }),
      ],
      [tajikistan, russia],
    );
    expect(resolved.get('country:x')).toMatchObject({
      key: 'country:tajikistan',
      status: 'matched',
      method: 'iso code',
    });
  });

  it('matches names and aliases regardless of case, diacritics and look-alike letters', () => {
    const resolved = resolve(
      [
        entity('a', 'Country', 'RUSSIAN FEDERATION'),
        entity('b', 'Country', 'Russiа'),
        entity('c', 'Person', 'Emomalī Raḩmon'),
      ],
      [tajikistan, russia, rahmon],
    );
    expect(resolved.get('a')).toMatchObject({ key: 'country:russia', method: 'alias' });
    expect(resolved.get('b')).toMatchObject({ key: 'country:russia', method: 'name' });
    expect(resolved.get('c')).toMatchObject({
      key: 'person:emomali-rahmon',
      method: 'name',
      score: 1,
    });
  });

  it('merges transliteration variants and names given with fewer or more parts', () => {
    const putin = candidate('person:vladimir-putin', 'Person', 'Vladimir Putin');
    const resolved = resolve(
      [
        entity('a', 'Person', 'Emomali Rakhmon'),
        entity('b', 'Person', 'Vladimir Vladimirovich Putin'),
        entity('c', 'Person', 'Putin'),
        entity('d', 'Organisation', 'shanghai cooperation organization'),
      ],
      [
        rahmon,
        putin,
        candidate('organisation:sco', 'Organisation', 'Shanghai Cooperation Organisation', {
          acronym: 'SCO',
        }),
      ],
    );
    expect(resolved.get('a')).toMatchObject({
      key: 'person:emomali-rahmon',
      status: 'matched',
      method: 'transliteration',
    });
    expect(resolved.get('b')).toMatchObject({
      key: 'person:vladimir-putin',
      status: 'matched',
      method: 'name parts',
    });
    expect(resolved.get('c')).toMatchObject({
      key: 'person:vladimir-putin',
      status: 'matched',
      method: 'name parts',
    });
    expect(resolved.get('d')).toMatchObject({ key: 'organisation:sco', method: 'transliteration' });
  });

  it('matches organisations by acronym', () => {
    const resolved = resolve(
      [
        entity('organisation:csto', 'Organisation', 'Collective Security Treaty Org.', {
          properties: { acronym: 'CSTO' },
        }),
      ],
      [
        candidate(
          'organisation:collective-security',
          'Organisation',
          'Collective Security Treaty Organization',
          { acronym: 'CSTO' },
        ),
      ],
    );
    expect(resolved.get('organisation:csto')).toMatchObject({
      key: 'organisation:collective-security',
      method: 'acronym',
    });
  });

  it('records a near name as doubtful, under a fresh key, never merged', () => {
    const resolved = resolve(
      [entity('person:emomali-rahmon', 'Person', 'Emomali Rahman')],
      [rahmon],
    );
    const r = resolved.get('person:emomali-rahmon');
    expect(r).toMatchObject({
      status: 'doubtful',
      candidate: 'person:emomali-rahmon',
      method: 'similar name',
    });
    expect(r?.key).toBe('person:emomali-rahmon-2');
    expect(r?.score).toBeGreaterThanOrEqual(0.8);
    expect(r?.score).toBeLessThan(1);
  });

  it('never takes one gazetteer country for another', () => {
    const resolved = resolve([entity('country:uzbekistan', 'Country', 'Uzbekistan')], [tajikistan]);
    expect(resolved.get('country:uzbekistan')).toMatchObject({
      status: 'new',
      key: 'country:uzbekistan',
    });
  });

  it('identifies meetings by their sides and date; the same year without a date is doubtful', () => {
    const seen = candidate('meeting:old', 'Meeting', 'Talks', {
      countries: ['country:russia', 'country:tajikistan'],
      date: '2018-06-09',
      year: 2018,
    });
    const sides = ['country:tajikistan', 'country:russia'];
    const countries = sides.map((k) =>
      entity(k, 'Country', k === 'country:russia' ? 'Russia' : 'Tajikistan'),
    );
    const meeting = (id: string, props: ExtractedEntity['properties']) =>
      entity(id, 'Meeting', 'Talks between Tajikistan and Russia', { properties: props });
    const facts = (id: string) => sides.map((s) => fact('PARTICIPATED_IN', s, id));
    expect(
      resolve(
        [...countries, meeting('m1', { date: { date: '2018-06-09' } })],
        [tajikistan, russia, seen],
        facts('m1'),
      ).get('m1'),
    ).toMatchObject({ key: 'meeting:old', method: 'same sides and date' });
    expect(
      resolve(
        [...countries, meeting('m2', { year: 2018 })],
        [tajikistan, russia, seen],
        facts('m2'),
      ).get('m2'),
    ).toMatchObject({ status: 'doubtful', candidate: 'meeting:old' });
    expect(
      resolve(
        [...countries, meeting('m3', { date: { date: '2019-01-01' } })],
        [tajikistan, russia, seen],
        facts('m3'),
      ).get('m3'),
    ).toMatchObject({ status: 'new' });
    // A title alone does not identify a meeting between other countries.
    const titled = candidate('meeting:titled', 'Meeting', 'Top-level talks', {
      countries: ['country:china', 'country:tajikistan'],
    });
    expect(
      resolve(
        [...countries, entity('m4', 'Meeting', 'Top-level talks')],
        [tajikistan, russia, titled],
        facts('m4'),
      ).get('m4'),
    ).toMatchObject({ status: 'new' });
  });

  it('identifies figures by measure, unit, year and countries; a different value is doubtful', () => {
    const stored = candidate('indicator:old', 'Indicator', 'Trade volume, 2016', {
      countries: ['country:russia', 'country:tajikistan'],
      measure: 'trade volume',
      unit: 'USD',
      year: 2016,
      value: 1e9,
    });
    const countries = [
      entity('country:tajikistan', 'Country', 'Tajikistan'),
      entity('country:russia', 'Country', 'Russia'),
    ];
    const figure = (value: number) =>
      entity('i', 'Indicator', 'Trade volume between Russia and Tajikistan, 2016', {
        properties: { measure: 'trade volume', unit: 'USD', year: 2016, value },
      });
    const facts = [
      fact('CONCERNS', 'i', 'country:tajikistan'),
      fact('CONCERNS', 'i', 'country:russia'),
    ];
    expect(
      resolve([...countries, figure(1e9)], [tajikistan, russia, stored], facts).get('i'),
    ).toMatchObject({ key: 'indicator:old', status: 'matched' });
    expect(
      resolve([...countries, figure(2e9)], [tajikistan, russia, stored], facts).get('i'),
    ).toMatchObject({ status: 'doubtful', candidate: 'indicator:old' });
  });
});
