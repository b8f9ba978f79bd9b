/**
 * The discovery API's shapes (docs/DISCOVERY.md): connect, share, centrality, suggestions,
 * timeline, interpret. Defined once as zod schemas, registered as OpenAPI components; the types
 * both sides use are inferred from them.
 */
import { z } from 'zod';
import {
  DatePropertySchema,
  EvidenceQuoteSchema,
  GraphNodeSchema,
  GraphRelationshipSchema,
  ProvenanceSchema,
} from './explorer.ts';
import { component, count } from './registry.ts';

const elementId = z.string();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The part of the graph an answer is computed on; null means "no filter". */
export const DiscoveryScopeSchema = component(
  'DiscoveryScope',
  z.strictObject({
    /** Only nodes with one of these labels. */
    labels: z.array(z.string()).nullable(),
    /** Only nodes mentioned by these documents (element ids), and the documents. */
    documents: z.array(elementId).nullable(),
    /** Time window, first and last day (YYYY-MM-DD); dated nodes outside it are left out. */
    from: day.nullable(),
    to: day.nullable(),
  }),
  'The part of the graph an answer is computed on; null means no filter.',
);
export type DiscoveryScope = z.infer<typeof DiscoveryScopeSchema>;

/** The in-memory projection an answer was computed on. */
export const ProjectionSummarySchema = component(
  'ProjectionSummary',
  z.strictObject({
    scope: DiscoveryScopeSchema,
    nodes: count,
    /** Connected node pairs (parallel relationships count once). */
    links: count,
    relationships: count,
    /** Labels and relationship types left out (evidence passages and mention links). */
    excludedLabels: z.array(z.string()),
    excludedTypes: z.array(z.string()),
    /** Read from Neo4j for this request (false: served from the cache). */
    fresh: z.boolean(),
    readMs: count,
  }),
);
export type ProjectionSummary = z.infer<typeof ProjectionSummarySchema>;

/** A relationship with the quotes behind it, seen from one end. */
export const EvidencedRelationshipSchema = component(
  'EvidencedRelationship',
  z.strictObject({
    relationship: elementId,
    type: z.string(),
    from: elementId,
    to: elementId,
    /** The relationship points from `to` to `from`. */
    reversed: z.boolean(),
    evidence: z.array(EvidenceQuoteSchema),
    provenance: ProvenanceSchema.nullable(),
  }),
);
export type EvidencedRelationship = z.infer<typeof EvidencedRelationshipSchema>;

export const ConnectRankSchema = z.enum(['weighted', 'hops']);
export type ConnectRank = z.infer<typeof ConnectRankSchema>;

/** The weighted cost of a path, itemised. */
const ConnectCostSchema = z.strictObject({
  total: z.number(),
  hops: count,
  /** Σ hubWeight × ln(degree) over the nodes passed through. */
  hubPenalty: z.number(),
  unsupportedHops: count,
  unsupportedPenalty: z.number(),
  through: z.array(z.strictObject({ node: elementId, degree: count, penalty: z.number() })),
});
export type ConnectCost = z.infer<typeof ConnectCostSchema>;

/** One step of a path: every relationship between the two nodes (evidenced first). */
const ConnectHopSchema = z.strictObject({
  from: elementId,
  to: elementId,
  relationships: z.array(EvidencedRelationshipSchema),
  /** Relationships between the two nodes in all (more than listed when capped). */
  total: count,
});
export type ConnectHop = z.infer<typeof ConnectHopSchema>;

const ConnectPathSchema = z.strictObject({
  rank: count,
  length: count,
  nodes: z.array(elementId),
  hops: z.array(ConnectHopSchema),
  cost: ConnectCostSchema,
});
export type ConnectPath = z.infer<typeof ConnectPathSchema>;

/** GET /api/discovery/connect */
export const ConnectResponseSchema = component(
  'ConnectResponse',
  z.strictObject({
    from: GraphNodeSchema,
    to: GraphNodeSchema,
    maxLength: count,
    k: count,
    rank: ConnectRankSchema,
    paths: z.array(ConnectPathSchema),
    /** Hops between the two in the chosen part whatever the bound; null when not connected at all. */
    distance: count.nullable(),
    /** The search budget ran out (a hub-heavy neighbourhood): fewer or costlier paths may be listed. */
    partial: z.boolean(),
    nodes: z.array(GraphNodeSchema),
    relationships: z.array(GraphRelationshipSchema),
    passages: z.array(GraphNodeSchema),
    weights: z.strictObject({ hubWeight: z.number(), unsupportedHopPenalty: z.number() }),
    projection: ProjectionSummarySchema,
    message: z.string().nullable(),
  }),
);
export type ConnectResponse = z.infer<typeof ConnectResponseSchema>;

/** How one of the entities is tied to a shared node (through a meeting for "discussed"). */
const ShareTieSchema = z.strictObject({
  entity: elementId,
  via: elementId.nullable(),
  relationships: z.array(EvidencedRelationshipSchema),
});
export type ShareTie = z.infer<typeof ShareTieSchema>;

const SharedNeighbourSchema = z.strictObject({ node: elementId, ties: z.array(ShareTieSchema) });
export type SharedNeighbour = z.infer<typeof SharedNeighbourSchema>;

/**
 * Shared neighbours of one kind. "direct": neighbours of every entity; "discussed": spheres
 * discussed at meetings each entity took part in.
 */
const ShareGroupSchema = z.strictObject({
  kind: z.string(),
  relation: z.enum(['direct', 'discussed']),
  items: z.array(SharedNeighbourSchema),
  /** Items of this group in all (more than listed when capped). */
  total: count,
});
export type ShareGroup = z.infer<typeof ShareGroupSchema>;

