/**
 * Turns an extraction and its resolution into the rows one ingestion writes: the document, its
 * passages, entities (new ones whole, matched ones only their new aliases), mentions, facts with
 * evidence, and review links. Pure. Every quote is checked against its passage first; a fact
 * whose quote does not match its offsets is left out and counted, never written.
 */
import neo4j from 'neo4j-driver';
import { evidenceLists, mentionKey, mentionProperties, type Quote } from '../../model/evidence.ts';
import {
  ENTITY_KINDS,
  FACT_TYPES,
  RELATIONSHIP_SPECS,
  factKey as keyOfFact,
  type EntityKind,
  type FactType,
} from '../../model/ontology.ts';
import { paragraphCount, passageKey, passageProperties } from '../../model/passages.ts';
import {
  int,
  searchableTexts,
  searchText,
  toNeo4jDate,
  withBackground,
  type Row,
} from '../../model/values.ts';
import type { PreparedDocument } from '../input.ts';
import type { EntityResolution } from '../resolve/resolve.ts';
import { DOCUMENT_REF, type Extraction, type Span } from '../extract/types.ts';

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

const KINDS: ReadonlySet<string> = new Set(ENTITY_KINDS);
const TYPES: ReadonlySet<string> = new Set(FACT_TYPES);

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
    properties: passageProperties({ ...p, key: passageKey(key, p.index), documentKey: key }),
  }));
  /** A verified span as a quote of its passage (a passage it names exists). */
  const quoteOf = (span: Span): Quote => ({
    ...span,
    passage: passageKey(key, span.passage),
    passageStart: passageOf(span.passage)?.start ?? 0,
  });

  const entities: EntityRow[] = [];
  const mentions: IngestPlan['mentions'] = [];
  const reviews: IngestPlan['reviews'] = [];
  const entityKeys = new Set<string>();
  for (const entity of extraction.entities) {
    const resolution = resolutions.get(entity.id);
    if (!resolution) continue;
    const spans = entity.mentions.filter((m) => verified(document, m));
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
        searchText: searchText([entity.name, ...searchableTexts(entity)]),
        source: spans.length > 0 ? 'text' : 'background',
        ...(spans.length > 0 ? {} : { basis: 'document metadata' }),
        confidence: entity.confidence,
        extractor: extraction.extractor,
        createdBy: key,
      },
    });
    entityKeys.add(resolution.key);
    for (const m of spans) {
      if (!passageOf(m.passage)) continue;
      const quote = quoteOf(m);
      mentions.push({
        key: mentionKey(quote, resolution.key),
        from: quote.passage,
        to: resolution.key,
        properties: {
          ...mentionProperties(quote),
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
    const factKey = keyOfFact(from, fact.type, to);
    // Two extracted entities resolved to one node can repeat a fact: keep the first.
    if (from === to || seen.has(factKey)) continue;
    seen.add(factKey);
    if (!TYPES.has(fact.type))
      throw new TypeError(`"${fact.type}" is not an ontology relationship type`);
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
      evidence: evidenceLists(fact.evidence.map(quoteOf)),
    });
  }

  return {
    document: {
      key,
      properties: {
        key,
        name: document.title,
        title: document.title,
        normalisedTitle: document.normalisedTitle,
        ...(document.url ? { url: document.url } : {}),
        ...(document.date ? { date: toNeo4jDate(document.date) } : {}),
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
