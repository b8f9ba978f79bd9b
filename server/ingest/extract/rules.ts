/**
 * The default extractor: offline, deterministic, rule-based. Lexicons and a country gazetteer
 * find the names; persons are anchored on their offices; one Meeting per document; sentence
 * rules state the relations. Same text in, same extraction out.
 */
import { countryByKey } from '../lexicon/countries.ts';
import { ORGANISATIONS } from '../lexicon/organisations.ts';
import { SPHERES, sphereByKey } from '../lexicon/spheres.ts';
import { THREATS } from '../lexicon/threats.ts';
import type { PreparedDocument } from '../input.ts';
import { slug } from '../text/fold.ts';
import { ExtractionBuilder } from './builder.ts';
import { DocumentContext } from './context.ts';
import { analyseMeeting, MEETING_CUE, type MeetingFacts } from './meeting.ts';
import { agreementRule, awardRule } from './outcomes.ts';
import { venueRule } from './venue.ts';
import {
  findNameMentions,
  findPersons,
  resolveCounterparts,
  resolveRoles,
  titleOf,
  type PersonRecord,
} from './persons.ts';
import {
  anniversaryRule,
  figureRule,
  gratitudeRule,
  membershipRules,
  partnershipRules,
  proposalRule,
  tradeLeadershipRule,
  sidesSlug,
  type Scene,
} from './relations.ts';
import {
  scanAcronyms,
  scanCountries,
  scanOrganisations,
  scanSpheres,
  scanThreats,
  type Hit,
  type OrganisationHit,
} from './scan.ts';
import {
  armedForcesRule,
  countersRule,
  passiveRequestRule,
  positionsRule,
  publisherRule,
  reviewRule,
} from './statements.ts';
import { DOCUMENT_REF, type Extraction, type ExtractionHints, type Extractor } from './types.ts';

export const RULE_EXTRACTOR_NAME = 'rules@1';
const GAZETTEER_BASIS = 'ISO 3166-1 codes and names from the world-countries package';
const SIDE_REFERENCE =
  /\b(?:the two countries|both countries|their countries|our countries|the two sides|both sides|the two states|both states|the two nations|both nations|the parties|both parties)\b/gi;

export class RuleExtractor implements Extractor {
  readonly name = RULE_EXTRACTOR_NAME;
  extract(document: PreparedDocument, hints: ExtractionHints = {}): Promise<Extraction> {
    return Promise.resolve(extractWithRules(document, hints));
  }
}

