/**
 * Scenario 3, search: GET /api/search with texts people type — whole names, four-letter
 * prefixes, typos, accents the data lacks, two words of a topic, and text nothing matches (which
 * falls back from the full-text index to the bounded property scan).
 */
import type { SearchResponse } from '../../common/api.ts';
import type { BenchClient } from './http.ts';
import { summarise, type Latency } from './latency.ts';
import type { SearchKind, SearchText } from './sample.ts';

export interface SearchKindResult {
  kind: SearchKind;
  latency: Latency;
  /** Share of requests with at least one hit. */
  found: number;
  /** Share answered by the full-text index (the rest by the scan). */
  fulltext: number;
}

export interface SearchResult {
  all: Latency;
  /** Everything except "no match", i.e. what the full-text index answers. */
  matching: Latency;
  kinds: SearchKindResult[];
}

export async function benchSearch(
  client: BenchClient,
  texts: readonly SearchText[],
  rounds: number,
): Promise<SearchResult> {
  const byKind = new Map<SearchKind, { ms: number[]; found: number; fulltext: number }>();
  for (let round = -1; round < rounds; round += 1) {
    for (const text of texts) {
      const response = await client.get(`/api/search?q=${encodeURIComponent(text.q)}`);
      if (response.status !== 200) {
        throw new Error(`GET /api/search?q=${text.q} answered ${response.status}`);
      }
      if (round < 0) continue; // warm-up pass
      const body = response.body as SearchResponse;
      const entry = byKind.get(text.kind) ?? { ms: [], found: 0, fulltext: 0 };
      entry.ms.push(response.ms);
      if (body.hits.length > 0) entry.found += 1;
      if (body.mode === 'fulltext') entry.fulltext += 1;
      byKind.set(text.kind, entry);
    }
  }
  const kinds = [...byKind].map(([kind, entry]) => ({
    kind,
    latency: summarise(entry.ms),
    found: entry.found / entry.ms.length,
    fulltext: entry.fulltext / entry.ms.length,
  }));
  const all = [...byKind.values()].flatMap((e) => e.ms);
  const matching = [...byKind].filter(([kind]) => kind !== 'no match').flatMap(([, e]) => e.ms);
  return { all: summarise(all), matching: summarise(matching), kinds };
}
