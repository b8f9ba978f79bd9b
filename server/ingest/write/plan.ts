/**
 * Turns an extraction and its resolution into the rows one ingestion writes: the document, its
 * passages, entities (new ones whole, matched ones only their new aliases), mentions, facts with
 * evidence, and review links. Pure. Every quote is checked against its passage first; a fact
 * whose quote does not match its offsets is left out and counted, never written.
 */
import neo4j from 'neo4j-driver';
import { paragraphCount, passageKey } from '../../seed/passages.ts';
import {
  ENTITY_KINDS,
  FACT_TYPES,
  RELATIONSHIP_SPECS,
  SEARCHABLE_PROPERTIES,
  type EntityKind,
  type FactType,
} from '../../seed/ontology.ts';
import { searchText, toNeo4jValue } from '../../seed/plan.ts';
import type { PropertyValue } from '../../seed/schema.ts';
import type { PreparedDocument } from '../input.ts';
import type { EntityResolution } from '../resolve/resolve.ts';
import { DOCUMENT_REF, type Background, type Extraction, type Span } from '../extract/types.ts';

type Row = Record<string, unknown>;

export interface EntityRow {
  key: string;
  /** An ontology kind: the label the statement sets dynamically. */
  kind: EntityKind;
  aliases: string[];
  mentioned: boolean;
  properties: Row;
}

export interface FactRow {
  /** An ontology type: the relationship type the statement uses dynamically. */
  type: FactType;
  key: string;
  from: string;
  to: string;
  properties: Row;
  evidence: Record<string, unknown[]>;
  confidence: number;
}

export interface IngestPlan {
  document: { key: string; properties: Row };
  passages: { properties: Row }[];
  entities: EntityRow[];
  mentions: { key: string; from: string; to: string; properties: Row }[];
  facts: FactRow[];
  reviews: { from: string; to: string; properties: Row }[];
  /** Every entity this version touches (for withdrawing it when a new version comes). */
  entityKeys: string[];
  /** Facts left out because a quote did not match its offsets. */
  droppedFacts: number;
}

export interface PlanInput {
  document: PreparedDocument;
  key: string;
  version: number;
  extraction: Extraction;
  resolutions: ReadonlyMap<string, EntityResolution>;
  /** `from|type|to` of symmetric facts the graph already stores in the other direction. */
  reversed: ReadonlySet<string>;
  ingestedAt: Date;
}

const int = (n: number) => neo4j.int(n);
const KINDS: ReadonlySet<string> = new Set(ENTITY_KINDS);
const TYPES: ReadonlySet<string> = new Set(FACT_TYPES);

function convert(properties: Record<string, PropertyValue>): Row {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, toNeo4jValue(v)]));
}

/** Properties plus the background markers the seed uses (names and bases, index-aligned). */
function withBackground(properties: Record<string, PropertyValue>, background: Background[]): Row {
  const row: Row = convert(properties);
  const names: string[] = [];
  const bases: string[] = [];
  for (const entry of background) {
    Object.assign(row, convert(entry.properties));
    for (const name of Object.keys(entry.properties)) {
      names.push(name);
      bases.push(entry.basis);
    }
  }
  row.backgroundProperties = names;
  row.backgroundBases = bases;
  return row;
}

function verified(document: PreparedDocument, span: Span): boolean {
  const passage = document.passages[span.passage];
  return (
    passage !== undefined &&
    span.end > span.start &&
    passage.text.slice(span.start, span.end) === span.quote
  );
}

