/**
 * Discovery's response shapes as zod schemas, registered in the OpenAPI registry (their
 * components appear in the document) and used by the tests to validate real responses.
 * Compile-time checks at the end tie each one to its common/api.ts type both ways.
 */
import { z } from 'zod';
import type * as Api from '../../common/api.ts';
import {
  DatePropertySchema,
  EvidenceQuoteSchema,
  GraphNodeSchema,
  GraphRelationshipSchema,
  ProvenanceSchema,
  registry,
} from '../openapi/schemas.ts';

function component<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  registry.add(schema, description ? { id, description } : { id });
  return schema;
}

const count = z.number().int().min(0);
const elementId = z.string();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const DiscoveryScopeSchema = component(
  'DiscoveryScope',
  z.strictObject({
    labels: z.array(z.string()).nullable(),
    documents: z.array(elementId).nullable(),
    from: day.nullable(),
    to: day.nullable(),
  }),
  'The part of the graph an answer is computed on; null means no filter.',
);

const ProjectionSummarySchema = component(
  'ProjectionSummary',
  z.strictObject({
    scope: DiscoveryScopeSchema,
    nodes: count,
    links: count,
    relationships: count,
    excludedLabels: z.array(z.string()),
    excludedTypes: z.array(z.string()),
    fresh: z.boolean(),
    readMs: count,
  }),
);

const EvidencedRelationshipSchema = component(
  'EvidencedRelationship',
  z.strictObject({
    relationship: elementId,
    type: z.string(),
    from: elementId,
    to: elementId,
    reversed: z.boolean(),
    evidence: z.array(EvidenceQuoteSchema),
    provenance: ProvenanceSchema.nullable(),
  }),
);

export const ConnectResponseSchema = component(
  'ConnectResponse',
  z.strictObject({
    from: GraphNodeSchema,
    to: GraphNodeSchema,
    maxLength: count,
    k: count,
    rank: z.enum(['weighted', 'hops']),
    paths: z.array(
      z.strictObject({
        rank: count,
        length: count,
        nodes: z.array(elementId),
        hops: z.array(
          z.strictObject({
            from: elementId,
            to: elementId,
            relationships: z.array(EvidencedRelationshipSchema),
            total: count,
          }),
        ),
        cost: z.strictObject({
          total: z.number(),
          hops: count,
          hubPenalty: z.number(),
          unsupportedHops: count,
          unsupportedPenalty: z.number(),
          through: z.array(z.strictObject({ node: elementId, degree: count, penalty: z.number() })),
        }),
      }),
    ),
    distance: count.nullable(),
    partial: z.boolean(),
    nodes: z.array(GraphNodeSchema),
    relationships: z.array(GraphRelationshipSchema),
    passages: z.array(GraphNodeSchema),
    weights: z.strictObject({ hubWeight: z.number(), unsupportedHopPenalty: z.number() }),
    projection: ProjectionSummarySchema,
    message: z.string().nullable(),
  }),
);

const ShareTieSchema = z.strictObject({
  entity: elementId,
  via: elementId.nullable(),
  relationships: z.array(EvidencedRelationshipSchema),
});

export const ShareResponseSchema = component(
  'ShareResponse',
  z.strictObject({
    entities: z.array(GraphNodeSchema),
    groups: z.array(
      z.strictObject({
        kind: z.string(),
        relation: z.enum(['direct', 'discussed']),
        items: z.array(z.strictObject({ node: elementId, ties: z.array(ShareTieSchema) })),
        total: count,
      }),
    ),
    documents: z.array(
      z.strictObject({
        document: elementId,
        mentions: z.array(
          z.strictObject({ entity: elementId, quotes: z.array(EvidenceQuoteSchema), total: count }),
        ),
      }),
    ),
    nodes: z.array(GraphNodeSchema),
    relationships: z.array(GraphRelationshipSchema),
    passages: z.array(GraphNodeSchema),
    message: z.string().nullable(),
  }),
);

const CommunitySummarySchema = z.strictObject({
  id: count,
  size: count,
  members: z.array(z.strictObject({ node: elementId, caption: z.string() })),
  kind: z.string().nullable(),
});

export const CentralityResponseSchema = component(
  'CentralityResponse',
  z.strictObject({
    measure: z.enum(['degree', 'pagerank', 'betweenness']),
    rows: z.array(
      z.strictObject({
        node: GraphNodeSchema,
        rank: count,
        score: z.number(),
        degree: count,
        community: z.number().int(),
      }),
    ),
    total: count,
    limit: count,
    communities: z.array(CommunitySummarySchema),
    modularity: z.number().nullable(),
    projection: ProjectionSummarySchema,
    computed: z.boolean(),
    computeMs: count,
  }),
);

export const CentralityMembersResponseSchema = component(
  'CentralityMembersResponse',
  z.strictObject({
    measure: z.enum(['degree', 'pagerank', 'betweenness']),
    members: z.array(
      z.strictObject({ node: elementId, score: z.number(), community: z.number().int() }),
    ),
    outside: z.array(elementId),
    top: z.number(),
    communities: z.array(CommunitySummarySchema),
    modularity: z.number().nullable(),
    projection: ProjectionSummarySchema,
  }),
);

export const SuggestionsResponseSchema = component(
  'SuggestionsResponse',
  z.strictObject({
    source: GraphNodeSchema,
    suggestions: z.array(
      z.strictObject({
        node: GraphNodeSchema,
        score: z.number(),
        shared: z.array(
          z.strictObject({
            node: elementId,
            caption: z.string(),
            degree: count,
            contribution: z.number(),
          }),
        ),
        sharedTotal: count,
        reason: z.string(),
      }),
    ),
    limit: count,
    projection: ProjectionSummarySchema,
  }),
);

export const TimelineResponseSchema = component(
  'TimelineResponse',
  z.strictObject({
    from: day.nullable(),
    to: day.nullable(),
    properties: z.array(DatePropertySchema),
    entries: z.array(
      z.strictObject({
        node: GraphNodeSchema,
        date: day.nullable(),
        year: z.number().int().nullable(),
        participants: z.array(GraphNodeSchema),
        documents: count,
      }),
    ),
    total: count,
    truncated: z.boolean(),
  }),
);

export const InterpretResponseSchema = component(
  'InterpretResponse',
  z.strictObject({
    query: z.string(),
    intent: z.enum(['connect', 'share', 'search']),
    terms: z.array(z.strictObject({ text: z.string(), node: GraphNodeSchema.nullable() })),
    message: z.string().nullable(),
  }),
);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type DiscoverySchemasMatch = [
  Check<Same<z.infer<typeof ConnectResponseSchema>, Api.ConnectResponse>>,
  Check<Same<z.infer<typeof ShareResponseSchema>, Api.ShareResponse>>,
  Check<Same<z.infer<typeof CentralityResponseSchema>, Api.CentralityResponse>>,
  Check<Same<z.infer<typeof CentralityMembersResponseSchema>, Api.CentralityMembersResponse>>,
  Check<Same<z.infer<typeof SuggestionsResponseSchema>, Api.SuggestionsResponse>>,
  Check<Same<z.infer<typeof TimelineResponseSchema>, Api.TimelineResponse>>,
  Check<Same<z.infer<typeof InterpretResponseSchema>, Api.InterpretResponse>>,
];
