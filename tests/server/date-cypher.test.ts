/**
 * Dates read in Cypher (server/schema/date-cypher.ts) and in TypeScript (common/dates.ts) agree:
 * every text below, in every form, gives the same day or the same "not a date" in both; and the
 * spans of a node's date properties follow their forms, not their names.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DateProperty } from '../../common/api.ts';
import { parseDateText, type DateForm } from '../../common/dates.ts';
import type { Database } from '../../server/db/database.ts';
import {
  ALL_TEXT_FORMS,
  DATE_SPANS,
  dateParameters,
  TEXT_DAY,
} from '../../server/schema/date-cypher.ts';
import { openTestDatabase } from '../support/neo4j.ts';

let db: Database;
beforeAll(() => {
  db = openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const TEXTS = [
  '2017-08-24',
  '2017-08-24T10:00:00Z',
  '2017-08-24 10:00',
  '+2017-08-24',
  '2017-02-30',
  '2016-02-29',
  '2017-02-29',
  '2000-02-29',
  '1900-02-29',
  '24/08/2017',
  '4/8/2017',
  '24.08.2017',
  '24-08-2017',
  '08/24/2017',
  '31/02/2017',
  '13/13/2017',
  '24 August 2017',
  '24th Aug 2017',
  '1st March, 2019',
  'August 24, 2017',
  'Aug. 2nd 2017',
  'Sept 9 2017',
  '24 Au 2017',
  '31 June 2017',
  'Toyota',
  '',
  '2017',
  '12/2017',
];
const FORMS: DateForm[] = ['iso', 'dmy', 'mdy', 'text'];

describe('text dates in Cypher', () => {
  it('read every text in every form as common/dates.ts does', async () => {
    const cases = TEXTS.flatMap((text) => FORMS.map((form) => ({ text, form })));
    const got = await db.read(async (tx) => {
      const result = await tx.run(
        `UNWIND $cases AS c RETURN c.text AS text, c.form AS form, ${TEXT_DAY('trim(c.text)', 'c.form')} AS day`,
        { cases },
      );
      return result.records.map((r) => `${r.get('form')} ${r.get('text')} → ${r.get('day')}`);
    });
    const expected = cases.map((c) => `${c.form} ${c.text} → ${parseDateText(c.text, c.form)}`);
    expect(got).toEqual(expected);
    // Not vacuous: each form reads some of the texts.
    for (const form of FORMS) {
      expect(cases.some((c) => c.form === form && parseDateText(c.text, form) !== null)).toBe(true);
    }
  });
});

describe('the spans of a node', () => {
  const spansOf = async (properties: Record<string, unknown>, dates: DateProperty[]) =>
    db.write(async (tx) => {
      // The probe node is deleted in the transaction that reads it.
      const result = await tx.run(
        `CREATE (n:Probe) SET n = $properties WITH n, ${DATE_SPANS('n', ALL_TEXT_FORMS)} AS spans DELETE n RETURN spans`,
        { properties, ...dateParameters(dates) },
      );
      return result.records[0]?.get('spans') as string[][];
    });

  it('reads only the properties the profile names, each in its own form', async () => {
    const dates: DateProperty[] = [
      { label: 'Probe', key: 'date', form: 'dmy' },
      { label: 'Probe', key: 'year', form: 'year' },
      { label: 'Other', key: 'seen', form: 'iso' },
    ];
    // A day is more precise than a year: a node with both is placed by its day.
    expect(
      await spansOf({ date: '03/04/2017', year: neo4j.int(2016), seen: '2020-01-01' }, dates),
    ).toEqual([['2017-04-03', '2017-04-03']]);
    // Without a day, the year counts; a year named by no date property is only a number, and a
    // text that is no date gives nothing.
    expect(await spansOf({ date: 'unknown', year: neo4j.int(2016) }, dates)).toEqual([
      ['2016-01-01', '2016-12-31'],
    ]);
    expect(await spansOf({ date: 'unknown', year: neo4j.int(2016) }, dates.slice(0, 1))).toEqual(
      [],
    );
  });
});
