/**
 * A small held-out check: short texts written for this test (none in ../shared, none taken from
 * a source), annotated by hand like the gold set and scored by the same scorer and targets. Each
 * text exercises patterns seen failing on unseen press texts: bare names, dates with a part of
 * the day, cities with a region, datelines, agreements, awards of any name, partnership levels.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGoldSet } from '../../server/ingest/eval/gold-set.ts';
import type { GoldSpan, GoldText } from '../../server/ingest/eval/gold.ts';

/** A span of `quote` in `content` (its `nth` occurrence), so annotations cannot drift. */
function at(content: string, quote: string, nth = 0): GoldSpan {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = content.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`"${quote}" not in the text`);
  return { start, end: start + quote.length, quote };
}

/** A quote, or a quote and which occurrence of it is meant. */
type Quote = string | [quote: string, nth: number];
const spanOf = (content: string, q: Quote) =>
  typeof q === 'string' ? at(content, q) : at(content, q[0], q[1]);

type Fact = [
  type: string,
  from: string,
  to: string,
  evidence: Quote | { all: Quote[] },
  values?: Record<string, string | number | boolean>,
];

function gold(
  name: string,
  content: string,
  meeting: { date?: string; place?: string; dateQuote?: string; placeQuote?: string },
  entities: [key: string, kind: string, ...quotes: Quote[]][],
  facts: Fact[],
): GoldText {
  return {
    name,
    text: `held-out/${name}.txt`,
    content,
    meeting: {
      ...(meeting.date ? { date: meeting.date } : {}),
      ...(meeting.place ? { place: meeting.place } : {}),
      ...(meeting.dateQuote ? { dateSpan: at(content, meeting.dateQuote) } : {}),
      ...(meeting.placeQuote ? { placeSpan: at(content, meeting.placeQuote) } : {}),
    },
    entities: entities.map(([key, kind, ...quotes]) => ({
      key,
      kind: kind as GoldText['entities'][number]['kind'],
      mentions: quotes.map((q) => spanOf(content, q)),
    })),
    facts: facts.map(([type, from, to, evidence, values]) => ({
      type: type as GoldText['facts'][number]['type'],
      from,
      to,
      evidence: (typeof evidence === 'object' && 'all' in evidence ? evidence.all : [evidence]).map(
        (q) => spanOf(content, q),
      ),
      ...(values ? { values } : {}),
    })),
    figures: [],
  };
}

const SIGNING =
  'Chile and Peru sign 12 documents\n\nOn 3 March 2024, Gabriel Boric and Dina Boluarte signed 12 documents in Lima.';
const S1 = 'On 3 March 2024, Gabriel Boric and Dina Boluarte signed 12 documents in Lima.';
const CUSCO =
  'Presidents of Chile and Peru meet in Cusco\n\nOn the afternoon of July 5, 2024 local time, President of Chile Gabriel Boric held talks with President of Peru Dina Boluarte in the city of Cusco, Cusco Region, Peru. The two leaders agreed to build a comprehensive strategic cooperative partnership.';
const C1 =
  'On the afternoon of July 5, 2024 local time, President of Chile Gabriel Boric held talks with President of Peru Dina Boluarte in the city of Cusco, Cusco Region, Peru.';
const C2 = 'The two leaders agreed to build a comprehensive strategic cooperative partnership.';
const AWARD =
  'Boluarte receives Chilean award\n\nSANTIAGO, May 20. President of Chile Gabriel Boric held talks with President of Peru Dina Boluarte. Dina Boluarte was awarded the “Bernardo O’Higgins” Order of Chile.';
const A1 = 'President of Chile Gabriel Boric held talks with President of Peru Dina Boluarte.';
const A2 = 'Dina Boluarte was awarded the “Bernardo O’Higgins” Order of Chile.';

