/**
 * Sentence rules for what a joint account states beyond who met whom: a request made in the
 * passive ("it was requested to …"), the assessment of cooperation within organisations, shared
 * positions, the means named against threats, and the publisher's closing line. Like the rules in
 * relations.ts, each needs its cue and its parties in one sentence, which is the evidence.
 */
import { countryByKey } from '../lexicon/countries.ts';
import { slug } from '../text/fold.ts';
import type { Sentence } from '../text/passages.ts';
import { DOCUMENT_REF } from './types.ts';
import type { Scene } from './relations.ts';

const span = (scene: Scene, sentence: Sentence) => [scene.ctx.sentenceSpan(sentence)];

/** The first non-reference country mention in a sentence starting at or after an offset. */
function countryAfter(scene: Scene, sentence: Sentence, offset: number, within = 40) {
  return scene.ctx
    .mentionsIn(sentence, 'country:')
    .find((m) => !m.reference && m.start >= offset && m.start <= offset + within);
}

const PASSIVE_REQUEST = /\bit was (requested|proposed|suggested|asked) to\s+/i;

/**
 * "It was requested to revise … of citizens of X … the territory of Y …": a Proposal raised at
 * the meeting with no requester named; the request concerns X and is addressed to Y.
 */
export function passiveRequestRule(scene: Scene, sentence: Sentence): void {
  const m = PASSIVE_REQUEST.exec(sentence.text);
  if (!m) return;
  const clauseStart = m.index + m[0].length;
  const clause = sentence.text
    .slice(clauseStart)
    .replace(/[.;:!?]+$/, '')
    .trim();
  const head = clause.split(',')[0]?.trim() ?? '';
  if (head.split(/\s+/).length < 3) return;
  const id = `proposal:${slug(head, 60)}`;
  const name = head.length > 160 ? `${head.slice(0, 157).trimEnd()}…` : head;
  const statedAs = `it was ${m[1]?.toLowerCase() ?? 'requested'}`;
  scene.b.entity(id, 'Proposal', name.charAt(0).toUpperCase() + name.slice(1), {
    properties: { text: clause, statedAs, status: m[1]?.toLowerCase() ?? 'requested' },
    confidence: 0.6,
  });
  const start = sentence.start + clauseStart;
  scene.ctx.addMention({
    entity: id,
    passage: sentence.passage,
    start,
    end: start + head.length,
    confidence: 0.6,
  });
  const evidence = span(scene, sentence);
  scene.b.fact('RAISED', scene.meeting, id, evidence, 0.7, { status: statedAs });
  for (const c of sentence.text.matchAll(/\bcitizens of (?:the )?/gi)) {
    const country = countryAfter(scene, sentence, sentence.start + c.index + c[0].length, 25);
    if (country) scene.b.fact('CONCERNS', id, country.entity, evidence, 0.7);
  }
  const territory = /\bterritory of (?:the )?/i.exec(sentence.text);
  const addressee = territory
    ? countryAfter(scene, sentence, sentence.start + territory.index + territory[0].length, 5)
    : undefined;
  if (addressee) scene.b.fact('REQUESTED_OF', id, addressee.entity, evidence, 0.6);
  const field = /\b(?:field|sphere|area)s? of\s+/i.exec(sentence.text);
  const sphere = field
    ? scene.ctx
        .mentionsIn(sentence, 'sphere:')
        .find((s) => s.start >= sentence.start + field.index && s.start < start)
    : undefined;
  if (sphere) scene.b.fact('IN_SPHERE', id, sphere.entity, evidence, 0.7);
}

const SATISFACTION =
  /\b(?:satisfaction|satisfied|welcomed|positively assessed|appreciated|commended)\b/i;
const WITHIN = /\b(?:within the framework of|in the framework of|within|in the format of)\b/i;

/** "Satisfaction was expressed with cooperation within the UN and the SCO": an assessment. */
export function reviewRule(scene: Scene, sentence: Sentence): void {
  const pleased = SATISFACTION.exec(sentence.text);
  const within = WITHIN.exec(sentence.text);
  if (!pleased || !within || within.index < pleased.index) return;
  if (!/\bcooperation|interaction|partnership\b/i.test(sentence.text)) return;
  const from = sentence.start + within.index;
  for (const org of scene.ctx.mentionsIn(sentence, 'organisation:')) {
    if (org.start < from || org.entity.includes('commission')) continue;
    scene.b.fact('REVIEWED', scene.meeting, org.entity, span(scene, sentence), 0.7, {
      assessment:
        pleased[0].toLowerCase() === 'satisfaction' ? 'satisfaction expressed' : pleased[0],
    });
  }
}

const POSITIONS =
  /\b(?:closeness|coincidence|similarity|proximity|convergence|unity)(?: and (?:closeness|coincidence|similarity|proximity))? of (?:the )?(?:their )?positions\b|\bpositions (?:of the (?:two )?(?:countries|sides|parties) )?(?:are|were|remain) (?:close|similar|identical|the same|coincid\w*)/i;

