/**
 * Typed calls to the explorer API (docs/API.md): search, nodes, relationships, neighbours, paths,
 * schema, documents, and resolving a saved view's references.
 */
import type {
  DocumentChanges,
  DocumentListResponse,
  ElementId,
  NeighboursResponse,
  NodeResponse,
  PathsResponse,
  RelationshipResponse,
  ResolveRequest,
  ResolveResponse,
  SchemaResponse,
  SearchResponse,
} from '../../../common/api.ts';
import { getJson, postJson } from './http.ts';

export const NEIGHBOUR_PAGE = 50;

const id = (value: ElementId) => encodeURIComponent(value);

export function searchNodes(
  q: string,
  limit: number,
  signal?: AbortSignal,
  labels: readonly string[] = [],
): Promise<SearchResponse> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  if (labels.length > 0) params.set('labels', labels.join(','));
  return getJson(`/api/search?${params}`, signal);
}

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

export function fetchPaths(
  from: ElementId,
  to: ElementId,
  options: { maxLength?: number; k?: number } = {},
  signal?: AbortSignal,
): Promise<PathsResponse> {
  const params = new URLSearchParams({ from, to });
  if (options.maxLength) params.set('maxLength', String(options.maxLength));
  if (options.k) params.set('k', String(options.k));
  return getJson(`/api/paths?${params}`, signal);
}

export function fetchSchema(signal?: AbortSignal): Promise<SchemaResponse> {
  return getJson('/api/schema', signal);
}

/** Documents, newest ingestion first. */
export function fetchDocuments(signal?: AbortSignal): Promise<DocumentListResponse> {
  return getJson('/api/documents?limit=100', signal);
}

/** What one document brought into the graph. */
export function fetchDocumentChanges(key: string, signal?: AbortSignal): Promise<DocumentChanges> {
  return getJson(`/api/documents/${encodeURIComponent(key)}/changes`, signal);
}

/** The current elements for a saved view's references (stable keys, element ids as fallback). */
export function resolveReferences(
  request: ResolveRequest,
  signal?: AbortSignal,
): Promise<ResolveResponse> {
  return postJson('/api/nodes/resolve', request, signal);
}
