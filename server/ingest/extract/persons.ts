/**
 * Persons are found where an office introduces a name: "President of Tajikistan Emomali Rahmon",
 * "Chinese President Xi Jinping", "his Russian counterpart Vladimir Putin", "President Shavkat
 * Mirziyoyev of Uzbekistan"; the second of two names after a plural office ("heads of both
 * states A and B"); two full names acting together ("A B and C D signed …"); and any name the
 * graph already holds for a person. Later bare names and surnames ("Rahmon", "Xi") are attributed
 * to the person, and role references without a name ("the Tajik leader", "the President of
 * Kazakhstan") to the person holding that office in the document.
 */
import { countryByKey } from '../lexicon/countries.ts';
import { OFFICES, type OfficeEntry } from '../lexicon/titles.ts';
import { slug, transliterationKey } from '../text/fold.ts';
import type { Passage } from '../text/passages.ts';
import type { DocumentContext } from './context.ts';
import type { Hit } from './scan.ts';

export interface PersonRecord {
  id: string;
  name: string;
  /** Translit keys of the name's tokens, for surname matching. */
  tokens: string[];
  aliases: Set<string>;
  office: string | undefined;
  headOfState: boolean;
  country: string | undefined;
  /** The country was inferred (the meeting side left without a leader), not stated. */
  countryInferred: boolean;
  titleAsStated: string | undefined;
  /** Where the office and the name appear together. */
  titleSpans: { passage: number; start: number; end: number }[];
}

/** An office named without a person ("the Tajik leader", "Russian president"). */
export interface RoleReference {
  passage: number;
  start: number;
  end: number;
  office: string;
  headOfState: boolean;
  country: string | undefined;
}

const LEFT = '(?<![\\p{L}\\p{N}])';
const RIGHT = '(?![\\p{L}\\p{N}])';
const OFFICE_REGEX = new RegExp(
  `${LEFT}(?:${OFFICES.map((o) => o.pattern).join('|')})${RIGHT}`,
  'giu',
);
const OFFICE_TESTS = OFFICES.map((o) => ({
  entry: o,
  regex: new RegExp(`^(?:${o.pattern})$`, 'iu'),
}));
const NAME_TOKEN = "\\p{Lu}[\\p{Ll}'’]*(?:-\\p{Lu}[\\p{Ll}'’]*)?";
const NAME_AFTER = new RegExp(`^(\\s*,\\s*|\\s+)(${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){0,3})`, 'u');
const TOKEN = new RegExp(NAME_TOKEN, 'gu');
const FULL_NAME = `${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){1,3}`;
/** "… A and B" after a name: the list an office in the plural introduces. */
const AND_NAME = new RegExp(`^\\s+and\\s+(${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){0,3})`, 'u');
/**
 * Two full names joined by "and" and followed by what people do at a meeting: no office is
 * needed to know they are persons ("On May 2, A B and C D signed …").
 */
const ACTING_PAIR = new RegExp(
  `${LEFT}(${FULL_NAME})\\s+and\\s+(${FULL_NAME})(?=\\s+(?:(?:also|jointly|then|later|have|had|will)\\s+)?(?:signed|met|held|discussed|agreed|adopted|exchanged|visited|opened|launched|attended|witnessed|reviewed|approved|issued|laid|took part|sign|meet|hold|discuss)\\b)`,
  'gu',
);

/** Capitalised words that end a name: function words, headline verbs, calendar words, offices. */
const NOT_NAME = new Set(
  (
    'The A An And Of On In At To For With By From As He She It They We I His Her Their Its Our This That ' +
    'These Those But Also During After Before While Who Which Holds Held Hold Has Had Talks Talk Meets Met ' +
    'Meeting Meetings Visit Visits Visited Says Said Receives Received Discusses Discussed Signs Signed Calls ' +
    'Called Congratulates Thanks Thanked Expressed Noted Stressed Emphasized Emphasised Arrives Arrived ' +
    'Republic Federation Kingdom State States Nation Nations Government People Founder Peace Unity Leader ' +
    'President Minister Prime Head Chairman Excellency Mr Mrs Ms Dr Sir Monday Tuesday Wednesday Thursday ' +
    'Friday Saturday Sunday January February March April May June July August September October November ' +
    'December Today Yesterday Tomorrow According However Moreover Meet Jointly Together Sign Agree Agreed ' +
    'Discuss Open Opens Attend Attends Launch Launches Officially Joint Statement Agreement Treaty'
  ).split(' '),
);

