/** Typed call to the path finder (GET /api/paths). */
import type { ElementId, PathsResponse } from '../../../common/api.ts';
import { getJson } from './http.ts';

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
