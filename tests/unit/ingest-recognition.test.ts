/**
 * Recognition on sentences written for these tests (none taken from a real source): persons
 * named without an office, meeting dates and places in the forms press texts use, outcomes
 * (agreements, awards, partnership levels), and what must never become a name.
 */
import { describe, expect, it } from 'vitest';
import { extractWithRules } from '../../server/ingest/extract/rules.ts';
import type { ExtractionHints } from '../../server/ingest/extract/types.ts';
import { prepareDocument } from '../../server/ingest/index.ts';

const extract = (text: string, hints: ExtractionHints = {}) =>
  extractWithRules(prepareDocument({ text }), hints);
const ofKind = (x: ReturnType<typeof extract>, kind: string) =>
  x.entities.filter((e) => e.kind === kind);
const facts = (x: ReturnType<typeof extract>, type: string) =>
  x.facts.filter((f) => f.type === type).map((f) => [f.from, f.to]);

describe('persons named without an office', () => {
  it('finds two full names acting together', () => {
    const x = extract(
      'Chile and Peru sign a port treaty\n\nOn 3 March 2024, Gabriel Boric and Dina Boluarte signed a treaty on ports in Lima.',
    );
    expect(ofKind(x, 'Person').map((p) => p.name)).toEqual(['Gabriel Boric', 'Dina Boluarte']);
    const meeting = ofKind(x, 'Meeting')[0]?.id ?? '';
    expect(facts(x, 'PARTICIPATED_IN')).toEqual(
      expect.arrayContaining([
        ['person:gabriel-boric', meeting],
        ['person:dina-boluarte', meeting],
      ]),
    );
  });

  it('keeps both names after a plural office', () => {
    const x = extract(
      'Chile and Peru hold talks\n\nThe heads of both states Gabriel Boric and Dina Boluarte discussed trade. Presidents Boric and Boluarte then met the press.',
    );
    const persons = ofKind(x, 'Person');
    expect(persons.map((p) => [p.name, p.properties.office])).toEqual([
      ['Gabriel Boric', 'Head of State'],
      ['Dina Boluarte', 'Head of State'],
    ]);
    // A plural office is nobody's title.
    for (const p of persons) expect(p.aliases.join(' ')).not.toMatch(/heads|Presidents/i);
  });

  it('recognises a bare name the graph already holds, and no other capitalised pair', () => {
    const text =
      'Notes from Santiago\n\nGabriel Boric spoke to Trade Ministers about fisheries. Dina Boluarte was not there.';
    expect(ofKind(extract(text), 'Person')).toEqual([]);
    const x = extract(text, { personNames: ['Gabriel Boric', 'Someone Else'] });
    expect(ofKind(x, 'Person').map((p) => [p.name, p.mentions.map((m) => m.quote)])).toEqual([
      ['Gabriel Boric', ['Gabriel Boric']],
    ]);
  });

  it('needs both sides of a pair to be names', () => {
    const x = extract(
      'Chile and Peru hold talks\n\nOn 3 March 2024, Trade and Economic Cooperation signed nothing in Lima.',
    );
    expect(ofKind(x, 'Person')).toEqual([]);
  });
});

describe('noise kept out of names', () => {
  it('never makes a headline verb part of a name', () => {
    const x = extract(
      'President Boric and President Boluarte Jointly Meet in Lima\n\nOn 4 April 2024 in Lima, President of Chile Gabriel Boric held talks with President of Peru Dina Boluarte. They jointly meet the press later.',
    );
    const names = ofKind(x, 'Person').flatMap((p) => [p.name, ...p.aliases]);
    expect(names.some((n) => /Jointly|Meet/.test(n))).toBe(false);
    expect(ofKind(x, 'Person').map((p) => p.name)).toEqual(['Gabriel Boric', 'Dina Boluarte']);
  });
});

