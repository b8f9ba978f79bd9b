/**
 * GET /api/discovery/timeline: the dated nodes of any schema by date, optionally within a time
 * window, each with the nodes linked to it and the number of documents that report or mention
 * it. What is dated comes from the schema profile (temporal values, text in a detected form,
 * years where the ontology declares them), never from property names; the answer names the
 * properties it read so the reader knows what "by date" meant. Documents and passages, the
 * sources, are not events.
 */
import type { Node } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { TimelineEntry, TimelineResponse } from '../../common/api.ts';
import { toGraphNode } from '../db/encode.ts';
import { quoteIdentifier as q } from '../db/identifier.ts';
import { DATE_SPANS, dateParameters, textFormsOf, type TextForms } from '../schema/date-cypher.ts';
import type { FactType } from '../model/ontology.ts';
import { DOCUMENT_LABEL, HAS_PASSAGE, MENTIONS, PASSAGE_LABEL } from '../model/ontology.ts';
import { quoteName } from '../schema/names.ts';
import { toStrings } from '../schema/records.ts';
import type { DiscoveryContext } from './connect.ts';
import { excludedTypes } from './excluded.ts';
import { TIMELINE_MAX_ENTRIES, TIMELINE_PARTICIPANTS } from './limits.ts';

const PARTICIPATED_IN = q('PARTICIPATED_IN' satisfies FactType);
const NAME = (v: string) => `coalesce(${v}.name, ${v}.key, elementId(${v}))`;

/**
 * A node's first span gives its place; the window keeps a node when any span overlaps it. The
 * nodes linked to a meeting are its participants; to anything else, its neighbours. The dated
 * labels (the schema's own, quoted) are written into the text so that only their nodes are
 * read, through the label index, not every node of the database.
 */
export const timelineQuery = (labels: readonly string[], forms: TextForms) => `
CALL () {
  ${labels.map((label) => `MATCH (n:${quoteName(label)}) RETURN n`).join('\n  UNION\n  ')}
}
WITH n WHERE NOT any(l IN labels(n) WHERE l IN $sourceLabels)
WITH n, ${DATE_SPANS('n', forms)} AS spans
WHERE size(spans) > 0
  AND any(s IN spans WHERE s[0] <= $windowEnd AND s[1] >= $windowStart)
WITH n, reduce(first = spans[0], s IN spans | CASE WHEN s[0] < first[0] THEN s ELSE first END) AS span
ORDER BY span[0], ${NAME('n')}, elementId(n)
LIMIT $limit
RETURN n, span,
  CASE WHEN EXISTS { ()-[:${PARTICIPATED_IN}]->(n) }
    THEN COLLECT {
      MATCH (x)-[:${PARTICIPATED_IN}]->(n)
      RETURN x ORDER BY ${NAME('x')} LIMIT $participants
    }
    ELSE COLLECT {
      MATCH (x)-[r]-(n)
      WHERE NOT type(r) IN $excludedTypes AND NOT any(l IN labels(x) WHERE l IN $sourceLabels)
      WITH DISTINCT x
      RETURN x ORDER BY ${NAME('x')} LIMIT $participants
    }
  END AS participants,
  COLLECT { MATCH (d:${q(DOCUMENT_LABEL)})-[:${q('DESCRIBES' satisfies FactType)}]->(n) RETURN elementId(d) } +
  COLLECT {
    MATCH (d:${q(DOCUMENT_LABEL)})-[:${q(HAS_PASSAGE)}]->(:${q(PASSAGE_LABEL)})-[:${q(MENTIONS)}]->(n)
    RETURN DISTINCT elementId(d)
  } AS documents`;

export async function timeline(
  ctx: DiscoveryContext,
  window: { from: string | null; to: string | null },
): Promise<TimelineResponse> {
  const sourceLabels = [...new Set([...ctx.facts.evidence.passageLabels, DOCUMENT_LABEL])];
  const properties = ctx.facts.profile.dates.filter((d) => !sourceLabels.includes(d.label));
  const datedLabels = [...new Set(properties.map((d) => d.label))];
  const records =
    properties.length === 0
      ? []
      : await ctx.db.read(
          async (tx) =>
            (
              await tx.run<{ n: Node; span: unknown; participants: Node[]; documents: unknown }>(
                timelineQuery(datedLabels, textFormsOf(properties)),
                {
                  ...dateParameters(properties),
                  sourceLabels,
                  excludedTypes: excludedTypes(ctx.facts.evidence),
                  windowStart: window.from ?? '0000-01-01',
                  windowEnd: window.to ?? '9999-12-31',
                  limit: neo4j.int(TIMELINE_MAX_ENTRIES + 1),
                  participants: neo4j.int(TIMELINE_PARTICIPANTS),
                },
              )
            ).records,
          ctx.timeoutMs,
        );
  const entries: TimelineEntry[] = records.slice(0, TIMELINE_MAX_ENTRIES).map((record) => {
    const [first, last] = toStrings(record.get('span'));
    return {
      node: toGraphNode(record.get('n')),
      // A span of one day is a date; a span of a whole year is only its year.
      date: first !== undefined && first === last ? first : null,
      year: first === undefined ? null : Number(first.slice(0, 4)),
      participants: record.get('participants').map(toGraphNode),
      documents: new Set(toStrings(record.get('documents'))).size,
    };
  });
  return {
    from: window.from,
    to: window.to,
    properties,
    entries,
    total: entries.length,
    truncated: records.length > TIMELINE_MAX_ENTRIES,
  };
}
