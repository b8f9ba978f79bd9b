/**
 * Extraction quality against the curated seed: the seed's source text is extracted and resolved
 * (with the same resolver ingestion uses, against candidates built from the seed file alone),
 * then compared with the seed's text-stated entities and facts. Background knowledge is not in
 * the text and is not expected. Symmetric facts match in either direction.
 */
import { RELATIONSHIP_SPECS, type EntityKind, type FactType } from '../../model/ontology.ts';
import type { PropertyValue } from '../../model/values.ts';
import type { SeedDocument, ValidSeed } from '../../seed/validate.ts';
import { RuleExtractor } from '../extract/rules.ts';
import { DOCUMENT_REF, type Extraction, type Extractor } from '../extract/types.ts';
import { prepareDocument } from '../input.ts';
import { resolveEntities, type Candidate } from '../resolve/resolve.ts';
import { score, scores, type Score } from './metrics.ts';

export type { Score };

export interface Evaluation {
  document: string;
  extractor: string;
  entities: { overall: Score; byKind: Record<string, Score> };
  relations: { overall: Score; byType: Record<string, Score> };
  /** Correct facts whose quotes include a passage the curated evidence cites. */
  evidenceAgreement: number;
  missedEntities: string[];
  extraEntities: string[];
  missedRelations: string[];
  extraRelations: string[];
}

const text = (v: PropertyValue | undefined) => (typeof v === 'string' ? v : undefined);
const num = (v: PropertyValue | undefined) => (typeof v === 'number' ? v : undefined);

/** The seed's entities as resolution candidates, as they would be read from the graph. */
export function seedCandidates(seed: ValidSeed): Candidate[] {
  return seed.entities.map((e) => {
    const p: Record<string, PropertyValue> = { ...e.properties };
    for (const b of e.background) Object.assign(p, b.properties);
    const countries = seed.relationships
      .filter(
        (r) =>
          (e.kind === 'Meeting' &&
            r.type === 'PARTICIPATED_IN' &&
            r.to === e.key &&
            r.from.startsWith('country:')) ||
          ((e.kind === 'Indicator' || e.kind === 'Anniversary') &&
            r.type === 'CONCERNS' &&
            r.from === e.key),
      )
      .map((r) => (e.kind === 'Meeting' ? r.from : r.to));
    const date = p.date;
    return {
      key: e.key,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      officialName: text(p.officialName),
      fullName: text(p.fullName),
      acronym: text(p.acronym),
      demonym: text(p.demonym),
      iso3: text(p.iso3),
      ordinal: num(p.ordinal),
      measure: text(p.measure),
      unit: text(p.unit),
      year: num(p.year),
      period: text(p.period),
      value: num(p.value),
      date: date && typeof date === 'object' && 'date' in date ? date.date : undefined,
      countries,
    };
  });
}

const factId = (type: FactType, from: string, to: string) =>
  'symmetric' in RELATIONSHIP_SPECS[type]
    ? `${type}|${[from, to].sort().join('|')}`
    : `${type}|${from}|${to}`;

/** Extracts one seed document and scores the result against the curated graph. */
export async function evaluateDocument(
  seed: ValidSeed,
  document: SeedDocument,
  extractor: Extractor = new RuleExtractor(),
): Promise<Evaluation> {
  const prepared = prepareDocument({ text: document.text });
  const extraction: Extraction = await extractor.extract(prepared);
  const resolutions = resolveEntities(extraction, seedCandidates(seed));
  const keyOf = (id: string) =>
    id === DOCUMENT_REF ? document.key : (resolutions.get(id)?.key ?? id);
  const kindOf = new Map<string, EntityKind>(seed.entities.map((e) => [e.key, e.kind]));
  for (const e of extraction.entities) kindOf.set(keyOf(e.id), e.kind);

  const passagePrefix = `${document.key}#`;
  const statedHere = (evidence: { passage: string }[]) =>
    evidence.some((e) => e.passage.startsWith(passagePrefix));
  const goldEntities = new Set(
    seed.entities.filter((e) => e.source === 'text' && statedHere(e.mentions)).map((e) => e.key),
  );
  const predictedEntities = new Set(extraction.entities.map((e) => keyOf(e.id)));
  const goldFacts = new Map<string, Set<string>>();
  for (const r of seed.relationships) {
    if (r.source === 'text' && statedHere(r.evidence))
      goldFacts.set(factId(r.type, r.from, r.to), new Set(r.evidence.map((e) => e.passage)));
  }
  const predictedFacts = new Map<string, Set<string>>();
  for (const f of extraction.facts) {
    if (f.source !== 'text') continue;
    predictedFacts.set(
      factId(f.type, keyOf(f.from), keyOf(f.to)),
      new Set(f.evidence.map((e) => `${passagePrefix}${e.passage}`)),
    );
  }
  const goldFactIds = new Set(goldFacts.keys());
  const predictedFactIds = new Set(predictedFacts.keys());
  const correctFacts = [...predictedFactIds].filter((f) => goldFactIds.has(f));
  const agreeing = correctFacts.filter((f) =>
    [...(predictedFacts.get(f) ?? [])].some((p) => goldFacts.get(f)?.has(p)),
  );
  const kind = (key: string) => kindOf.get(key) ?? key.split(':')[0] ?? '?';
  return {
    document: document.key,
    extractor: extraction.extractor,
    entities: {
      overall: score(goldEntities, predictedEntities),
      byKind: scores(goldEntities, predictedEntities, kind),
    },
    relations: {
      overall: score(goldFactIds, predictedFactIds),
      byType: scores(goldFactIds, predictedFactIds, (f) => f.split('|')[0] ?? '?'),
    },
    evidenceAgreement: correctFacts.length === 0 ? 0 : agreeing.length / correctFacts.length,
    missedEntities: [...goldEntities].filter((e) => !predictedEntities.has(e)).sort(),
    extraEntities: [...predictedEntities].filter((e) => !goldEntities.has(e)).sort(),
    missedRelations: [...goldFactIds].filter((f) => !predictedFactIds.has(f)).sort(),
    extraRelations: [...predictedFactIds].filter((f) => !goldFactIds.has(f)).sort(),
  };
}
