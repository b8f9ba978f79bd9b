/**
 * The rule-based extractor on the seed text and on small literal texts: names, offices, figures,
 * determinism, verified offsets, and the evaluation targets against the curated seed.
 */
import { describe, expect, it } from 'vitest';
import { evaluateDocument } from '../../server/ingest/eval/evaluate.ts';
import { ENTITY_F1_TARGET, RELATION_F1_TARGET } from '../../server/ingest/eval/cli.ts';
import { findFigures } from '../../server/ingest/extract/figures.ts';
import { extractWithRules } from '../../server/ingest/extract/rules.ts';
import { prepareDocument } from '../../server/ingest/index.ts';
import { readSeedFile } from '../../server/seed/file.ts';

const extract = (text: string) => extractWithRules(prepareDocument({ text }));

describe('rule-based extraction', () => {
  const seed = readSeedFile();
  const seedDocument = seed.documents[0];
  if (!seedDocument) throw new Error('the seed has no document');

  it('meets the targets on the curated seed (entity F1 ≥ 0.9, relation F1 ≥ 0.75)', async () => {
    const evaluation = await evaluateDocument(seed, seedDocument);
    expect(evaluation.entities.overall.f1).toBeGreaterThanOrEqual(ENTITY_F1_TARGET);
    expect(evaluation.relations.overall.f1).toBeGreaterThanOrEqual(RELATION_F1_TARGET);
    expect(evaluation.evidenceAgreement).toBeGreaterThanOrEqual(0.9);
  });

  it('is deterministic and quotes exactly what its offsets say', () => {
    const first = extract(seedDocument.text);
    expect(extract(seedDocument.text)).toEqual(first);
    const prepared = prepareDocument({ text: seedDocument.text });
    for (const span of [
      ...first.entities.flatMap((e) => e.mentions),
      ...first.facts.flatMap((f) => f.evidence),
    ]) {
      expect(prepared.passages[span.passage]?.text.slice(span.start, span.end)).toBe(span.quote);
    }
  });

  it('finds the country in a title with a Cyrillic look-alike letter', () => {
    const x = extract(seedDocument.text);
    const russia = x.entities.find((e) => e.id === 'country:russia');
    expect(russia?.mentions.some((m) => m.passage === 0 && m.quote === 'Russiа')).toBe(true);
    expect(russia?.background[0]?.properties).toMatchObject({ iso2: 'RU', iso3: 'RUS' });
  });

  it('reads offices before and after names, counterparts and role references', () => {
    const x = extract(
      [
        'Leaders meet in Ankara for talks',
        '',
        'On 2 June 2023 in Ankara, Turkish President Recep Tayyip Erdogan held talks with his Azerbaijani counterpart Ilham Aliyev.',
        '',
        'President Aliyev thanked Turkey for its support. The Turkish leader invited Azerbaijan to expand energy cooperation.',
      ].join('\n'),
    );
    const erdogan = x.entities.find((e) => e.id === 'person:recep-tayyip-erdogan');
    const aliyev = x.entities.find((e) => e.id === 'person:ilham-aliyev');
    expect(erdogan?.properties.title).toBe('President of Türkiye');
    expect(aliyev?.properties.title).toBe('President of Azerbaijan');
    expect(aliyev?.mentions.map((m) => m.quote)).toContain('Aliyev');
    expect(x.facts).toContainEqual(
      expect.objectContaining({
        type: 'THANKED',
        from: 'person:ilham-aliyev',
        to: 'country:turkiye',
      }),
    );
    expect(x.facts).toContainEqual(
      expect.objectContaining({ type: 'PROPOSED', from: 'person:recep-tayyip-erdogan' }),
    );
    expect(x.facts).toContainEqual(
      expect.objectContaining({ type: 'HOSTED', from: 'country:turkiye' }),
    );
    const meeting = x.entities.find((e) => e.kind === 'Meeting');
    expect(meeting?.properties).toMatchObject({ date: { date: '2023-06-02' }, place: 'Ankara' });
  });

  it('reads money, percentages and head counts with their qualifiers', () => {
    const figures = findFigures(
      'Trade rose by another 18 percent to more than 1.5 billion US dollars, with $ 800 million in exports, €20 million in loans and a total of 500 Tajikistani servicemen.',
    );
    expect(figures.map(({ value, unit, qualifier }) => ({ value, unit, qualifier }))).toEqual([
      { value: 18, unit: '%', qualifier: undefined },
      { value: 1.5e9, unit: 'USD', qualifier: 'more than' },
      { value: 8e8, unit: 'USD', qualifier: undefined },
      { value: 2e7, unit: 'EUR', qualifier: undefined },
      { value: 500, unit: 'persons', qualifier: undefined },
    ]);
  });

  it('states nothing it has no cue for', () => {
    const x = extract(
      'A short note\n\nThe weather in the mountains was pleasant and the roads were quiet this week.',
    );
    expect(x.entities.filter((e) => e.kind !== 'Meeting')).toEqual([]);
    expect(x.facts.filter((f) => f.type !== 'DESCRIBES')).toEqual([]);
  });
});