const M = 'meeting:m';
const TEXTS: GoldText[] = [
  gold(
    'signing',
    SIGNING,
    { date: '2024-03-03', place: 'Lima', dateQuote: 'On 3 March 2024', placeQuote: 'Lima' },
    [
      ['country:chile', 'Country', 'Chile'],
      ['country:peru', 'Country', 'Peru'],
      ['person:gabriel-boric', 'Person', 'Gabriel Boric'],
      ['person:dina-boluarte', 'Person', 'Dina Boluarte'],
      [M, 'Meeting', 'signed'],
      ['agreement:a', 'Agreement', '12 documents', ['12 documents', 1]],
    ],
    [
      ['DESCRIBES', '$document', M, { all: ['Chile and Peru sign 12 documents', S1] }],
      ['PARTICIPATED_IN', 'country:chile', M, S1],
      ['PARTICIPATED_IN', 'country:peru', M, S1],
      ['PARTICIPATED_IN', 'person:gabriel-boric', M, S1],
      ['PARTICIPATED_IN', 'person:dina-boluarte', M, S1],
      ['HOSTED', 'country:peru', M, 'Lima'],
      // The headline says the states signed; the body names who signed for them.
      ['SIGNED', 'country:chile', 'agreement:a', 'Chile and Peru sign 12 documents'],
      ['SIGNED', 'country:peru', 'agreement:a', 'Chile and Peru sign 12 documents'],
      ['SIGNED', 'person:gabriel-boric', 'agreement:a', S1],
      ['SIGNED', 'person:dina-boluarte', 'agreement:a', S1],
      ['CONCLUDED_AT', 'agreement:a', M, S1],
      ['CONCERNS', 'agreement:a', 'country:chile', S1],
      ['CONCERNS', 'agreement:a', 'country:peru', S1],
    ],
  ),
  gold(
    'cusco',
    CUSCO,
    {
      date: '2024-07-05',
      place: 'Cusco',
      dateQuote: 'July 5, 2024',
      placeQuote: 'Cusco, Cusco Region',
    },
    [
      ['country:chile', 'Country', 'Chile'],
      ['country:peru', 'Country', 'Peru'],
      ['person:gabriel-boric', 'Person', 'Gabriel Boric'],
      ['person:dina-boluarte', 'Person', 'Dina Boluarte'],
      [M, 'Meeting', 'talks'],
    ],
    [
      ['DESCRIBES', '$document', M, C1],
      ['PARTICIPATED_IN', 'country:chile', M, C1],
      ['PARTICIPATED_IN', 'country:peru', M, C1],
      ['PARTICIPATED_IN', 'person:gabriel-boric', M, C1],
      ['PARTICIPATED_IN', 'person:dina-boluarte', M, C1],
      ['LEADS', 'person:gabriel-boric', 'country:chile', 'President of Chile Gabriel Boric'],
      ['LEADS', 'person:dina-boluarte', 'country:peru', 'President of Peru Dina Boluarte'],
      ['HOSTED', 'country:peru', M, ['Cusco', 1]],
      [
        'STRATEGIC_PARTNER_OF',
        'country:chile',
        'country:peru',
        C2,
        { level: 'comprehensive cooperative' },
      ],
    ],
  ),
  gold(
    'award',
    AWARD,
    { place: 'Santiago', placeQuote: 'SANTIAGO' },
    [
      ['country:chile', 'Country', 'Chile'],
      ['country:peru', 'Country', 'Peru'],
      ['person:gabriel-boric', 'Person', 'Gabriel Boric'],
      ['person:dina-boluarte', 'Person', 'Dina Boluarte'],
      [M, 'Meeting', 'talks'],
      ['award:o-higgins', 'Award', 'Bernardo O’Higgins” Order'],
    ],
    [
      ['DESCRIBES', '$document', M, A1],
      ['PARTICIPATED_IN', 'country:chile', M, A1],
      ['PARTICIPATED_IN', 'country:peru', M, A1],
      ['PARTICIPATED_IN', 'person:gabriel-boric', M, A1],
      ['PARTICIPATED_IN', 'person:dina-boluarte', M, A1],
      ['LEADS', 'person:gabriel-boric', 'country:chile', 'President of Chile Gabriel Boric'],
      ['LEADS', 'person:dina-boluarte', 'country:peru', 'President of Peru Dina Boluarte'],
      ['HOSTED', 'country:chile', M, 'SANTIAGO'],
      ['CONFERRED', 'country:chile', 'award:o-higgins', A2],
      ['RECEIVED', 'person:dina-boluarte', 'award:o-higgins', A2],
    ],
  ),
];

describe('held-out texts of our own', () => {
  it('meets the gold set targets', async () => {
    const result = await evaluateGoldSet(TEXTS);
    const problems = result.texts.map((t) => ({
      text: t.text,
      missedEntities: t.missedEntities,
      extraEntities: t.extraEntities,
      missedRelations: t.missedRelations,
      extraRelations: t.extraRelations,
      wrongRelations: t.wrongRelations,
    }));
    expect(result.missedTargets, JSON.stringify(problems, null, 1)).toEqual([]);
    expect(result.entities.byKind.Person?.recall).toBe(1);
    expect(result.entities.byKind.Agreement?.recall).toBe(1);
    expect(result.entities.byKind.Award?.recall).toBe(1);
    expect(result.place).toEqual({ stated: 3, correct: 3 });
    expect(result.date).toEqual({ stated: 2, correct: 2 });
  });
});
