/**
 * Sentence rules that state relations between the entities found: partnerships, diplomatic
 * relations, priorities, gratitude, trade leadership, borders, frameworks, awards,
 * anniversaries, figures and proposals. Each rule needs a cue phrase and the entities it relates
 * in the same sentence; the sentence (or the cue's clause) is the evidence.
 */
import { countryByKey } from '../lexicon/countries.ts';
import { slug } from '../text/fold.ts';
import type { Sentence } from '../text/passages.ts';
import type { ExtractionBuilder } from './builder.ts';
import type { DocumentContext, Mention } from './context.ts';
import { findFigures, measureOf, yearOf } from './figures.ts';
import type { PersonRecord } from './persons.ts';
import type { Span } from './types.ts';

export interface Scene {
  ctx: DocumentContext;
  b: ExtractionBuilder;
  sides: string[];
  meeting: string;
  persons: PersonRecord[];
  publicationYear: number | undefined;
  /** The meeting's date when known (ISO), so outcomes of one meeting share it in their keys. */
  meetingDate?: string | undefined;
}

const countryName = (key: string) => countryByKey(key)?.name ?? key.replace(/^country:/, '');
/** Country keys in alphabetical order, so one pair always gives one id whatever the text's order. */
export const sidesSlug = (keys: string[]) =>
  [...keys]
    .sort()
    .map((k) => k.replace(/^country:/, ''))
    .join('-');
const between = (keys: string[]) => keys.map(countryName).join(' and ');

/** Distinct countries mentioned in a sentence, in text order (side references included). */
function countries(scene: Scene, sentence: Sentence, named = false): Mention[] {
  const seen = new Set<string>();
  return scene.ctx
    .mentionsIn(sentence, 'country:')
    .filter((m) => !(named && m.reference) && !seen.has(m.entity) && seen.add(m.entity));
}

/** The two countries nearest a cue (by distance to it), in text order. */
function pairNear(scene: Scene, sentence: Sentence, cue: number): [string, string] | undefined {
  const all = scene.ctx.mentionsIn(sentence, 'country:');
  const byDistance = [...all].sort((a, b) => Math.abs(a.start - cue) - Math.abs(b.start - cue));
  const picked: Mention[] = [];
  for (const m of byDistance)
    if (!picked.some((p) => p.entity === m.entity) && picked.length < 2) picked.push(m);
  if (picked.length < 2) {
    // "strategic partnership" alone in a two-sided meeting report is the sides' partnership.
    if (
      scene.sides.length === 2 &&
      (picked.length === 0 || scene.sides.includes(picked[0]?.entity ?? ''))
    ) {
      return [scene.sides[0] ?? '', scene.sides[1] ?? ''];
    }
    return undefined;
  }
  picked.sort((a, b) => a.start - b.start);
  return [picked[0]?.entity ?? '', picked[1]?.entity ?? ''];
}

function cue(sentence: Sentence, regex: RegExp): { index: number; text: string } | undefined {
  const m = regex.exec(sentence.text);
  return m ? { index: sentence.start + m.index, text: m[0] } : undefined;
}

/** The clause of a sentence around an offset: between the nearest ",", ";" or sentence ends. */
function evidence(scene: Scene, sentence: Sentence): Span[] {
  return [scene.ctx.sentenceSpan(sentence)];
}

const LEVEL_WORD =
  '(?:comprehensive|strategic|cooperative|all-round|all-weather|all-encompassing|privileged|special|enhanced|extended|good-neighbourly|good-neighborly|allied|eternal|long-term|multifaceted)';
const PARTNERSHIP = new RegExp(
  `\\b${LEVEL_WORD}(?:(?:,\\s*|\\s+and\\s+|\\s+)${LEVEL_WORD})*\\s+partner(?:ship|s)?\\b`,
  'i',
);

