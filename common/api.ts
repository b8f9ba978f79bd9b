/**
 * The vocabulary the server and the client share: every JSON shape that crosses /api.
 * Values inside `properties` use the lossless encoding of common/values.ts.
 */
import type { EncodedValue } from './values.ts';

export type ElementId = string;

export interface GraphNode {
  id: ElementId;
  labels: string[];
  properties: Record<string, EncodedValue>;
  /**
   * Made up by a procedure (`db.schema.visualization()`), not stored: its properties are all
   * there is, with no details or neighbours to look up (common/element-id.ts).
   */
  virtual?: true;
}

export interface GraphRelationship {
  id: ElementId;
  type: string;
  start: ElementId;
  end: ElementId;
  properties: Record<string, EncodedValue>;
  /** Made up by a procedure, not stored (see GraphNode.virtual). */
  virtual?: true;
}

export interface GraphData {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
}

/** GET /api/graph/overview: a bounded first view of the database. */
export interface OverviewResponse extends GraphData {
  /** Total nodes in the database, so the client can say "80 of 2,345". */
  totalNodes: number;
  truncated: boolean;
}

export interface HealthResponse {
  status: 'ok' | 'unavailable';
  app: { name: string; version: string };
  neo4j: {
    reachable: boolean;
    uri: string;
    database: string;
    version?: string;
    edition?: string;
    error?: string;
  };
}

/** RFC 9457 problem details, as every error response carries them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Field-level violations of a request. */
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Explorer API (docs/API.md). Counts are JSON numbers; element ids are Neo4j element ids.

/** A property as observed on a sample of the elements with that label or type. */
export interface PropertySummary {
  key: string;
  /** Neo4j type names seen, e.g. "STRING", "INTEGER", "LIST<STRING>", "POINT". */
  types: string[];
  /** How many of the sampled elements have it. */
  present: number;
}

export interface LabelSummary {
  label: string;
  count: number;
  /** How many nodes the property summary looked at (at most the schema sample size). */
  sampled: number;
  properties: PropertySummary[];
}

export interface RelationshipTypeSummary {
  type: string;
  count: number;
  sampled: number;
  properties: PropertySummary[];
}

export interface IndexSummary {
  name: string;
  /** RANGE, TEXT, POINT, FULLTEXT, VECTOR or LOOKUP. */
  type: string;
  entityType: 'NODE' | 'RELATIONSHIP';
  labelsOrTypes: string[];
  properties: string[];
  state: string;
  owningConstraint: string | null;
  /** Full-text indexes: the analyzer (e.g. "standard-folding" folds diacritics). */
  analyzer?: string;
}

export interface ConstraintSummary {
  name: string;
  type: string;
  entityType: 'NODE' | 'RELATIONSHIP';
  labelsOrTypes: string[];
  properties: string[];
}

/** (start)-[type]->(end) occurs in the data, by label. */
export interface SchemaEdge {
  start: string;
  type: string;
  end: string;
}

/** Which kinds of evidence this database carries, detected from its schema. */
export interface EvidenceProfile {
  /** Relationship types from a text passage to what it mentions, with a `quote` (and offsets). */
  mentionTypes: string[];
  /** Labels of the nodes mentions start from. */
  passageLabels: string[];
  /** Relationship types whose relationships carry index-aligned evidence lists (`evidenceQuotes`…). */
  relationshipEvidenceTypes: string[];
  /** Elements say where they come from: `source` ("text" or "background") with a `basis`. */
  provenance: boolean;
}

/** GET /api/schema */
export interface SchemaResponse {
  database: string;
  totals: { nodes: number; relationships: number };
  labels: LabelSummary[];
  relationshipTypes: RelationshipTypeSummary[];
  propertyKeys: string[];
  indexes: IndexSummary[];
  constraints: ConstraintSummary[];
  /** The schema graph: which labels connect through which relationship types. */
  graph: { edges: SchemaEdge[] };
  evidence: EvidenceProfile;
  /** Elements sampled per label and per type for the property summaries. */
  sampleSize: number;
  /** Per label, the property keys its captions are made of (common/caption.ts). */
  captions: Record<string, string[]>;
  /** Properties that hold dates, with the written form detected for text (common/dates.ts). */
  dates: DateProperty[];
}

