/**
 * Entity resolution: which node of the graph each extracted entity is. Exact evidence merges
 * (an ISO code, a name or alias equal after folding case, diacritics and look-alike letters, a
 * transliteration variant, an acronym, or for events the same countries and date); a near match
 * creates a new node and records the pair for review; anything else is new. Pure: the
 * candidates come in as data, so the same rules run against Neo4j or against the seed file.
 */
import type { EntityKind } from '../../model/ontology.ts';
import { ORGANISATIONS } from '../lexicon/organisations.ts';
import { nameKey, similarity, transliterationKey } from '../text/fold.ts';
import type { ExtractedEntity, Extraction } from '../extract/types.ts';

/** An entity already in the graph, with what matching needs. */
export interface Candidate {
  key: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  officialName?: string | undefined;
  fullName?: string | undefined;
  acronym?: string | undefined;
  demonym?: string | undefined;
  iso3?: string | undefined;
  ordinal?: number | undefined;
  measure?: string | undefined;
  unit?: string | undefined;
  year?: number | undefined;
  period?: string | undefined;
  value?: number | undefined;
  date?: string | undefined;
  /** Countries it is about (participants of a meeting, CONCERNS of a figure or anniversary). */
  countries: string[];
}

export type ResolutionStatus = 'matched' | 'new' | 'doubtful';

export interface EntityResolution {
  /** The extracted entity's id. */
  id: string;
  /** The key it is written under: the candidate's when matched, a fresh one otherwise. */
  key: string;
  status: ResolutionStatus;
  /** How sure the match is (1 for an exact code or name). */
  score: number;
  /** What decided: "iso code", "name", "alias", "transliteration", "acronym", "same sides and date", … */
  method: string;
  /** The existing entity it matched, or (doubtful) may be. */
  candidate?: string | undefined;
  candidateName?: string | undefined;
}

/** Near matches at or above this similarity are recorded for review; below, the entity is new. */
export const REVIEW_THRESHOLD = 0.8;

const STRUCTURAL: ReadonlySet<EntityKind> = new Set(['Meeting', 'Indicator', 'Anniversary']);
/**
 * Kinds whose names vary by spelling, where a near name may be the same thing. Countries come
 * from the ISO gazetteer and spheres and threats from lexicons: two different names there are two
 * different things ("Uzbekistan" is not a misspelt "Tajikistan").
 */
const NEAR_MATCH_KINDS: ReadonlySet<EntityKind> = new Set(['Person', 'Organisation', 'Award']);
const LEXICON_KEYS: ReadonlySet<string> = new Set(ORGANISATIONS.map((o) => o.key));

function formsOf(c: Candidate): string[] {
  return [
    c.name,
    ...c.aliases,
    c.officialName,
    c.fullName,
    c.acronym,
    c.kind === 'Country' ? c.demonym : undefined,
  ].filter((f): f is string => typeof f === 'string' && f.trim().length > 0);
}

class CandidateIndex {
  readonly byKey = new Map<string, Candidate>();
  private readonly byName = new Map<string, Candidate[]>();
  private readonly byTranslit = new Map<string, Candidate[]>();

  constructor(readonly candidates: readonly Candidate[]) {
    for (const c of candidates) {
      this.byKey.set(c.key, c);
      for (const form of formsOf(c)) {
        push(this.byName, `${c.kind}|${nameKey(form)}`, c);
        push(this.byTranslit, `${c.kind}|${transliterationKey(form)}`, c);
      }
    }
  }

  named(kind: EntityKind, form: string): Candidate[] {
    return this.byName.get(`${kind}|${nameKey(form)}`) ?? [];
  }

  transliterated(kind: EntityKind, form: string): Candidate[] {
    return this.byTranslit.get(`${kind}|${transliterationKey(form)}`) ?? [];
  }

