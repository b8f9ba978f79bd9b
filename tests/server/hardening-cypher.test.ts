/**
 * Hostile queries against the read-only Cypher console, through the HTTP API and a real Neo4j:
 * every way of writing, schema, admin and user commands, other databases, file and URL reads,
 * write and admin procedures, several statements, comments and Unicode tricks, EXPLAIN/PROFILE
 * and parameters carrying text. Each gets a clear refusal, and the database is compared before
 * and after: data, properties, tokens, schema, users and databases. Also: a runaway query ends
 * at the server-side timeout, the row cap holds while streaming, and Neo4j never runs more
 * console queries at once than the configured bound.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CypherResponse, QueryRefusalReason } from '../../common/api.ts';
import type { Database } from '../../server/db/database.ts';
import { problemType } from '../../server/http/problems.ts';
import { CypherResponseSchema } from '../../common/contract/explorer.ts';
import { clearDatabase, openTestDatabase, testTarget } from '../support/neo4j.ts';
import { ok, post, serve, type JsonResponse, type Served } from './api-harness.ts';

const TIMEOUT_MS = 2_000;
const ROW_CAP = 50;

let db: Database;
let app: Served;

/** A sentinel HTTP server: a LOAD CSV that got through would show up in its request log. */
let sentinel: http.Server;
let sentinelUrl: string;
const sentinelHits: string[] = [];
/** A CSV outside Neo4j's import folder, with a marker that must never appear in a response. */
const SECRET_MARKER = 'hardening-secret-7f3a';
let secretFile: string;

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
  await db.write((tx) =>
    tx.run(`CREATE (a:Person {name: 'Ann', born: 1990})-[:KNOWS {since: 2001}]->
                   (b:Person {name: 'Bob'})-[:MET {at: 'Dushanbe'}]->(:Place {name: 'Dushanbe'})`),
  );
  await db.runAutoCommit('CREATE INDEX person_name IF NOT EXISTS FOR (p:Person) ON (p.name)');
  await db.runAutoCommit(
    'CREATE CONSTRAINT place_name IF NOT EXISTS FOR (p:Place) REQUIRE p.name IS UNIQUE',
  );
  app = await serve(db, {
    QUERY_TIMEOUT_MS: String(TIMEOUT_MS),
    QUERY_MAX_ROWS: String(ROW_CAP),
    CYPHER_MAX_CONCURRENCY: '2',
    RATE_LIMIT_CYPHER_MAX: '100000',
  });
  sentinel = http.createServer((req, res) => {
    sentinelHits.push(req.url ?? '');
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((resolve) => sentinel.listen(0, '127.0.0.1', resolve));
  sentinelUrl = `http://127.0.0.1:${(sentinel.address() as AddressInfo).port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summit-hostile-'));
  secretFile = path.join(dir, 'secret.csv');
  fs.writeFileSync(secretFile, `name\n${SECRET_MARKER}\n`);
});

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => sentinel?.close(resolve));
  if (secretFile) fs.rmSync(path.dirname(secretFile), { recursive: true, force: true });
  await db?.close();
});

/** Everything a hostile query could change, read over a direct (administrator) connection. */
async function fingerprint(): Promise<string> {
  const data = await db.read(async (tx) => {
    const graph = await tx.run(`
      MATCH (n)
      OPTIONAL MATCH (n)-[r]->()
      WITH n, collect(r) AS rels
      ORDER BY elementId(n)
      RETURN count(n) AS nodes,
             sum(size(rels)) AS relationships,
             sum(size(keys(n)) + reduce(s = 0, r IN rels | s + size(keys(r)))) AS properties,
             collect([labels(n), properties(n), [r IN rels | [type(r), properties(r)]]]) AS content`);
    const tokens = await tx.run(`
      CALL db.labels() YIELD label WITH collect(label) AS labels
      CALL db.relationshipTypes() YIELD relationshipType WITH labels, collect(relationshipType) AS types
      CALL db.propertyKeys() YIELD propertyKey
      RETURN labels, types, collect(propertyKey) AS keys`);
    const indexes = await tx.run(
      'SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN collect([name, type, labelsOrTypes, properties]) AS i',
    );
    const constraints = await tx.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS c');
    return [graph, tokens, indexes, constraints].map((r) => r.records[0]?.toObject());
  });
  return db.withSession({ mode: 'READ', database: 'system' }, async (session) => {
    const users = await session.run('SHOW USERS YIELD user RETURN collect(user) AS users');
    const dbs = await session.run(
      'SHOW DATABASES YIELD name, currentStatus, access RETURN collect([name, currentStatus, access]) AS d',
    );
    return JSON.stringify([...data, users.records[0]?.toObject(), dbs.records[0]?.toObject()]);
  });
}

/** How the console must answer: a refusal with its reason, or a syntax or rejection error. */
type Expected = QueryRefusalReason | 'syntax' | 'rejected';

function expectRefusal(response: JsonResponse, expected: Expected): void {
  const body = response.body as Record<string, unknown>;
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(typeof body.detail).toBe('string');
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+|node_modules|Neo4jError:/);
  if (expected === 'syntax') {
    expect(response.status, JSON.stringify(body)).toBe(400);
    expect(body.type).toBe(problemType('query-syntax'));
  } else if (expected === 'rejected') {
    expect(response.status, JSON.stringify(body)).toBe(400);
    expect(body.type).toBe(problemType('validation'));
  } else {
    expect(response.status, JSON.stringify(body)).toBe(422);
    expect(body.type).toBe(problemType('query-refused'));
    expect(body.reason).toBe(expected);
  }
}

const FS = '\u001c'; // a separator Cypher counts as whitespace and JavaScript does not
const ZWSP = '\u200b';
const IDEOGRAPHIC_SPACE = '\u3000';

const hostile: [string, string, Expected, Record<string, unknown>?][] = [
  // Every way of writing.
  ['create', "CREATE (:Person {name: 'Mallory'})", 'write'],
  ['create after read', 'MATCH (n) WITH n LIMIT 1 CREATE (n)-[:OWNS]->(:Loot)', 'write'],
  ['merge', "MERGE (p:Person {name: 'Mallory'}) RETURN p", 'write'],
  ['merge on match set', "MERGE (p:Person {name: 'Ann'}) ON MATCH SET p.pwned = true", 'write'],
  ['set property', 'MATCH (n) SET n.pwned = true', 'write'],
  ['set map', 'MATCH (n) SET n += {pwned: true}', 'write'],
  ['set replace', 'MATCH (n) SET n = {}', 'write'],
  ['set label', 'MATCH (n) SET n:Pwned', 'write'],
  ['delete relationship', 'MATCH ()-[r]->() DELETE r', 'write'],
  ['delete', 'MATCH (n) DELETE n', 'write'],
  ['detach delete', 'MATCH (n) DETACH DELETE n', 'write'],
  ['remove property', 'MATCH (n) REMOVE n.name', 'write'],
  ['remove label', 'MATCH (n) REMOVE n:Person', 'write'],
  ['foreach', 'MATCH (n) FOREACH (x IN [1] | SET n.x = x)', 'write'],
  ['write in subquery', 'CALL { CREATE (n:Pwned) RETURN n } RETURN n', 'write'],
  ['write in scoped subquery', 'MATCH (n) CALL (n) { SET n.x = 1 } RETURN count(*)', 'write'],
  ['insert (GQL)', 'INSERT (:Pwned)', 'write'],
  ['in transactions', 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS', 'in-transactions'],
  [
    'in concurrent transactions',
    'MATCH (n) CALL (n) { SET n.x = 1 } IN 2 CONCURRENT TRANSACTIONS OF 1 ROW',
    'in-transactions',
  ],
  [
    'read-only subquery in transactions',
    'CALL { RETURN 1 AS x } IN TRANSACTIONS RETURN x',
    'in-transactions',
  ],
  // Schema and index commands.
  ['create index', 'CREATE INDEX pwned FOR (n:Person) ON (n.born)', 'schema'],
  [
    'create fulltext index',
    'CREATE FULLTEXT INDEX pwned FOR (n:Person) ON EACH [n.name]',
    'schema',
  ],
  ['drop index', 'DROP INDEX person_name', 'schema'],
  [
    'create constraint',
    'CREATE CONSTRAINT pwned FOR (n:Person) REQUIRE n.name IS UNIQUE',
    'schema',
  ],
  ['drop constraint', 'DROP CONSTRAINT place_name', 'schema'],
  // Admin and user commands.
  ['create user', "CREATE USER mallory SET PASSWORD 'secret12345'", 'admin'],
  ['alter user', "ALTER USER neo4j SET PASSWORD 'pwned12345'", 'admin'],
  ['alter current user', "ALTER CURRENT USER SET PASSWORD FROM 'x' TO 'pwned12345'", 'admin'],
  ['show users', 'SHOW USERS', 'admin'],
  ['show current user', 'SHOW CURRENT USER', 'admin'],
  ['show databases', 'SHOW DATABASES', 'admin'],
  ['create database', 'CREATE DATABASE pwned', 'admin'],
  ['drop database', 'DROP DATABASE neo4j', 'admin'],
  ['stop database', 'STOP DATABASE neo4j', 'admin'],
  ['read-only database', 'ALTER DATABASE neo4j SET ACCESS READ ONLY', 'admin'],
  ['grant', 'GRANT ROLE admin TO mallory', 'admin'],
  ['show transactions (other queries and their parameters)', 'SHOW TRANSACTIONS', 'admin'],
  ['terminate transactions', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'admin'],
  ['show settings', 'SHOW SETTINGS', 'admin'],
  // Other databases.
  ['use system', 'USE system SHOW USERS', 'use'],
  ['use system in a subquery', 'CALL { USE system MATCH (n) RETURN n } RETURN n', 'use'],
  ['use behind CYPHER options', 'CYPHER 5 USE system MATCH (n) RETURN n', 'use'],
  ['use with a Cypher-only space', `USE${FS}system SHOW USERS`, 'use'],
  ['use with an ideographic space', `USE${IDEOGRAPHIC_SPACE}system MATCH (n) RETURN n`, 'use'],
  // Files and URLs.
  ['load csv from /etc/passwd', "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", 'load-csv'],
  [
    'load csv with headers',
    "LOAD CSV WITH HEADERS FROM 'file:///secret.csv' AS row RETURN row",
    'load-csv',
  ],
  [
    'load csv from a parameter',
    'LOAD CSV FROM $url AS row RETURN row',
    'load-csv',
    { url: 'file:///etc/passwd' },
  ],
  [
    'load csv from an unwound list',
    "UNWIND ['file:///etc/hosts'] AS u LOAD CSV FROM u AS row RETURN row",
    'load-csv',
  ],
  [
    'lower-case load csv after a clause',
    "WITH 1 AS x load /* c */ csv from 'file:///etc/passwd' AS r RETURN r",
    'load-csv',
  ],
  [
    'load csv with a Cypher-only space',
    `LOAD${FS}CSV FROM 'file:///etc/passwd' AS r RETURN r`,
    'load-csv',
  ],
  [
    'load csv with an ideographic space',
    `LOAD${IDEOGRAPHIC_SPACE}CSV FROM 'file:///etc/passwd' AS r RETURN r`,
    'load-csv',
  ],
  [
    'load csv with a zero-width space',
    `LOAD${ZWSP}CSV FROM 'file:///etc/passwd' AS r RETURN r`,
    'syntax',
  ],
  // Write and admin procedures.
  ['db.createLabel', "CALL db.createLabel('Pwned')", 'procedure'],
  ['db.createProperty', "CALL db.createProperty('pwned')", 'procedure'],
  ['db.createRelationshipType', "CALL db.createRelationshipType('PWNED')", 'procedure'],
  ['tx.setMetaData', 'CALL tx.setMetaData({pwned: true})', 'procedure'],
  ['db.stats.collect', "CALL db.stats.collect('QUERIES')", 'procedure'],
  ['db.clearQueryCaches', 'CALL db.clearQueryCaches()', 'procedure'],
  ['db.awaitIndexes', 'CALL db.awaitIndexes(300)', 'procedure'],
  ['db.resampleIndex', "CALL db.resampleIndex('person_name')", 'procedure'],
  ['dbms.listConfig', 'CALL dbms.listConfig()', 'procedure'],
  ['dbms.queryJmx', "CALL dbms.queryJmx('*:*')", 'procedure'],
  ['dbms.components', 'CALL dbms.components()', 'procedure'],
  ['dbms.upgrade', 'CALL dbms.upgrade()', 'procedure'],
  ['procedure in a subquery', "CALL { CALL db.createLabel('Pwned') } RETURN 1", 'procedure'],
  ['unknown procedure (APOC absent)', "CALL apoc.cypher.runWrite('CREATE (n)', {})", 'rejected'],
  ['removed procedure', "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')", 'rejected'],
  // Several statements.
  ['two statements', 'MATCH (n) RETURN n; CREATE (:Pwned)', 'multiple-statements'],
  ['statement after an empty one', 'RETURN 1;; CREATE (:Pwned)', 'multiple-statements'],
  [
    'semicolon in a comment, then a write',
    'RETURN 1 /* ; */ ; CREATE (:Pwned)',
    'multiple-statements',
  ],
  ['look-alike semicolon (U+037E)', 'RETURN 1\u037e CREATE (:Pwned)', 'syntax'],
  // Comments and Unicode.
  ['write behind a block comment', '/* read only */ CREATE (:Pwned) // nothing here', 'write'],
  ['read hidden in a comment', 'MATCH (n) /* RETURN n */ DETACH DELETE n', 'write'],
  ['newline in a line comment', 'MATCH (n) // RETURN n\nDETACH DELETE n', 'write'],
  ['full-width keyword', 'ＣＲＥＡＴＥ (:Pwned)', 'syntax'],
  ['full-width label', 'CREATE (:Ｐwned)', 'write'],
  ['zero-width space in a keyword', `CRE${ZWSP}ATE (:Pwned)`, 'syntax'],
  ['zero-width space after a keyword', `CREATE${ZWSP}(:Pwned)`, 'syntax'],
  ['mixed case', 'cReAtE (:Pwned)', 'write'],
  ['backticked keyword', '`CREATE` (:Pwned)', 'syntax'],
  // EXPLAIN and PROFILE.
  ['explain', 'EXPLAIN CREATE (:Pwned)', 'explain-profile'],
  ['profile', 'PROFILE CREATE (:Pwned)', 'explain-profile'],
  [
    'profile behind options',
    'CYPHER runtime=slotted PROFILE MATCH (n) DETACH DELETE n',
    'explain-profile',
  ],
  ['explain behind a comment', '/* x */ explain MATCH (n) RETURN n', 'explain-profile'],
  ['runtime option and a write', 'CYPHER runtime=interpreted CREATE (:Pwned)', 'write'],
  // Parameters carrying text.
  [
    'text parameter into a write',
    'WITH $q AS q CREATE (:Pwned {q: q})',
    'write',
    { q: 'MATCH (n) DETACH DELETE n' },
  ],
  ['map parameter into SET', 'MATCH (n) SET n += $props', 'write', { props: { name: 'Mallory' } }],
  ['dynamic label from a parameter', 'MATCH (n) SET n:$($label)', 'write', { label: 'Pwned' }],
];

describe('hostile queries', () => {
  it.each(hostile)('%s: refused, nothing changes', async (_name, query, expected, params) => {
    const before = await fingerprint();
    const response = await post(app.base, '/api/cypher', { query, params: params ?? {} });
    expectRefusal(response, expected);
    expect(await fingerprint()).toBe(before);
  });

  it('text that only looks hostile still runs as a read', async () => {
    for (const query of [
      'RETURN \'CREATE (:Pwned); LOAD CSV FROM "file:///etc/passwd" AS r\' AS text',
      'MATCH (n:Person) RETURN n.name AS load, n.born AS csv ORDER BY load',
      'MATCH (`DELETE`:Person) RETURN count(`DELETE`) AS n',
      'RETURN 1 // ; CREATE (:Pwned)',
      `RETURN 1 //x\u2028 ; CREATE (:Pwned)`,
    ]) {
      const before = await fingerprint();
      const body: CypherResponse = ok(
        await post(app.base, '/api/cypher', { query }),
        CypherResponseSchema,
      );
      expect(body.summary.queryType, query).toBe('r');
      expect(await fingerprint()).toBe(before);
    }
  });
});

