/**
 * The explorer API's shapes (docs/API.md), each defined once as a zod schema: the server
 * validates requests with them, the OpenAPI document's components are generated from them, the
 * tests validate real responses with them, and the types both sides use are inferred from them.
 * Counts are JSON numbers; element ids are Neo4j element ids; values inside `properties` use
 * the lossless encoding of common/values.ts.
 */
import { z } from 'zod';
import type { EncodedValue } from '../values.ts';
import { component, count, elementId, storedElementId } from './registry.ts';

export type ElementId = string;

export const EncodedValueSchema: z.ZodType<EncodedValue> = component(
  'EncodedValue',
  z.lazy(() =>
    z.union([
      z.null(),
      z.boolean(),
      z.number(),
      z.string(),
      z.array(EncodedValueSchema),
      z.record(z.string(), EncodedValueSchema),
    ]),
  ),
  'A Neo4j value in the lossless JSON encoding (docs/API.md, "Values"): plain JSON for null, ' +
    'booleans, strings, lists, maps, safe integers and non-integral floats; an object with a "$type" ' +
    '(Integer, Float, Bytes, Map, Date, Time, LocalTime, DateTime, LocalDateTime, Duration, Point, ' +
    'Node, Relationship, Path) for everything else.',
);

const Properties = z.record(z.string(), EncodedValueSchema);

export const GraphNodeSchema = component(
  'GraphNode',
  z.strictObject({
    id: elementId,
    labels: z.array(z.string()),
    properties: Properties,
    /**
     * Made up by a procedure (`db.schema.visualization()`), not stored: its properties are all
     * there is, with no details or neighbours to look up (common/element-id.ts).
     */
    virtual: z
      .literal(true)
      .optional()
      .describe(
        'Made up by a procedure (db.schema.visualization()), not stored: nothing to look up.',
      ),
  }),
);
export type GraphNode = z.infer<typeof GraphNodeSchema>;

export const GraphRelationshipSchema = component(
  'GraphRelationship',
  z.strictObject({
    id: elementId,
    type: z.string(),
    start: elementId,
    end: elementId,
    properties: Properties,
    /** Made up by a procedure, not stored (see GraphNode.virtual). */
    virtual: z.literal(true).optional().describe('Made up by a procedure, not stored.'),
  }),
);
export type GraphRelationship = z.infer<typeof GraphRelationshipSchema>;

export const GraphDataSchema = component(
  'GraphData',
  z.strictObject({
    nodes: z.array(GraphNodeSchema),
    relationships: z.array(GraphRelationshipSchema),
  }),
);
export type GraphData = z.infer<typeof GraphDataSchema>;

