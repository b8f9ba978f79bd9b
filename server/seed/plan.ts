/**
 * Turns a validated seed into the rows the loader writes: one row per node, relationship and
 * mention, with every property the graph will hold (evidence lists, background markers, search
 * text). Pure, so what gets written can be inspected and tested without a database.
 */
import neo4j from 'neo4j-driver';
import { SEARCHABLE_PROPERTIES, type EntityKind, type FactType } from './ontology.ts';
import type { BackgroundSpec, EvidenceSpec, PropertyValue } from './schema.ts';
import type { ValidSeed } from './validate.ts';

export type Row = Record<string, unknown>;

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

/** Integral numbers become Neo4j Integers, `{date}` a Neo4j Date; lists stay homogeneous. */
export function toNeo4jValue(value: PropertyValue): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) {
    const numbers = value.filter((v): v is number => typeof v === 'number');
    if (numbers.length === 0) return value;
    return numbers.every(Number.isInteger) ? numbers.map((n) => neo4j.int(n)) : numbers;
  }
  if (typeof value === 'object') {
    const [year, month, day] = value.date.split('-').map(Number);
    return new neo4j.types.Date(year ?? 0, month ?? 0, day ?? 0);
  }
  return value;
}

const int = (n: number) => neo4j.int(n);

function convert(properties: Record<string, PropertyValue>): Row {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, toNeo4jValue(v)]));
}

/** Properties plus the markers that tell text-stated from background knowledge. */
function factProperties(fact: {
  properties: Record<string, PropertyValue>;
  source: 'text' | 'background';
  basis?: string | undefined;
  background: BackgroundSpec[];
}): Row {
  const backgroundProperties: string[] = [];
  const backgroundBases: string[] = [];
  if (fact.source === 'background') {
    for (const name of Object.keys(fact.properties)) {
      backgroundProperties.push(name);
      backgroundBases.push(fact.basis ?? '');
    }
  }
  const row: Row = { ...convert(fact.properties) };
  for (const entry of fact.background) {
    Object.assign(row, convert(entry.properties));
    for (const name of Object.keys(entry.properties)) {
      backgroundProperties.push(name);
      backgroundBases.push(entry.basis);
    }
  }
  row.source = fact.source;
  if (fact.basis !== undefined) row.basis = fact.basis;
  row.backgroundProperties = backgroundProperties;
  row.backgroundBases = backgroundBases;
  return row;
}

/** Name, aliases, description and title-like properties, once each, for the full-text index. */
export function searchText(parts: (string | undefined)[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const part of parts) {
    if (!part || seen.has(part.toLowerCase())) continue;
    seen.add(part.toLowerCase());
    kept.push(part);
  }
  return kept.join(' | ');
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
        properties: {
          key: p.key,
          documentKey: doc.key,
          index: int(p.index),
          kind: p.kind,
          name: p.name,
          ...(p.paragraph === undefined ? {} : { paragraph: int(p.paragraph) }),
          text: p.text,
          start: int(p.start),
          end: int(p.end),
          seed: seed.name,
        },
      });
    }
  }
  const docOffset = (e: EvidenceSpec) => passageStart.get(e.passage) ?? 0;

  const entities: EntityRow[] = [];
  const mentions: LinkRow[] = [];
  for (const entity of seed.entities) {
    const searchable = SEARCHABLE_PROPERTIES.map((name) => {
      const value =
        entity.properties[name] ??
        entity.background.find((b) => name in b.properties)?.properties[name];
      return typeof value === 'string' ? value : undefined;
    });
    entities.push({
      key: entity.key,
      kind: entity.kind,
      properties: {
        ...factProperties(entity),
        key: entity.key,
        name: entity.name,
        aliases: entity.aliases,
        ...(entity.description !== undefined ? { description: entity.description } : {}),
        searchText: searchText([entity.name, ...entity.aliases, ...searchable, entity.description]),
        seed: seed.name,
      },
    });
    for (const m of entity.mentions) {
      mentions.push({
        key: `${m.passage}@${m.start}-${m.end}>${entity.key}`,
        from: m.passage,
        to: entity.key,
        properties: {
          start: int(m.start),
          end: int(m.end),
          docStart: int(docOffset(m) + m.start),
          docEnd: int(docOffset(m) + m.end),
          quote: m.quote,
          seed: seed.name,
        },
      });
    }
  }

  const facts: FactRow[] = seed.relationships.map((fact) => {
    const key = `${fact.from}-${fact.type}->${fact.to}`;
    return {
      key,
      type: fact.type,
      from: fact.from,
      to: fact.to,
      properties: {
        ...factProperties(fact),
        key,
        evidencePassages: fact.evidence.map((e) => e.passage),
        evidenceQuotes: fact.evidence.map((e) => e.quote),
        evidenceStarts: fact.evidence.map((e) => int(e.start)),
        evidenceEnds: fact.evidence.map((e) => int(e.end)),
        evidenceDocStarts: fact.evidence.map((e) => int(docOffset(e) + e.start)),
        evidenceDocEnds: fact.evidence.map((e) => int(docOffset(e) + e.end)),
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
