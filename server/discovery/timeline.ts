/**
 * GET /api/discovery/timeline: meetings by date, optionally within a time window, each with its
 * participants and the number of documents that report or mention it. A meeting's day is its
 * `date` (Date, date-time or ISO string); a meeting with only a `year` sorts at the year's start.
 */
import type { Node } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { TimelineEntry, TimelineResponse } from '../../common/api.ts';
import { toGraphNode } from '../db/encode.ts';
import { quoteIdentifier as q } from '../db/identifier.ts';
import type { EntityKind, FactType } from '../seed/ontology.ts';
import { DOCUMENT_LABEL, HAS_PASSAGE, MENTIONS, PASSAGE_LABEL } from '../seed/ontology.ts';
import { toNumber, toStrings } from '../schema/records.ts';
import type { DiscoveryContext } from './connect.ts';
import { TIMELINE_MAX_ENTRIES, TIMELINE_PARTICIPANTS } from './limits.ts';

const MEETING = q('Meeting' satisfies EntityKind);

export const TIMELINE_QUERY = `
MATCH (m:${MEETING})
WITH m, CASE
    WHEN m.date IS :: DATE NOT NULL THEN m.date
    WHEN m.date IS :: ZONED DATETIME NOT NULL OR m.date IS :: LOCAL DATETIME NOT NULL THEN date(m.date)
    WHEN m.date IS :: STRING NOT NULL AND m.date =~ '\\d{4}-\\d{2}-\\d{2}.*' THEN date(left(m.date, 10))
    ELSE null
  END AS day
WITH m, day, coalesce(day.year, CASE WHEN m.year IS :: INTEGER NOT NULL THEN m.year END) AS year
WHERE ($from IS NULL AND $to IS NULL)
   OR (day IS NOT NULL AND day >= date(coalesce($from, '0001-01-01')) AND day <= date(coalesce($to, '9999-12-31')))
   OR (day IS NULL AND year IS NOT NULL
       AND year >= toInteger(left(coalesce($from, '0001'), 4)) AND year <= toInteger(left(coalesce($to, '9999'), 4)))
WITH m, day, year
ORDER BY coalesce(day, date({year: year})), coalesce(m.name, m.key, elementId(m))
LIMIT $limit
RETURN m, toString(day) AS day, year,
  COLLECT {
    MATCH (x)-[:${q('PARTICIPATED_IN' satisfies FactType)}]->(m)
    RETURN x ORDER BY coalesce(x.name, x.key, elementId(x)) LIMIT $participants
  } AS participants,
  COLLECT { MATCH (d:${q(DOCUMENT_LABEL)})-[:${q('DESCRIBES' satisfies FactType)}]->(m) RETURN elementId(d) } +
  COLLECT {
    MATCH (d:${q(DOCUMENT_LABEL)})-[:${q(HAS_PASSAGE)}]->(:${q(PASSAGE_LABEL)})-[:${q(MENTIONS)}]->(m)
    RETURN DISTINCT elementId(d)
  } AS documents`;

export async function timeline(
  ctx: DiscoveryContext,
  window: { from: string | null; to: string | null },
): Promise<TimelineResponse> {
  const records = await ctx.db.read(
    async (tx) =>
      (
        await tx.run(TIMELINE_QUERY, {
          from: window.from,
          to: window.to,
          limit: neo4j.int(TIMELINE_MAX_ENTRIES + 1),
          participants: neo4j.int(TIMELINE_PARTICIPANTS),
        })
      ).records,
    ctx.timeoutMs,
  );
  const entries: TimelineEntry[] = records.slice(0, TIMELINE_MAX_ENTRIES).map((record) => ({
    meeting: toGraphNode(record.get('m') as Node),
    date: (record.get('day') as string | null) ?? null,
    year: toNumber(record.get('year')),
    participants: (record.get('participants') as Node[]).map(toGraphNode),
    documents: new Set(toStrings(record.get('documents'))).size,
  }));
  return {
    from: window.from,
    to: window.to,
    entries,
    total: entries.length,
    truncated: records.length > TIMELINE_MAX_ENTRIES,
  };
}