  ofKind(kind: EntityKind): Candidate[] {
    return this.candidates.filter((c) => c.kind === kind);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const dateOf = (v: unknown) =>
  v && typeof v === 'object' && 'date' in v ? String((v as { date: unknown }).date) : str(v);

function extractedForms(e: ExtractedEntity): string[] {
  const p = e.properties;
  return [e.name, ...e.aliases, str(p.officialName), str(p.fullName), str(p.acronym)].filter(
    (f): f is string => !!f,
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

interface Match {
  candidate: Candidate;
  score: number;
  method: string;
  /** A near match: recorded for review, never merged. */
  doubtful?: true;
}

function byNames(e: ExtractedEntity, index: CandidateIndex): Match | undefined {
  const forms = extractedForms(e);
  const name = index.named(e.kind, e.name)[0];
  if (name) {
    const primary = nameKey(name.name) === nameKey(e.name);
    return { candidate: name, score: primary ? 1 : 0.97, method: primary ? 'name' : 'alias' };
  }
  for (const form of forms) {
    const hit = index.named(e.kind, form)[0];
    if (hit) return { candidate: hit, score: 0.97, method: 'alias' };
  }
  for (const form of forms) {
    const hit = index.transliterated(e.kind, form)[0];
    if (hit) return { candidate: hit, score: 0.92, method: 'transliteration' };
  }
  return undefined;
}

function personByParts(e: ExtractedEntity, index: CandidateIndex): Match | undefined {
  const tokens = e.name.split(/\s+/).map(transliterationKey);
  const matches = index.ofKind('Person').filter((c) =>
    [c.name, ...c.aliases].some((form) => {
      const other = form.split(/\s+/).map(transliterationKey);
      const shared = tokens.filter((t) => other.includes(t)).length;
      // "Vladimir Vladimirovich Putin" and "Vladimir Putin"; a lone surname ("Putin") too.
      return (
        (shared >= 2 && (shared === tokens.length || shared === other.length)) ||
        (tokens.length === 1 && other.at(-1) === tokens[0])
      );
    }),
  );
  const only = matches[0];
  if (matches.length === 1 && only)
    return { candidate: only, score: tokens.length === 1 ? 0.85 : 0.9, method: 'name parts' };
  return undefined;
}

function nearest(e: ExtractedEntity, index: CandidateIndex): Match | undefined {
  let best: Match | undefined;
  const forms = extractedForms(e)
    .map(transliterationKey)
    .filter((f) => f.length >= 5);
  for (const c of index.ofKind(e.kind)) {
    if (LEXICON_KEYS.has(e.id) && LEXICON_KEYS.has(c.key)) continue;
    for (const form of formsOf(c).map(transliterationKey)) {
      for (const mine of forms) {
        const score = similarity(mine, form);
        if (score >= REVIEW_THRESHOLD && (!best || score > best.score))
          best = { candidate: c, score, method: 'similar name', doubtful: true };
      }
    }
  }
  return best;
}

function structural(
  e: ExtractedEntity,
  countries: string[],
  index: CandidateIndex,
): Match | undefined {
  const p = e.properties;
  const candidates = index
    .ofKind(e.kind)
    .filter((c) => c.countries.length > 0 && sameSet(c.countries, countries));
  if (e.kind === 'Meeting') {
    const date = dateOf(p.date);
    const exact = date ? candidates.find((c) => c.date === date) : undefined;
    if (exact) return { candidate: exact, score: 1, method: 'same sides and date' };
    const year =
      num(p.year) ?? num(e.background.find((b) => 'year' in b.properties)?.properties.year);
    const sameYear = candidates.find(
      (c) => year !== undefined && c.year === year && (!c.date || !date),
    );
    if (sameYear)
      return {
        candidate: sameYear,
        score: 0.7,
        method: 'same sides and year, date unknown',
        doubtful: true,
      };
    return undefined;
  }
  if (e.kind === 'Indicator') {
    const same = candidates.find(
      (c) =>
        nameKey(c.measure ?? '') === nameKey(str(p.measure) ?? '') &&
        c.unit === str(p.unit) &&
        c.year === num(p.year) &&
        (c.period ?? '') === (str(p.period) ?? ''),
    );
    if (!same) return undefined;
    const value = num(p.value);
    const agrees =
      value === undefined ||
      same.value === undefined ||
      Math.abs(same.value - value) <= 0.01 * Math.max(1, Math.abs(value));
    return agrees
      ? { candidate: same, score: 1, method: 'same figure' }
      : {
          candidate: same,
          score: 0.75,
          method: 'same measure and year, different value',
          doubtful: true,
        };
  }
  if (e.kind === 'Anniversary') {
    const same = candidates.find((c) => c.ordinal === num(p.ordinal));
    return same ? { candidate: same, score: 1, method: 'same countries and ordinal' } : undefined;
  }
  return undefined;
}

/**
 * Resolves every extracted entity against the candidates. Countries go first, so meetings,
 * figures and anniversaries can be compared by the graph keys of the countries they concern.
 */
export function resolveEntities(
  extraction: Extraction,
  candidates: readonly Candidate[],
): Map<string, EntityResolution> {
  const index = new CandidateIndex(candidates);
  const out = new Map<string, EntityResolution>();
  const taken = new Set(candidates.map((c) => c.key));
  const fresh = (id: string) => {
    let key = id;
    for (let n = 2; taken.has(key); n++) key = `${id}-${n}`;
    taken.add(key);
    return key;
  };
  const countriesOf = (id: string) =>
    extraction.facts
      .filter(
        (f) =>
          (f.type === 'PARTICIPATED_IN' && f.to === id) || (f.type === 'CONCERNS' && f.from === id),
      )
      .map((f) => (f.type === 'CONCERNS' ? f.to : f.from))
      .filter((k) => k.startsWith('country:'))
      .map((k) => out.get(k)?.key ?? k);

  const order = (e: ExtractedEntity) => (e.kind === 'Country' ? 0 : STRUCTURAL.has(e.kind) ? 2 : 1);
  for (const e of [...extraction.entities].sort((a, b) => order(a) - order(b))) {
    let match: Match | undefined;
    if (e.kind === 'Country') {
      const iso3 =
        str(
          e.background
            .flatMap((b) => Object.entries(b.properties))
            .find(([k]) => k === 'iso3')?.[1],
        ) ?? str(e.properties.iso3);
      const byCode = iso3
        ? candidates.find((c) => c.kind === 'Country' && c.iso3 === iso3)
        : undefined;
      match = byCode ? { candidate: byCode, score: 1, method: 'iso code' } : byNames(e, index);
    } else if (STRUCTURAL.has(e.kind)) {
      const countries = countriesOf(e.id);
      const named = byNames(e, index);
      // A meeting's title or a figure's name only identifies it together with its countries.
      const compatible =
        named &&
        (named.candidate.countries.length === 0 || sameSet(named.candidate.countries, countries));
      match = compatible ? named : structural(e, countries, index);
    } else if (e.kind === 'Organisation') {
      const acronym = str(e.properties.acronym);
      const byAcronym = acronym
        ? candidates.find((c) => c.kind === 'Organisation' && c.acronym === acronym)
        : undefined;
      match = byAcronym ? { candidate: byAcronym, score: 1, method: 'acronym' } : byNames(e, index);
    } else {
      match = byNames(e, index) ?? (e.kind === 'Person' ? personByParts(e, index) : undefined);
    }
    // Bilateral commissions differ only in their pair of countries: never "similar" to each other.
    if (!match && NEAR_MATCH_KINDS.has(e.kind) && e.properties.type !== 'commission') {
      const near = nearest(e, index);
      if (near) match = { ...near };
    }
    const doubtful = match?.doubtful === true;
    if (match && !doubtful) {
      out.set(e.id, {
        id: e.id,
        key: match.candidate.key,
        status: 'matched',
        score: match.score,
        method: match.method,
        candidate: match.candidate.key,
        candidateName: match.candidate.name,
      });
    } else if (match) {
      out.set(e.id, {
        id: e.id,
        key: fresh(e.id),
        status: 'doubtful',
        score: Math.round(match.score * 100) / 100,
        method: match.method,
        candidate: match.candidate.key,
        candidateName: match.candidate.name,
      });
    } else {
      out.set(e.id, { id: e.id, key: fresh(e.id), status: 'new', score: 1, method: 'no match' });
    }
  }
  return out;
}