describe('files and URLs are not read', () => {
  it('a LOAD CSV from a URL never reaches the URL (while Neo4j itself would fetch it)', async () => {
    const query = `LOAD CSV FROM '${sentinelUrl}/console.csv' AS row RETURN row`;
    expectRefusal(await post(app.base, '/api/cypher', { query }), 'load-csv');
    expectRefusal(
      await post(app.base, '/api/cypher', {
        query: 'LOAD CSV FROM $u AS row RETURN row',
        params: { u: `${sentinelUrl}/param.csv` },
      }),
      'load-csv',
    );
    expect(sentinelHits).toEqual([]);
    // The control: the same statement outside the console does fetch, so the check above can fail.
    const rows = await db.read(
      async (tx) =>
        (await tx.run(`LOAD CSV FROM '${sentinelUrl}/direct.csv' AS row RETURN row`)).records,
    );
    expect(rows.length).toBe(2);
    expect(sentinelHits).toEqual(['/direct.csv']);
  });

  it('a file outside the import folder is not read, by any spelling', async () => {
    const url = `file://${secretFile}`;
    for (const query of [
      `LOAD CSV FROM '${url}' AS row RETURN row`,
      `LOAD CSV WITH HEADERS FROM '${url}' AS row RETURN row.name`,
      `LOAD CSV FROM 'file:///../../../../..${secretFile}' AS row RETURN row`,
      `LOAD${FS}CSV FROM '${url}' AS row RETURN row`,
    ]) {
      const response = await post(app.base, '/api/cypher', { query });
      expectRefusal(response, 'load-csv');
      expect(JSON.stringify(response.body)).not.toContain(SECRET_MARKER);
    }
    expect(
      testTarget().importDir === null || !secretFile.startsWith(testTarget().importDir ?? ''),
    ).toBe(true);
  });
});

