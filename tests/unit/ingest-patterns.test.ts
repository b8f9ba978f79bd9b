/**
 * Extraction on sentences written for these tests (none taken from a real source), one group per
 * failure seen on unseen press texts: wrong values, facts without quotes, titles from datelines.
 */
import { describe, expect, it } from 'vitest';
import { findFigures, yearOf } from '../../server/ingest/extract/figures.ts';
import { extractWithRules } from '../../server/ingest/extract/rules.ts';
import { scanOrganisations } from '../../server/ingest/extract/scan.ts';
import { prepareDocument } from '../../server/ingest/index.ts';
import { foldForMatching } from '../../server/ingest/text/fold.ts';

const extract = (text: string) => extractWithRules(prepareDocument({ text }));
const TALKS =
  'Leaders of Chile and Peru meet in Lima\n\nOn 4 April 2024 in Lima, President of Chile Gabriel Boric held talks with President of Peru Dina Boluarte.';

describe('values stated exactly', () => {
  it('reads compound and spelled-out figures whole', () => {
    const figures = findFigures(
      'Exports reached 2 billion 300 million US dollars, imports three billion dollars, and forty-two students came.',
    );
    expect(figures.map((f) => [f.statedAs, f.value, f.unit])).toEqual([
      ['2 billion 300 million US dollars', 2.3e9, 'USD'],
      ['three billion dollars', 3e9, 'USD'],
      ['forty-two students', 42, 'persons'],
    ]);
  });

  it('gives each figure the year stated nearest it', () => {
    const sentence = 'Trade reached $1.2 billion in 2023, up from $950 million in 2022.';
    const [newer, older] = findFigures(sentence);
    expect(newer && yearOf(sentence, 2024, newer).year).toBe(2023);
    expect(older && yearOf(sentence, 2024, older).year).toBe(2022);
    const x = extract(`${TALKS}\n\n${sentence}`);
    const byYear = Object.fromEntries(
      x.entities
        .filter((e) => e.kind === 'Indicator')
        .map((e) => [e.properties.year, [e.properties.value, e.mentions.map((m) => m.quote)]]),
    );
    expect(byYear).toEqual({ 2023: [1.2e9, ['$1.2 billion']], 2022: [9.5e8, ['$950 million']] });
  });

  it('reads "X is a priority of Y’s foreign policy" as Y prioritising X', () => {
    const x = extract(
      `${TALKS}\n\nPeru is a priority of Chile’s foreign policy, the minister said.`,
    );
    const facts = x.facts.filter((f) => f.type === 'PRIORITISES');
    expect(facts.map((f) => [f.from, f.to])).toEqual([['country:chile', 'country:peru']]);
  });

  it('keeps a long body name whole across its enumeration', () => {
    const text =
      'They revived the Joint Commission on Mining, Fisheries and Port Cooperation in May.';
    expect(scanOrganisations(foldForMatching(text), text).map((h) => h.name)).toEqual([
      'Joint Commission on Mining, Fisheries and Port Cooperation',
    ]);
    const list = 'It joined the Andean Development Fund for Infrastructure, Chile said.';
    expect(scanOrganisations(foldForMatching(list), list).map((h) => h.name)).toEqual([
      'Andean Development Fund for Infrastructure',
    ]);
  });

  it('never takes a dateline for the title', () => {
    const d = prepareDocument({
      text: 'SANTIAGO, March 12.\n\nThe presidents of Chile and Argentina agreed on a new border crossing at the pass.',
    });
    expect(d.title).toBe(
      'The presidents of Chile and Argentina agreed on a new border crossing at the pass.',
    );
    expect(
      prepareDocument({
        text: 'LIMA, 4 April – Boric and Boluarte agreed on port fees. More later.',
      }).title,
    ).toBe('Boric and Boluarte agreed on port fees.');
  });
});

describe('facts need quotes', () => {
  it('writes no text fact without a quote, even with no meeting sentence', () => {
    const x = extract(
      'Notes on Chile and Peru\n\nChile and Peru share a long border. Peru values its strategic partnership with Chile.',
    );
    expect(x.facts.length).toBeGreaterThan(0);
    for (const f of x.facts.filter((f) => f.source === 'text'))
      expect(f.evidence.length, `${f.type} ${f.from} ${f.to}`).toBeGreaterThan(0);
  });
});

describe('noise kept out', () => {
  it('never makes "the parties" or a host capital a name of a country', () => {
    const x = extract(
      `${TALKS}\n\nThe parties agreed to meet again. The two sides praised the talks.`,
    );
    for (const id of ['country:chile', 'country:peru'])
      expect(x.entities.find((e) => e.id === id)?.aliases).not.toContain('The parties');
    expect(x.entities.find((e) => e.id === 'country:peru')?.aliases).not.toContain('Lima');
  });
});