/**
 * A property holding dates: Neo4j temporal values, text in one detected form, or (`year`) whole
 * years where the ontology declares them so. A number alone is never taken for a year.
 */
export interface DateProperty {
  label: string;
  key: string;
  form: 'temporal' | 'iso' | 'dmy' | 'mdy' | 'text' | 'year';
}

export interface SearchHit {
  node: GraphNode;
  /** Higher is better; comparable within one response only. */
  score: number;
  /** The property text that matched, when it can be told. */
  match: { property: string; text: string } | null;
}

/** GET /api/search */
export interface SearchResponse {
  query: string;
  /** "fulltext": Neo4j full-text index(es); "scan": bounded property scan (no usable index). */
  mode: 'fulltext' | 'scan';
  /** Full-text indexes queried (empty in scan mode). */
  indexes: string[];
  hits: SearchHit[];
  limit: number;
  /** Scan mode only: the scan stopped at its bound, so matches beyond it were not seen. */
  partial: boolean;
  /** Scan mode: the labels searched only in part, with how many of their nodes were looked at. */
  partialLabels: { label: string; scanned: number; count: number }[];
  /** How hits were found beyond the exact text: "words" (all words, any property), "typo". */
  fallback: 'words' | 'typo' | null;
}

/** Provenance of a node or relationship, where the graph records it. */
export interface Provenance {
  /** "text" (stated in a document) or "background" (outside knowledge). */
  source: string;
  basis: string | null;
}

/** One supporting quote. Offsets count UTF-16 code units in the passage text, end exclusive. */
export interface EvidenceQuote {
  passageId: ElementId | null;
  passageKey: string | null;
  quote: string | null;
  start: number | null;
  end: number | null;
  /** The mention relationship that carries the quote, for node evidence. */
  relationshipId: ElementId | null;
}

export interface EvidenceBundle {
  quotes: EvidenceQuote[];
  /** The passages quoted, once each. */
  passages: GraphNode[];
  /** All quotes there are (quotes may be capped). */
  total: number;
}

export interface DegreeCount {
  type: string;
  direction: 'out' | 'in';
  count: number;
}

/** GET /api/nodes/:id */
export interface NodeResponse {
  node: GraphNode;
  degree: { total: number; byType: DegreeCount[] };
  /** Null when the database has no evidence of this kind. */
  evidence: EvidenceBundle | null;
  provenance: Provenance | null;
}

/** GET /api/relationships/:id */
export interface RelationshipResponse {
  relationship: GraphRelationship;
  /** The quotes in its evidence lists with their passages; null when it keeps no evidence. */
  evidence: EvidenceBundle | null;
  provenance: Provenance | null;
}

/** GET /api/nodes/:id/neighbours */
export interface NeighboursResponse {
  node: GraphNode;
  /** Matching relationships in all, so a client can say "100 of 2,345". */
  total: number;
  skip: number;
  limit: number;
  /** Neighbours on this page, in the page's order (a node may appear once for several relationships). */
  nodes: GraphNode[];
  /** Relationships on this page, in a stable order: type, then element id. */
  relationships: GraphRelationship[];
  hasMore: boolean;
}

/**
 * A node named so that a link outlives a reload of the database: by a property that a uniqueness
 * or node-key constraint guarantees for one of its labels, or else by its element id.
 */
export type NodeRef =
  { id: ElementId } | { label: string; property: string; value: string | number | boolean };

/** A relationship by its ends (indexes into the request's nodes) and type; its id picks among parallels. */
export interface RelationshipRef {
  start: number;
  end: number;
  type: string;
  id?: ElementId;
}

/** POST /api/nodes/resolve */
export interface ResolveRequest {
  nodes: NodeRef[];
  relationships: RelationshipRef[];
}

/** The current elements for the references, in their order; null where none (or more than one) matches. */
export interface ResolveResponse {
  nodes: (GraphNode | null)[];
  relationships: (GraphRelationship | null)[];
  /** Indexes of the references that found nothing. */
  unresolved: { nodes: number[]; relationships: number[] };
}

export interface PathHop {
  relationship: ElementId;
  from: ElementId;
  to: ElementId;
  /** The hop walks the relationship against its direction. */
  reversed: boolean;
  evidence: EvidenceQuote[];
  provenance: Provenance | null;
}