describe('limits while running', () => {
  async function consoleTransactions(marker: string): Promise<number> {
    return db.withSession({ mode: 'WRITE', database: 'neo4j' }, async (session) => {
      const result = await session.run(
        'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n',
        { marker },
      );
      return Number(result.records[0]?.get('n'));
    });
  }

  it('a runaway cartesian product ends at the server-side timeout and leaves no transaction', async () => {
    const marker = 'hardening-runaway';
    const started = Date.now();
    const response = await post(app.base, '/api/cypher', {
      query: `WITH '${marker}' AS m UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN m, count(*) AS n`,
    });
    const elapsed = Date.now() - started;
    expect(response.status, JSON.stringify(response.body)).toBe(504);
    expect((response.body as { type: string }).type).toBe(problemType('query-timeout'));
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 4_000);
    expect(await consoleTransactions(marker)).toBe(0);
  });

  it('the row cap holds while streaming 50 million rows: answered fast, transaction closed', async () => {
    const marker = 'hardening-stream';
    const started = Date.now();
    const body: CypherResponse = ok(
      await post(app.base, '/api/cypher', {
        query: `UNWIND range(1, 50000000) AS x RETURN x, '${marker}' AS m`,
      }),
      CypherResponseSchema,
    );
    expect(body.rows).toHaveLength(ROW_CAP);
    expect(body.truncated).toBe(true);
    // Producing every row would take far longer than the timeout; the cap stopped the stream.
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
    expect(await consoleTransactions(marker)).toBe(0);
  });

  it('Neo4j never runs more console queries at once than CYPHER_MAX_CONCURRENCY', async () => {
    const marker = 'hardening-concurrency';
    const query = `WITH '${marker}' AS m UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN m, count(*) AS n`;
    let most = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        most = Math.max(most, await consoleTransactions(marker));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => post(app.base, '/api/cypher', { query })),
    );
    polling = false;
    await poll;
    // Two ran to the timeout, two waited their turn and then did the same.
    expect(responses.map((r) => r.status)).toEqual([504, 504, 504, 504]);
    expect(most).toBe(2);
  });
});
