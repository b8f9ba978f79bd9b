/**
 * The documents API's shapes (docs/INGESTION.md): ingested texts with their passages and the
 * facts they state. Defined once as zod schemas, registered as OpenAPI components; the types both
 * sides use are inferred from them.
 */
import { z } from 'zod';
import { EncodedValueSchema, GraphNodeSchema, GraphRelationshipSchema } from './explorer.ts';
import { component, count, elementId } from './registry.ts';

/** POST /api/documents: what one ingestion did. */
export const IngestResponseSchema = component(
  'IngestResponse',
  z.strictObject({
    status: z.enum(['created', 'replaced', 'unchanged']),
    key: z.string(),
    version: count,
    title: z.string(),
    sha256: z.string(),
    extractor: z.string(),
    passages: count,
    entities: z.strictObject({
      matched: count,
      created: count,
      doubtful: count,
      byKind: z.record(z.string(), count),
    }),
    mentions: count,
    facts: count,
    droppedFacts: count,
    /** Entities this document introduced that may be existing ones: recorded, not merged. */
    reviews: z.array(
      z.strictObject({
        entity: z.string(),
        name: z.string(),
        candidate: z.string(),
        candidateName: z.string(),
        score: z.number(),
        method: z.string(),
      }),
    ),
    ms: z.number(),
  }),
);
export type IngestResponse = z.infer<typeof IngestResponseSchema>;

const documentSummaryShape = {
  key: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  /** Publication date, YYYY-MM-DD. */
  date: z.string().nullable(),
  sha256: z.string().nullable(),
  version: count,
  /** ISO date-time of the last ingestion; null for seed documents. */
  ingestedAt: z.string().nullable(),
  /** The seed's name for documents the seed loads, else null. */
  seed: z.string().nullable(),
  passages: count,
};

export const DocumentSummarySchema = component(
  'DocumentSummary',
  z.strictObject(documentSummaryShape),
);
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

/** GET /api/documents */
export const DocumentListResponseSchema = component(
  'DocumentListResponse',
  z.strictObject({ documents: z.array(DocumentSummarySchema), total: count }),
);
export type DocumentListResponse = z.infer<typeof DocumentListResponseSchema>;

const DocumentEntityRefSchema = z.strictObject({
  key: z.string(),
  kind: z.string(),
  name: z.string(),
});
export type DocumentEntityRef = z.infer<typeof DocumentEntityRefSchema>;

const DocumentPassageSchema = z.strictObject({
  key: z.string(),
  index: count,
  kind: z.string(),
  name: z.string(),
  text: z.string(),
  start: count,
  end: count,
});
export type DocumentPassage = z.infer<typeof DocumentPassageSchema>;

const quoteShape = {
  passage: z.string(),
  start: count,
  end: count,
  quote: z.string(),
};
/** A quote in one of this document's passages; offsets into the passage text, end exclusive. */
const DocumentQuoteSchema = z.strictObject(quoteShape);
export type DocumentQuote = z.infer<typeof DocumentQuoteSchema>;

const DocumentFactSchema = z.strictObject({
  key: z.string(),
  type: z.string(),
  from: DocumentEntityRefSchema,
  to: DocumentEntityRefSchema,
  properties: z.record(z.string(), EncodedValueSchema),
  /** Highest confidence any document gave the fact (null for curated facts). */
  confidence: z.number().nullable(),
  /** Other sources that state the fact too: documents' keys, and the seed's name. */
  alsoStatedBy: z.array(z.string()),
  /** This document's quotes only. */
  evidence: z.array(DocumentQuoteSchema),
});
export type DocumentFact = z.infer<typeof DocumentFactSchema>;

/** GET /api/documents/:id/changes: what one document brought into the graph. */
export const DocumentChangesSchema = component(
  'DocumentChanges',
  z.strictObject({
    document: DocumentSummarySchema,
    /** The document's node, the entities it mentions or introduced, and the ends of its facts. */
    nodes: z.array(GraphNodeSchema),
    /** The facts it states, and its link to what it describes. */
    relationships: z.array(GraphRelationshipSchema),
    /** What no source had stated before this document: new entities and new facts. */
    added: z.strictObject({ nodes: z.array(elementId), relationships: z.array(elementId) }),
    /** Facts it states that another source (the seed, another document) states too. */
    confirmed: z.array(elementId),
    /** Its first passage, from which its text opens. */
    firstPassage: GraphNodeSchema.nullable(),
  }),
);
export type DocumentChanges = z.infer<typeof DocumentChangesSchema>;

/** GET /api/documents/:id */
export const DocumentDetailSchema = component(
  'DocumentDetail',
  z.strictObject({
    ...documentSummaryShape,
    text: z.string(),
    publisher: z.string().nullable(),
    extractor: z.string().nullable(),
    passageList: z.array(DocumentPassageSchema),
    mentions: z.array(z.strictObject({ ...quoteShape, entity: DocumentEntityRefSchema })),
    facts: z.array(DocumentFactSchema),
    reviews: z.array(
      z.strictObject({
        entity: DocumentEntityRefSchema,
        candidate: DocumentEntityRefSchema,
        score: z.number(),
        method: z.string(),
        status: z.string(),
      }),
    ),
  }),
);
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;