export function partnershipRules(scene: Scene, sentence: Sentence): void {
  // "strategic partnership", "comprehensive strategic cooperative partnership", "all-round
  // partnership": the words before "partnership" are its level.
  const partnership = cue(sentence, PARTNERSHIP);
  if (partnership) {
    const pair = pairNear(scene, sentence, partnership.index);
    const words = partnership.text
      .replace(/\s*partner(?:ship|s)?$/i, '')
      .replace(/,?\s+and\s+|,\s*/g, ' ')
      .trim()
      .toLowerCase();
    const level = words
      .split(/\s+/)
      .filter((w) => w !== 'strategic')
      .join(' ');
    if (pair && /\bstrategic\b/.test(words)) {
      scene.b.fact(
        'STRATEGIC_PARTNER_OF',
        pair[0],
        pair[1],
        evidence(scene, sentence),
        0.9,
        level ? { level, ...(level.includes(' ') ? { statedAs: partnership.text } : {}) } : {},
      );
    } else if (pair && level) {
      scene.b.fact('PARTNER_OF', pair[0], pair[1], evidence(scene, sentence), 0.8, {
        level,
        statedAs: partnership.text,
      });
    }
  }
  const diplomatic = cue(sentence, /diplomatic relations/i);
  if (diplomatic) {
    const pair = pairNear(scene, sentence, diplomatic.index);
    if (pair)
      scene.b.fact('DIPLOMATIC_RELATIONS_WITH', pair[0], pair[1], evidence(scene, sentence), 0.9);
  }
  const priority = cue(sentence, /priorit(?:y|ies|ises|izes)/i);
  if (priority) {
    const found = countries(scene, sentence, true);
    // "X is a priority of Y's foreign policy": the country after "priority of" holds the policy.
    const owner =
      /^priorit(?:y|ies)\s+(?:of|for|in)\s+(?:the\s+)?(?:foreign\s+policy\s+of\s+(?:the\s+)?)?$/i;
    const text = scene.ctx.text(sentence.passage);
    const holder = found.find(
      (m) => m.start > priority.index && owner.test(text.slice(priority.index, m.start)),
    );
    const other = found.find((m) => m.entity !== holder?.entity);
    const [from, to] = holder && other ? [holder, other] : [found[0], found[1]];
    if (from && to) {
      scene.b.fact('PRIORITISES', from.entity, to.entity, evidence(scene, sentence), 0.75, {
        policy: /foreign policy/i.test(sentence.text) ? 'foreign policy' : 'policy',
      });
    }
  }
  const border = cue(sentence, /\b(?:common |shared |joint )?border(?:s)?\b/i);
  if (border) {
    // "the border of X with Y" / "the border between X and Y" names its two sides itself.
    const named = /^borders? (?:of|between) /i.test(
      sentence.text.slice(border.index - sentence.start),
    )
      ? scene.ctx
          .mentionsIn(sentence, 'country:')
          .filter((m) => !m.reference && m.start > border.index && m.start < border.index + 60)
          .filter((m, i, all) => all.findIndex((o) => o.entity === m.entity) === i)
      : [];
    const found = named.length >= 2 ? named.slice(0, 2) : countries(scene, sentence, true);
    if (found.length === 2 && found[0] && found[1])
      scene.b.fact('BORDERS', found[0].entity, found[1].entity, evidence(scene, sentence), 0.8);
  }
}

const LEADING_TRADE =
  /leading position in (?:the )?(?:foreign )?trade|(?:main|largest|leading|biggest|principal|key|top)\s+(?:foreign\s+)?(?:trade|trading|economic|trade and economic)\s+partner/i;

