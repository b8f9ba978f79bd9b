/**
 * The response shapes of common/api.ts as zod schemas: the OpenAPI document's components are
 * generated from them, and the API tests validate real responses with them, so the document
 * and the implementation cannot drift apart. Compile-time checks at the end tie each schema to
 * its TypeScript type in both directions.
 */
import { z } from 'zod';
import type * as Api from '../../common/api.ts';
import type { EncodedValue } from '../../common/values.ts';

export const registry = z.registry<{ id: string; description?: string }>();

function component<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  registry.add(schema, description ? { id, description } : { id });
  return schema;
}

const count = z.number().int().min(0);
const elementId = z
  .string()
  .describe('A Neo4j element id, e.g. "4:2f5c…:12"; URL-encode it in paths.');

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
    virtual: z
      .literal(true)
      .optional()
      .describe(
        'Made up by a procedure (db.schema.visualization()), not stored: nothing to look up.',
      ),
  }),
);

export const GraphRelationshipSchema = component(
  'GraphRelationship',
  z.strictObject({
    id: elementId,
    type: z.string(),
    start: elementId,
    end: elementId,
    properties: Properties,
    virtual: z.literal(true).optional().describe('Made up by a procedure, not stored.'),
  }),
);

export const GraphDataSchema = component(
  'GraphData',
  z.strictObject({
    nodes: z.array(GraphNodeSchema),
    relationships: z.array(GraphRelationshipSchema),
  }),
);

