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
