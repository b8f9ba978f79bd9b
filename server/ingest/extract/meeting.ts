/**
 * The meeting a document reports: its sides (countries), participants, place, date, occasion.
 * The meeting sentences are the title and the first sentence that names talks, a meeting or a
 * visit; sides come from the leaders named there, else from the countries named there, else from
 * the countries the document names most.
 */
import * as chrono from 'chrono-node';
import { countryOfCapital } from '../lexicon/countries.ts';
import { isHeadline } from '../../seed/passages.ts';
import type { Sentence } from '../text/passages.ts';
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
  place:
    | { city: string; country: string | undefined; passage: number; start: number; end: number }
    | undefined;
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

/** A full date (day, month and year known) in a text, relative to a reference date. */
export function findDate(text: string, ref: string | undefined): string | undefined {
  const results = chrono.parse(text, ref ? reference(ref) : new Date(2000, 0, 1, 12), {
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

const PLACE =
  /\b(?:in|to|at)\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)(?:,\s+(\p{Lu}[\p{L}-]+))?/gu;

function findPlace(
  ctx: DocumentContext,
  sentences: Sentence[],
  countryHits: Map<number, Hit[]>,
): MeetingFacts['place'] {
  for (const sentence of sentences) {
    const text = ctx.foldedSentence(sentence);
    for (const m of text.matchAll(PLACE)) {
      const city = m[1] ?? '';
      const start = sentence.start + m.index + m[0].indexOf(city);
      const hits = countryHits.get(sentence.passage) ?? [];
      const countryAfter = m[2]
        ? hits.find(
            (h) =>
              h.start ===
              start +
                city.length +
                m[0].slice(m[0].indexOf(city) + city.length).indexOf(m[2] ?? ''),
          )
        : undefined;
      const capitalOf = countryOfCapital(city);
      if (capitalOf || countryAfter) {
        return {
          city,
          country: capitalOf?.key ?? countryAfter?.id,
          passage: sentence.passage,
          start,
          end: start + city.length,
        };
      }
    }
  }
  // A dateline: a passage that is only a capital's name ("Beijing").
  for (const { passage } of ctx.passages.slice(0, 4)) {
    const capitalOf = countryOfCapital(passage.text.trim());
    if (capitalOf) {
      const start = passage.text.indexOf(passage.text.trim());
      return {
        city: passage.text.trim(),
        country: capitalOf.key,
        passage: passage.index,
        start,
        end: start + passage.text.trim().length,
      };
    }
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
    place: findPlace(ctx, sentences, countryHits),
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