/** RFC 9457 problem details, as every error response carries them. */
export const ProblemSchema = component(
  'Problem',
  z.looseObject({
    type: z.string().describe('Stable problem type URI; match on it, not on the text.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    /** Field-level violations of a request. */
    errors: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  }),
  'RFC 9457 problem details. Extensions by type: query-refused has `reason` (and `position`, ' +
    '`queryType` or `procedure` when they apply); query-syntax has `position` {line, column, offset} ' +
    'and Neo4j `code`.',
);
export type Problem = z.infer<typeof ProblemSchema>;

export const HealthResponseSchema = component(
  'HealthResponse',
  z.strictObject({
    status: z.enum(['ok', 'unavailable']),
    app: z.strictObject({ name: z.string(), version: z.string() }),
    neo4j: z.strictObject({
      reachable: z.boolean(),
      uri: z.string(),
      database: z.string(),
      version: z.string().optional(),
      edition: z.string().optional(),
      error: z.string().optional(),
    }),
  }),
);
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/** GET /api/graph/overview: a bounded first view of the database. */
export const OverviewResponseSchema = component(
  'OverviewResponse',
  z.strictObject({
    nodes: z.array(GraphNodeSchema),
    relationships: z.array(GraphRelationshipSchema),
    /** Total nodes in the database, so the client can say "80 of 2,345". */
    totalNodes: count,
    truncated: z.boolean(),
  }),
);
export type OverviewResponse = z.infer<typeof OverviewResponseSchema>;

/** A property as observed on a sample of the elements with that label or type. */
export const PropertySummarySchema = component(
  'PropertySummary',
  z.strictObject({
    key: z.string(),
    /** Neo4j type names seen, e.g. "STRING", "INTEGER", "LIST<STRING>", "POINT". */
    types: z.array(z.string()),
    /** How many of the sampled elements have it. */
    present: count,
  }),
);
export type PropertySummary = z.infer<typeof PropertySummarySchema>;

/** Which kinds of evidence this database carries, detected from its schema. */
export const EvidenceProfileSchema = component(
  'EvidenceProfile',
  z.strictObject({
    /** Relationship types from a text passage to what it mentions, with a `quote` (and offsets). */
    mentionTypes: z.array(z.string()),
    /** Labels of the nodes mentions start from. */
    passageLabels: z.array(z.string()),
    /** Relationship types whose relationships carry index-aligned evidence lists (`evidenceQuotes`…). */
    relationshipEvidenceTypes: z.array(z.string()),
    /** Elements say where they come from: `source` ("text" or "background") with a `basis`. */
    provenance: z.boolean(),
  }),
);
export type EvidenceProfile = z.infer<typeof EvidenceProfileSchema>;

/**
 * A property holding dates: Neo4j temporal values, text in one detected form, or (`year`) whole
 * years where the ontology declares them so. A number alone is never taken for a year.
 */
export const DatePropertySchema = component(
  'DateProperty',
  z.strictObject({
    label: z.string(),
    key: z.string(),
    form: z.enum(['temporal', 'iso', 'dmy', 'mdy', 'text', 'year']),
  }),
  'A property read as dates, and how: Neo4j temporal values, text in one detected form, or whole years where the ontology declares them.',
);
export type DateProperty = z.infer<typeof DatePropertySchema>;

const entityType = z.enum(['NODE', 'RELATIONSHIP']);

const LabelSummarySchema = z.strictObject({
  label: z.string(),
  count,
  /** How many nodes the property summary looked at (at most the schema sample size). */
  sampled: count,
  properties: z.array(PropertySummarySchema),
});
export type LabelSummary = z.infer<typeof LabelSummarySchema>;

const RelationshipTypeSummarySchema = z.strictObject({
  type: z.string(),
  count,
  sampled: count,
  properties: z.array(PropertySummarySchema),
});
export type RelationshipTypeSummary = z.infer<typeof RelationshipTypeSummarySchema>;

const IndexSummarySchema = z.strictObject({
  name: z.string(),
  /** RANGE, TEXT, POINT, FULLTEXT, VECTOR or LOOKUP. */
  type: z.string(),
  entityType,
  labelsOrTypes: z.array(z.string()),
  properties: z.array(z.string()),
  state: z.string(),
  owningConstraint: z.string().nullable(),
  /** Full-text indexes: the analyzer (e.g. "standard-folding" folds diacritics). */
  analyzer: z.string().optional(),
});
export type IndexSummary = z.infer<typeof IndexSummarySchema>;

const ConstraintSummarySchema = z.strictObject({
  name: z.string(),
  type: z.string(),
  entityType,
  labelsOrTypes: z.array(z.string()),
  properties: z.array(z.string()),
});
export type ConstraintSummary = z.infer<typeof ConstraintSummarySchema>;

/** (start)-[type]->(end) occurs in the data, by label. */
const SchemaEdgeSchema = z.strictObject({ start: z.string(), type: z.string(), end: z.string() });
export type SchemaEdge = z.infer<typeof SchemaEdgeSchema>;

/** GET /api/schema */
export const SchemaResponseSchema = component(
  'SchemaResponse',
  z.strictObject({
    database: z.string(),
    totals: z.strictObject({ nodes: count, relationships: count }),
    labels: z.array(LabelSummarySchema),
    relationshipTypes: z.array(RelationshipTypeSummarySchema),
    propertyKeys: z.array(z.string()),
    indexes: z.array(IndexSummarySchema),
    constraints: z.array(ConstraintSummarySchema),
    /** The schema graph: which labels connect through which relationship types. */
    graph: z.strictObject({ edges: z.array(SchemaEdgeSchema) }),
    evidence: EvidenceProfileSchema,
    /** Elements sampled per label and per type for the property summaries. */
    sampleSize: count,
    /** Per label, the property keys its captions are made of (common/caption.ts). */
    captions: z.record(z.string(), z.array(z.string())),
    /** Properties that hold dates, with the written form detected for text (common/dates.ts). */
    dates: z.array(DatePropertySchema),
  }),
);
export type SchemaResponse = z.infer<typeof SchemaResponseSchema>;

const SearchHitSchema = z.strictObject({
  node: GraphNodeSchema,
  /** Higher is better; comparable within one response only. */
  score: z.number(),
  /** The property text that matched, when it can be told. */
  match: z.strictObject({ property: z.string(), text: z.string() }).nullable(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** GET /api/search */
export const SearchResponseSchema = component(
  'SearchResponse',
  z.strictObject({
    query: z.string(),
    /** "fulltext": Neo4j full-text index(es); "scan": bounded property scan (no usable index). */
    mode: z.enum(['fulltext', 'scan']),
    /** Full-text indexes queried (empty in scan mode). */
    indexes: z.array(z.string()),
    hits: z.array(SearchHitSchema),
    limit: count,
    /** Scan mode only: the scan stopped at its bound, so matches beyond it were not seen. */
    partial: z.boolean(),
    /** Scan mode: the labels searched only in part, with how many of their nodes were looked at. */
    partialLabels: z.array(z.strictObject({ label: z.string(), scanned: count, count })),
    /** How hits were found beyond the exact text: "words" (all words, any property), "typo". */
    fallback: z.enum(['words', 'typo']).nullable(),
  }),
);
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

/** Provenance of a node or relationship, where the graph records it. */
export const ProvenanceSchema = component(
  'Provenance',
  z.strictObject({
    /** "text" (stated in a document) or "background" (outside knowledge). */
    source: z.string(),
    basis: z.string().nullable(),
  }),
);
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** One supporting quote. Offsets count UTF-16 code units in the passage text, end exclusive. */
export const EvidenceQuoteSchema = component(
  'EvidenceQuote',
  z.strictObject({
    passageId: elementId.nullable(),
    passageKey: z.string().nullable(),
    quote: z.string().nullable(),
    start: z.number().int().nullable(),
    end: z.number().int().nullable(),
    /** The mention relationship that carries the quote, for node evidence. */
    relationshipId: elementId.nullable(),
  }),
  'One supporting quote; offsets count UTF-16 code units in the passage text, end exclusive.',
);
export type EvidenceQuote = z.infer<typeof EvidenceQuoteSchema>;

export const EvidenceBundleSchema = component(
  'EvidenceBundle',
  z.strictObject({
    quotes: z.array(EvidenceQuoteSchema),
    /** The passages quoted, once each. */
    passages: z.array(GraphNodeSchema),
    /** All quotes there are (quotes may be capped). */
    total: count,
  }),
  'Supporting quotes with the passages they quote, once each; total counts every quote.',
);
export type EvidenceBundle = z.infer<typeof EvidenceBundleSchema>;

const DegreeCountSchema = z.strictObject({
  type: z.string(),
  direction: z.enum(['out', 'in']),
  count,
});
export type DegreeCount = z.infer<typeof DegreeCountSchema>;

/** GET /api/nodes/:id */
export const NodeResponseSchema = component(
  'NodeResponse',
  z.strictObject({
    node: GraphNodeSchema,
    degree: z.strictObject({ total: count, byType: z.array(DegreeCountSchema) }),
    /** Null when the database has no evidence of this kind. */
    evidence: EvidenceBundleSchema.nullable(),
    provenance: ProvenanceSchema.nullable(),
  }),
);
export type NodeResponse = z.infer<typeof NodeResponseSchema>;

/** GET /api/relationships/:id */
export const RelationshipResponseSchema = component(
  'RelationshipResponse',
  z.strictObject({
    relationship: GraphRelationshipSchema,
    /** The quotes in its evidence lists with their passages; null when it keeps no evidence. */
    evidence: EvidenceBundleSchema.nullable(),
    provenance: ProvenanceSchema.nullable(),
  }),
);
export type RelationshipResponse = z.infer<typeof RelationshipResponseSchema>;

/** GET /api/nodes/:id/neighbours */
export const NeighboursResponseSchema = component(
  'NeighboursResponse',
  z.strictObject({
    node: GraphNodeSchema,
    /** Matching relationships in all, so a client can say "100 of 2,345". */
    total: count,
    skip: count,
    limit: count,
    /** Neighbours on this page, in the page's order (a node may appear once for several relationships). */
    nodes: z.array(GraphNodeSchema),
    /** Relationships on this page, in a stable order: type, then element id. */
    relationships: z.array(GraphRelationshipSchema),
    hasMore: z.boolean(),
  }),
);
export type NeighboursResponse = z.infer<typeof NeighboursResponseSchema>;

/** The most references one resolve request may carry. */
export const RESOLVE_MAX_NODES = 5000;
export const RESOLVE_MAX_RELATIONSHIPS = 20_000;

const Name = z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters');

/**
 * A node named so that a link outlives a reload of the database: by a property that a uniqueness
 * or node-key constraint guarantees for one of its labels, or else by its element id.
 */
const NodeRefSchema = component(
  'NodeRef',
  z.union(
    [
      z.strictObject({ id: storedElementId }),
      z.strictObject({
        label: Name,
        property: Name,
        value: z.union([z.string(), z.number().finite(), z.boolean()]),
      }),
    ],
    { error: 'must be {id} or {label, property, value}' },
  ),
  'A node by a property a uniqueness or node-key constraint guarantees for one of its labels, ' +
    'or by its element id.',
);
export type NodeRef = z.infer<typeof NodeRefSchema>;

/** A relationship by its ends (indexes into the request's nodes) and type; its id picks among parallels. */
const RelationshipRefSchema = z.strictObject({
  start: count.describe('Index of the start node in nodes'),
  end: count.describe('Index of the end node in nodes'),
  type: Name,
  id: storedElementId.optional(),
});
export type RelationshipRef = z.infer<typeof RelationshipRefSchema>;

/** POST /api/nodes/resolve */
export const ResolveRequestSchema = component(
  'ResolveRequest',
  z
    .strictObject({
      nodes: z.array(NodeRefSchema).max(RESOLVE_MAX_NODES, `at most ${RESOLVE_MAX_NODES} nodes`),
      relationships: z
        .array(RelationshipRefSchema)
        .max(RESOLVE_MAX_RELATIONSHIPS, `at most ${RESOLVE_MAX_RELATIONSHIPS} relationships`)
        .default([]),
    })
    .superRefine((body, ctx) => {
      body.relationships.forEach((rel, i) => {
        for (const end of ['start', 'end'] as const) {
          if (rel[end] >= body.nodes.length)
            ctx.addIssue({
              code: 'custom',
              path: ['relationships', i, end],
              message: `names node ${rel[end]}, but there are ${body.nodes.length} nodes`,
            });
        }
      });
    }),
  undefined,
  'input',
);
export type ResolveRequest = z.input<typeof ResolveRequestSchema>;

/** The current elements for the references, in their order; null where none (or more than one) matches. */
export const ResolveResponseSchema = component(
  'ResolveResponse',
  z.strictObject({
    nodes: z.array(GraphNodeSchema.nullable()),
    relationships: z.array(GraphRelationshipSchema.nullable()),
    /** Indexes of the references that found nothing. */
    unresolved: z.strictObject({ nodes: z.array(count), relationships: z.array(count) }),
  }),
  'The current element for each reference, in request order; null (and its index in unresolved) ' +
    'where nothing, or more than one node, matches.',
);
export type ResolveResponse = z.infer<typeof ResolveResponseSchema>;

/** GET /api/labels/:label/nodes: a page of the nodes with one label, in caption order. */
export const LabelNodesResponseSchema = component(
  'LabelNodesResponse',
  z.strictObject({
    label: z.string(),
    /** Nodes with the label in all, so a client can say "100 of 2,345". */
    total: count,
    skip: count,
    limit: count,
    /** The caption properties the page is ordered by, then element id; empty: element id only. */
    orderedBy: z.array(z.string()),
    nodes: z.array(GraphNodeSchema),
    hasMore: z.boolean(),
  }),
);
export type LabelNodesResponse = z.infer<typeof LabelNodesResponseSchema>;

const PathHopSchema = z.strictObject({
  relationship: elementId,
  from: elementId,
  to: elementId,
  /** The hop walks the relationship against its direction. */
  reversed: z.boolean(),
  evidence: z.array(EvidenceQuoteSchema),
  provenance: ProvenanceSchema.nullable(),
});
export type PathHop = z.infer<typeof PathHopSchema>;

const FoundPathSchema = z.strictObject({
  length: count,
  nodes: z.array(elementId),
  relationships: z.array(elementId),
  hops: z.array(PathHopSchema),
});
export type FoundPath = z.infer<typeof FoundPathSchema>;

/** GET /api/paths */
export const PathsResponseSchema = component(
  'PathsResponse',
  z.strictObject({
    from: GraphNodeSchema,
    to: GraphNodeSchema,
    maxLength: count,
    k: count,
    /** Shortest first; empty when none exists within maxLength (see message). */
    paths: z.array(FoundPathSchema),
    nodes: z.array(GraphNodeSchema),
    relationships: z.array(GraphRelationshipSchema),
    /** Passages quoted by the hops' evidence. */
    passages: z.array(GraphNodeSchema),
    /** Relationship types not walked (evidence links such as mentions). */
    excludedTypes: z.array(z.string()),
    message: z.string().nullable(),
  }),
);
export type PathsResponse = z.infer<typeof PathsResponseSchema>;

/** 1-based line and column, 0-based offset, in the submitted query text. */
const CypherPositionSchema = z.strictObject({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  offset: count,
});
export type CypherPosition = z.infer<typeof CypherPositionSchema>;

const CypherNotificationSchema = z.strictObject({
  code: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.string(),
  position: CypherPositionSchema.nullable(),
});
export type CypherNotification = z.infer<typeof CypherNotificationSchema>;

/** The longest query text the console accepts. */
export const CYPHER_QUERY_MAX_LENGTH = 100_000;

/** POST /api/cypher */
export const CypherRequestSchema = component(
  'CypherRequest',
  z.strictObject({
    query: z
      .string({ error: 'is required: the Cypher text to run' })
      .max(CYPHER_QUERY_MAX_LENGTH, `must be at most ${CYPHER_QUERY_MAX_LENGTH} characters`)
      .refine((q) => q.trim().length > 0, 'must not be empty'),
    /** Parameters in the value encoding (common/values.ts); integral numbers are Integers. */
    params: z.record(z.string().min(1), EncodedValueSchema).default({}),
  }),
  undefined,
  'input',
);
export type CypherRequest = z.input<typeof CypherRequestSchema>;

export const CypherResponseSchema = component(
  'CypherResponse',
  z.strictObject({
    columns: z.array(z.string()),
    /** One array per record, values in column order, encoded. */
    rows: z.array(z.array(EncodedValueSchema)),
    /** Every node and relationship found anywhere in the rows (paths, lists, maps), once each. */
    graph: GraphDataSchema,
    /** The row cap stopped the stream: more rows exist. */
    truncated: z.boolean(),
    rowCap: count,
    summary: z.strictObject({
      /** Always "r": the console only runs reads. */
      queryType: z.string(),
      resultAvailableAfterMs: z.number().nullable(),
      resultConsumedAfterMs: z.number().nullable(),
      /** Wall-clock time on the server, including the plan check. */
      elapsedMs: z.number(),
      notifications: z.array(CypherNotificationSchema),
    }),
  }),
);
export type CypherResponse = z.infer<typeof CypherResponseSchema>;

/** Why the console refused a query (problem type query-refused, extension `reason`). */
export const QueryRefusalReasonSchema = z.enum([
  'write',
  'schema',
  'admin',
  'load-csv',
  'multiple-statements',
  'use',
  'in-transactions',
  'procedure',
  'explain-profile',
  'empty',
]);
export type QueryRefusalReason = z.infer<typeof QueryRefusalReasonSchema>;