function organisationName(hit: OrganisationHit): string {
  const name = hit.name.replace(/\s+/g, ' ').trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function scanNames(ctx: DocumentContext, b: ExtractionBuilder): Map<number, Hit[]> {
  const countryHits = new Map<number, Hit[]>();
  const acronyms = new Map<string, string>();
  const orgHits: { passage: number; hit: OrganisationHit }[] = [];
  for (const { passage, folded } of ctx.passages) {
    for (const hit of scanOrganisations(folded, passage.text)) {
      if (!hit.id) hit.id = `organisation:${slug(hit.name)}`;
      if (hit.acronym && hit.generic) acronyms.set(hit.acronym, hit.id);
      orgHits.push({ passage: passage.index, hit });
    }
  }
  for (const { passage, folded } of ctx.passages) {
    for (const hit of scanAcronyms(folded, acronyms)) {
      if (
        !orgHits.some(
          (o) => o.passage === passage.index && o.hit.start <= hit.start && o.hit.end >= hit.end,
        )
      ) {
        orgHits.push({
          passage: passage.index,
          hit: { ...hit, name: '', generic: true, commission: false },
        });
      }
    }
  }
  for (const { passage, hit } of orgHits) {
    const entry = ORGANISATIONS.find((o) => o.key === hit.id);
    const existing = b.get(hit.id);
    if (!existing) {
      b.entity(hit.id, 'Organisation', entry?.name ?? organisationName(hit), {
        aliases: entry ? [...(entry.acronym ? [entry.acronym] : []), ...entry.aliases] : [],
        properties: {
          fullName: entry?.name ?? organisationName(hit),
          type:
            entry?.type ??
            (hit.commission
              ? 'commission'
              : /forum/i.test(hit.name)
                ? 'forum'
                : /fund/i.test(hit.name)
                  ? 'fund'
                  : /bank/i.test(hit.name)
                    ? 'bank'
                    : /ministry/i.test(hit.name)
                      ? 'ministry'
                      : 'organisation'),
          ...((entry?.acronym ?? hit.acronym)
            ? { acronym: entry?.acronym ?? hit.acronym ?? '' }
            : {}),
        },
        confidence: entry ? 0.95 : 0.75,
      });
    }
    if (hit.name && !entry) b.alias(hit.id, organisationName(hit));
    if (hit.acronym && !entry) b.alias(hit.id, hit.acronym);
    ctx.addMention({
      entity: hit.id,
      passage,
      start: hit.start,
      end: hit.end,
      confidence: entry ? 0.95 : 0.75,
    });
  }
  for (const { passage, folded } of ctx.passages) {
    const hits = scanCountries(folded);
    countryHits.set(passage.index, hits);
    for (const hit of hits) {
      ctx.addMention({
        entity: hit.id,
        passage: passage.index,
        start: hit.start,
        end: hit.end,
        confidence: hit.via === 'name' ? 0.99 : 0.9,
      });
    }
  }
  return countryHits;
}

function addCountries(ctx: DocumentContext, b: ExtractionBuilder): void {
  const keys = new Set(
    ctx.mentions.filter((m) => m.entity.startsWith('country:')).map((m) => m.entity),
  );
  for (const key of keys) {
    const entry = countryByKey(key);
    if (!entry) continue;
    // References ("the parties", a host city) are mentions, never names of the country.
    const surfaces = ctx.mentions
      .filter((m) => m.entity === key && !m.reference)
      .map((m) => ctx.text(m.passage).slice(m.start, m.end));
    const statedOfficial = surfaces.some((s) => s === entry.officialName);
    b.entity(key, 'Country', entry.name, {
      aliases: [
        entry.officialName,
        ...entry.demonyms,
        ...surfaces.filter((s) => /^\p{Lu}/u.test(s) && !/^[A-Z\s]+$/.test(s)),
      ],
      properties: {
        ...(statedOfficial ? { officialName: entry.officialName } : {}),
        demonym: entry.demonym,
      },
      background: [
        {
          properties: {
            ...(statedOfficial ? {} : { officialName: entry.officialName }),
            iso2: entry.iso2,
            iso3: entry.iso3,
            isoNumeric: entry.isoNumeric,
          },
          basis: GAZETTEER_BASIS,
        },
      ],
      confidence: 0.99,
    });
  }
}

function addPersons(persons: PersonRecord[], b: ExtractionBuilder): void {
  for (const p of persons) {
    b.entity(p.id, 'Person', p.name, {
      aliases: [...p.aliases],
      properties: {
        title: titleOf(p),
        ...(p.office ? { office: p.office } : {}),
        ...(p.titleAsStated ? { titleAsStated: p.titleAsStated } : {}),
      },
      confidence: p.countryInferred ? 0.8 : 0.95,
    });
  }
}

function addMeeting(ctx: DocumentContext, b: ExtractionBuilder, meeting: MeetingFacts): string {
  const sides = meeting.sides.map((k) => countryByKey(k)?.name ?? k);
  const when = meeting.date ?? (meeting.year !== undefined ? String(meeting.year) : undefined);
  const base =
    sides.length >= 2
      ? `Talks between ${sides.slice(0, -1).join(', ')} and ${sides.at(-1)}`
      : `Talks: ${ctx.document.title}`;
  const id = `meeting:${sidesSlug(meeting.sides) || slug(ctx.document.title, 40)}-${when ?? slug(ctx.document.title, 30)}`;
  const title = ctx.document.title;
  b.entity(id, 'Meeting', meeting.date ? `${base}, ${meeting.date}` : base, {
    aliases: MEETING_CUE.test(title) ? [title.replace(/\s+/g, ' ')] : [],
    properties: {
      format: meeting.format,
      ...(meeting.level ? { level: meeting.level } : {}),
      ...(meeting.date
        ? { date: { date: meeting.date }, year: Number(meeting.date.slice(0, 4)) }
        : {}),
      ...(meeting.place ? { place: meeting.place.city } : {}),
      ...(meeting.place?.region ? { region: meeting.place.region } : {}),
      ...(meeting.occasion ? { occasion: meeting.occasion.text } : {}),
      ...(meeting.delegations ? { delegations: true } : {}),
    },
    background:
      meeting.yearFromPublication && meeting.year !== undefined
        ? [{ properties: { year: meeting.year }, basis: 'publication date of the document' }]
        : [],
    confidence: meeting.sides.length >= 2 ? 0.9 : 0.6,
  });
  for (const s of meeting.sentences) {
    const m =
      /(?:top[- ]level\s+)?(?:meetings?(?:\s+and\s+negotiations)?|talks|negotiations)/i.exec(
        s.text,
      );
    if (m)
      ctx.addMention({
        entity: id,
        passage: s.passage,
        start: s.start + m.index,
        end: s.start + m.index + m[0].length,
        confidence: 0.85,
      });
  }
  const first = meeting.sentences[0];
  if (first) b.fact('DESCRIBES', DOCUMENT_REF, id, [ctx.sentenceSpan(first)], 0.9);
  return id;
}

function meetingFacts(
  ctx: DocumentContext,
  b: ExtractionBuilder,
  meeting: MeetingFacts,
  id: string,
): void {
  const meetingSpans = meeting.sentences.map((s) => ctx.sentenceSpan(s));
  for (const side of meeting.sides) {
    b.fact('PARTICIPATED_IN', side, id, meetingSpans, 0.85, {
      role: meeting.delegations ? 'official delegation' : 'side',
    });
  }
  for (const p of meeting.participants) {
    // The meeting sentences that name the person say they took part; else where they are titled.
    const naming = meeting.sentences.filter((s) =>
      ctx.mentionsIn(s, 'person:').some((m) => m.entity === p.id),
    );
    const span = p.titleSpans[0];
    const evidence =
      naming.length > 0
        ? naming.map((s) => ctx.sentenceSpan(s))
        : span
          ? [ctx.span(span.passage, span.start, span.end)]
          : [];
    b.fact('PARTICIPATED_IN', p.id, id, evidence, p.countryInferred ? 0.7 : 0.85, {
      role: titleOf(p),
    });
  }
  if (meeting.place?.country) {
    const { passage, start, end } = meeting.place;
    b.fact('HOSTED', meeting.place.country, id, [ctx.span(passage, start, end)], 0.8, {
      city: meeting.place.city,
      ...(meeting.place.region ? { region: meeting.place.region } : {}),
    });
  }
}

function leadership(ctx: DocumentContext, b: ExtractionBuilder, persons: PersonRecord[]): void {
  for (const p of persons) {
    if (!p.headOfState || !p.country || p.office === 'Leader') continue;
    // Quote where office, country and name stand together; else where the office is given.
    const stating = p.titleSpans.filter((s) =>
      ctx.mentions.some(
        (m) =>
          m.entity === p.country && m.passage === s.passage && m.start >= s.start && m.end <= s.end,
      ),
    );
    const spans = stating.length > 0 ? stating : p.titleSpans.slice(0, 1);
    if (spans.length === 0) continue;
    b.fact(
      'LEADS',
      p.id,
      p.country,
      spans.map((s) => ctx.span(s.passage, s.start, s.end)),
      p.countryInferred ? 0.6 : 0.9,
      { office: p.office ?? 'President' },
    );
  }
}

function scanTopics(ctx: DocumentContext, b: ExtractionBuilder, meeting: string): void {
  for (const { passage, folded } of ctx.passages) {
    for (const hit of scanSpheres(folded)) {
      if (ctx.covered(passage.index, hit.start, hit.end, 'organisation:')) continue;
      const entry = sphereByKey(hit.id);
      if (!entry) continue;
      b.entity(hit.id, 'Sphere', entry.name, { aliases: entry.aliases, confidence: 0.9 });
      ctx.addMention({
        entity: hit.id,
        passage: passage.index,
        start: hit.start,
        end: hit.end,
        confidence: 0.9,
      });
    }
    for (const hit of scanThreats(folded)) {
      const entry = THREATS.find((t) => t.key === hit.id);
      if (!entry) continue;
      b.entity(hit.id, 'Threat', entry.name, { aliases: entry.aliases, confidence: 0.9 });
      ctx.addMention({
        entity: hit.id,
        passage: passage.index,
        start: hit.start,
        end: hit.end,
        confidence: 0.9,
      });
    }
  }
  for (const sentence of ctx.sentences) {
    const spheres = ctx.mentionsIn(sentence, 'sphere:');
    const attention = /(particular|special|great|close)\s+attention/i
      .exec(sentence.text)?.[1]
      ?.toLowerCase();
    for (const m of spheres) {
      b.fact(
        'DISCUSSED',
        meeting,
        m.entity,
        [ctx.sentenceSpan(sentence)],
        0.8,
        attention ? { attention } : {},
      );
      for (const parent of SPHERES.find((s) => s.key === m.entity)?.parents ?? [])
        if (spheres.some((o) => o.entity === parent))
          b.fact('PART_OF', m.entity, parent, [ctx.sentenceSpan(sentence)], 0.8);
    }
    for (const m of ctx.mentionsIn(sentence, 'threat:'))
      b.fact('ADDRESSED', meeting, m.entity, [ctx.sentenceSpan(sentence)], 0.8);
  }
}

function sideReferences(ctx: DocumentContext, sides: string[]): void {
  if (sides.length !== 2) return;
  for (const { passage } of ctx.passages) {
    for (const m of passage.text.matchAll(SIDE_REFERENCE)) {
      for (const side of sides)
        ctx.addMention({
          entity: side,
          passage: passage.index,
          start: m.index,
          end: m.index + m[0].length,
          confidence: 0.75,
          reference: true,
        });
    }
  }
}

/** Bilateral commissions are named per pair of sides, so two pairs' commissions never merge. */
function renameCommissions(ctx: DocumentContext, b: ExtractionBuilder, sides: string[]): void {
  if (sides.length !== 2) return;
  const pair = sides.map((k) => countryByKey(k)?.name ?? k).join('–');
  const prefix = sidesSlug(sides);
  const renamed = new Map<string, string>();
  for (const m of ctx.mentions) {
    if (!m.entity.startsWith('organisation:') || !/commission|committee/.test(m.entity)) continue;
    const old = b.get(m.entity);
    if (!old || old.properties.type !== 'commission') continue;
    const id =
      renamed.get(m.entity) ??
      `organisation:${prefix}-${m.entity.replace(/^organisation:(?:the-)?/, '')}`;
    if (!renamed.has(m.entity)) {
      renamed.set(m.entity, id);
      const name = old.name.replace(/^the\s+/i, '');
      const proper = name.replace(/\b\p{Ll}/gu, (c, at: number) =>
        /^(?:on|and|for|of|the|in)$/.test(name.slice(at).split(/\s/)[0] ?? '')
          ? c
          : c.toUpperCase(),
      );
      // The bare name is shared by every pair's commission: kept as statedAs, not as an alias.
      b.entity(id, 'Organisation', `${proper} (${pair})`, {
        properties: { ...old.properties, fullName: `${proper} (${pair})`, statedAs: name },
        confidence: old.confidence,
      });
    }
    m.entity = id;
  }
  for (const old of renamed.keys()) b.remove(old);
}

/** Runs every rule over a prepared document. */
export function extractWithRules(
  document: PreparedDocument,
  hints: ExtractionHints = {},
): Extraction {
  const ctx = new DocumentContext(document);
  const b = new ExtractionBuilder();
  const countryHits = scanNames(ctx, b);
  const { persons, roles } = findPersons(ctx, countryHits, hints.personNames);
  resolveCounterparts(persons, ctx);
  findNameMentions(persons, ctx);
  const meeting = analyseMeeting(ctx, persons, countryHits);
  // A capital stands for its country ("in Beijing"): the host is mentioned there.
  if (meeting.place?.country)
    ctx.addMention({
      entity: meeting.place.country,
      passage: meeting.place.passage,
      start: meeting.place.start,
      end: meeting.place.end,
      confidence: 0.8,
      reference: true,
    });
  resolveRoles(roles, persons, ctx);
  sideReferences(ctx, meeting.sides);
  renameCommissions(ctx, b, meeting.sides);
  addCountries(ctx, b);
  addPersons(persons, b);
  const meetingId = addMeeting(ctx, b, meeting);
  scanTopics(ctx, b, meetingId);
  meetingFacts(ctx, b, meeting, meetingId);
  leadership(ctx, b, persons);

  const publication = meeting.year;
  const scene: Scene = {
    ctx,
    b,
    sides: meeting.sides,
    meeting: meetingId,
    persons,
    publicationYear: publication,
    meetingDate: meeting.date,
  };
  for (const sentence of ctx.sentences) {
    partnershipRules(scene, sentence);
    tradeLeadershipRule(scene, sentence);
    gratitudeRule(scene, sentence);
    membershipRules(scene, sentence);
    awardRule(scene, sentence);
    agreementRule(scene, sentence);
    anniversaryRule(scene, sentence);
    figureRule(scene, sentence);
    proposalRule(scene, sentence);
    passiveRequestRule(scene, sentence);
    reviewRule(scene, sentence);
    positionsRule(scene, sentence);
    countersRule(scene, sentence);
    armedForcesRule(scene, sentence);
    venueRule(scene, sentence);
  }
  const credited = publisherRule(scene);
  if (document.publisher && slug(document.publisher) !== slug(credited ?? '')) {
    const id = `organisation:${slug(document.publisher)}`;
    b.entity(id, 'Organisation', document.publisher, {
      properties: { fullName: document.publisher },
      confidence: 1,
    });
    b.backgroundFact('PUBLISHED', id, DOCUMENT_REF, 'publisher given with the document');
  }
  for (const m of ctx.mentions) b.mention(m.entity, ctx.span(m.passage, m.start, m.end));
  return b.build(RULE_EXTRACTOR_NAME);
}
