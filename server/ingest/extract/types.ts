/**
 * The extraction contract: what any extractor (the offline rule-based default, or a pluggable
 * one such as an LLM endpoint) returns for a prepared document. Ids are proposed graph keys;
 * entity resolution decides which existing node each one is. Offsets are into passage texts.
 */
import type { EntityKind, FactType } from '../../model/ontology.ts';
import type { PropertyValue } from '../../model/values.ts';
import type { PreparedDocument } from '../input.ts';

/** A supporting quote: passage index in the document, offsets into that passage, end exclusive. */
export interface Span {
  passage: number;
  start: number;
  end: number;
  quote: string;
}

export interface Background {
  properties: Record<string, PropertyValue>;
  basis: string;
}

export interface ExtractedEntity {
  /** Proposed key (`<prefix>:<slug>`); unique within one extraction. */
  id: string;
  kind: EntityKind;
  name: string;
  /** Other forms the document uses for it, and well-known ones (official name, acronym). */
  aliases: string[];
  properties: Record<string, PropertyValue>;
  /** Properties known without the text saying so (gazetteer codes), with their basis. */
  background: Background[];
  mentions: Span[];
  /** How sure the extractor is that this entity is real and of this kind, 0–1. */
  confidence: number;
}

/** The `from` or `to` of a fact that is the document itself (DESCRIBES, PUBLISHED). */
export const DOCUMENT_REF = '$document';

export interface ExtractedFact {
  type: FactType;
  from: string;
  to: string;
  properties: Record<string, PropertyValue>;
  evidence: Span[];
  confidence: number;
  /** "background" facts (from metadata, not the text) carry a basis and no evidence. */
  source: 'text' | 'background';
  basis?: string;
}

export interface Extraction {
  extractor: string;
  entities: ExtractedEntity[];
  facts: ExtractedFact[];
}

/** What the graph already knows that helps recognise names; an extractor may ignore it. */
export interface ExtractionHints {
  /** Names (and aliases) of persons in the graph: found in a text even with no office beside them. */
  personNames?: readonly string[];
}

export interface Extractor {
  readonly name: string;
  extract(document: PreparedDocument, hints?: ExtractionHints): Promise<Extraction>;
}
