import { describe, expect, test } from 'vitest';
import { displayValue } from '../../client/src/values/format.ts';
import { describeFailure } from '../../client/src/api/http.ts';
import { healthState } from '../../client/src/health/useHealth.ts';
import type { HealthResponse } from '../../common/api.ts';
import type { EncodedValue } from '../../common/values.ts';

describe('displayValue', () => {
  test('shows text as it is and integers and floats apart', () => {
    expect(displayValue('Dushanbe')).toBe('Dushanbe');
    expect(displayValue(2016)).toBe('2016');
    expect(displayValue(0.5)).toBe('0.5');
    expect(displayValue({ $type: 'Float', value: '1.0' })).toBe('1.0');
    expect(displayValue(true)).toBe('true');
    expect(displayValue(null)).toBe('null');
  });

  test('keeps big integers and temporal values exact', () => {
    expect(displayValue({ $type: 'Integer', value: '9007199254740993' })).toBe('9007199254740993');
    expect(displayValue({ $type: 'Float', value: 'NaN' })).toBe('NaN');
    expect(displayValue({ $type: 'Date', value: '2017-04-05' })).toBe('2017-04-05');
  });

  test('shows lists and maps readably', () => {
    expect(displayValue(['Russia', 'Russian Federation'])).toBe('["Russia", "Russian Federation"]');
    expect(displayValue({ unit: 'USD', value: 1 })).toBe('{unit: "USD", value: 1}');
  });

  test('cuts long lists, saying how many were left out', () => {
    const text = displayValue(Array.from({ length: 25 }, (_, i) => i));
    expect(text.startsWith('[0, 1, 2')).toBe(true);
    expect(text.endsWith('19, … 5 more]')).toBe(true);
  });

  test('shows a value that does not follow the encoding as raw JSON instead of failing', () => {
    const broken = { $type: 'Integer', value: 'twelve' } as unknown as EncodedValue;
    expect(displayValue(broken)).toBe('{"$type":"Integer","value":"twelve"}');
  });
});

describe('describeFailure', () => {
  test("uses the problem's own words", () => {
    expect(
      describeFailure(503, {
        type: 't',
        title: 'The database is unavailable',
        status: 503,
        detail: 'no answer',
      }),
    ).toBe('The database is unavailable: no answer');
    expect(describeFailure(503, undefined)).toBe('The database is unavailable right now.');
    expect(describeFailure(418, undefined)).toBe('The server answered with status 418.');
  });
});

describe('healthState', () => {
  const body = (reachable: boolean): HealthResponse => ({
    status: reachable ? 'ok' : 'unavailable',
    app: { name: 'summit-graph', version: '0.1.0' },
    neo4j: { reachable, uri: 'bolt://x', database: 'neo4j' },
  });
  test('tells a down server from a down database', () => {
    expect(healthState(undefined).kind).toBe('server-down');
    expect(healthState(body(false)).kind).toBe('neo4j-down');
    expect(healthState(body(true)).kind).toBe('up');
  });
});