describe('meeting date and place', () => {
  const meetingOf = (text: string, date?: string) => {
    const x = extractWithRules(prepareDocument({ text, ...(date ? { date } : {}) }));
    const meeting = ofKind(x, 'Meeting')[0];
    return {
      date: meeting?.properties.date,
      place: meeting?.properties.place,
      region: meeting?.properties.region,
      hosted: x.facts
        .filter((f) => f.type === 'HOSTED')
        .map((f) => [f.from, f.properties.city, f.evidence[0]?.quote]),
    };
  };

  it('reads a date with a part of the day and "local time"', () => {
    expect(
      meetingOf(
        'Chile and Peru hold talks\n\nOn the afternoon of July 5, 2024 local time, President of Chile Gabriel Boric held talks with President of Peru Dina Boluarte in Lima.',
      ),
    ).toMatchObject({ date: { date: '2024-07-05' }, place: 'Lima' });
  });

  it('takes the year of a bare day from the document date', () => {
    expect(
      meetingOf(
        'Chile and Peru hold talks\n\nOn June 10, President of Chile Gabriel Boric met President of Peru Dina Boluarte in Lima.',
        '2025-06-12',
      ).date,
    ).toEqual({ date: '2025-06-10' });
  });

  it('reads a city with its region and country, and resolves the host from the country', () => {
    expect(
      meetingOf(
        'Chile and Peru hold talks\n\nOn 2 May 2025, President of Chile Gabriel Boric met President of Peru Dina Boluarte in the city of Cusco, Cusco Region, Peru.',
      ),
    ).toEqual({
      date: { date: '2025-05-02' },
      place: 'Cusco',
      region: 'Cusco Region',
      hosted: [['country:peru', 'Cusco', 'Cusco']],
    });
  });

  it('takes date and place from a dateline the meeting sentences do not restate', () => {
    expect(
      meetingOf(
        'Chile and Peru hold talks\n\nLIMA, June 28. President of Chile Gabriel Boric and President of Peru Dina Boluarte held talks on fisheries.',
        '2025-06-30',
      ),
    ).toEqual({
      date: { date: '2025-06-28' },
      place: 'Lima',
      region: undefined,
      hosted: [['country:peru', 'Lima', 'LIMA']],
    });
  });
});

describe('outcomes: agreements, awards, partnership levels', () => {
  const TALKS_2024 =
    'Chile and Peru hold talks\n\nOn 3 March 2024 in Lima, President of Chile Gabriel Boric held talks with President of Peru Dina Boluarte.';
  const outcome = (sentence: string) => extract(`${TALKS_2024}\n\n${sentence}`);

  it('records a joint statement with its signers and meeting', () => {
    const x = outcome('Gabriel Boric and Dina Boluarte signed a joint statement after the talks.');
    const [agreement] = ofKind(x, 'Agreement');
    expect(agreement?.properties).toEqual({ form: 'joint statement' });
    expect(agreement?.mentions.map((m) => m.quote)).toEqual(['joint statement']);
    const meeting = ofKind(x, 'Meeting')[0]?.id;
    expect(facts(x, 'SIGNED')).toEqual([
      ['person:gabriel-boric', agreement?.id],
      ['person:dina-boluarte', agreement?.id],
    ]);
    expect(facts(x, 'CONCLUDED_AT')).toEqual([[agreement?.id, meeting]]);
  });

  it('counts documents signed, and says when the count is a lower bound', () => {
    const exact = ofKind(outcome('The sides signed 35 documents.'), 'Agreement')[0];
    expect(exact?.properties).toMatchObject({
      form: 'documents',
      count: 35,
      countIsLowerBound: false,
    });
    const bound = outcome('More than twenty inter-governmental documents were signed in Lima.');
    expect(ofKind(bound, 'Agreement')[0]?.properties).toMatchObject({
      count: 20,
      countIsLowerBound: true,
      statedAs: 'More than twenty inter-governmental documents',
    });
    // No signer named: the two sides signed.
    expect(facts(bound, 'SIGNED').map(([from]) => from)).toEqual(['country:chile', 'country:peru']);
  });

  it('reads a programme with its subject and end year', () => {
    const x = outcome('The ministers adopted a programme of trade cooperation until 2030.');
    const [agreement] = ofKind(x, 'Agreement');
    expect(agreement?.properties).toEqual({
      form: 'programme',
      subject: 'trade cooperation',
      until: 2030,
    });
    expect(facts(x, 'IN_SPHERE')).toContainEqual([agreement?.id, 'sphere:trade']);
  });

  it('makes no agreement of a plan nobody signed', () => {
    const x = outcome('Chile should align its plans with the national strategy up to 2030.');
    expect(ofKind(x, 'Agreement')).toEqual([]);
  });

  it('keeps an award of any name, with the state it belongs to', () => {
    const x = outcome('Gabriel Boric was awarded the “Amistad” Medal of Peru for his service.');
    expect(ofKind(x, 'Award').map((a) => a.name)).toEqual(['Amistad Medal']);
    expect(facts(x, 'CONFERRED')).toEqual([['country:peru', 'award:amistad-medal']]);
    expect(facts(x, 'RECEIVED')).toEqual([['person:gabriel-boric', 'award:amistad-medal']]);
  });

  it('gives a partnership link with its level', () => {
    const x = outcome(
      'Chile and Peru agreed to build a comprehensive strategic cooperative partnership.',
    );
    expect(
      x.facts.filter((f) => f.type === 'STRATEGIC_PARTNER_OF').map((f) => f.properties),
    ).toEqual([
      {
        level: 'comprehensive cooperative',
        statedAs: 'comprehensive strategic cooperative partnership',
      },
    ]);
    const plain = outcome('Chile and Peru are bound by an all-round partnership.');
    expect(plain.facts.filter((f) => f.type === 'PARTNER_OF').map((f) => f.properties)).toEqual([
      { level: 'all-round', statedAs: 'all-round partnership' },
    ]);
  });
});
