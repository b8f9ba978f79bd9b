/**
 * What a meeting produced: agreements (a joint statement, "signed 35 documents", "more than 20
 * inter-governmental documents", a programme "until 2030", a treaty on a subject) and awards of
 * any name ("Order of Friendship", a quoted "<Name> Medal" of a country). Each needs its cue and
 * what it relates in one sentence; the sentence is the evidence.
 */
import { countryByKey } from '../lexicon/countries.ts';
import { slug } from '../text/fold.ts';
import type { Sentence } from '../text/passages.ts';
import { parseNumber, PLAIN_NUMBER, QUALIFIER } from './figures.ts';
import { sidesSlug, type Scene } from './relations.ts';

/** Qualifiers that make a count a lower bound ("more than 20 documents"). */
const LOWER_BOUND = /^(?:more than|over|at least|exceeding)$/i;
/** Headlines speak in the present ("sign"), reports in the past ("signed"). */
const SIGNING =
  /\b(?:signs?|signed|adopts?|adopted|conclude[sd]?|approved|initialled|exchanged)\b/i;
const DOCUMENTS = new RegExp(
  `${QUALIFIER}(${PLAIN_NUMBER})\\s+((?:[\\p{L}-]+\\s+){0,2}?)(documents|agreements|memoranda|treaties)\\b`,
  'iu',
);
const STATEMENT = /\bjoint (?:statement|declaration|communiqu[eé])\b/i;
/** A named instrument and its subject: "a treaty on port cooperation", "the Programme of … until 2030". */
const INSTRUMENT =
  /\b(treaty|agreement|memorandum of understanding|memorandum|programme|program|plan|roadmap|road map)\s+((?:on|of|for|in)\s+[^,.;]+?)?(?:\s+(?:until|up to|through|for the period (?:up )?to|till)\s+(\d{4}))?(?=[,.;]|\s+(?:and|between|with|at|during|in the presence)\b|$)/i;

const sidesName = (keys: string[]) => keys.map((k) => countryByKey(k)?.name ?? k).join(' and ');

/** Who signed: persons named before the verb, else countries named before it, else both sides. */
function signers(scene: Scene, sentence: Sentence, verbAt: number): string[] {
  const persons = scene.ctx
    .mentionsIn(sentence, 'person:')
    .filter((m) => m.end <= verbAt)
    .map((m) => m.entity);
  if (persons.length > 0) return [...new Set(persons)];
  const countries = scene.ctx
    .mentionsIn(sentence, 'country:')
    .filter((m) => m.end <= verbAt)
    .map((m) => m.entity);
  return countries.length > 0 ? [...new Set(countries)] : scene.sides;
}

export function agreementRule(scene: Scene, sentence: Sentence): void {
  const verb = SIGNING.exec(sentence.text);
  const statement = STATEMENT.exec(sentence.text);
  if (!verb && !statement) return;
  const documents = verb ? DOCUMENTS.exec(sentence.text) : null;
  const instrument = verb && !documents ? INSTRUMENT.exec(sentence.text) : null;
  const found = statement ?? documents ?? instrument;
  if (!found) return;
  const sides = scene.sides.length > 0 ? scene.sides : [];
  const pair = sidesSlug(sides) || 'document';
  const properties: Record<string, string | number | boolean> = {};
  let name: string;
  let key: string;
  if (statement) {
    properties.form = 'joint statement';
    name = `Joint statement of ${sidesName(sides) || 'the sides'}`;
    key = `${pair}-joint-statement`;
  } else if (documents) {
    const count = parseNumber(documents[2] ?? '0');
    const kind = `${(documents[3] ?? '').trim()} ${documents[4] ?? ''}`.trim().toLowerCase();
    properties.form = 'documents';
    properties.count = count;
    properties.countIsLowerBound = LOWER_BOUND.test(documents[1] ?? '');
    properties.statedAs = documents[0];
    name = `${documents[0].charAt(0).toUpperCase()}${documents[0].slice(1)} signed by ${sidesName(sides) || 'the sides'}`;
    key = `${pair}-${slug(kind)}`;
  } else {
    const m = instrument as RegExpExecArray;
    const form = (m[1] ?? '')
      .toLowerCase()
      .replace('road map', 'roadmap')
      .replace('program', 'programme');
    const subject = m[2]?.replace(/^(?:on|of|for|in)\s+/i, '').trim();
    properties.form = form.replace('programmeme', 'programme');
    if (subject) properties.subject = subject;
    if (m[3]) properties.until = Number(m[3]);
    name = `${m[0].charAt(0).toUpperCase()}${m[0].slice(1)}`.replace(/\s+/g, ' ');
    key = `${pair}-${slug(`${properties.form} ${subject ?? ''} ${m[3] ?? ''}`, 60)}`;
  }
  const when = scene.meetingDate ?? (scene.publicationYear ? String(scene.publicationYear) : '');
  const id = `agreement:${key}${when ? `-${when}` : ''}`;
  scene.b.entity(id, 'Agreement', name, { properties, confidence: 0.8 });
  const start = sentence.start + found.index;
  scene.ctx.addMention({
    entity: id,
    passage: sentence.passage,
    start,
    end: start + found[0].length,
    confidence: 0.8,
  });
  const evidence = [scene.ctx.sentenceSpan(sentence)];
  const verbAt = verb ? sentence.start + verb.index : start;
  if (verb)
    for (const who of signers(scene, sentence, verbAt))
      scene.b.fact('SIGNED', who, id, evidence, 0.75);
  scene.b.fact('CONCLUDED_AT', id, scene.meeting, evidence, verb ? 0.75 : 0.6);
  for (const c of sides) scene.b.fact('CONCERNS', id, c, evidence, 0.75);
  const inside = scene.ctx
    .mentionsIn(sentence, 'sphere:')
    .filter((m) => m.start >= start && m.end <= start + found[0].length);
  for (const m of inside) scene.b.fact('IN_SPHERE', id, m.entity, evidence, 0.7);
}

