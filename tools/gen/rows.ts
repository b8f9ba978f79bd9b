/**
 * The rows a generated graph is made of, in the shapes the seed loader writes (docs/MODEL.md):
 * entities with a kind label, documents, passages, facts with index-aligned evidence lists,
 * HAS_PASSAGE and MENTIONS {start, end, quote}. Integers are Neo4j Integers, dates Neo4j Dates.
 */
import neo4j from 'neo4j-driver';
import { searchText } from '../../server/model/values.ts';
import {
  DOCUMENT_LABEL,
  ENTITY_LABEL,
  HAS_PASSAGE,
  MENTIONS,
  PASSAGE_LABEL,
  SEARCHABLE_PROPERTIES,
  type EntityKind,
  type FactType,
} from '../../server/model/ontology.ts';
import type { Mention, Span } from './text.ts';

export type BaseLabel = typeof ENTITY_LABEL | typeof DOCUMENT_LABEL | typeof PASSAGE_LABEL;
export type Properties = Record<string, unknown>;

export interface NodeRow {
  label: BaseLabel;
  /** The entity's kind label; absent for documents and passages. */
  kind?: EntityKind;
  key: string;
  properties: Properties;
}

export interface RelationshipRow {
  type: FactType | typeof HAS_PASSAGE | typeof MENTIONS;
  fromLabel: BaseLabel;
  toLabel: BaseLabel;
  from: string;
  to: string;
  properties: Properties;
}

export const int = (n: number) => neo4j.int(n);
export const date = (year: number, month: number, day: number) =>
  new neo4j.types.Date(year, month, day);

/** Where a quote stands: its passage and the passage's offset in the document. */
export interface Evidence {
  passage: string;
  passageStart: number;
  span: Span;
}

/** An entity row: name, aliases and searchText as the seed loader sets them. */
export function entity(
  kind: EntityKind,
  key: string,
  name: string,
  aliases: readonly string[],
  properties: Properties,
  source: 'text' | 'background' = 'text',
): NodeRow {
  const searchable = SEARCHABLE_PROPERTIES.map((p) =>
    typeof properties[p] === 'string' ? (properties[p] as string) : undefined,
  );
  return {
    label: ENTITY_LABEL,
    kind,
    key,
    properties: {
      ...properties,
      key,
      name,
      aliases: [...aliases],
      searchText: searchText([name, ...aliases, ...searchable]),
      source,
      backgroundProperties: [],
      backgroundBases: [],
    },
  };
}

/** A fact between two entities (or an entity and a document) with its evidence lists. */
export function fact(
  type: FactType,
  from: string,
  to: string,
  properties: Properties,
  evidence: readonly Evidence[],
  ends: { fromLabel?: BaseLabel; toLabel?: BaseLabel } = {},
): RelationshipRow {
  const background = evidence.length === 0;
  return {
    type,
    fromLabel: ends.fromLabel ?? ENTITY_LABEL,
    toLabel: ends.toLabel ?? ENTITY_LABEL,
    from,
    to,
    properties: {
      ...properties,
      source: background ? 'background' : 'text',
      ...(background ? { basis: 'synthetic reference data' } : {}),
      backgroundProperties: [],
      backgroundBases: [],
      evidencePassages: evidence.map((e) => e.passage),
      evidenceQuotes: evidence.map((e) => e.span.quote),
      evidenceStarts: evidence.map((e) => int(e.span.start)),
      evidenceEnds: evidence.map((e) => int(e.span.end)),
      evidenceDocStarts: evidence.map((e) => int(e.passageStart + e.span.start)),
      evidenceDocEnds: evidence.map((e) => int(e.passageStart + e.span.end)),
    },
  };
}

export function hasPassage(document: string, passage: string): RelationshipRow {
  return {
    type: HAS_PASSAGE,
    fromLabel: DOCUMENT_LABEL,
    toLabel: PASSAGE_LABEL,
    from: document,
    to: passage,
    properties: {},
  };
}

export function mention(passage: string, passageStart: number, m: Mention): RelationshipRow {
  return {
    type: MENTIONS,
    fromLabel: PASSAGE_LABEL,
    toLabel: ENTITY_LABEL,
    from: passage,
    to: m.entity,
    properties: {
      start: int(m.start),
      end: int(m.end),
      docStart: int(passageStart + m.start),
      docEnd: int(passageStart + m.end),
      quote: m.quote,
    },
  };
}

/** A lower-case, hyphenated key part from a name. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
