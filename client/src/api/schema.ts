/** Typed call to the schema API (GET /api/schema). */
import type { SchemaResponse } from '../../../common/api.ts';
import { getJson } from './http.ts';

export function fetchSchema(signal?: AbortSignal): Promise<SchemaResponse> {
  return getJson('/api/schema', signal);
}