const SharedDocumentSchema = z.strictObject({
  document: elementId,
  mentions: z.array(
    z.strictObject({ entity: elementId, quotes: z.array(EvidenceQuoteSchema), total: count }),
  ),
});
export type SharedDocument = z.infer<typeof SharedDocumentSchema>;

/** GET /api/discovery/share */
export const ShareResponseSchema = component(
  'ShareResponse',
  z.strictObject({
    entities: z.array(GraphNodeSchema),
    groups: z.array(ShareGroupSchema),
    documents: z.array(SharedDocumentSchema),
    nodes: z.array(GraphNodeSchema),
    relationships: z.array(GraphRelationshipSchema),
    passages: z.array(GraphNodeSchema),
    message: z.string().nullable(),
  }),
);
export type ShareResponse = z.infer<typeof ShareResponseSchema>;

export const CentralityMeasureSchema = z.enum(['degree', 'pagerank', 'betweenness']);
export type CentralityMeasure = z.infer<typeof CentralityMeasureSchema>;

const CentralityRowSchema = z.strictObject({
  node: GraphNodeSchema,
  rank: count,
  score: z.number(),
  /** Relationships of the node in the projection. */
  degree: count,
  community: z.number().int(),
});
export type CentralityRow = z.infer<typeof CentralityRowSchema>;

const CommunitySummarySchema = z.strictObject({
  id: count,
  size: count,
  /** Most central members first (by the measure asked for). */
  members: z.array(z.strictObject({ node: elementId, caption: z.string() })),
  /** The most frequent kind (label) among the members. */
  kind: z.string().nullable(),
});
export type CommunitySummary = z.infer<typeof CommunitySummarySchema>;

/** GET /api/discovery/centrality */
export const CentralityResponseSchema = component(
  'CentralityResponse',
  z.strictObject({
    measure: CentralityMeasureSchema,
    rows: z.array(CentralityRowSchema),
    /** Nodes ranked in all. */
    total: count,
    limit: count,
    communities: z.array(CommunitySummarySchema),
    modularity: z.number().nullable(),
    projection: ProjectionSummarySchema,
    /** Computed for this request (false: the cached result for the unchanged projection). */
    computed: z.boolean(),
    computeMs: count,
  }),
);
export type CentralityResponse = z.infer<typeof CentralityResponseSchema>;

/** A node's score and community in a centrality answer. */
const CentralityMemberSchema = z.strictObject({
  node: elementId,
  score: z.number(),
  community: z.number().int(),
});
export type CentralityMember = z.infer<typeof CentralityMemberSchema>;

/** POST /api/discovery/centrality/members: the given nodes' scores and communities. */
export const CentralityMembersResponseSchema = component(
  'CentralityMembersResponse',
  z.strictObject({
    measure: CentralityMeasureSchema,
    /** The given nodes that are in the projection, in the order given. */
    members: z.array(CentralityMemberSchema),
    /** The given nodes that are not (sources, nodes outside the scope or window). */
    outside: z.array(elementId),
    /** The highest score in the whole projection, so sizes compare with the ranking. */
    top: z.number(),
    /** The communities of the members, largest first. */
    communities: z.array(CommunitySummarySchema),
    modularity: z.number().nullable(),
    projection: ProjectionSummarySchema,
  }),
);
export type CentralityMembersResponse = z.infer<typeof CentralityMembersResponseSchema>;

const SuggestionSchema = z.strictObject({
  node: GraphNodeSchema,
  /** Adamic–Adar: Σ 1 / ln(degree) over the shared neighbours. */
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
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/** GET /api/discovery/suggestions */
export const SuggestionsResponseSchema = component(
  'SuggestionsResponse',
  z.strictObject({
    source: GraphNodeSchema,
    suggestions: z.array(SuggestionSchema),
    limit: count,
    projection: ProjectionSummarySchema,
  }),
);
export type SuggestionsResponse = z.infer<typeof SuggestionsResponseSchema>;

const TimelineEntrySchema = z.strictObject({
  /** A dated node: a meeting in our graphs, a crime, an order… elsewhere. */
  node: GraphNodeSchema,
  /** YYYY-MM-DD when the day is known. */
  date: day.nullable(),
  year: z.number().int().nullable(),
  participants: z.array(GraphNodeSchema),
  /** Documents describing the meeting or mentioning it. */
  documents: count,
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** GET /api/discovery/timeline */
export const TimelineResponseSchema = component(
  'TimelineResponse',
  z.strictObject({
    from: day.nullable(),
    to: day.nullable(),
    /** The date properties read (schema profile), with their forms; empty when nothing is dated. */
    properties: z.array(DatePropertySchema),
    /** Earliest first; a node known only by its year sorts at the year's start. */
    entries: z.array(TimelineEntrySchema),
    total: count,
    truncated: z.boolean(),
  }),
);
export type TimelineResponse = z.infer<typeof TimelineResponseSchema>;

const InterpretedTermSchema = z.strictObject({
  text: z.string(),
  /** The best match, or null when nothing matches. */
  node: GraphNodeSchema.nullable(),
});
export type InterpretedTerm = z.infer<typeof InterpretedTermSchema>;

/** GET /api/discovery/interpret: what a search-box phrase asks for. */
export const InterpretResponseSchema = component(
  'InterpretResponse',
  z.strictObject({
    query: z.string(),
    intent: z.enum(['connect', 'share', 'search']),
    terms: z.array(InterpretedTermSchema),
    message: z.string().nullable(),
  }),
);
export type InterpretResponse = z.infer<typeof InterpretResponseSchema>;
