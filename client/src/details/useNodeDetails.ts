/**
 * Loads GET /api/nodes/:id for the selected node: degree per type, evidence and provenance. A
 * node a procedure made up (no stored element id) has nothing to load: its properties are all.
 */
import { useEffect, useState } from 'react';
import type { NodeResponse } from '../../../common/api.ts';
import { isStoredElementId } from '../../../common/element-id.ts';
import { fetchNode } from '../api/explorer.ts';
import { ApiError } from '../api/http.ts';
import type { Loadable } from '../graph/useOverview.ts';

export function useNodeDetails(id: string | undefined): Loadable<NodeResponse> | undefined {
  const [state, setState] = useState<{ id: string; value: Loadable<NodeResponse> } | undefined>();
  useEffect(() => {
    if (!id || !isStoredElementId(id)) return;
    const controller = new AbortController();
    fetchNode(id, controller.signal).then(
      (data) => setState({ id, value: { kind: 'ready', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, undefined, String(error));
        setState({ id, value: { kind: 'error', error: apiError } });
      },
    );
    return () => controller.abort();
  }, [id]);
  if (!id || !isStoredElementId(id)) return undefined;
  return state?.id === id ? state.value : { kind: 'loading' };
}
