/**
 * Typed calls to the graph API (docs/API.md): the first view, nodes with their neighbourhoods,
 * relationships, and resolving a saved view's references.
 */
import type {
  ElementId,
  NeighboursResponse,
  NodeResponse,
  OverviewResponse,
  RelationshipResponse,
  ResolveRequest,
  ResolveResponse,
} from '../../../common/api.ts';
import { getJson, postJson } from './http.ts';

/** Nodes the first view asks for. */
export const OVERVIEW_LIMIT = 150;

/** The bounded, connected first view of the database. */
export function fetchOverview(signal?: AbortSignal): Promise<OverviewResponse> {
  return getJson(`/api/graph/overview?limit=${OVERVIEW_LIMIT}`, signal);
}

export const NEIGHBOUR_PAGE = 50;

const id = (value: ElementId) => encodeURIComponent(value);

export function fetchNode(nodeId: ElementId, signal?: AbortSignal): Promise<NodeResponse> {
  return getJson(`/api/nodes/${id(nodeId)}`, signal);
}

export function fetchRelationship(
  relationshipId: ElementId,
  signal?: AbortSignal,
): Promise<RelationshipResponse> {
  return getJson(`/api/relationships/${id(relationshipId)}`, signal);
}

export interface NeighbourQuery {
  types?: string[];
  labels?: string[];
  direction?: 'out' | 'in' | 'both';
  limit?: number;
  skip?: number;
}

export function fetchNeighbours(
  nodeId: ElementId,
  query: NeighbourQuery = {},
  signal?: AbortSignal,
): Promise<NeighboursResponse> {
  const params = new URLSearchParams({ limit: String(query.limit ?? NEIGHBOUR_PAGE) });
  if (query.skip) params.set('skip', String(query.skip));
  if (query.direction && query.direction !== 'both') params.set('direction', query.direction);
  if (query.types?.length) params.set('types', query.types.join(','));
  if (query.labels?.length) params.set('labels', query.labels.join(','));
  return getJson(`/api/nodes/${id(nodeId)}/neighbours?${params}`, signal);
}

/** The current elements for a saved view's references (stable keys, element ids as fallback). */
export function resolveReferences(
  request: ResolveRequest,
  signal?: AbortSignal,
): Promise<ResolveResponse> {
  return postJson('/api/nodes/resolve', request, signal);
}
