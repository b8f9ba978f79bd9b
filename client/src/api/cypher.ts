/** Typed call to the guarded read-only console (POST /api/cypher). */
import type { CypherRequest, CypherResponse } from '../../../common/api.ts';
import { postJson } from './http.ts';

/** Runs a read-only query with its parameters (in the value encoding). */
export function runCypher(request: CypherRequest, signal?: AbortSignal): Promise<CypherResponse> {
  return postJson('/api/cypher', request, signal);
}