export interface FoundPath {
  length: number;
  nodes: ElementId[];
  relationships: ElementId[];
  hops: PathHop[];
}

/** GET /api/paths */
export interface PathsResponse {
  from: GraphNode;
  to: GraphNode;
  maxLength: number;
  k: number;
  /** Shortest first; empty when none exists within maxLength (see message). */
  paths: FoundPath[];
  nodes: GraphNode[];
  relationships: GraphRelationship[];
  /** Passages quoted by the hops' evidence. */
  passages: GraphNode[];
  /** Relationship types not walked (evidence links such as mentions). */
  excludedTypes: string[];
  message: string | null;
}

/** POST /api/cypher */
export interface CypherRequest {
  query: string;
  /** Parameters in the value encoding (common/values.ts); integral numbers are Integers. */
  params?: Record<string, EncodedValue>;
}

export interface CypherPosition {
  /** 1-based line and column, 0-based offset, in the submitted query text. */
  line: number;
  column: number;
  offset: number;
}

export interface CypherNotification {
  code: string;
  title: string;
  description: string;
  severity: string;
  position: CypherPosition | null;
}

export interface CypherResponse {
  columns: string[];
  /** One array per record, values in column order, encoded. */
  rows: EncodedValue[][];
  /** Every node and relationship found anywhere in the rows (paths, lists, maps), once each. */
  graph: GraphData;
  /** The row cap stopped the stream: more rows exist. */
  truncated: boolean;
  rowCap: number;
  summary: {
    /** Always "r": the console only runs reads. */
    queryType: string;
    resultAvailableAfterMs: number | null;
    resultConsumedAfterMs: number | null;
    /** Wall-clock time on the server, including the plan check. */
    elapsedMs: number;
    notifications: CypherNotification[];
  };
}

/** Why the console refused a query (problem type query-refused, extension `reason`). */
export type QueryRefusalReason =
  | 'write'
  | 'schema'
  | 'admin'
  | 'load-csv'
  | 'multiple-statements'
  | 'use'
  | 'in-transactions'
  | 'procedure'
  | 'explain-profile'
  | 'empty';

// ---------------------------------------------------------------------------------------------
// Discovery API (docs/DISCOVERY.md): connect, share, centrality, suggestions, timeline, interpret.

/** The part of the graph an answer is computed on; null means "no filter". */
export interface DiscoveryScope {
  /** Only nodes with one of these labels. */
  labels: string[] | null;
  /** Only nodes mentioned by these documents (element ids), and the documents. */
  documents: ElementId[] | null;
  /** Time window, first and last day (YYYY-MM-DD); dated nodes outside it are left out. */
  from: string | null;
  to: string | null;
}

/** The in-memory projection an answer was computed on. */
export interface ProjectionSummary {
  scope: DiscoveryScope;
  nodes: number;
  /** Connected node pairs (parallel relationships count once). */
  links: number;
  relationships: number;
  /** Labels and relationship types left out (evidence passages and mention links). */
  excludedLabels: string[];
  excludedTypes: string[];
  /** Read from Neo4j for this request (false: served from the cache). */
  fresh: boolean;
  readMs: number;
}

/** A relationship with the quotes behind it, seen from one end. */
export interface EvidencedRelationship {
  relationship: ElementId;
  type: string;
  from: ElementId;
  to: ElementId;
  /** The relationship points from `to` to `from`. */
  reversed: boolean;
  evidence: EvidenceQuote[];
  provenance: Provenance | null;
}

export type ConnectRank = 'weighted' | 'hops';

/** The weighted cost of a path, itemised. */
export interface ConnectCost {
  total: number;
  hops: number;
  /** Σ hubWeight × ln(degree) over the nodes passed through. */
  hubPenalty: number;
  unsupportedHops: number;
  unsupportedPenalty: number;
  through: { node: ElementId; degree: number; penalty: number }[];
}

/** One step of a path: every relationship between the two nodes (evidenced first). */
export interface ConnectHop {
  from: ElementId;
  to: ElementId;
  relationships: EvidencedRelationship[];
  /** Relationships between the two nodes in all (more than listed when capped). */
  total: number;
}

