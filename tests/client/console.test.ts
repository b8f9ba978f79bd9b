import { describe, expect, test } from 'vitest';
import { explainFailure, parseParams } from '../../client/src/console/explain.ts';
import { isSavedQuery, pushHistory, saveQuery } from '../../client/src/console/storage.ts';

const problem = (id: string, extra: Record<string, unknown> = {}) => ({
  type: `https://summit-graph.dev/problems/${id}`,
  title: 'title',
  status: 400,
  detail: 'detail from the server',
  ...extra,
});

describe('parseParams', () => {
  test('accepts an empty text and a JSON object', () => {
    expect(parseParams('  ')).toEqual({ ok: true, params: {} });
    expect(parseParams('{"name": "Tajikistan", "year": 2016}')).toEqual({
      ok: true,
      params: { name: 'Tajikistan', year: 2016 },
    });
  });

  test('rejects invalid JSON and non-objects with a reason', () => {
    const bad = parseParams('{name: 1}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/not valid JSON/);
    const list = parseParams('[1, 2]');
    expect(list.ok).toBe(false);
    if (!list.ok) expect(list.message).toMatch(/JSON object/);
  });
});

describe('explainFailure', () => {
  test('a refused write is explained in plain words', () => {
    const f = explainFailure(422, problem('query-refused', { reason: 'write' }), '');
    expect(f.kind).toBe('query-refused');
    expect(f.title).toBe('The console only reads: this query would change the data.');
    expect(f.detail).toBe('detail from the server');
  });

  test('a syntax error names its position', () => {
    const f = explainFailure(
      400,
      problem('query-syntax', { position: { line: 2, column: 7, offset: 20 } }),
      '',
    );
    expect(f.title).toBe('Syntax error at line 2, column 7.');
    expect(f.position).toEqual({ line: 2, column: 7, offset: 20 });
  });

  test('timeouts suggest a narrower query; no answer at all is a network failure', () => {
    expect(explainFailure(504, problem('query-timeout'), '').detail).toMatch(/LIMIT/);
    expect(explainFailure(0, undefined, 'offline').kind).toBe('network');
  });
});

describe('history and saved queries', () => {
  test('history keeps the latest first, once, up to the limit', () => {
    let h: string[] = [];
    for (const q of ['a', 'b', 'a', ' c ', '']) h = pushHistory(h, q, 2);
    expect(h).toEqual(['c', 'a']);
  });

  test('saving under an existing name replaces it; entries are checked when read back', () => {
    const saved = saveQuery([{ name: 'x', query: '1', params: '' }], {
      name: 'x',
      query: '2',
      params: '{}',
    });
    expect(saved).toEqual([{ name: 'x', query: '2', params: '{}' }]);
    expect(isSavedQuery({ name: 'x', query: 'q' })).toBe(false);
    expect(isSavedQuery(saved[0])).toBe(true);
  });
});