export const ProblemSchema = component(
  'Problem',
  z.looseObject({
    type: z.string().describe('Stable problem type URI; match on it, not on the text.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  }),
  'RFC 9457 problem details. Extensions by type: query-refused has `reason` (and `position`, ' +
    '`queryType` or `procedure` when they apply); query-syntax has `position` {line, column, offset} ' +
    'and Neo4j `code`.',
);

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

export const OverviewResponseSchema = component(
  'OverviewResponse',
  z.strictObject({
    nodes: z.array(GraphNodeSchema),
    relationships: z.array(GraphRelationshipSchema),
    totalNodes: count,
    truncated: z.boolean(),
  }),
);

const PropertySummarySchema = component(
  'PropertySummary',
  z.strictObject({ key: z.string(), types: z.array(z.string()), present: count }),
);

const EvidenceProfileSchema = component(
  'EvidenceProfile',
  z.strictObject({
    mentionTypes: z.array(z.string()),
    passageLabels: z.array(z.string()),
    relationshipEvidenceTypes: z.array(z.string()),
    provenance: z.boolean(),
  }),
);

export const DatePropertySchema = component(
  'DateProperty',
  z.strictObject({
    label: z.string(),
    key: z.string(),
    form: z.enum(['temporal', 'iso', 'dmy', 'mdy', 'text', 'year']),
  }),
  'A property read as dates, and how: Neo4j temporal values, text in one detected form, or whole years where the ontology declares them.',
);

const entityType = z.enum(['NODE', 'RELATIONSHIP']);

export const SchemaResponseSchema = component(
  'SchemaResponse',
  z.strictObject({
    database: z.string(),
    totals: z.strictObject({ nodes: count, relationships: count }),
    labels: z.array(
      z.strictObject({
        label: z.string(),
        count,
        sampled: count,
        properties: z.array(PropertySummarySchema),
      }),
    ),
    relationshipTypes: z.array(
      z.strictObject({
        type: z.string(),
        count,
        sampled: count,
        properties: z.array(PropertySummarySchema),
      }),
    ),
    propertyKeys: z.array(z.string()),
    indexes: z.array(
      z.strictObject({
        name: z.string(),
        type: z.string(),
        entityType,
        labelsOrTypes: z.array(z.string()),
        properties: z.array(z.string()),
        state: z.string(),
        owningConstraint: z.string().nullable(),
        analyzer: z.string().optional(),
      }),
    ),
    constraints: z.array(
      z.strictObject({
        name: z.string(),
        type: z.string(),
        entityType,
        labelsOrTypes: z.array(z.string()),
        properties: z.array(z.string()),
      }),
    ),
    graph: z.strictObject({
      edges: z.array(z.strictObject({ start: z.string(), type: z.string(), end: z.string() })),
    }),
    evidence: EvidenceProfileSchema,
    sampleSize: count,
    captions: z.record(z.string(), z.array(z.string())),
    dates: z.array(DatePropertySchema),
  }),
);

export const SearchResponseSchema = component(
  'SearchResponse',
  z.strictObject({
    query: z.string(),
    mode: z.enum(['fulltext', 'scan']),
    indexes: z.array(z.string()),
    hits: z.array(
      z.strictObject({
        node: GraphNodeSchema,
        score: z.number(),
        match: z.strictObject({ property: z.string(), text: z.string() }).nullable(),
      }),
    ),
    limit: count,
    partial: z.boolean(),
    partialLabels: z.array(z.strictObject({ label: z.string(), scanned: count, count })),
    fallback: z.enum(['words', 'typo']).nullable(),
  }),
);

export const ProvenanceSchema = component(
  'Provenance',
  z.strictObject({ source: z.string(), basis: z.string().nullable() }),
);

export const EvidenceQuoteSchema = component(
  'EvidenceQuote',
  z.strictObject({
    passageId: elementId.nullable(),
    passageKey: z.string().nullable(),
    quote: z.string().nullable(),
    start: z.number().int().nullable(),
    end: z.number().int().nullable(),
    relationshipId: elementId.nullable(),
  }),
  'One supporting quote; offsets count UTF-16 code units in the passage text, end exclusive.',
);

export const EvidenceBundleSchema = component(
  'EvidenceBundle',
  z.strictObject({
    quotes: z.array(EvidenceQuoteSchema),
    passages: z.array(GraphNodeSchema),
    total: count,
  }),
  'Supporting quotes with the passages they quote, once each; total counts every quote.',
);

export const NodeResponseSchema = component(
  'NodeResponse',
  z.strictObject({
    node: GraphNodeSchema,
    degree: z.strictObject({
      total: count,
      byType: z.array(
        z.strictObject({ type: z.string(), direction: z.enum(['out', 'in']), count }),
      ),
    }),
    evidence: EvidenceBundleSchema.nullable(),
    provenance: ProvenanceSchema.nullable(),
  }),
);

export const RelationshipResponseSchema = component(
  'RelationshipResponse',
  z.strictObject({
    relationship: GraphRelationshipSchema,
    evidence: EvidenceBundleSchema.nullable(),
    provenance: ProvenanceSchema.nullable(),
  }),
);

export const NeighboursResponseSchema = component(
  'NeighboursResponse',
  z.strictObject({
    node: GraphNodeSchema,
    total: count,
    skip: count,
    limit: count,
    nodes: z.array(GraphNodeSchema),
    relationships: z.array(GraphRelationshipSchema),
    hasMore: z.boolean(),
  }),
);

export const PathsResponseSchema = component(
  'PathsResponse',
  z.strictObject({
    from: GraphNodeSchema,
    to: GraphNodeSchema,
    maxLength: count,
    k: count,
    paths: z.array(
      z.strictObject({
        length: count,
        nodes: z.array(elementId),
        relationships: z.array(elementId),
        hops: z.array(
          z.strictObject({
            relationship: elementId,
            from: elementId,
            to: elementId,
            reversed: z.boolean(),
            evidence: z.array(EvidenceQuoteSchema),
            provenance: ProvenanceSchema.nullable(),
          }),
        ),
      }),
    ),
    nodes: z.array(GraphNodeSchema),
    relationships: z.array(GraphRelationshipSchema),
    passages: z.array(GraphNodeSchema),
    excludedTypes: z.array(z.string()),
    message: z.string().nullable(),
  }),
);

const PositionSchema = z.strictObject({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  offset: count,
});

const NodeRefSchema = component(
  'NodeRef',
  z.union([
    z.strictObject({ id: elementId }),
    z.strictObject({
      label: z.string(),
      property: z.string(),
      value: z.union([z.string(), z.number(), z.boolean()]),
    }),
  ]),
  'A node by a property a uniqueness or node-key constraint guarantees for one of its labels, ' +
    'or by its element id.',
);

export const ResolveRequestSchema = component(
  'ResolveRequest',
  z.strictObject({
    nodes: z.array(NodeRefSchema),
    relationships: z.array(
      z.strictObject({
        start: count.describe('Index of the start node in nodes'),
        end: count.describe('Index of the end node in nodes'),
        type: z.string(),
        id: elementId.optional(),
      }),
    ),
  }),
);

export const ResolveResponseSchema = component(
  'ResolveResponse',
  z.strictObject({
    nodes: z.array(GraphNodeSchema.nullable()),
    relationships: z.array(GraphRelationshipSchema.nullable()),
    unresolved: z.strictObject({ nodes: z.array(count), relationships: z.array(count) }),
  }),
  'The current element for each reference, in request order; null (and its index in unresolved) ' +
    'where nothing, or more than one node, matches.',
);

export const CypherRequestSchema = component(
  'CypherRequest',
  z.strictObject({
    query: z.string(),
    params: z.record(z.string(), EncodedValueSchema).optional(),
  }),
);

export const CypherResponseSchema = component(
  'CypherResponse',
  z.strictObject({
    columns: z.array(z.string()),
    rows: z.array(z.array(EncodedValueSchema)),
    graph: GraphDataSchema,
    truncated: z.boolean(),
    rowCap: count,
    summary: z.strictObject({
      queryType: z.string(),
      resultAvailableAfterMs: z.number().nullable(),
      resultConsumedAfterMs: z.number().nullable(),
      elapsedMs: z.number(),
      notifications: z.array(
        z.strictObject({
          code: z.string(),
          title: z.string(),
          description: z.string(),
          severity: z.string(),
          position: PositionSchema.nullable(),
        }),
      ),
    }),
  }),
);

// Each schema's output and its common/api.ts type must be assignable both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type ApiSchemasMatch = [
  Check<Same<z.infer<typeof GraphNodeSchema>, Api.GraphNode>>,
  Check<Same<z.infer<typeof GraphRelationshipSchema>, Api.GraphRelationship>>,
  Check<Same<z.infer<typeof HealthResponseSchema>, Api.HealthResponse>>,
  Check<Same<z.infer<typeof OverviewResponseSchema>, Api.OverviewResponse>>,
  Check<Same<z.infer<typeof SchemaResponseSchema>, Api.SchemaResponse>>,
  Check<Same<z.infer<typeof SearchResponseSchema>, Api.SearchResponse>>,
  Check<Same<z.infer<typeof NodeResponseSchema>, Api.NodeResponse>>,
  Check<Same<z.infer<typeof RelationshipResponseSchema>, Api.RelationshipResponse>>,
  Check<Same<z.infer<typeof NeighboursResponseSchema>, Api.NeighboursResponse>>,
  Check<Same<z.infer<typeof PathsResponseSchema>, Api.PathsResponse>>,
  Check<Same<z.infer<typeof ResolveRequestSchema>, Api.ResolveRequest>>,
  Check<Same<z.infer<typeof ResolveResponseSchema>, Api.ResolveResponse>>,
  Check<Same<z.infer<typeof CypherRequestSchema>, Api.CypherRequest>>,
  Check<Same<z.infer<typeof CypherResponseSchema>, Api.CypherResponse>>,
];