export function tradeLeadershipRule(scene: Scene, sentence: Sentence): void {
  const found = cue(sentence, LEADING_TRADE);
  if (!found) return;
  const mentions = countries(scene, sentence);
  const all = scene.ctx.mentionsIn(sentence, 'country:');
  // "Tajikistan’s main trade partner": the possessive names the other side of the lead.
  const possessive = all.find(
    (m) =>
      m.end <= found.index &&
      /^['’]s\s+$/.test(scene.ctx.text(sentence.passage).slice(m.end, found.index)),
  );
  let from: string | undefined;
  let to: string | undefined;
  if (possessive) {
    to = possessive.entity;
    from = mentions.find((m) => m.entity !== to && m.start < found.index)?.entity;
  } else {
    from = [...all].reverse().find((m) => m.end <= found.index)?.entity;
    to = all.find((m) => m.start >= found.index + found.text.length && m.entity !== from)?.entity;
  }
  if (from && to)
    scene.b.fact('LEADING_TRADE_PARTNER_OF', from, to, evidence(scene, sentence), 0.8, {
      field: 'foreign trade',
    });
}

const GRATITUDE =
  /(?:expressed|expresses|conveyed|extended)\s+(?:his\s+|her\s+|their\s+|deep\s+|sincere\s+|special\s+)*(?:gratitude|thanks|appreciation)\s+to|thanked/i;

export function gratitudeRule(scene: Scene, sentence: Sentence): void {
  const found = cue(sentence, GRATITUDE);
  if (!found) return;
  const persons = scene.ctx.mentionsIn(sentence, 'person:');
  const speaker = [...persons].reverse().find((m) => m.end <= found.index)?.entity;
  const after = scene.ctx.mentionsIn(sentence, 'country:').find((m) => m.start >= found.index);
  if (!speaker || !after) return;
  const reason = /\bfor\s+([^,;]+)/.exec(sentence.text.slice(found.index - sentence.start))?.[1];
  const onBehalf = /on behalf of (the [\p{L}\s]+?)(?=\s+(?:expressed|thanked)|,)/u.exec(
    sentence.text,
  )?.[1];
  scene.b.fact('THANKED', speaker, after.entity, evidence(scene, sentence), 0.85, {
    ...(reason ? { reason: reason.trim() } : {}),
    ...(onBehalf ? { onBehalfOf: onBehalf } : {}),
  });
}

const FRAMEWORK = /within the framework of|in the framework of|within|in the format of/i;
const CHAIR = /(?:rotating\s+)?chair(?:manship)?\s+of\s+(?:the\s+)?/i;

export function membershipRules(scene: Scene, sentence: Sentence): void {
  const orgs = scene.ctx.mentionsIn(sentence, 'organisation:');
  if (orgs.length === 0) return;
  const framework = cue(sentence, FRAMEWORK);
  const frameworkOrgs = framework
    ? orgs.filter((o) => o.start >= framework.index && !o.entity.includes('commission'))
    : [];
  if (framework && /framework|format/i.test(framework.text) && frameworkOrgs.length > 0) {
    const found = countries(scene, sentence).map((m) => m.entity);
    const members = found.length >= 2 ? found : scene.sides;
    for (const org of frameworkOrgs)
      for (const c of members)
        scene.b.fact('MEMBER_OF', c, org.entity, evidence(scene, sentence), 0.6, {
          statedAs: 'cooperation within the framework',
        });
  }
  const chair = cue(sentence, CHAIR);
  if (chair) {
    const org = orgs.find((o) => o.start >= chair.index);
    const country = countries(scene, sentence)[0];
    if (org && country)
      scene.b.fact('MEMBER_OF', country.entity, org.entity, evidence(scene, sentence), 0.7, {
        statedAs: 'chair',
      });
  }
  // A bilateral commission's members are the two sides.
  for (const org of orgs) {
    if (org.entity.includes('commission') && scene.sides.length === 2) {
      for (const c of scene.sides)
        scene.b.fact('MEMBER_OF', c, org.entity, evidence(scene, sentence), 0.7, {
          statedAs: 'party to the commission',
        });
    }
  }
}

const ORDINALS: Record<string, number> = {
  fifth: 5,
  tenth: 10,
  fifteenth: 15,
  twentieth: 20,
  'twenty-fifth': 25,
  thirtieth: 30,
  'thirty-fifth': 35,
  fortieth: 40,
  fiftieth: 50,
};
const ANNIVERSARY =
  /\b(\d+)(?:st|nd|rd|th)?\s+anniversary\s+of\s+(?:the\s+)?((?:establishment|establishing)\s+of\s+)?diplomatic relations|\b(\d+)\s+years\s+(?:of|since)\s+(?:the\s+)?(?:establishment\s+of\s+)?diplomatic relations|\b(fifth|tenth|fifteenth|twentieth|twenty-fifth|thirtieth|thirty-fifth|fortieth|fiftieth)\s+anniversary\s+of\s+(?:the\s+)?((?:establishment|establishing)\s+of\s+)?diplomatic relations/i;

export function anniversaryRule(scene: Scene, sentence: Sentence): void {
  const m = ANNIVERSARY.exec(sentence.text);
  if (!m) return;
  const ordinal = Number(m[1] ?? m[3] ?? ORDINALS[(m[4] ?? '').toLowerCase()] ?? 0);
  const pair = pairNear(scene, sentence, sentence.start + m.index + m[0].length);
  if (!ordinal || !pair) return;
  const suffix =
    ordinal % 10 === 1 && ordinal !== 11
      ? 'st'
      : ordinal % 10 === 2 && ordinal !== 12
        ? 'nd'
        : ordinal % 10 === 3 && ordinal !== 13
          ? 'rd'
          : 'th';
  const id = `anniversary:${sidesSlug(pair)}-diplomatic-relations-${ordinal}`;
  const stated = /between [^,.;]+/.exec(sentence.text.slice(m.index + m[0].length))?.[0] ?? '';
  const start = sentence.start + m.index;
  const quoteEnd =
    start +
    m[0].length +
    (stated ? sentence.text.slice(m.index + m[0].length).indexOf(stated) + stated.length : 0);
  scene.b.entity(
    id,
    'Anniversary',
    `${ordinal}${suffix} anniversary of diplomatic relations between ${between(pair)}`,
    {
      aliases: [m[0]],
      properties: {
        ordinal,
        commemorates: `establishment of diplomatic relations between ${between(pair)}`,
      },
      confidence: 0.9,
    },
  );
  scene.ctx.addMention({
    entity: id,
    passage: sentence.passage,
    start,
    end: quoteEnd,
    confidence: 0.9,
  });
  for (const c of pair) scene.b.fact('CONCERNS', id, c, evidence(scene, sentence), 0.9);
  const held = /in the year of|this year marks|marks the|celebrat|jubilee|on the occasion/i.test(
    sentence.text,
  );
  scene.b.fact('HELD_IN_YEAR_OF', scene.meeting, id, evidence(scene, sentence), held ? 0.85 : 0.5);
}

export function figureRule(scene: Scene, sentence: Sentence): void {
  for (const figure of findFigures(sentence.text)) {
    const measure = measureOf(sentence.text, figure);
    const when = yearOf(sentence.text, scene.publicationYear, figure);
    if (when.year === undefined) continue;
    const found = countries(scene, sentence).map((m) => m.entity);
    const pair =
      found.length >= 2 ? found.slice(0, 2) : scene.sides.length === 2 ? scene.sides : found;
    if (pair.length === 0) continue;
    const periodSlug = when.period ? `-${slug(when.period)}` : '';
    const periodText = !when.period
      ? String(when.year)
      : when.period.startsWith('in ')
        ? `${when.period} (from ${when.year})`
        : `${when.period} of ${when.year}`;
    const id = `indicator:${sidesSlug(pair)}-${slug(measure.measure)}-${when.year}${periodSlug}`;
    const label = measure.measure.charAt(0).toUpperCase() + measure.measure.slice(1);
    const start = sentence.start + figure.start;
    scene.b.entity(id, 'Indicator', `${label} between ${between(pair)}, ${periodText}`, {
      properties: {
        measure: measure.measure,
        value: figure.value,
        unit: figure.unit,
        year: when.year,
        statedAs: figure.statedAs,
        ...(figure.qualifier ? { qualifier: figure.qualifier } : {}),
        ...(when.period ? { period: when.period } : {}),
        ...(when.yearStated ? {} : { yearBasis: 'publication date' }),
      },
      confidence: when.yearStated ? 0.85 : 0.7,
    });
    scene.ctx.addMention({
      entity: id,
      passage: sentence.passage,
      start,
      end: start + figure.statedAs.length,
      confidence: 0.85,
    });
    scene.b.fact('NOTED', scene.meeting, id, evidence(scene, sentence), 0.8);
    for (const c of pair) scene.b.fact('CONCERNS', id, c, evidence(scene, sentence), 0.85);
    if (measure.sphere && scene.b.has(measure.sphere))
      scene.b.fact('IN_SPHERE', id, measure.sphere, evidence(scene, sentence), 0.8);
    if (
      measure.trade &&
      pair.length === 2 &&
      !measure.measure.includes('growth') &&
      !measure.measure.includes('expected')
    ) {
      scene.b.fact('TRADES_WITH', pair[0] ?? '', pair[1] ?? '', evidence(scene, sentence), 0.85, {
        measure: measure.measure,
        value: figure.value,
        unit: figure.unit,
        year: when.year,
        ...(figure.qualifier ? { qualifier: figure.qualifier } : {}),
      });
    }
  }
}

/**
 * A Proposal named by the words of its clause (cut to `maxName` characters), mentioned where the
 * clause stands; returns its id. `clauseStart` is the clause's offset in the sentence.
 */
export function proposalEntity(
  scene: Scene,
  sentence: Sentence,
  clauseStart: number,
  wording: string,
  maxName: number,
  properties: Record<string, string>,
): string {
  const id = `proposal:${slug(wording, 60)}`;
  const name = wording.length > maxName ? `${wording.slice(0, maxName - 3).trimEnd()}…` : wording;
  scene.b.entity(id, 'Proposal', name.charAt(0).toUpperCase() + name.slice(1), {
    properties,
    confidence: 0.6,
  });
  const start = sentence.start + clauseStart;
  scene.ctx.addMention({
    entity: id,
    passage: sentence.passage,
    start,
    end: start + wording.length,
    confidence: 0.6,
  });
  return id;
}

const PROPOSAL =
  /\b(proposed|suggested|called for|called on|urged|encouraged|invited|asked|requested|put forward)\s+/i;

export function proposalRule(scene: Scene, sentence: Sentence): void {
  const m = PROPOSAL.exec(sentence.text);
  if (!m) return;
  const verbAt = sentence.start + m.index;
  const persons = scene.ctx.mentionsIn(sentence, 'person:').filter((p) => p.end <= verbAt);
  const proposerCountries = scene.ctx
    .mentionsIn(sentence, 'country:')
    .filter((c) => c.end <= verbAt);
  const proposer = persons.at(-1)?.entity ?? proposerCountries.at(-1)?.entity;
  if (!proposer) return;
  const clauseStart = m.index + m[0].length;
  const clause = sentence.text
    .slice(clauseStart)
    .replace(/,\s*(?:saying|adding|noting)\b.*$/i, '')
    .replace(/[.;:!?]+$/, '')
    .trim();
  if (clause.split(/\s+/).length < 3) return;
  const target = scene.ctx
    .mentionsIn(sentence, 'country:')
    .find(
      (c) =>
        !c.reference &&
        (c.start === sentence.start + clauseStart || c.start === sentence.start + clauseStart + 4),
    );
  const id = proposalEntity(scene, sentence, clauseStart, clause, 120, {
    text: clause,
    statedAs: m[1]?.toLowerCase() ?? 'proposed',
  });
  scene.b.fact('PROPOSED', proposer, id, evidence(scene, sentence), 0.6);
  if (target) scene.b.fact('REQUESTED_OF', id, target.entity, evidence(scene, sentence), 0.6);
}
