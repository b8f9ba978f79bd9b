import { describe, expect, test } from 'vitest';
import { formatValue } from '../../client/src/values/format.ts';
import { describeFailure } from '../../client/src/api/http.ts';
import { healthState } from '../../client/src/health/useHealth.ts';
import type { HealthResponse } from '../../common/api.ts';

describe('formatValue', () => {
  test('shows plain JSON values as they are', () => {
    expect(formatValue('Dushanbe')).toBe('Dushanbe');
    expect(formatValue(2016)).toBe('2016');
    expect(formatValue(0.5)).toBe('0.5');
    expect(formatValue(true)).toBe('true');
    expect(formatValue(null)).toBe('null');
  });

  test('keeps big integers, tagged floats and temporal values exact', () => {
    expect(formatValue({ $type: 'Integer', value: '9007199254740993' })).toBe('9007199254740993');
    expect(formatValue({ $type: 'Float', value: '1.0' })).toBe('1.0');
    expect(formatValue({ $type: 'Float', value: 'NaN' })).toBe('NaN');
    expect(
      formatValue({ $type: 'DateTime', value: '2017-04-05T10:00:00+05:00[Asia/Dushanbe]' }),
    ).toBe('2017-04-05T10:00:00+05:00[Asia/Dushanbe]');
  });

  test('shows points, lists and maps readably', () => {
    expect(formatValue({ $type: 'Point', srid: 4326, crs: 'wgs-84', x: 68.77, y: 38.56 })).toBe(
      'point({srid: 4326, x: 68.77, y: 38.56})',
    );
    expect(formatValue(['Russia', 'Russian Federation'])).toBe('["Russia", "Russian Federation"]');
    expect(formatValue({ unit: 'USD', value: 1 })).toBe('{unit: "USD", value: 1}');
    expect(formatValue({ $type: 'Map', value: { $type: 'x' } })).toBe('{$type: "x"}');
  });

  test('cuts long lists, saying how many were left out', () => {
    const text = formatValue(Array.from({ length: 25 }, (_, i) => i));
    expect(text.endsWith(', … 5 more]')).toBe(true);
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
