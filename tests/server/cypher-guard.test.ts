/**
 * The Cypher console's read-only guard: the text checks on literal queries, the plan checks on
 * literal plans, and hostile queries against a real Neo4j through the API — each refused with
 * its reason, and the data unchanged afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CypherResponse, QueryRefusalReason } from '../../common/api.ts';
import {
  checkPlan,
  checkQueryText,
  procedureName,
  type PlanNode,
} from '../../server/cypher/guard.ts';
import { tokenize } from '../../server/cypher/lexer.ts';
import type { Database } from '../../server/db/database.ts';
import { AppError } from '../../server/http/problems.ts';
import { CypherResponseSchema } from '../../common/contract/explorer.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';
import { ok, post, problem, serve, type Served } from './api-harness.ts';

function refusal(run: () => unknown): { reason: unknown; status: number } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { reason: error.extensions.reason, status: error.status };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the query text', () => {
  it('tokenizes around strings, comments, backticks and parameters', () => {
    const tokens = tokenize(
      "MATCH (n:`LOAD CSV`) // USE x\nWHERE n.a = 'USE ; LOAD CSV' /* ; */ RETURN $use",
    );
    expect(tokens.filter((t) => t.kind === 'word').map((t) => t.text)).toEqual([
      'MATCH',
      'N',
      'WHERE',
      'N',
      'A',
      'RETURN',
    ]);
    expect(tokens.find((t) => t.kind === 'parameter')?.text).toBe('$use');
  });

  it.each<[string, QueryRefusalReason]>([
    ['MATCH (n) RETURN n; MATCH (m) DETACH DELETE m', 'multiple-statements'],
    ['RETURN 1;;', 'multiple-statements'],
    ['EXPLAIN MATCH (n) RETURN n', 'explain-profile'],
    ['profile MATCH (n) RETURN n', 'explain-profile'],
    ['CYPHER 5 PROFILE MATCH (n) RETURN n', 'explain-profile'],
    ['USE system SHOW USERS', 'use'],
    ['CYPHER 5 USE neo4j MATCH (n) RETURN n', 'use'],
    ['CALL { USE other MATCH (n) RETURN n } RETURN n', 'use'],
    ['MATCH (n) RETURN n UNION USE x MATCH (n) RETURN n', 'use'],
    ["LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", 'load-csv'],
    ["WITH 1 AS x load   csv from 'https://example.org/x.csv' AS row RETURN row", 'load-csv'],
    ['MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS OF 10 ROWS', 'in-transactions'],
    ['MATCH (n) CALL (n) { DELETE n } IN 4 CONCURRENT TRANSACTIONS', 'in-transactions'],
  ])('refuses %s (%s)', (query, reason) => {
    expect(refusal(() => checkQueryText(query))).toEqual({ reason, status: 422 });
  });

  it.each([
    "RETURN 'LOAD CSV; USE system; EXPLAIN' AS text",
    'MATCH (n) WHERE n.use = 1 RETURN n.profile AS explain',
    'RETURN {use: 1, explain: 2} AS m',
    'WITH [1, 2] AS transactions UNWIND transactions AS t RETURN t IN transactions',
    'MATCH (`USE`) RETURN `USE`',
    '// only a comment before\nRETURN 1 ;',
    'MATCH (n) RETURN n;   ',
  ])('lets %j through to the plan check', (query) => {
    expect(() => checkQueryText(query)).not.toThrow();
  });

  it('drops one trailing semicolon and refuses text with nothing to run', () => {
    expect(checkQueryText('RETURN 1 ; // done')).toBe('RETURN 1');
    expect(refusal(() => checkQueryText('// nothing\n/* here */'))).toMatchObject({ status: 400 });
    expect(refusal(() => checkQueryText("RETURN 'open"))).toMatchObject({ status: 400 });
  });
});

describe('the plan', () => {
  const plan = (...operators: string[]): PlanNode => {
    const [first, ...rest] = operators;
    return {
      operatorType: `${first}@neo4j`,
      arguments: {},
      children: rest.length ? [plan(...rest)] : [],
    };
  };

  it.each<[string, string[], QueryRefusalReason]>([
    ['w', ['ProduceResults', 'Create'], 'write'],
    ['rw', ['ProduceResults', 'Merge'], 'write'],
    ['s', ['CreateIndex'], 'schema'],
    ['s', ['AdministrationCommand'], 'admin'],
    ['r', ['ProduceResults', 'TerminateTransactions'], 'admin'],
    ['r', ['ProduceResults', 'ShowTransactions'], 'admin'],
    ['r', ['ProduceResults', 'ShowSettings'], 'admin'],
    ['r', ['ProduceResults', 'LoadCSV'], 'load-csv'],
    ['r', ['ProduceResults', 'TransactionApply', 'AllNodesScan'], 'in-transactions'],
  ])('refuses query type %s with %j (%s)', (queryType, operators, reason) => {
    expect(refusal(() => checkPlan(queryType, plan(...operators), 'neo4j'))).toEqual({
      reason,
      status: 422,
    });
  });

  it('refuses plans on another database and procedures off the allow-list', () => {
    const elsewhere = { operatorType: 'AllNodesScan@system', arguments: {}, children: [] };
    expect(refusal(() => checkPlan('r', elsewhere, 'neo4j')).reason).toBe('use');
    const call = (details: string) => ({
      operatorType: 'ProcedureCall@neo4j',
      arguments: { Details: details },
    });
    expect(() => checkPlan('r', call('db.labels() :: (label :: STRING)'), 'neo4j')).not.toThrow();
    expect(
      refusal(() => checkPlan('r', call('db.stats.collect($section) :: ()'), 'neo4j')).reason,
    ).toBe('procedure');
    expect(procedureName('`db`.`labels`() :: (label :: STRING)')).toBe('db.labels');
    expect(() => checkPlan('r', plan('ProduceResults', 'ShowIndexes'), 'neo4j')).not.toThrow();
  });
});