export interface ConnectPath {
  rank: number;
  length: number;
  nodes: ElementId[];
  hops: ConnectHop[];
  cost: ConnectCost;
}

/** GET /api/discovery/connect */
export interface ConnectResponse {
  from: GraphNode;
  to: GraphNode;
  maxLength: number;
  k: number;
  rank: ConnectRank;
  paths: ConnectPath[];
  /** Hops between the two in the chosen part whatever the bound; null when not connected at all. */
  distance: number | null;
  /** The search budget ran out (a hub-heavy neighbourhood): fewer or costlier paths may be listed. */
  partial: boolean;
  nodes: GraphNode[];
  relationships: GraphRelationship[];
  passages: GraphNode[];
  weights: { hubWeight: number; unsupportedHopPenalty: number };
  projection: ProjectionSummary;
  message: string | null;
}

/** How one of the entities is tied to a shared node (through a meeting for "discussed"). */
export interface ShareTie {
  entity: ElementId;
  via: ElementId | null;
  relationships: EvidencedRelationship[];
}

export interface SharedNeighbour {
  node: ElementId;
  ties: ShareTie[];
}

/**
 * Shared neighbours of one kind. "direct": neighbours of every entity; "discussed": spheres
 * discussed at meetings each entity took part in.
 */
export interface ShareGroup {
  kind: string;
  relation: 'direct' | 'discussed';
  items: SharedNeighbour[];
  /** Items of this group in all (more than listed when capped). */
  total: number;
}

export interface SharedDocument {
  document: ElementId;
  mentions: { entity: ElementId; quotes: EvidenceQuote[]; total: number }[];
}

/** GET /api/discovery/share */
export interface ShareResponse {
  entities: GraphNode[];
  groups: ShareGroup[];
  documents: SharedDocument[];
  nodes: GraphNode[];
  relationships: GraphRelationship[];
  passages: GraphNode[];
  message: string | null;
}

export type CentralityMeasure = 'degree' | 'pagerank' | 'betweenness';

export interface CentralityRow {
  node: GraphNode;
  rank: number;
  score: number;
  /** Relationships of the node in the projection. */
  degree: number;
  community: number;
}

export interface CommunitySummary {
  id: number;
  size: number;
  /** Most central members first (by the measure asked for). */
  members: { node: ElementId; caption: string }[];
  /** The most frequent kind (label) among the members. */
  kind: string | null;
}

/** GET /api/discovery/centrality */
export interface CentralityResponse {
  measure: CentralityMeasure;
  rows: CentralityRow[];
  /** Nodes ranked in all. */
  total: number;
  limit: number;
  communities: CommunitySummary[];
  modularity: number | null;
  projection: ProjectionSummary;
  /** Computed for this request (false: the cached result for the unchanged projection). */
  computed: boolean;
  computeMs: number;
}

/** A node's score and community in a centrality answer. */
export interface CentralityMember {
  node: ElementId;
  score: number;
  community: number;
}

/** Nodes one POST /api/discovery/centrality/members request may name (a large canvas). */
export const CENTRALITY_MEMBERS_MAX_IDS = 5_000;

/** POST /api/discovery/centrality/members: the given nodes' scores and communities. */
export interface CentralityMembersResponse {
  measure: CentralityMeasure;
  /** The given nodes that are in the projection, in the order given. */
  members: CentralityMember[];
  /** The given nodes that are not (sources, nodes outside the scope or window). */
  outside: ElementId[];
  /** The highest score in the whole projection, so sizes compare with the ranking. */
  top: number;
  /** The communities of the members, largest first. */
  communities: CommunitySummary[];
  modularity: number | null;
  projection: ProjectionSummary;
}

export interface Suggestion {
  node: GraphNode;
  /** Adamic–Adar: Σ 1 / ln(degree) over the shared neighbours. */
  score: number;
  shared: { node: ElementId; caption: string; degree: number; contribution: number }[];
  sharedTotal: number;
  reason: string;
}

/** GET /api/discovery/suggestions */
export interface SuggestionsResponse {
  source: GraphNode;
  suggestions: Suggestion[];
  limit: number;
  projection: ProjectionSummary;
}