/** "The closeness of positions of the two countries on …": the sides share positions. */
export function positionsRule(scene: Scene, sentence: Sentence): void {
  const m = POSITIONS.exec(sentence.text);
  if (!m) return;
  const named = [
    ...new Set(
      scene.ctx
        .mentionsIn(sentence, 'country:')
        .filter((c) => !c.reference)
        .map((c) => c.entity),
    ),
  ];
  const pair = named.length === 2 ? named : scene.sides.length === 2 ? scene.sides : [];
  const [a, b] = pair;
  if (!a || !b) return;
  const on = /\bpositions\b[^.;]*?\bon ((?:the )?[^,.;]+?issues)\b/i.exec(sentence.text)?.[1];
  scene.b.fact('SHARES_POSITIONS_WITH', a, b, span(scene, sentence), 0.75, {
    statedAs: m[0].toLowerCase(),
    ...(on ? { on } : {}),
  });
}

const STRUGGLE =
  /\b(?:struggle|fight|fighting|combat(?:ing)?|counter(?:ing)?|countering)\s+(?:against\s+)?/i;

/** "Security cooperation … (to) fight against terrorism": the sphere is a means against it. */
export function countersRule(scene: Scene, sentence: Sentence): void {
  const m = STRUGGLE.exec(sentence.text);
  if (!m) return;
  const at = sentence.start + m.index;
  const means = scene.ctx
    .mentionsIn(sentence, 'sphere:')
    .find((s) => s.start < at && s.entity === 'sphere:security');
  if (!means) return;
  for (const threat of scene.ctx.mentionsIn(sentence, 'threat:')) {
    if (threat.start < at) continue;
    scene.b.fact('COUNTERS', means.entity, threat.entity, span(scene, sentence), 0.7, {
      stance: m[0].trim().toLowerCase(),
    });
  }
}

const CREDIT = /^\s*(?:©|\(c\)|copyright\b|source:|published by\b)\s*/i;
const MISSION =
  /^(?:the )?(?:embassy|consulate(?: general)?|permanent mission|mission) of (?:the )?/i;

/** The publisher named by a closing credit line ("© Embassy of X in Y"), if the text has one. */
export function publisherLine(
  scene: Scene,
): { name: string; passage: number; start: number } | undefined {
  const last = scene.ctx.passages.at(-1)?.passage;
  if (!last || last.kind !== 'publisher') return undefined;
  const credit = CREDIT.exec(last.text);
  const name = last.text.slice(credit?.[0].length ?? 0).replace(/[.\s]+$/, '');
  if (name.split(/\s+/).length < 2) return undefined;
  return { name, passage: last.index, start: credit?.[0].length ?? 0 };
}

/**
 * The publisher's line: the organisation PUBLISHED the document; a diplomatic mission's name
 * ("Consulate General of X in City") also states whose mission it is.
 */
export function publisherRule(scene: Scene): string | undefined {
  const line = publisherLine(scene);
  if (!line) return undefined;
  const id = `organisation:${slug(line.name)}`;
  const mission = MISSION.exec(line.name);
  const city = mission
    ? /\bin ([\p{Lu}][\p{L}-]+(?: [\p{Lu}][\p{L}-]+)?)$/u.exec(line.name)?.[1]
    : undefined;
  scene.b.entity(id, 'Organisation', line.name, {
    properties: { fullName: line.name, ...(city ? { city } : {}) },
    confidence: 0.9,
  });
  const at = scene.ctx.span(line.passage, line.start, line.start + line.name.length);
  scene.ctx.addMention({
    entity: id,
    passage: line.passage,
    start: at.start,
    end: at.end,
    confidence: 0.9,
  });
  const whole = scene.ctx.span(line.passage, 0, scene.ctx.text(line.passage).length);
  scene.b.fact('PUBLISHED', id, DOCUMENT_REF, [whole], 0.9);
  if (mission) {
    const after = line.start + mission[0].length;
    const country = scene.ctx.mentions.find(
      (m) =>
        m.passage === line.passage &&
        m.entity.startsWith('country:') &&
        m.start >= after &&
        m.start <= after + 12,
    );
    if (country && countryByKey(country.entity))
      scene.b.fact('MISSION_OF', id, country.entity, [at], 0.85, {
        mission: mission[0].replace(/ of (?:the )?$/i, '').toLowerCase(),
        ...(city ? { city } : {}),
      });
  }
  return line.name;
}

const ARMED_FORCES = /\barmed forces\b/gi;

/** "the Tajik armed forces" / "armed forces of Tajikistan": a state body of that country. */
export function armedForcesRule(scene: Scene, sentence: Sentence): void {
  for (const m of sentence.text.matchAll(ARMED_FORCES)) {
    const at = sentence.start + m.index;
    const countries = scene.ctx.mentionsIn(sentence, 'country:').filter((c) => !c.reference);
    const before = countries.find((c) => c.end === at - 1);
    const after = /^armed forces of (?:the )?/i.exec(sentence.text.slice(m.index));
    const owner =
      before ?? (after ? countries.find((c) => c.start === at + after[0].length) : undefined);
    const country = owner ? countryByKey(owner.entity) : undefined;
    if (!owner || !country) continue;
    const id = `organisation:armed-forces-of-${slug(country.name)}`;
    scene.b.entity(id, 'Organisation', `Armed Forces of ${country.name}`, {
      properties: { type: 'armed forces' },
      confidence: 0.8,
    });
    const start = Math.min(owner.start, at);
    const end = Math.max(owner.end, at + m[0].length);
    scene.ctx.addMention({ entity: id, passage: sentence.passage, start, end, confidence: 0.8 });
    scene.b.fact(
      'STATE_BODY_OF',
      id,
      owner.entity,
      [scene.ctx.span(sentence.passage, start, end)],
      0.8,
      {
        body: 'armed forces',
      },
    );
  }
}
