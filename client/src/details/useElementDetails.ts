/**
 * Loads the details of the selection: GET /api/nodes/:id (degree per type, evidence and
 * provenance) or GET /api/relationships/:id (evidence and provenance). An element a procedure made
 * up (no stored element id) has nothing to load: its properties are all.
 */
import type { NodeResponse, RelationshipResponse } from '../../../common/api.ts';
import { isStoredElementId } from '../../../common/element-id.ts';
import { fetchNode, fetchRelationship } from '../api/graph.ts';
import { useResource, type Resource } from '../api/useResource.ts';

const stored = (id: string | undefined) => (id && isStoredElementId(id) ? id : undefined);

export function useNodeDetails(id: string | undefined): Resource<NodeResponse> {
  return useResource(stored(id), (signal) => fetchNode(id as string, signal));
}

export function useRelationshipDetails(id: string | undefined): Resource<RelationshipResponse> {
  return useResource(stored(id), (signal) => fetchRelationship(id as string, signal));
}
