/**
 * Discovery's bounds and weights, in one place. The projection bounds keep memory flat however
 * large the database is; the search bounds keep a hub from turning one request into minutes.
 */

/** Nodes a projection may hold; a larger part of the graph is refused with a hint to narrow it. */
export const PROJECTION_MAX_NODES = 250_000;
/** Relationships a projection may read. */
export const PROJECTION_MAX_RELATIONSHIPS = 1_500_000;
/**
 * A projection read streams the whole part once and is then cached, so it may take this many
 * times QUERY_TIMEOUT_MS (measured: 45 s for 1M relationships on a busy 2-core machine).
 */
export const PROJECTION_TIMEOUT_FACTOR = 4;
/** Projections kept at once (one per part of the graph asked for), least recently used dropped. */
export const PROJECTION_CACHE_ENTRIES = 8;

export const CONNECT_DEFAULT_MAX_LENGTH = 4;
export const CONNECT_DEFAULT_K = 3;
export const CONNECT_MAX_K = 10;
/** Search states (node, hops) a connect request may settle before it answers with what it has. */
export const CONNECT_MAX_SETTLED = 500_000;
/** Relationships listed per hop (all are counted). */
export const HOP_RELATIONSHIP_LIMIT = 12;

/**
 * Path cost = hops + HUB_WEIGHT × Σ ln(degree) over the nodes passed through + UNSUPPORTED_HOP_PENALTY
 * × hops without a quote. A hub with 100 neighbours costs ~2.3 extra hops; an unquoted hop half a hop.
 */
export const HUB_WEIGHT = 0.5;
export const UNSUPPORTED_HOP_PENALTY = 0.5;

export const SHARE_MAX_ENTITIES = 8;
/** Shared neighbours listed per kind. */
export const SHARE_ITEMS_PER_GROUP = 50;
/** Quotes listed per entity in a document that mentions them all. */
export const SHARE_QUOTES_PER_ENTITY = 5;
export const SHARE_DOCUMENTS_LIMIT = 50;

export const CENTRALITY_DEFAULT_LIMIT = 25;
export const CENTRALITY_MAX_LIMIT = 1_000;
/**
 * Betweenness costs time proportional to nodes × links. In Node (the algorithm worker) it is
 * refused beyond this product (measured: ~1.7 × 10⁷ per second, so at most ~3 s); with Graph
 * Data Science it is estimated from a sample of sources beyond it instead.
 */
export const BETWEENNESS_MAX_WORK = 50_000_000;
/** Source nodes Graph Data Science samples for betweenness on a part larger than the above. */
export const BETWEENNESS_SAMPLE_SOURCES = 1_000;
export const PAGERANK_ALPHA = 0.85;
/** Members named per community in a centrality answer. */
export const COMMUNITY_TOP_MEMBERS = 5;

export const SUGGESTIONS_DEFAULT_LIMIT = 10;
export const SUGGESTIONS_MAX_LIMIT = 100;
/** Shared neighbours named per suggestion. */
export const SUGGESTION_REASON_NEIGHBOURS = 5;

export const TIMELINE_MAX_ENTRIES = 1_000;
/** Participants listed per meeting. */
export const TIMELINE_PARTICIPANTS = 20;

export const INTERPRET_MAX_LENGTH = 200;

/** Nodes one centrality-members request may name; the client sends no more. */
export { CENTRALITY_MEMBERS_MAX_IDS } from '../../common/api.ts';
