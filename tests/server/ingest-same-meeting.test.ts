/**
 * The same talks reported by two documents under different titles (and the second naming the
 * leaders without their offices) resolve to one Meeting, and the person the graph already holds
 * is recognised by name alone. Texts written for this test, not taken from any source.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { ingestDocument } from '../../server/ingest/index.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';

const FIRST = [
  'Presidents of Chile and Peru hold talks in Lima',
  '',
  'On 3 March 2024 in Lima, President of Chile Gabriel Boric held talks with President of Peru Dina Boluarte on fisheries and trade.',
].join('\n');
const SECOND = [
  'Boric and Boluarte Jointly Meet the Press After Lima Summit',
  '',
  'LIMA, March 3. Gabriel Boric and Dina Boluarte met in Lima and agreed to open two border crossings between Chile and Peru.',
].join('\n');

describe('one meeting reported twice', () => {
  let db: Database;
  beforeAll(async () => {
    db = openTestDatabase();
    await clearDatabase(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('resolves the second report to the existing Meeting (same sides, same date)', async () => {
    const first = await ingestDocument(db, { text: FIRST, date: '2024-03-04' });
    const second = await ingestDocument(db, { text: SECOND, date: '2024-03-04' });
    expect([first.status, second.status]).toEqual(['created', 'created']);
    const rows = await db.read(async (tx) =>
      (
        await tx.run(
          `MATCH (m:Meeting) OPTIONAL MATCH (d:Document)-[:DESCRIBES]->(m)
           RETURN m.key AS key, toString(m.date) AS date, count(d) AS documents`,
        )
      ).records.map((r) => [
        r.get('key'),
        r.get('date'),
        neo4j.integer.toNumber(r.get('documents')),
      ]),
    );
    expect(rows).toEqual([['meeting:chile-peru-2024-03-03', '2024-03-03', 2]]);
    const persons = await db.read(async (tx) =>
      (
        await tx.run('MATCH (p:Person) RETURN p.name AS name, p.aliases AS aliases ORDER BY name')
      ).records.map((r) => [r.get('name'), r.get('aliases')]),
    );
    expect(persons.map(([name]) => name)).toEqual(['Dina Boluarte', 'Gabriel Boric']);
    // A headline's words never become part of a person's name.
    expect(JSON.stringify(persons)).not.toMatch(/Jointly|Meet/);
    const participants = await db.read(async (tx) =>
      (
        await tx.run(
          `MATCH (p:Person)-[r:PARTICIPATED_IN]->(:Meeting) RETURN p.name AS name, size(r.documents) AS documents ORDER BY name`,
        )
      ).records.map((r) => [r.get('name'), neo4j.integer.toNumber(r.get('documents'))]),
    );
    expect(participants).toEqual([
      ['Dina Boluarte', 2],
      ['Gabriel Boric', 2],
    ]);
  });

  it('recognises a person the graph holds when a later text names him bare', async () => {
    await ingestDocument(db, {
      text: 'Port opened in the north\n\nGabriel Boric opened a new port terminal in Antofagasta on Tuesday.',
      date: '2024-03-07',
    });
    const documents = await db.read(async (tx) =>
      neo4j.integer.toNumber(
        (
          await tx.run(
            `MATCH (d:Document)-[:HAS_PASSAGE]->(:Passage)-[:MENTIONS]->(:Person {name: 'Gabriel Boric'})
             RETURN count(DISTINCT d)`,
          )
        ).records[0]?.get(0),
      ),
    );
    expect(documents).toBe(3);
  });
});