export function planIngestion(input: PlanInput): IngestPlan {
  const { document, key, extraction, resolutions } = input;
  const passageOf = (index: number) => document.passages[index];
  const keyOf = (id: string) => (id === DOCUMENT_REF ? key : (resolutions.get(id)?.key ?? id));

  const passages = document.passages.map((p) => ({
    properties: {
      key: passageKey(key, p.index),
      documentKey: key,
      index: int(p.index),
      kind: p.kind,
      name: p.name,
      ...(p.paragraph === undefined ? {} : { paragraph: int(p.paragraph) }),
      text: p.text,
      start: int(p.start),
      end: int(p.end),
    },
  }));

  const entities: EntityRow[] = [];
  const mentions: IngestPlan['mentions'] = [];
  const reviews: IngestPlan['reviews'] = [];
  const entityKeys = new Set<string>();
  for (const entity of extraction.entities) {
    const resolution = resolutions.get(entity.id);
    if (!resolution) continue;
    const spans = entity.mentions.filter((m) => verified(document, m));
    const searchable = SEARCHABLE_PROPERTIES.map((name) => {
      const value =
        entity.properties[name] ??
        entity.background.find((b) => name in b.properties)?.properties[name];
      return typeof value === 'string' ? value : undefined;
    });
    if (!KINDS.has(entity.kind)) throw new TypeError(`"${entity.kind}" is not an ontology kind`);
    entities.push({
      kind: entity.kind,
      key: resolution.key,
      aliases: entity.aliases,
      mentioned: spans.length > 0,
      properties: {
        ...withBackground(entity.properties, entity.background),
        key: resolution.key,
        name: entity.name,
        searchText: searchText([entity.name, ...searchable]),
        source: spans.length > 0 ? 'text' : 'background',
        ...(spans.length > 0 ? {} : { basis: 'document metadata' }),
        confidence: entity.confidence,
        extractor: extraction.extractor,
        createdBy: key,
      },
    });
    entityKeys.add(resolution.key);
    for (const m of spans) {
      const passage = passageOf(m.passage);
      if (!passage) continue;
      const from = passageKey(key, m.passage);
      mentions.push({
        key: `${from}@${m.start}-${m.end}>${resolution.key}`,
        from,
        to: resolution.key,
        properties: {
          start: int(m.start),
          end: int(m.end),
          docStart: int(passage.start + m.start),
          docEnd: int(passage.start + m.end),
          quote: m.quote,
          document: key,
          resolution: resolution.method,
          ...(resolution.status === 'matched' ? { matchScore: resolution.score } : {}),
        },
      });
    }
    if (resolution.status === 'doubtful' && resolution.candidate) {
      reviews.push({
        from: resolution.key,
        to: resolution.candidate,
        properties: {
          score: resolution.score,
          method: resolution.method,
          document: key,
          surface: entity.name,
        },
      });
    }
  }

  const facts: FactRow[] = [];
  const seen = new Set<string>();
  let droppedFacts = 0;
  for (const fact of extraction.facts) {
    if (!fact.evidence.every((e) => verified(document, e))) {
      droppedFacts += 1;
      continue;
    }
    let from = keyOf(fact.from);
    let to = keyOf(fact.to);
    // A symmetric fact the graph holds the other way round is the same fact: add to that one.
    if (
      'symmetric' in RELATIONSHIP_SPECS[fact.type] &&
      input.reversed.has(`${from}|${fact.type}|${to}`)
    ) {
      [from, to] = [to, from];
    }
    const factKey = `${from}-${fact.type}->${to}`;
    // Two extracted entities resolved to one node can repeat a fact: keep the first.
    if (from === to || seen.has(factKey)) continue;
    seen.add(factKey);
    if (!TYPES.has(fact.type))
      throw new TypeError(`"${fact.type}" is not an ontology relationship type`);
    const docOffset = (e: Span) => passageOf(e.passage)?.start ?? 0;
    facts.push({
      type: fact.type,
      key: factKey,
      from,
      to,
      confidence: fact.confidence,
      properties: {
        ...withBackground(fact.properties, []),
        key: factKey,
        source: fact.source,
        ...(fact.basis ? { basis: fact.basis } : {}),
        extractor: extraction.extractor,
      },
      evidence: {
        evidencePassages: fact.evidence.map((e) => passageKey(key, e.passage)),
        evidenceQuotes: fact.evidence.map((e) => e.quote),
        evidenceStarts: fact.evidence.map((e) => int(e.start)),
        evidenceEnds: fact.evidence.map((e) => int(e.end)),
        evidenceDocStarts: fact.evidence.map((e) => int(docOffset(e) + e.start)),
        evidenceDocEnds: fact.evidence.map((e) => int(docOffset(e) + e.end)),
      },
    });
  }

  const [year, month, day] = (document.date ?? '').split('-').map(Number);
  return {
    document: {
      key,
      properties: {
        key,
        name: document.title,
        title: document.title,
        normalisedTitle: document.normalisedTitle,
        ...(document.url ? { url: document.url } : {}),
        ...(document.date ? { date: new neo4j.types.Date(year ?? 0, month ?? 0, day ?? 0) } : {}),
        ...(document.publisher ? { publisher: document.publisher } : {}),
        language: document.language,
        format: document.format,
        text: document.text,
        sha256: document.sha256,
        version: int(input.version),
        paragraphCount: int(paragraphCount(document.passages)),
        ingestedAt: neo4j.types.DateTime.fromStandardDate(input.ingestedAt),
        extractor: extraction.extractor,
        entityKeys: [...entityKeys],
      },
    },
    passages,
    entities,
    mentions,
    facts,
    reviews,
    entityKeys: [...entityKeys],
    droppedFacts,
  };
}
