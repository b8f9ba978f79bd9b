/** Typed calls to the discovery API (docs/DISCOVERY.md). */
import type {
  CentralityMeasure,
  CentralityMembersResponse,
  CentralityResponse,
  ConnectRank,
  ConnectResponse,
  ElementId,
  InterpretResponse,
  ShareResponse,
  SuggestionsResponse,
  TimelineResponse,
} from '../../../common/api.ts';
import { getJson, postJson } from './http.ts';

/** A time window as typed: YYYY, YYYY-MM or YYYY-MM-DD; empty for open. */
export interface TimeWindow {
  from: string;
  to: string;
}

export const OPEN_WINDOW: TimeWindow = { from: '', to: '' };

function params(entries: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  return search.toString();
}

export function interpretPhrase(q: string, signal?: AbortSignal): Promise<InterpretResponse> {
  return getJson(`/api/discovery/interpret?${params({ q })}`, signal);
}

export function fetchConnect(
  from: ElementId,
  to: ElementId,
  options: { maxLength: number; k: number; rank: ConnectRank; window: TimeWindow },
  signal?: AbortSignal,
): Promise<ConnectResponse> {
  const query = params({
    from,
    to,
    maxLength: options.maxLength,
    k: options.k,
    rank: options.rank,
    since: options.window.from,
    until: options.window.to,
  });
  return getJson(`/api/discovery/connect?${query}`, signal);
}

export function fetchShare(ids: ElementId[], signal?: AbortSignal): Promise<ShareResponse> {
  return getJson(`/api/discovery/share?${params({ ids: ids.join(',') })}`, signal);
}

export function fetchCentrality(
  measure: CentralityMeasure,
  limit: number,
  window: TimeWindow,
  signal?: AbortSignal,
): Promise<CentralityResponse> {
  const query = params({ measure, limit, from: window.from, to: window.to });
  return getJson(`/api/discovery/centrality?${query}`, signal);
}

/** The score and community of each node given (those on the canvas). */
export function fetchCentralityMembers(
  measure: CentralityMeasure,
  ids: ElementId[],
  window: TimeWindow,
  signal?: AbortSignal,
): Promise<CentralityMembersResponse> {
  const body = {
    measure,
    ids,
    ...(window.from ? { from: window.from } : {}),
    ...(window.to ? { to: window.to } : {}),
  };
  return postJson('/api/discovery/centrality/members', body, signal);
}

export function fetchSuggestions(
  id: ElementId,
  limit: number,
  window: TimeWindow,
  signal?: AbortSignal,
): Promise<SuggestionsResponse> {
  const query = params({ id, limit, from: window.from, to: window.to });
  return getJson(`/api/discovery/suggestions?${query}`, signal);
}

export function fetchTimeline(window: TimeWindow, signal?: AbortSignal): Promise<TimelineResponse> {
  return getJson(`/api/discovery/timeline?${params({ from: window.from, to: window.to })}`, signal);
}
