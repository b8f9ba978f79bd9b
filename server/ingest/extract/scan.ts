/**
 * Finds names from the lexicons in a text: countries (names, official names, demonyms),
 * organisations (acronyms, full names, generic capitalised names ending in Organization,
 * Commission, Forum…), spheres and threats. Matching runs on the folded text (look-alike letters
 * and diacritics mapped, same offsets), so "Russiа" with a Cyrillic "а" is found as Russia.
 */
import { COUNTRIES, type CountryEntry } from '../lexicon/countries.ts';
import { ORGANISATIONS, type OrganisationEntry } from '../lexicon/organisations.ts';
import { SPHERES } from '../lexicon/spheres.ts';
import { THREATS } from '../lexicon/threats.ts';
import { PhraseMatcher, phraseKey } from '../text/phrases.ts';

export interface Hit {
  start: number;
  end: number;
  /** Lexicon key, or a generated id for names not in a lexicon. */
  id: string;
  /** How the name was found: its full name, a demonym, an acronym, a generic pattern. */
  via: 'name' | 'demonym' | 'acronym' | 'pattern';
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LEFT = '(?<![\\p{L}\\p{N}])';
const RIGHT = '(?![\\p{L}\\p{N}])';

const COUNTRY_NAMES = new PhraseMatcher<CountryEntry>(
  COUNTRIES.flatMap((c) => c.forms.map((f) => [f, c] as const)),
  { capitalised: true },
);
const DEMONYMS = new Set(COUNTRIES.flatMap((c) => c.demonyms.map(phraseKey)));

/** Country names and demonyms; only capitalised matches count ("china" the material does not). */
export function scanCountries(folded: string): Hit[] {
  return COUNTRY_NAMES.find(folded).map((h) => ({
    start: h.start,
    end: h.end,
    id: h.value.key,
    via: DEMONYMS.has(phraseKey(folded.slice(h.start, h.end))) ? 'demonym' : 'name',
  }));
}

const ORG_NAMES = new PhraseMatcher<OrganisationEntry>(
  ORGANISATIONS.flatMap((o) => [o.name, ...o.aliases].map((f) => [f, o] as const)),
  { capitalised: true },
);
const ORG_ACRONYMS = new PhraseMatcher<OrganisationEntry>(
  ORGANISATIONS.filter((o) => o.acronym).map((o) => [o.acronym ?? '', o] as const),
  { caseSensitive: true },
);

const CAP = "\\p{Lu}[\\p{L}'’-]*";
const CONNECTOR = '(?:of|and|for|on|in|the|de)';
const ORG_HEAD =
  'Organi[sz]ation|Commission|Committee|Forum|Fund|Bank|Initiative|Council|Union|Ministry|Agency|Conference|Assembly|Institute|University|Corporation|Company';
/** "Asian Infrastructure Investment Bank", "Belt and Road Forum for International Cooperation". */
const GENERIC_ORG = new RegExp(
  `${LEFT}(?:${CAP}\\s+(?:${CONNECTOR}\\s+)*){1,6}(?:${ORG_HEAD})(?:\\s+(?:of|on|for|in)\\s+(?:the\\s+)?${CAP}(?:,?\\s+(?:${CONNECTOR}\\s+)*${CAP}){0,8})?${RIGHT}`,
  'gu',
);
/** "the intergovernmental commission on trade and economic cooperation", in any case. */
const COMMISSION = new RegExp(
  `${LEFT}(?:inter-?governmental|joint|bilateral)\\s+(?:commission|committee)\\s+(?:on|for)\\s+(?:[\\p{L}-]+,?\\s+){0,8}?(?:cooperation|co-operation|issues|affairs)${RIGHT}`,
  'giu',
);
const DEFINED_ACRONYM = /^\s*\(([A-Z]{2,8})\)/;
const LEADING_WORDS = /^(?:(?:The|A|An|On|In|At|As|By|For|With|Within|During|Under|Of|And)\s+)+/;

export interface OrganisationHit extends Hit {
  name: string;
  acronym?: string;
  generic: boolean;
  commission: boolean;
}

/** Organisations: lexicon names and acronyms, generic names, commissions; acronyms defined inline. */
export function scanOrganisations(folded: string, original: string): OrganisationHit[] {
  const hits: OrganisationHit[] = [];
  const taken = (start: number, end: number) => hits.some((h) => start < h.end && end > h.start);
  for (const { start, end, value: entry } of ORG_NAMES.find(folded)) {
    hits.push({
      start,
      end,
      id: entry.key,
      via: 'name',
      name: entry.name,
      generic: false,
      commission: false,
      ...(entry.acronym ? { acronym: entry.acronym } : {}),
    });
  }
  for (const m of folded.matchAll(COMMISSION)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    hits.push({
      start,
      end,
      id: '',
      via: 'pattern',
      name: original.slice(start, end),
      generic: true,
      commission: true,
    });
  }
  for (const m of folded.matchAll(GENERIC_ORG)) {
    const lead = LEADING_WORDS.exec(m[0])?.[0].length ?? 0;
    const start = m.index + lead;
    // A comma belongs to the name only in an enumeration closed by "and" ("on Trade, Industry and
    // Transport Cooperation"); "the Council of Europe, Russia" ends at the comma.
    const lastComma = m[0].lastIndexOf(',');
    const enumerated = lastComma < 0 || /\sand\s/.test(m[0].slice(lastComma));
    const end = m.index + (enumerated ? m[0].length : m[0].indexOf(','));
    if (taken(start, end) || end - start < 6) continue;
    const name = original.slice(start, end);
    const acronym = DEFINED_ACRONYM.exec(folded.slice(end))?.[1];
    hits.push({
      start,
      end,
      id: '',
      via: 'pattern',
      name,
      generic: true,
      commission: /commission|committee/i.test(name),
      ...(acronym ? { acronym } : {}),
    });
  }
  for (const { start, end, value: entry } of ORG_ACRONYMS.find(folded)) {
    if (taken(start, end)) continue;
    hits.push({
      start,
      end,
      id: entry.key,
      via: 'acronym',
      name: entry.name,
      acronym: entry.acronym ?? '',
      generic: false,
      commission: false,
    });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Acronyms a text defines itself ("Shanghai Cooperation Organization (SCO)"), found later bare. */
export function scanAcronyms(folded: string, acronyms: ReadonlyMap<string, string>): Hit[] {
  if (acronyms.size === 0) return [];
  const regex = new RegExp(
    `${LEFT}(?:${[...acronyms.keys()].map(escape).join('|')})${RIGHT}`,
    'gu',
  );
  return [...folded.matchAll(regex)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    id: acronyms.get(m[0]) ?? '',
    via: 'acronym' as const,
  }));
}

function lexiconScanner(entries: readonly { key: string; patterns: string[] }[]) {
  const compiled = entries.map((e) => ({
    key: e.key,
    regex: new RegExp(`${LEFT}(?:${e.patterns.join('|')})${RIGHT}`, 'giu'),
  }));
  return (folded: string): Hit[] => {
    const hits: Hit[] = [];
    for (const { key, regex } of compiled) {
      for (const m of folded.matchAll(regex)) {
        hits.push({ start: m.index, end: m.index + m[0].length, id: key, via: 'pattern' });
      }
    }
    // A longer name wins over a shorter one inside it ("oil and gas sector" over nothing,
    // "military-technical" over "military").
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    return hits.filter(
      (h, i) =>
        !hits.some(
          (o, j) =>
            j !== i && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start,
        ),
    );
  };
}

export const scanSpheres = lexiconScanner(SPHERES);
export const scanThreats = lexiconScanner(THREATS);
