/** Loads the bounded first view of the database (GET /api/graph/overview). */
import { useCallback, useEffect, useState } from 'react';
import type { OverviewResponse } from '../../../common/api.ts';
import { ApiError, getJson } from '../api/http.ts';

export const OVERVIEW_LIMIT = 150;

export type Loadable<T> =
  { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'error'; error: ApiError };

export function useOverview(): { state: Loadable<OverviewResponse>; reload: () => void } {
  const [state, setState] = useState<Loadable<OverviewResponse>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getJson<OverviewResponse>(
      `/api/graph/overview?limit=${OVERVIEW_LIMIT}`,
      controller.signal,
    ).then(
      (data) => setState({ kind: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ kind: 'error', error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, reload };
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, undefined, String(error));
}
