/** Typed call to GET /api/health, which answers 503 with the same body while Neo4j is away. */
import type { HealthResponse } from '../../../common/api.ts';
import { getJson } from './http.ts';

/** The server's health, or undefined when the server did not answer with one. */
export async function fetchHealth(signal?: AbortSignal): Promise<HealthResponse | undefined> {
  try {
    return await getJson<HealthResponse>('/api/health', signal, { accept: [503] });
  } catch {
    return undefined;
  }
}
