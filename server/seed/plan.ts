/**
 * Turns a validated seed into the rows the loader writes: one row per node, relationship and
 * mention, with every property the graph will hold (evidence lists, background markers, search
 * text). Pure, so what gets written can be inspected and tested without a database.
 */
import { evidenceLists, mentionKey, mentionProperties, type Quote } from '../model/evidence.ts';
import { factKey, type EntityKind, type FactType } from '../model/ontology.ts';
import { passageProperties } from '../model/passages.ts';
import {
  int,
  searchableTexts,
  searchText,
  withBackground,
  type PropertyValue,
  type Row,
} from '../model/values.ts';
import type { BackgroundSpec, EvidenceSpec } from './schema.ts';
import type { ValidSeed } from './validate.ts';

export interface NodeRow {
  key: string;
  properties: Row;
}

export interface LinkRow {
  key: string;
  from: string;
  to: string;
  properties: Row;
}

export interface EntityRow extends NodeRow {
  kind: EntityKind;
}

export interface FactRow extends LinkRow {
  type: FactType;
}

export interface SeedPlan {
  seed: string;
  documents: NodeRow[];
  /** Passages with the key of their document (for HAS_PASSAGE). */
  passages: (NodeRow & { document: string })[];
  entities: EntityRow[];
  mentions: LinkRow[];
  facts: FactRow[];
}

/** Properties plus the markers that tell text-stated from background knowledge. */
function factProperties(fact: {
  properties: Record<string, PropertyValue>;
  source: 'text' | 'background';
  basis?: string | undefined;
  background: BackgroundSpec[];
}): Row {
  const wholeBasis = fact.source === 'background' ? (fact.basis ?? '') : undefined;
  return {
    ...withBackground(fact.properties, fact.background, wholeBasis),
    source: fact.source,
    ...(fact.basis !== undefined ? { basis: fact.basis } : {}),
  };
}

export function planSeed(seed: ValidSeed): SeedPlan {
  const passageStart = new Map<string, number>();
  const documents: NodeRow[] = [];
  const passages: SeedPlan['passages'] = [];
  for (const doc of seed.documents) {
    documents.push({
      key: doc.key,
      properties: {
        key: doc.key,
        name: doc.normalisedTitle,
        title: doc.title,
        normalisedTitle: doc.normalisedTitle,
        url: doc.url,
        publisher: doc.publisher,
        language: doc.language,
        excerpt: doc.excerpt,
        paragraphCount: int(doc.paragraphs),
        sourceFile: doc.file,
        text: doc.text,
        sha256: doc.sha256,
        seed: seed.name,
      },
    });
    for (const p of doc.passages) {
      passageStart.set(p.key, p.start);
      passages.push({
        key: p.key,
        document: doc.key,
        properties: { ...passageProperties(p), seed: seed.name },
      });
    }
  }
  const quote = (e: EvidenceSpec): Quote => ({
    ...e,
    passageStart: passageStart.get(e.passage) ?? 0,
  });

  const entities: EntityRow[] = [];
  const mentions: LinkRow[] = [];
  for (const entity of seed.entities) {
    entities.push({
      key: entity.key,
      kind: entity.kind,
      properties: {
        ...factProperties(entity),
        key: entity.key,
        name: entity.name,
        aliases: entity.aliases,
        ...(entity.description !== undefined ? { description: entity.description } : {}),
        searchText: searchText([
          entity.name,
          ...entity.aliases,
          ...searchableTexts(entity),
          entity.description,
        ]),
        seed: seed.name,
      },
    });
    for (const m of entity.mentions) {
      mentions.push({
        key: mentionKey(quote(m), entity.key),
        from: m.passage,
        to: entity.key,
        properties: { ...mentionProperties(quote(m)), seed: seed.name },
      });
    }
  }

  const facts: FactRow[] = seed.relationships.map((fact) => {
    const key = factKey(fact.from, fact.type, fact.to);
    return {
      key,
      type: fact.type,
      from: fact.from,
      to: fact.to,
      properties: {
        ...factProperties(fact),
        key,
        ...evidenceLists(fact.evidence.map(quote)),
        seed: seed.name,
      },
    };
  });

  return {
    seed: seed.name,
    documents,
    passages,
    entities,
    mentions,
    facts,
  };
}
