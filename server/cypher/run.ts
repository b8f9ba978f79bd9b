/**
 * Runs one console query: plan check, then the query itself in a read transaction with a
 * server-side timeout, streaming records and stopping at the row cap so memory stays bounded
 * however many rows the query would produce.
 */
import type { Notification, Record as Neo4jRecord, ResultSummary } from 'neo4j-driver';
import type { CypherNotification, CypherResponse } from '../../common/api.ts';
import type { EncodedValue } from '../../common/values.ts';
import type { Database } from '../db/database.ts';
import { encodeValue } from '../db/encode.ts';
import { toNumber } from '../schema/records.ts';
import { fromQueryError, withoutPrefix } from './errors.ts';
import { GraphCollector } from './graph-elements.ts';
import { checkPlan, type PlanNode } from './guard.ts';

const EXPLAIN_PREFIX = 'EXPLAIN ';
/** Records pulled per batch at most; the driver pauses pulling while its buffer is full. */
const MAX_FETCH_SIZE = 1000;
/** Encoded characters a response may carry; more rows are cut like the row cap cuts them. */
export const MAX_RESPONSE_CHARS = 16_000_000;

export interface ConsoleLimits {
  timeoutMs: number;
  maxRows: number;
}

function toNotification(n: Notification, prefixLength: number): CypherNotification {
  const position = 'offset' in n.position ? n.position : null;
  const { line, column, offset } = position ?? {};
  const adjusted =
    typeof line === 'number' && typeof column === 'number' && typeof offset === 'number'
      ? withoutPrefix({ line, column, offset }, prefixLength)
      : null;
  return {
    code: n.code,
    title: n.title,
    description: n.description,
    severity: n.rawSeverityLevel ?? String(n.severityLevel),
    position: adjusted,
  };
}

function notificationsOf(
  explain: ResultSummary,
  run: ResultSummary | undefined,
): CypherNotification[] {
  const all = [
    ...(run?.notifications ?? []).map((n) => toNotification(n, 0)),
    ...explain.notifications.map((n) => toNotification(n, EXPLAIN_PREFIX.length)),
  ];
  const seen = new Set<string>();
  return all.filter((n) => {
    const key = `${n.code}@${n.position?.offset ?? ''}`;
    return !seen.has(key) && seen.add(key);
  });
}

/** Runs a checked query text (guard.checkQueryText) with driver parameters. */
export async function runConsoleQuery(
  db: Database,
  query: string,
  params: Record<string, unknown>,
  limits: ConsoleLimits,
  signal?: AbortSignal,
): Promise<CypherResponse> {
  const started = performance.now();
  const database = db.target.database;
  // A session of its own: the console needs a fetch size tied to its row cap.
  const sessionOptions = {
    mode: 'READ',
    fetchSize: Math.min(limits.maxRows + 1, MAX_FETCH_SIZE),
  } as const;
  return db.withSession(sessionOptions, (session) =>
    session.executeRead(
      async (tx) => {
        let explain: ResultSummary;
        try {
          explain = (await tx.run(`${EXPLAIN_PREFIX}${query}`, params)).summary;
        } catch (error) {
          throw fromQueryError(error, EXPLAIN_PREFIX.length);
        }
        checkPlan(explain.queryType, explain.plan as PlanNode | false, database);

        const rows: EncodedValue[][] = [];
        const graph = new GraphCollector();
        let columns: string[] = [];
        let truncated = false;
        let chars = 0;
        let summary: ResultSummary | undefined;
        try {
          const result = tx.run(query, params);
          columns = await result.keys();
          const records = result[Symbol.asyncIterator]();
          for (;;) {
            const step = await records.next();
            if (step.done) {
              summary = step.value;
              break;
            }
            if (rows.length >= limits.maxRows || chars > MAX_RESPONSE_CHARS || signal?.aborted) {
              // More rows exist: stop pulling; the driver discards the rest on the server.
              truncated = true;
              summary = (await records.return?.())?.value as ResultSummary | undefined;
              break;
            }
            const record: Neo4jRecord = step.value;
            const row = columns.map((key) => encodeValue(record.get(key)));
            chars += JSON.stringify(row).length;
            rows.push(row);
            for (const key of columns) graph.add(record.get(key));
          }
        } catch (error) {
          throw fromQueryError(error);
        }
        return {
          columns,
          rows,
          graph: graph.result(),
          truncated,
          rowCap: limits.maxRows,
          summary: {
            queryType: summary?.queryType ?? explain.queryType,
            resultAvailableAfterMs: toNumber(summary?.resultAvailableAfter),
            resultConsumedAfterMs: toNumber(summary?.resultConsumedAfter),
            elapsedMs: Math.round(performance.now() - started),
            notifications: notificationsOf(explain, summary),
          },
        };
      },
      { timeout: limits.timeoutMs },
    ),
  );
}
