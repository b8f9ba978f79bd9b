/**
 * Loads the details of the selection: GET /api/nodes/:id (degree per type, evidence and
 * provenance) or GET /api/relationships/:id (evidence and provenance). An element a procedure made
 * up (no stored element id) has nothing to load: its properties are all.
 */
import { useEffect, useState } from 'react';
import type { NodeResponse, RelationshipResponse } from '../../../common/api.ts';
import { isStoredElementId } from '../../../common/element-id.ts';
import { fetchNode, fetchRelationship } from '../api/explorer.ts';
import { ApiError } from '../api/http.ts';
import type { Loadable } from '../graph/useOverview.ts';

function useLoaded<T>(
  id: string | undefined,
  load: (id: string, signal: AbortSignal) => Promise<T>,
): Loadable<T> | undefined {
  const [state, setState] = useState<{ id: string; value: Loadable<T> } | undefined>();
  useEffect(() => {
    if (!id || !isStoredElementId(id)) return;
    const controller = new AbortController();
    load(id, controller.signal).then(
      (data) => setState({ id, value: { kind: 'ready', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, undefined, String(error));
        setState({ id, value: { kind: 'error', error: apiError } });
      },
    );
    return () => controller.abort();
  }, [id, load]);
  if (!id || !isStoredElementId(id)) return undefined;
  return state?.id === id ? state.value : { kind: 'loading' };
}

export function useNodeDetails(id: string | undefined): Loadable<NodeResponse> | undefined {
  return useLoaded(id, fetchNode);
}

export function useRelationshipDetails(
  id: string | undefined,
): Loadable<RelationshipResponse> | undefined {
  return useLoaded(id, fetchRelationship);
}
