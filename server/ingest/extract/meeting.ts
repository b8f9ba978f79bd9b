/**
 * The meeting a document reports: its sides (countries), participants, place, date, occasion.
 * The meeting sentences are the title and the first sentence that names talks, a meeting or a
 * visit; sides come from the leaders named there, else from the countries named there, else from
 * the countries the document names most.
 */
import * as chrono from 'chrono-node';
import { countryOfCapital } from '../lexicon/countries.ts';
import { isHeadline } from '../../model/passages.ts';
import { DATELINE, type Sentence } from '../text/passages.ts';
import type { DocumentContext } from './context.ts';
import type { PersonRecord } from './persons.ts';
import type { Hit } from './scan.ts';

export const MEETING_CUE =
  /\b(?:held talks|talks|met with|met|meetings?|negotiations|summit|visit|discussions|sign(?:ed|s|ing)?)\b/i;

export interface MeetingFacts {
  sentences: Sentence[];
  sides: string[];
  participants: PersonRecord[];
  date: string | undefined;
  year: number | undefined;
  /** Where the year came from when no date is stated. */
  yearFromPublication: boolean;
  place: MeetingPlace | undefined;
  occasion: { text: string; passage: number; start: number; end: number } | undefined;
  format: string;
  level: string | undefined;
  delegations: boolean;
}

function isoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Local-noon reference so a date never shifts by a timezone. */
function reference(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12);
}

/**
 * A part of the day before a date ("the afternoon of July 5") makes chrono-node read only the
 * part of the day; blanked out (same length, so offsets hold), the date is read.
 */