/**
 * Words the document also writes in lower case are ordinary words, not names: a headline's
 * "Hold Talks" or "Jointly Meet" after a name never becomes part of it.
 */
export function lowerCaseWords(ctx: DocumentContext): Set<string> {
  const words = new Set<string>();
  for (const { passage } of ctx.passages)
    for (const m of passage.text.matchAll(/(?<![\p{L}])\p{Ll}[\p{Ll}'’-]*/gu)) words.add(m[0]);
  return words;
}

function officeOf(text: string): OfficeEntry {
  return (
    OFFICE_TESTS.find((t) => t.regex.test(text))?.entry ?? {
      office: text,
      pattern: '',
      headOfState: false,
    }
  );
}

function countryEndingAt(hits: Hit[], position: number, folded: string): Hit | undefined {
  return hits.find((h) => h.end <= position && /^\s+$/.test(folded.slice(h.end, position)));
}

function countryStartingAt(hits: Hit[], position: number): Hit | undefined {
  return hits.find((h) => h.start === position);
}

function nameTokens(
  candidate: string,
  start: number,
  hits: Hit[],
  common: Set<string>,
): { text: string; length: number; tokens: number } {
  let length = 0;
  let tokens = 0;
  for (const m of candidate.matchAll(TOKEN)) {
    const tokenStart = start + m.index;
    const isCountry = hits.some((h) => h.start < tokenStart + m[0].length && tokenStart < h.end);
    if (NOT_NAME.has(m[0]) || isCountry || common.has(m[0].toLowerCase())) break;
    length = m.index + m[0].length;
    tokens++;
  }
  return { text: candidate.slice(0, length), length, tokens };
}

/** A person's name where it stands, with the office that introduced it, if any. */
interface NamedAt {
  name: string;
  office: OfficeEntry | undefined;
  country?: string;
  stated: string;
  passage: number;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
}

/** A whole name of at least `minTokens` name tokens (a full name by default) at `start`. */
function fullNameAt(
  passage: Passage,
  candidate: string,
  start: number,
  hits: Hit[],
  common: Set<string>,
  ctx: DocumentContext,
  minTokens = 2,
): NamedAt | undefined {
  const tokens = nameTokens(candidate, start, hits, common);
  if (tokens.tokens < minTokens || tokens.length !== candidate.length) return undefined;
  const end = start + tokens.length;
  if (ctx.covered(passage.index, start, end, 'organisation:')) return undefined;
  return {
    name: passage.text.slice(start, end),
    office: undefined,
    stated: '',
    passage: passage.index,
    start,
    end,
    nameStart: start,
    nameEnd: end,
  };
}

function personTitle(office: string, country: string | undefined): string {
  const name = country ? countryByKey(country)?.name : undefined;
  return name ? `${office} of ${name}` : office;
}

/** Finds persons (titled, listed, acting in pairs, or known by name) and role references. */
export function findPersons(
  ctx: DocumentContext,
  countryHits: Map<number, Hit[]>,
  knownNames: readonly string[] = [],
): { persons: PersonRecord[]; roles: RoleReference[] } {
  const raw: NamedAt[] = [];
  const roles: RoleReference[] = [];
  const common = lowerCaseWords(ctx);
  for (const { passage, folded } of ctx.passages) {
    const hits = countryHits.get(passage.index) ?? [];
    for (const m of folded.matchAll(OFFICE_REGEX)) {
      const office = officeOf(m[0]);
      const plural = /^heads\b|s$/i.test(m[0]);
      let start = m.index;
      let end = m.index + m[0].length;
      let country: string | undefined;
      const before = countryEndingAt(hits, start, folded);
      if (before) {
        country = before.id;
        start = before.start;
      }
      const of = /^\s+of\s+(?:the\s+)?/i.exec(folded.slice(end));
      if (of) {
        const after = countryStartingAt(hits, end + of[0].length);
        if (after) {
          country ??= after.id;
          end = after.end;
        } else if (/^country\b/i.test(folded.slice(end + of[0].length))) {
          end += of[0].length + 'country'.length;
        }
      }
      const name = NAME_AFTER.exec(folded.slice(end));
      const tokens = name
        ? nameTokens(name[2] ?? '', end + (name[1]?.length ?? 0), hits, common)
        : { text: '', length: 0, tokens: 0 };
      if (name && tokens.length > 0) {
        const nameStart = end + (name[1]?.length ?? 0);
        const nameEnd = nameStart + tokens.length;
        let personCountry = country;
        let spanEnd = nameEnd;
        const trailing = /^\s+of\s+(?:the\s+)?/i.exec(folded.slice(nameEnd));
        const after = trailing ? countryStartingAt(hits, nameEnd + trailing[0].length) : undefined;
        if (!personCountry && after) {
          // "President Shavkat Mirziyoyev of Uzbekistan": the office's span includes its country.
          personCountry = after.id;
          spanEnd = after.end;
        }
        // A plural office ("Presidents A and B") is no title of either name.
        const stated = plural
          ? ''
          : passage.text.slice(start, end).replace(/^(?:the|his|her)\s+/i, '');
        raw.push({
          name: passage.text.slice(nameStart, nameEnd),
          office,
          ...(personCountry ? { country: personCountry } : {}),
          stated,
          passage: passage.index,
          start,
          end: spanEnd,
          nameStart,
          nameEnd,
        });
        // "the heads of both states A and B": the plural office introduces both names.
        const next = plural ? AND_NAME.exec(folded.slice(nameEnd)) : null;
        const second = next?.[1]
          ? fullNameAt(
              passage,
              next[1],
              nameEnd + next[0].length - next[1].length,
              hits,
              common,
              ctx,
              1,
            )
          : undefined;
        if (second) raw.push({ ...second, office });
      } else if (!plural) {
        roles.push({
          passage: passage.index,
          start,
          end,
          office: office.office,
          headOfState: office.headOfState,
          country,
        });
      }
    }
    for (const m of folded.matchAll(ACTING_PAIR)) {
      const first = m[1] ?? '';
      const second = m[2] ?? '';
      const at = [m.index, m.index + m[0].length - second.length];
      const pair = [first, second].map((n, i) =>
        fullNameAt(passage, n, at[i] ?? 0, hits, common, ctx),
      );
      // Both or neither: "Trade and Economic Cooperation signed" is no pair of persons.
      if (pair[0] && pair[1]) raw.push(pair[0], pair[1]);
    }
    for (const known of knownNames) {
      if (known.split(/\s+/).length < 2) continue;
      const regex = new RegExp(`${LEFT}${escapeRegExp(known)}${RIGHT}`, 'gu');
      for (const m of folded.matchAll(regex)) {
        const named = fullNameAt(passage, m[0], m.index, hits, new Set(), ctx);
        if (named) raw.push(named);
      }
    }
  }
  return { persons: clusterPersons(raw, ctx), roles };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function clusterPersons(raw: NamedAt[], ctx: DocumentContext): PersonRecord[] {
  const persons: PersonRecord[] = [];
  const tokensOf = (name: string) => name.split(/\s+/).map(transliterationKey);
  // Longer names first, so "Mirziyoyev" joins "Shavkat Mirziyoyev"; titled forms before bare ones.
  const ordered = [...raw].sort(
    (a, b) =>
      b.name.split(/\s+/).length - a.name.split(/\s+/).length ||
      Number(b.office !== undefined) - Number(a.office !== undefined),
  );
  for (const r of ordered) {
    const tokens = tokensOf(r.name);
    let person = persons.find(
      (p) =>
        p.tokens.join(' ') === tokens.join(' ') ||
        (tokens.length === 1 && p.tokens.includes(tokens[0] ?? '')),
    );
    if (!person) {
      person = {
        id: `person:${slug(r.name)}`,
        name: r.name,
        tokens,
        aliases: new Set(),
        office: undefined,
        headOfState: false,
        country: undefined,
        countryInferred: false,
        titleAsStated: undefined,
        titleSpans: [],
      };
      persons.push(person);
    }
    if (r.name !== person.name) person.aliases.add(r.name);
    const office = r.office;
    if (office) {
      // A stated country and a leading office beat "counterpart" and honorifics.
      const better =
        !person.office ||
        (person.office === 'Counterpart' && office.office !== 'Counterpart') ||
        (!person.country && r.country);
      if (better) {
        person.office = office.office;
        person.headOfState = office.headOfState;
        person.country = r.country ?? person.country;
        person.titleAsStated = r.stated || undefined;
      }
      if (r.stated) person.aliases.add(`${r.stated} ${r.name}`);
    }
    person.titleSpans.push({ passage: r.passage, start: r.start, end: r.end });
    ctx.addMention({
      entity: person.id,
      passage: r.passage,
      start: r.nameStart,
      end: r.nameEnd,
      confidence: office ? 0.95 : 0.85,
    });
  }
  return persons;
}

/** "Counterpart": the office of the other titled person in the same sentence. */
export function resolveCounterparts(persons: PersonRecord[], ctx: DocumentContext): void {
  for (const person of persons) {
    if (person.office !== 'Counterpart') continue;
    for (const span of person.titleSpans) {
      const sentence = ctx.sentenceAt(span.passage, span.start);
      const other = persons.find(
        (p) =>
          p !== person &&
          p.office !== 'Counterpart' &&
          sentence &&
          p.titleSpans.some(
            (s) =>
              s.passage === sentence.passage && s.start >= sentence.start && s.end <= sentence.end,
          ),
      );
      if (other?.office) {
        person.office = other.office;
        person.headOfState = other.headOfState;
        break;
      }
    }
  }
}

export function titleOf(person: PersonRecord): string {
  return personTitle(person.office ?? 'Person', person.country);
}

/** Bare full names and distinctive name tokens elsewhere in the text become mentions. */
export function findNameMentions(persons: PersonRecord[], ctx: DocumentContext): void {
  const tokenOwners = new Map<string, PersonRecord[]>();
  for (const p of persons)
    for (const t of p.tokens) tokenOwners.set(t, [...(tokenOwners.get(t) ?? []), p]);
  for (const person of persons) {
    const words = person.name.split(/\s+/);
    const forms = [
      person.name,
      ...words.filter(
        (w, i) =>
          !NOT_NAME.has(w) &&
          w.length >= 2 &&
          tokenOwners.get(person.tokens[i] ?? '')?.length === 1,
      ),
    ];
    for (const form of forms) {
      const regex = new RegExp(
        `${LEFT}${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${RIGHT}`,
        'gu',
      );
      for (const { passage, folded } of ctx.passages) {
        for (const m of folded.matchAll(regex)) {
          const start = m.index;
          const end = start + m[0].length;
          const inside = ctx.mentions.some(
            (x) =>
              x.passage === passage.index &&
              x.entity.startsWith('person:') &&
              x.start <= start &&
              x.end >= end,
          );
          if (!inside)
            ctx.addMention({
              entity: person.id,
              passage: passage.index,
              start,
              end,
              confidence: form === person.name ? 0.95 : 0.85,
            });
        }
      }
    }
  }
}

/**
 * Role references become mentions of the one person who holds that office for that country; a
 * leader's office without a country ("the President thanked…") refers to the leader named last.
 */
export function resolveRoles(
  roles: RoleReference[],
  persons: PersonRecord[],
  ctx: DocumentContext,
): void {
  for (const role of roles) {
    if (!role.country) {
      if (!role.headOfState || role.office === 'Leader') continue;
      const previous = ctx.mentions
        .filter(
          (m) =>
            m.entity.startsWith('person:') &&
            (m.passage < role.passage || (m.passage === role.passage && m.end <= role.start)) &&
            role.passage - m.passage <= 2,
        )
        .filter((m) => persons.find((p) => p.id === m.entity)?.headOfState)
        .sort((a, b) => a.passage - b.passage || a.start - b.start)
        .at(-1);
      if (previous)
        ctx.addMention({
          entity: previous.entity,
          passage: role.passage,
          start: role.start,
          end: role.end,
          confidence: 0.7,
          reference: true,
        });
      continue;
    }
    const holders = persons.filter(
      (p) =>
        p.country === role.country &&
        (p.headOfState || p.office === role.office) &&
        role.headOfState === p.headOfState,
    );
    const holder = holders[0];
    if (holders.length === 1 && holder) {
      ctx.addMention({
        entity: holder.id,
        passage: role.passage,
        start: role.start,
        end: role.end,
        confidence: 0.8,
        reference: true,
      });
    }
  }
}
