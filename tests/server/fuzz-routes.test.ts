/**
 * Property tests over every route the OpenAPI document lists, on the seed graph in a real
 * Neo4j: random path and query parameters (known names with hostile values, unknown names,
 * repeated and bracketed keys) and random bodies. No answer may be a 500, every error is
 * problem+json without internals, and nothing hangs. The seed is fixed and printed on failure.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { loadSeed } from '../../server/seed/index.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';
import { serve, type Served } from './api-harness.ts';
import { FUZZ_SEED, fuzzParameters } from './fuzz-settings.ts';

const TOKEN = 'fuzz-write-token-0123456789';
/** A request without an answer after this long counts as hung. */
const HANG_MS = 30_000;
const RUNS_PER_ROUTE = 120;

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  hasBody: boolean;
}

let db: Database;
let app: Served;
let operations: Operation[] = [];
let nodeIds: string[] = [];
const statuses = new Map<string, Map<number, number>>();

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
  await loadSeed(db);
  nodeIds = await db.read(async (tx) =>
    (await tx.run('MATCH (n) RETURN elementId(n) AS id LIMIT 20')).records.map(
      (r) => r.get('id') as string,
    ),
  );
  app = await serve(db, {
    WRITE_TOKEN: TOKEN,
    QUERY_TIMEOUT_MS: '5000',
    RATE_LIMIT_MAX: '1000000',
    RATE_LIMIT_CYPHER_MAX: '1000000',
    RATE_LIMIT_WRITE_MAX: '1000000',
  });
  const document = (await (await fetch(`${app.base}/api/openapi.json`)).json()) as {
    paths: Record<
      string,
      Record<string, { parameters?: { in: string; name: string }[]; requestBody?: unknown }>
    >;
  };
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      hasBody: method !== 'get' && method !== 'head',
    })),
  );
});

afterAll(async () => {
  const lines = [...statuses].map(
    ([route, counts]) => `${route}: ${[...counts].map(([s, n]) => `${s}×${n}`).join(' ')}`,
  );
  if (lines.length) console.log(`fuzz statuses (seed ${FUZZ_SEED}):\n${lines.join('\n')}`);
  await app?.close();
  await db?.close();
});

/** Parameter values: plausible, boundary and hostile. */
const paramValue = () =>
  fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer().map(String),
    fc.double().map(String),
    fc.constantFrom(
      '',
      ' ',
      '0',
      '-1',
      '1e309',
      '99999999999999999999999',
      'NaN',
      'true',
      'null',
      'undefined',
      '[]',
      '{}',
      'Tajikistan',
      'tajik*',
      '"unterminated',
      'a AND (b OR',
      '\\',
      '%',
      '%00',
      '\u0000',
      '../../etc/passwd',
      "' OR 1=1 //",
      'MATCH (n) DETACH DELETE n',
      '${jndi:ldap://127.0.0.1/x}',
      'x'.repeat(5000),
    ),
    fc.constantFrom(...(nodeIds.length ? nodeIds : ['4:x:1'])),
  );

/** One query string: each known name or not, then odd extras (repeated, bracketed, unknown). */
const queryString = (names: string[]) =>
  fc
    .tuple(
      fc.record(Object.fromEntries(names.map((n) => [n, paramValue()])), { requiredKeys: [] }),
      fc.array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom(...(names.length ? names : ['x'])),
            fc.constantFrom(
              ...names.map((n) => `${n}[]`),
              ...names.map((n) => `${n}[a]`),
              '__proto__[x]',
              'constructor[prototype][x]',
            ),
            fc.string({ maxLength: 10 }),
          ),
          paramValue(),
        ),
        { maxLength: 3 },
      ),
    )
    .map(([known, extra]) =>
      [...Object.entries(known), ...extra]
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v as string)}`)
        .join('&'),
    );

const jsonValue = fc.jsonValue({ maxDepth: 3 });

/** Bodies: random JSON, console-shaped objects and raw text. */
const body = fc.oneof(
  jsonValue.map((v) => ({ type: 'application/json', text: JSON.stringify(v) })),
  fc
    .record({
      query: fc.oneof(
        fc.string(),
        fc.constantFrom(
          'MATCH (n) RETURN n',
          'RETURN $x AS x',
          'MATCH p=()-[*]-() RETURN p',
          'UNWIND range(1, 100000) AS x RETURN x',
          'CALL db.labels()',
          'MATCH (n:Country) RETURN n.name',
        ),
      ),
      params: fc.dictionary(fc.string({ maxLength: 5 }), jsonValue, { maxKeys: 3 }),
    })
    .map((v) => ({ type: 'application/json', text: JSON.stringify(v) })),
  fc.string().map((text) => ({ type: 'text/plain', text })),
  fc.string().map((text) => ({ type: 'application/json', text })),
  fc.constantFrom(
    { type: 'text/html', text: '<html><script>alert(1)</script><p>Tajikistan and Russia</p>' },
    { type: 'application/xml', text: '<x/>' },
    { type: 'application/json', text: '{"text": 5}' },
  ),
);

async function send(
  op: Operation,
  pathValues: string[],
  query: string,
  payload: { type: string; text: string } | undefined,
): Promise<{ status: number; contentType: string; text: string }> {
  let path = op.path;
  op.pathParams.forEach((name, i) => {
    path = path.replace(`{${name}}`, encodeURIComponent(pathValues[i] ?? ''));
  });
  const response = await fetch(`${app.base}${path}${query ? `?${query}` : ''}`, {
    method: op.method,
    headers: payload
      ? { 'content-type': payload.type, authorization: `Bearer ${TOKEN}` }
      : { authorization: `Bearer ${TOKEN}` },
    body: payload?.text,
    signal: AbortSignal.timeout(HANG_MS),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

describe('every route under random input', () => {
  it('lists the routes to fuzz', () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toContain('POST /api/cypher');
  });

  it(`answers without a 500 or a hang (seed ${FUZZ_SEED}, ${RUNS_PER_ROUTE} cases per route)`, async () => {
    for (const op of operations) {
      const route = `${op.method} ${op.path}`;
      const counts = new Map<number, number>();
      statuses.set(route, counts);
      const pathValues = fc.array(paramValue(), {
        minLength: op.pathParams.length,
        maxLength: op.pathParams.length,
      });
      await fc.assert(
        fc.asyncProperty(
          pathValues,
          queryString(op.queryParams),
          op.hasBody ? body.map((b) => b as typeof b | undefined) : fc.constant(undefined),
          async (values, query, payload) => {
            const answer = await send(op, values, query, payload);
            counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
            const where = `${route} ?${query.slice(0, 200)} ${payload?.text.slice(0, 200) ?? ''}`;
            expect(answer.status, `${where}\n${answer.text.slice(0, 300)}`).not.toBe(500);
            expect(answer.status, where).toBeLessThan(600);
            if (answer.status >= 400) {
              expect(answer.contentType, where).toContain('application/problem+json');
              expect(answer.text).not.toMatch(/\bat .*\.(ts|js):\d+|node_modules|Neo4jError:/);
            }
          },
        ),
        fuzzParameters(RUNS_PER_ROUTE),
      );
    }
  }, 900_000);
});