const PART_OF_DAY = /\b(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\s+/gi;

/** A full date (day, month and year known) in a text, relative to a reference date. */
export function findDate(text: string, ref: string | undefined): string | undefined {
  const plain = text.replace(PART_OF_DAY, (m) => ' '.repeat(m.length));
  const results = chrono.parse(plain, ref ? reference(ref) : new Date(2000, 0, 1, 12), {
    forwardDate: false,
  });
  for (const r of results) {
    // A weekday ("on Thursday") fixes the day relative to the publication date.
    const weekday = ref !== undefined && r.start.isCertain('weekday');
    if (!weekday && (!r.start.isCertain('day') || !r.start.isCertain('month'))) continue;
    if (!ref && !r.start.isCertain('year')) continue;
    let date = r.start.date();
    // News speaks of past days: "on Thursday" is the last Thursday, never the next one.
    if (ref && date > reference(ref) && !r.start.isCertain('year'))
      date = new Date(date.getTime() - 7 * 86_400_000);
    return isoDate(date);
  }
  return undefined;
}

/** The publication date when metadata lacks it: a full date in the first lines (a dateline). */
export function datelineDate(ctx: DocumentContext): string | undefined {
  for (const { passage } of ctx.passages.slice(0, 3)) {
    const date = findDate(passage.text.slice(0, 80), undefined);
    if (date) return date;
  }
  return undefined;
}

/** Where a meeting took place: a city, the region it is in when stated, and its country. */
export interface MeetingPlace {
  city: string;
  region: string | undefined;
  country: string | undefined;
  passage: number;
  start: number;
  end: number;
}

const PLACE_NAME = '\\p{Lu}[\\p{L}-]+(?:\\s\\p{Lu}[\\p{L}-]+)?';
/** "in Qingdao, China", "in the city of Kazan, Tatarstan, Russia", "to Astana". */
const PLACE = new RegExp(
  `\\b(?:in|to|at)\\s+(the\\s+city\\s+of\\s+)?(${PLACE_NAME})((?:,\\s+${PLACE_NAME}){0,2})`,
  'gu',
);

function placeIn(
  text: string,
  offset: number,
  passage: number,
  hits: Hit[],
): MeetingPlace | undefined {
  for (const m of text.matchAll(PLACE)) {
    const city = m[2] ?? '';
    const start = offset + m.index + m[0].length - city.length - (m[3]?.length ?? 0);
    if (hits.some((h) => h.start === start)) continue; // "in China": a country, no city
    // The segments after the city: a region, then a country ("Kazan, Tatarstan, Russia").
    let at = start + city.length;
    let region: string | undefined;
    let country: string | undefined;
    for (const segment of (m[3] ?? '').split(',').slice(1)) {
      const name = segment.trim();
      const segmentStart = at + 1 + segment.indexOf(name);
      at += 1 + segment.length;
      const hit = hits.find((h) => h.start === segmentStart);
      if (hit) {
        country = hit.id;
        break;
      }
      region = name;
    }
    if (!country) region = undefined;
    const capitalOf = countryOfCapital(city);
    if (capitalOf || country || m[1]) {
      return {
        city,
        region,
        country: capitalOf?.key ?? country,
        passage,
        start,
        end: start + city.length,
      };
    }
  }
  return undefined;
}

/** A leading dateline ("ASTANA, June 10."): its place, as the text spells it, and where it is. */
function dateline(
  ctx: DocumentContext,
): { passage: number; start: number; text: string } | undefined {
  for (const { passage } of ctx.passages.slice(0, 4)) {
    const m = DATELINE.exec(passage.text);
    if (m) return { passage: passage.index, start: m.index, text: m[0] };
  }
  return undefined;
}

function findPlace(
  ctx: DocumentContext,
  sentences: Sentence[],
  countryHits: Map<number, Hit[]>,
): MeetingPlace | undefined {
  for (const sentence of sentences) {
    const hits = countryHits.get(sentence.passage) ?? [];
    const found = placeIn(ctx.foldedSentence(sentence), sentence.start, sentence.passage, hits);
    if (found) return found;
  }
  // A dateline: a passage that is only a capital's name ("Beijing"), or "ASTANA, June 10."
  for (const { passage } of ctx.passages.slice(0, 4)) {
    const capitalOf = countryOfCapital(passage.text.trim());
    if (capitalOf) {
      const start = passage.text.indexOf(passage.text.trim());
      return {
        city: passage.text.trim(),
        region: undefined,
        country: capitalOf.key,
        passage: passage.index,
        start,
        end: start + passage.text.trim().length,
      };
    }
  }
  const line = dateline(ctx);
  const city = line ? /^\s*([^,]+),/.exec(line.text)?.[1] : undefined;
  const capitalOf = city ? countryOfCapital(city) : undefined;
  if (line && city && capitalOf) {
    const start = line.start + line.text.indexOf(city);
    return {
      city: city.charAt(0) + city.slice(1).toLowerCase(),
      region: undefined,
      country: capitalOf.key,
      passage: line.passage,
      start,
      end: start + city.length,
    };
  }
  return undefined;
}

const OCCASION =
  /\bon the (?:sidelines|margins) of (the [^,.;]+?)(?=[,.;]|\s+(?:on|in)\s+\p{Lu}|$)/iu;

export function analyseMeeting(
  ctx: DocumentContext,
  persons: PersonRecord[],
  countryHits: Map<number, Hit[]>,
): MeetingFacts {
  const headline = (s: Sentence) => isHeadline(ctx.passages[s.passage]?.passage.kind);
  const title = ctx.sentences.filter(headline);
  const body = ctx.sentences.filter((s) => !headline(s));
  const sentences = [
    ...title.filter((s) => MEETING_CUE.test(s.text)),
    ...body
      .filter(
        (s) =>
          MEETING_CUE.test(s.text) &&
          (ctx.mentionsIn(s, 'person:').length > 0 || ctx.mentionsIn(s, 'country:').length >= 2),
      )
      .slice(0, 1),
  ];
  const inMeeting = (p: PersonRecord) =>
    sentences.some((s) => ctx.mentionsIn(s, 'person:').some((m) => m.entity === p.id));
  const named = persons.filter(inMeeting);
  const sides: string[] = [];
  const add = (key: string | undefined) => {
    if (key && !sides.includes(key)) sides.push(key);
  };
  for (const p of named) add(p.country);
  if (sides.length < 2)
    for (const s of sentences)
      for (const m of ctx.mentionsIn(s, 'country:')) if (sides.length < 2) add(m.entity);
  if (sides.length < 2) {
    const counts = new Map<string, number>();
    for (const m of ctx.mentions)
      if (m.entity.startsWith('country:')) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    const ranked = [...counts]
      .filter(([k, n]) => n >= 2 && !sides.includes(k))
      .sort((a, b) => b[1] - a[1]);
    for (const [key] of ranked) if (sides.length < 2) add(key);
  }
  // A head of state named without a country leads the side that has no leader yet.
  for (const p of persons) {
    if (p.country || !p.headOfState) continue;
    const unled = sides.filter((s) => !persons.some((q) => q.country === s && q.headOfState));
    if (unled.length === 1) {
      p.country = unled[0];
      p.countryInferred = true;
    }
  }
  const participants = persons.filter(
    (p) => inMeeting(p) || (p.headOfState && p.country !== undefined && sides.includes(p.country)),
  );

  const publication = ctx.document.date ?? datelineDate(ctx);
  let date: string | undefined;
  for (const s of sentences) date ??= findDate(s.text, publication);
  // "ASTANA, June 10. – The presidents met …": the dateline dates a meeting its sentences do not,
  // unless the meeting was elsewhere (a report filed at home about talks abroad).
  const place = findPlace(ctx, sentences, countryHits);
  const line = dateline(ctx);
  const filedThere =
    line && (!place || line.text.trimStart().toLowerCase().startsWith(place.city.toLowerCase()));
  if (!date && line && filedThere && sentences.some((s) => s.passage === line.passage))
    date = findDate(line.text, publication);
  const year = date
    ? Number(date.slice(0, 4))
    : publication
      ? Number(publication.slice(0, 4))
      : undefined;

  let occasion: MeetingFacts['occasion'];
  for (const s of sentences) {
    const m = OCCASION.exec(ctx.foldedSentence(s));
    if (m && !occasion) {
      const text = s.text.slice(m.index + m[0].indexOf(m[1] ?? ''), m.index + m[0].length);
      const start = s.start + m.index + m[0].indexOf(m[1] ?? '');
      occasion = {
        text: text.replace(/^the /i, ''),
        passage: s.passage,
        start,
        end: start + text.length,
      };
    }
  }
  const all = sentences.map((s) => s.text).join(' ');
  return {
    sentences,
    sides,
    participants,
    date,
    year,
    yearFromPublication: !date && year !== undefined,
    place,
    occasion,
    format: /negotiations/i.test(all)
      ? 'negotiations'
      : /talks/i.test(all)
        ? 'talks'
        : /visit/i.test(all)
          ? 'visit'
          : 'meeting',
    level:
      /top[- ]level|summit|heads? of state/i.test(all) ||
      participants.filter((p) => p.headOfState).length >= 2
        ? 'top'
        : undefined,
    delegations: /delegations?/i.test(all),
  };
}
