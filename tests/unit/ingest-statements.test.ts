/**
 * What an account states beyond who met whom, on sentences written for these tests: passive
 * requests, assessments of cooperation within organisations, shared positions, means against
 * threats, the border of two named states, armed forces, narrow spheres, and the publisher's line.
 * Also how passages are named when a text repeats its title and closes with a credit line.
 */
import { describe, expect, it } from 'vitest';
import { extractWithRules } from '../../server/ingest/extract/rules.ts';
import type { Extraction } from '../../server/ingest/extract/types.ts';
import { prepareDocument } from '../../server/ingest/index.ts';

const extract = (...blocks: string[]) =>
  extractWithRules(prepareDocument({ text: blocks.join('\n\n') }));
const facts = (x: Extraction, type: string) =>
  x.facts.filter((f) => f.type === type).map((f) => `${f.from} -> ${f.to}`);
const TITLE = 'Kazakhstan and Uzbekistan hold talks in Tashkent';

describe('statements of a joint account', () => {
  it('turns a passive request into a Proposal raised at the meeting, with addressee and subject', () => {
    const x = extract(
      TITLE,
      'President of Kazakhstan Kassym-Jomart Tokayev held talks with President of Uzbekistan Shavkat Mirziyoyev.',
      'In the field of transport it was requested to lift the restrictions on freight lorries of citizens of Kazakhstan at the border crossings on the territory of Uzbekistan, and to simplify customs checks.',
    );
    const proposal = x.entities.find((e) => e.kind === 'Proposal');
    expect(proposal?.name).toBe(
      'Lift the restrictions on freight lorries of citizens of Kazakhstan at the border crossings on the territory of Uzbekistan',
    );
    expect(proposal?.properties).toMatchObject({ status: 'requested' });
    const id = proposal?.id ?? '';
    expect(facts(x, 'RAISED')).toEqual([expect.stringMatching(new RegExp(`-> ${id}$`))]);
    expect(facts(x, 'REQUESTED_OF')).toEqual([`${id} -> country:uzbekistan`]);
    expect(facts(x, 'CONCERNS')).toContain(`${id} -> country:kazakhstan`);
    expect(facts(x, 'IN_SPHERE')).toEqual([`${id} -> sphere:transport`]);
    // Nobody is named as the requester: no PROPOSED fact is invented.
    expect(facts(x, 'PROPOSED')).toEqual([]);
  });

  it('records satisfaction with cooperation within organisations as an assessment of each', () => {
    const x = extract(
      TITLE,
      'The sides noted with satisfaction their close interaction within the framework of the SCO and the OSCE.',
    );
    expect(
      facts(x, 'REVIEWED')
        .map((f) => f.split(' -> ')[1])
        .sort(),
    ).toEqual(['organisation:osce', 'organisation:sco']);
    // A framework named without an assessment is no review.
    const plain = extract(
      TITLE,
      'Kazakhstan and Uzbekistan cooperate within the framework of the SCO.',
    );
    expect(facts(plain, 'REVIEWED')).toEqual([]);
  });

  it('reads shared positions of the two sides, with what they are about', () => {
    const x = extract(
      TITLE,
      'Kazakhstan and Uzbekistan held talks on water resources.',
      'The similarity of positions of the two countries on key issues of the regional agenda was confirmed.',
    );
    const shared = x.facts.find((f) => f.type === 'SHARES_POSITIONS_WITH');
    expect([shared?.from, shared?.to].sort()).toEqual(['country:kazakhstan', 'country:uzbekistan']);
    expect(shared?.properties.statedAs).toBe('similarity of positions');
  });

  it('names security cooperation as a means against the threats that follow it', () => {
    const x = extract(
      TITLE,
      'Kazakhstan and Uzbekistan agreed that security cooperation helps to combat terrorism and drug trafficking.',
    );
    expect(facts(x, 'COUNTERS').sort()).toEqual([
      'sphere:security -> threat:illegal-drug-trafficking',
      'sphere:security -> threat:international-terrorism',
    ]);
    expect(facts(x, 'ADDRESSED')).toHaveLength(2);
  });

  it('takes the two sides of "the border of X with Y" even when the sentence names a third state', () => {
    const x = extract(
      TITLE,
      'Kazakhstan and Uzbekistan discussed the Russian proposal and the protection of the state border of Uzbekistan with Afghanistan.',
    );
    expect(facts(x, 'BORDERS')).toEqual(['country:uzbekistan -> country:afghanistan']);
    expect(x.entities.map((e) => e.id)).toContain('sphere:border-protection');
  });

  it('makes "the Uzbek armed forces" a state body of Uzbekistan', () => {
    const x = extract(TITLE, 'Kazakhstan offered training for officers of the Uzbek armed forces.');
    const forces = x.entities.find((e) => e.id === 'organisation:armed-forces-of-uzbekistan');
    expect(forces?.name).toBe('Armed Forces of Uzbekistan');
    expect(facts(x, 'STATE_BODY_OF')).toEqual([
      'organisation:armed-forces-of-uzbekistan -> country:uzbekistan',
    ]);
  });

  it('prefers a narrow sphere to the broad word inside it, and places it under the broad one', () => {
    const x = extract(
      TITLE,
      'Kazakhstan and Uzbekistan agreed to build tourism infrastructure together and to promote tourism.',
      'They welcomed more educational quotas for students and the teaching of the Russian language in education.',
    );
    const spheres = x.entities.filter((e) => e.kind === 'Sphere').map((e) => e.id);
    expect(spheres).toContain('sphere:tourism-infrastructure');
    expect(spheres).not.toContain('sphere:infrastructure');
    expect(facts(x, 'PART_OF')).toEqual(
      expect.arrayContaining([
        'sphere:tourism-infrastructure -> sphere:tourism',
        'sphere:educational-quotas -> sphere:education',
        'sphere:russian-language-study -> sphere:education',
      ]),
    );
  });

  it('takes the publisher from a closing credit line, and a mission’s country from its name', () => {
    const x = extract(
      TITLE,
      'Kazakhstan and Uzbekistan discussed trade.',
      '© Embassy of the Republic of Kazakhstan in Tashkent',
    );
    const publisher = x.entities.find((e) => e.kind === 'Organisation');
    expect(publisher?.name).toBe('Embassy of the Republic of Kazakhstan in Tashkent');
    expect(publisher?.properties).toMatchObject({ city: 'Tashkent' });
    const published = x.facts.find((f) => f.type === 'PUBLISHED');
    expect(published?.source).toBe('text');
    expect(published?.evidence[0]?.quote).toBe(
      '© Embassy of the Republic of Kazakhstan in Tashkent',
    );
    expect(facts(x, 'MISSION_OF')).toEqual([`${publisher?.id} -> country:kazakhstan`]);
  });
});

describe('passage names', () => {
  it('number paragraphs only: a repeated title and a credit line are named for what they are', () => {
    const doc = prepareDocument({
      text: [
        TITLE,
        TITLE,
        'First paragraph of the story.',
        'Second paragraph of the story.',
        '© Some Agency',
      ].join('\n\n'),
    });
    expect(doc.passages.map((p) => [p.kind, p.name, p.paragraph])).toEqual([
      ['title', 'Title', undefined],
      ['title-repeat', 'Title (repeated)', undefined],
      ['paragraph', 'Paragraph 1', 1],
      ['paragraph', 'Paragraph 2', 2],
      ['publisher', "Publisher's line", undefined],
    ]);
  });

  it('keep a closing line without a credit mark as a paragraph', () => {
    const doc = prepareDocument({
      text: [TITLE, 'The talks ended.', 'Both sides left.'].join('\n\n'),
    });
    expect(doc.passages.at(-1)).toMatchObject({ kind: 'paragraph', name: 'Paragraph 2' });
  });
});
