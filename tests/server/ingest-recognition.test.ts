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