export interface TimelineEntry {
  /** A dated node: a meeting in our graphs, a crime, an order… elsewhere. */
  node: GraphNode;
  /** YYYY-MM-DD when the day is known. */
  date: string | null;
  year: number | null;
  participants: GraphNode[];
  /** Documents describing the meeting or mentioning it. */
  documents: number;
}

/** GET /api/discovery/timeline */
export interface TimelineResponse {
  from: string | null;
  to: string | null;
  /** The date properties read (schema profile), with their forms; empty when nothing is dated. */
  properties: DateProperty[];
  /** Earliest first; a node known only by its year sorts at the year's start. */
  entries: TimelineEntry[];
  total: number;
  truncated: boolean;
}

export interface InterpretedTerm {
  text: string;
  /** The best match, or null when nothing matches. */
  node: GraphNode | null;
}

/** GET /api/discovery/interpret: what a search-box phrase asks for. */
export interface InterpretResponse {
  query: string;
  intent: 'connect' | 'share' | 'search';
  terms: InterpretedTerm[];
  message: string | null;
}

// ---------------------------------------------------------------------------------------------
// Documents (docs/INGESTION.md): ingested texts with their passages and the facts they state.

/** POST /api/documents: what one ingestion did. */
export interface IngestResponse {
  status: 'created' | 'replaced' | 'unchanged';
  key: string;
  version: number;
  title: string;
  sha256: string;
  extractor: string;
  passages: number;
  entities: { matched: number; created: number; doubtful: number; byKind: Record<string, number> };
  mentions: number;
  facts: number;
  droppedFacts: number;
  /** Entities this document introduced that may be existing ones: recorded, not merged. */
  reviews: {
    entity: string;
    name: string;
    candidate: string;
    candidateName: string;
    score: number;
    method: string;
  }[];
  ms: number;
}

export interface DocumentSummary {
  key: string;
  title: string;
  url: string | null;
  /** Publication date, YYYY-MM-DD. */
  date: string | null;
  sha256: string | null;
  version: number;
  /** ISO date-time of the last ingestion; null for seed documents. */
  ingestedAt: string | null;
  /** The seed's name for documents the seed loads, else null. */
  seed: string | null;
  passages: number;
}

/** GET /api/documents */
export interface DocumentListResponse {
  documents: DocumentSummary[];
  total: number;
}

export interface DocumentEntityRef {
  key: string;
  kind: string;
  name: string;
}

export interface DocumentPassage {
  key: string;
  index: number;
  kind: string;
  name: string;
  text: string;
  start: number;
  end: number;
}

/** A quote in one of this document's passages; offsets into the passage text, end exclusive. */
export interface DocumentQuote {
  passage: string;
  start: number;
  end: number;
  quote: string;
}

export interface DocumentFact {
  key: string;
  type: string;
  from: DocumentEntityRef;
  to: DocumentEntityRef;
  properties: Record<string, EncodedValue>;
  /** Highest confidence any document gave the fact (null for curated facts). */
  confidence: number | null;
  /** Other sources that state the fact too: documents' keys, and the seed's name. */
  alsoStatedBy: string[];
  /** This document's quotes only. */
  evidence: DocumentQuote[];
}

/** GET /api/documents/:id/changes: what one document brought into the graph. */
export interface DocumentChanges {
  document: DocumentSummary;
  /** The document's node, the entities it mentions or introduced, and the ends of its facts. */
  nodes: GraphNode[];
  /** The facts it states, and its link to what it describes. */
  relationships: GraphRelationship[];
  /** What no source had stated before this document: new entities and new facts. */
  added: { nodes: ElementId[]; relationships: ElementId[] };
  /** Facts it states that another source (the seed, another document) states too. */
  confirmed: ElementId[];
  /** Its first passage, from which its text opens. */
  firstPassage: GraphNode | null;
}

/** GET /api/documents/:id */
export interface DocumentDetail extends DocumentSummary {
  text: string;
  publisher: string | null;
  extractor: string | null;
  passageList: DocumentPassage[];
  mentions: (DocumentQuote & { entity: DocumentEntityRef })[];
  facts: DocumentFact[];
  reviews: {
    entity: DocumentEntityRef;
    candidate: DocumentEntityRef;
    score: number;
    method: string;
    status: string;
  }[];
}