/** "Order of Friendship", "Medal of Honour", a quoted or capitalised "<Name> Medal", "… Prize". */
const AWARD =
  /\b(?:Order|Medal)\s+(?:of\s+(?:the\s+)?)?["“]?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3}["”]?|(?:["“]\p{Lu}[^"”]{1,60}["”]|\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2})\s+(?:Medal|Order|Prize)\b/u;
const RANK =
  /\b(?:the\s+)?highest\s+(?:(\p{Lu}[\p{L}]+)\s+)?(?:state\s+)?(?:award|decoration|honou?r)\b/u;
/** Capitalised words that start a sentence or a clause, never an award's own name. */
const NOT_AWARD_WORD = /^(?:The|A|An|His|Her|Their|With|And|State|High|Highest)\s+/;

export function awardRule(scene: Scene, sentence: Sentence): void {
  const award = AWARD.exec(sentence.text);
  if (!award || !/award|conferr|present|honou?r|appreciated/i.test(sentence.text)) return;
  const lead = NOT_AWARD_WORD.exec(award[0])?.[0].length ?? 0;
  const stated = award[0].slice(lead);
  const name = stated.replace(/["“”]/g, '');
  const id = `award:${slug(name)}`;
  const start = sentence.start + award.index + lead;
  const rank = RANK.exec(sentence.text);
  scene.b.entity(id, 'Award', name, {
    properties: rank ? { statedRank: rank[0] } : {},
    confidence: 0.9,
  });
  scene.ctx.addMention({
    entity: id,
    passage: sentence.passage,
    start,
    end: start + stated.length,
    confidence: 0.9,
  });
  const countries = scene.ctx.mentionsIn(sentence, 'country:').filter((m) => !m.reference);
  let conferrer: string | undefined;
  if (rank) {
    const rankStart = sentence.start + rank.index;
    scene.ctx.addMention({
      entity: id,
      passage: sentence.passage,
      start: rankStart + (rank[0].startsWith('the ') ? 4 : 0),
      end: rankStart + rank[0].length,
      confidence: 0.85,
    });
    conferrer = countries.find(
      (m) => m.start >= rankStart && m.end <= rankStart + rank[0].length,
    )?.entity;
  }
  const text = scene.ctx.text(sentence.passage);
  const end = start + stated.length;
  // "the "Dostlik" Medal of Uzbekistan", "Uzbekistan's "Dostlik" Medal": the award's own state.
  conferrer ??= countries.find(
    (m) =>
      /^\s+of\s+(?:the\s+)?$/.test(text.slice(end, m.start)) ||
      (m.end <= start && /^['’]s\s+$/.test(text.slice(m.end, start))),
  )?.entity;
  conferrer ??= /(?:awarded|conferred|presented)\s+by\s+(?:the\s+)?/i.test(sentence.text)
    ? countries.find((m) => m.start > start)?.entity
    : undefined;
  const evidence = [scene.ctx.sentenceSpan(sentence)];
  if (conferrer) scene.b.fact('CONFERRED', conferrer, id, evidence, 0.85);
  const recipients = scene.ctx
    .mentionsIn(sentence, 'person:')
    .map((m) => scene.persons.find((p) => p.id === m.entity))
    .filter((p) => p && p.country !== conferrer);
  const recipient = recipients[0];
  if (recipient) scene.b.fact('RECEIVED', recipient.id, id, evidence, 0.8);
}