describe('hostile queries against Neo4j', () => {
  let db: Database;
  let app: Served;

  beforeAll(async () => {
    db = openTestDatabase();
    await clearDatabase(db);
    await db.write((tx) =>
      tx.run("CREATE (:Person {name: 'Ann'})-[:KNOWS]->(:Person {name: 'Bob'})"),
    );
    app = await serve(db);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function fingerprint(): Promise<string> {
    return db.read(async (tx) => {
      const data = await tx.run(
        'MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r, collect(properties(n)) AS p',
      );
      const schema = await tx.run('SHOW INDEXES YIELD name RETURN collect(name) AS i');
      return JSON.stringify([data.records[0]?.toObject(), schema.records[0]?.toObject()]);
    });
  }

  const hostile: [string, QueryRefusalReason, Record<string, unknown>?][] = [
    ["CREATE (:Person {name: 'Mallory'})", 'write'],
    ["MERGE (p:Person {name: 'Mallory'}) RETURN p", 'write'],
    ['MATCH (n) SET n.pwned = true', 'write'],
    ['MATCH (n) DELETE n', 'write'],
    ['MATCH (n) DETACH DELETE n', 'write'],
    ['MATCH (n) REMOVE n.name', 'write'],
    ['MATCH (n) FOREACH (x IN [1] | SET n.x = x)', 'write'],
    ['MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS', 'in-transactions'],
    ['CREATE INDEX pwned FOR (n:Person) ON (n.name)', 'schema'],
    ['DROP INDEX any_index IF EXISTS', 'schema'],
    ['CREATE CONSTRAINT pwned FOR (n:Person) REQUIRE n.name IS UNIQUE', 'schema'],
    ['SHOW USERS', 'admin'],
    ['SHOW DATABASES', 'admin'],
    ['CREATE DATABASE pwned', 'admin'],
    ["CREATE USER mallory SET PASSWORD 'secret123'", 'admin'],
    ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'admin'],
    ['SHOW TRANSACTIONS', 'admin'],
    ['SHOW SETTINGS', 'admin'],
    ['USE system SHOW USERS', 'use'],
    ["LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", 'load-csv'],
    ['CALL db.createLabel("Pwned")', 'procedure'],
    ["CALL db.stats.collect('QUERIES')", 'procedure'],
    ['CALL db.clearQueryCaches()', 'procedure'],
    ['CALL dbms.listConfig()', 'procedure'],
    ['MATCH (n) RETURN n; CREATE (:Pwned)', 'multiple-statements'],
    ['/* read */ CREATE (:Pwned) // only a comment', 'write'],
    ['CREATE (:Ｐwned)', 'write'],
    ['PROFILE CREATE (:Pwned)', 'explain-profile'],
    ['EXPLAIN CREATE (:Pwned)', 'explain-profile'],
    ['WITH $q AS q CREATE (:Pwned {q: q})', 'write', { q: 'MATCH (n) DETACH DELETE n' }],
  ];

  it.each(hostile)('%s is refused (%s) and changes nothing', async (query, reason, params) => {
    const before = await fingerprint();
    const response = await post(app.base, '/api/cypher', { query, params: params ?? {} });
    const body = problem(response, 'query-refused', 422);
    expect(body.reason).toBe(reason);
    expect(body.detail).toEqual(expect.any(String));
    expect(await fingerprint()).toBe(before);
  });

  it('still runs reads, including allowed procedures and show commands', async () => {
    for (const query of [
      'MATCH (n:Person) RETURN n.name AS name ORDER BY name',
      'CALL db.labels() YIELD label RETURN label',
      'SHOW INDEXES YIELD name RETURN name',
      "RETURN 'CREATE (:Pwned)' AS text",
    ]) {
      const body: CypherResponse = ok(
        await post(app.base, '/api/cypher', { query }),
        CypherResponseSchema,
      );
      expect(body.summary.queryType).toBe('r');
    }
  });
});
