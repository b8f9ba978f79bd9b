/** Typed call to the search API (GET /api/search). */
import type { SearchResponse } from '../../../common/api.ts';
import { getJson } from './http.ts';

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
