/**
 * The gold evaluation set and its scorer: annotations load only when their offsets read their
 * quotes in the text; a fact counts only with the right ends, evidence and values; every text of
 * ../shared/corpus and the seed article is annotated (skipped when ../shared is absent).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../server/ingest/extract/types.ts';
import {
  GOLD_DIR,
  GoldSetError,
  readGoldFile,
  readGoldSet,
  SHARED_DIR,
} from '../../server/ingest/eval/gold.ts';
import { scoreAgainstGold } from '../../server/ingest/eval/score-gold.ts';
import { prepareDocument } from '../../server/ingest/index.ts';

const TEXT =
  'Leaders meet\n\nOn 3 March 2024, Chile and Peru agreed that trade reached $ 5 million.';
const at = (quote: string) => {
  const start = TEXT.indexOf(quote);
  return { start, end: start + quote.length, quote };
};

function writeGold(gold: object): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gold-'));
  fs.mkdirSync(path.join(dir, 'shared'));
  fs.writeFileSync(path.join(dir, 'shared', 'a.txt'), TEXT);
  fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ text: 'a.txt', ...gold }));
  return dir;
}

const GOLD = {
  meeting: { date: '2024-03-03', place: 'Lima' },
  entities: [
    { key: 'country:chile', kind: 'Country', mentions: [at('Chile')] },
    { key: 'country:peru', kind: 'Country', mentions: [at('Peru')] },
  ],
  facts: [
    {
      type: 'TRADES_WITH',
      from: 'country:peru',
      to: 'country:chile',
      evidence: [at('trade reached $ 5 million')],
      values: { value: 5e6 },
    },
  ],
  figures: [{ ...at('$ 5 million'), value: 5e6, unit: 'USD' }],
};

function extraction(value: number, passage: number): Extraction {
  const country = (id: string, quote: string) => ({
    id,
    kind: 'Country' as const,
    name: quote,
    aliases: [],
    properties: {},
    background: [],
    confidence: 1,
    mentions: [{ passage: 1, start: TEXT.split('\n\n')[1]?.indexOf(quote) ?? 0, end: 0, quote }],
  });
  const chile = country('country:chile', 'Chile');
  chile.mentions[0]!.end = chile.mentions[0]!.start + 5;
  const peru = country('country:peru', 'Peru');
  peru.mentions[0]!.end = peru.mentions[0]!.start + 4;
  return {
    extractor: 'literal',
    entities: [chile, peru],
    facts: [
      {
        type: 'TRADES_WITH',
        from: 'country:chile',
        to: 'country:peru',
        properties: { value },
        evidence: [{ passage, start: 0, end: passage === 1 ? 70 : 10, quote: '' }],
        confidence: 1,
        source: 'text',
      },
    ],
  };
}

describe('gold set scorer', () => {
  const dir = writeGold(GOLD);
  const gold = readGoldFile(path.join(dir, 'a.json'), path.join(dir, 'shared'));
  const prepared = prepareDocument({ text: TEXT });

  it('counts a symmetric fact with its evidence and value as correct', () => {
    const r = scoreAgainstGold(gold, prepared, extraction(5e6, 1), []);
    expect(r.entities.overall.f1).toBe(1);
    expect(r.relations.overall).toMatchObject({ correct: 1, precision: 1, recall: 1 });
    expect(r.date).toEqual({ stated: 1, correct: 0 });
    expect(r.figures).toEqual({ stated: 1, correct: 0 });
  });

  it('does not count a fact with a wrong value or quoted from elsewhere', () => {
    expect(scoreAgainstGold(gold, prepared, extraction(5e5, 1), []).relations.overall.correct).toBe(
      0,
    );
    const elsewhere = scoreAgainstGold(gold, prepared, extraction(5e6, 0), []);
    expect(elsewhere.relations.overall.precision).toBe(0);
    expect(elsewhere.wrongRelations[0]).toMatch(/evidence elsewhere/);
  });

  it('refuses annotations whose offsets do not read their quote', () => {
    const bad = writeGold({
      ...GOLD,
      entities: [
        { key: 'country:chile', kind: 'Country', mentions: [{ start: 0, end: 5, quote: 'Chile' }] },
      ],
      facts: [],
    });
    expect(() => readGoldFile(path.join(bad, 'a.json'), path.join(bad, 'shared'))).toThrow(
      GoldSetError,
    );
  });
});

const hasShared = fs.existsSync(path.join(SHARED_DIR, 'corpus'));
describe.skipIf(!hasShared)('the gold set', () => {
  if (!hasShared) console.warn(`${SHARED_DIR} not found: skipping the gold set checks`);

  it('annotates every corpus text and the seed article, offsets verified', () => {
    const texts = readGoldSet(GOLD_DIR).map((g) => g.text);
    const corpus = fs
      .readdirSync(path.join(SHARED_DIR, 'corpus'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => `corpus/${f}`);
    const seed = fs
      .readdirSync(path.join(SHARED_DIR, 'seed'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => `seed/${f}`);
    expect(texts.sort()).toEqual([...corpus, ...seed].sort());
  });
});
