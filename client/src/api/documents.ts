/** Typed calls to the documents API: the list, and what one document changed. */
import type { DocumentChanges, DocumentListResponse } from '../../../common/api.ts';
import { getJson } from './http.ts';

/** Documents, newest ingestion first. */
export function fetchDocuments(signal?: AbortSignal): Promise<DocumentListResponse> {
  return getJson('/api/documents?limit=100', signal);
}

/** What one document brought into the graph. */
export function fetchDocumentChanges(key: string, signal?: AbortSignal): Promise<DocumentChanges> {
  return getJson(`/api/documents/${encodeURIComponent(key)}/changes`, signal);
}
