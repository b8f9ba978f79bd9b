import { describe, expect, test } from 'vitest';
import type { GraphData } from '../../common/api.ts';
import type { EncodedValue } from '../../common/values.ts';
import { dateFormsOf } from '../../client/src/graph/dateForms.ts';
import { applyFilter, NO_FILTER } from '../../client/src/graph/filters.ts';
import { countLabels } from '../../client/src/graph/palette.ts';
import {
  OPERATORS,
  civilFromDays,
  compileDateRange,
  compileFilter,
  dayOf,
  daysFromCivil,
  describeFilter,
  observeProperties,
  timeOf,
  valueKind,
  type DateRange,
  type PropertyFilter,
} from '../../client/src/graph/propertyFilters.ts';

const temporal = (type: string, value: string) => ({ $type: type, value }) as EncodedValue;
const filter = (f: Omit<PropertyFilter, 'target'>): PropertyFilter => ({ target: 'node', ...f });
const test1 = (f: Omit<PropertyFilter, 'target'>, value: EncodedValue | undefined) => {
  const predicate = compileFilter(filter(f));
  if (!predicate) throw new Error(`incomplete filter ${JSON.stringify(f)}`);
  return predicate(value);
};

describe('calendar days', () => {
  test('round-trip over ordinary, leap and far years', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28)).toBe(2);
    for (const iso of ['2017-02-27', '1992-04-08', '0001-01-01', '-000044-03-15', '+012345-12-31'])
      expect(civilFromDays(dayOf(iso) as number)).toBe(iso);
  });

  test('impossible dates are not dates', () => {
    expect(dayOf('2023-02-30')).toBeUndefined();
    expect(dayOf('2023-13-01')).toBeUndefined();
    expect(dayOf('20230201')).toBeUndefined();
    expect(dayOf('2023-02-01 is a date')).toBeUndefined();
  });
});

describe('valueKind', () => {
  test('reads each encoding by what it means', () => {
    expect(valueKind('Tajikistan')).toBe('string');
    expect(valueKind('2017-02-27')).toBe('date');
    expect(valueKind('2017-02-27T10:00:00Z')).toBe('date');
    expect(valueKind(42)).toBe('number');
    expect(valueKind(1.5)).toBe('number');
    expect(valueKind({ $type: 'Integer', value: '9223372036854775807' })).toBe('number');
    expect(valueKind({ $type: 'Float', value: 'NaN' })).toBe('number');
    expect(valueKind(true)).toBe('boolean');
    for (const t of ['Date', 'DateTime', 'LocalDateTime'])
      expect(valueKind(temporal(t, '2017-02-27'))).toBe('date');
    for (const t of ['Time', 'LocalTime']) expect(valueKind(temporal(t, '10:30:00'))).toBe('time');
    expect(
      valueKind({
        $type: 'Duration',
        value: 'P1D',
        months: '0',
        days: '1',
        seconds: '0',
        nanoseconds: 0,
      }),
    ).toBe('other');
    expect(valueKind({ $type: 'Point', srid: 7203, crs: 'cartesian', x: 1, y: 2 })).toBe('other');
    expect(valueKind(['a', 'b'])).toBe('string');
    expect(valueKind([1, 2])).toBe('number');
    expect(valueKind([])).toBeUndefined();
    expect(valueKind(null)).toBeUndefined();
  });
});

describe('string filters', () => {
  test('equals is whole and case-insensitive; contains finds a part; lists match by any item', () => {
    const eq = { key: 'name', kind: 'string', operator: 'equals', value: 'tajikistan' } as const;
    expect(test1(eq, 'Tajikistan')).toBe(true);
    expect(test1(eq, 'Tajikistan Republic')).toBe(false);
    const has = { key: 'name', kind: 'string', operator: 'contains', value: 'FED' } as const;
    expect(test1(has, 'Russian Federation')).toBe(true);
    expect(test1(has, ['Russia', 'Russian Federation'])).toBe(true);
    expect(test1(has, ['Russia'])).toBe(false);
  });

  test('a missing property or a value of another type does not match', () => {
    const has = { key: 'name', kind: 'string', operator: 'contains', value: '1' } as const;
    expect(test1(has, undefined)).toBe(false);
    expect(test1(has, null)).toBe(false);
    expect(test1(has, 1)).toBe(false);
  });

  test('an empty value leaves the filter incomplete: it hides nothing', () => {
    expect(
      compileFilter(filter({ key: 'name', kind: 'string', operator: 'equals', value: ' ' })),
    ).toBeNull();
  });
});

describe('number filters', () => {
  test('compare integers, floats and 64-bit integers exactly', () => {
    const gt = { key: 'n', kind: 'number', operator: '>', value: '9007199254740993' } as const;
    expect(test1(gt, { $type: 'Integer', value: '9007199254740994' })).toBe(true);
    expect(test1(gt, { $type: 'Integer', value: '9007199254740993' })).toBe(false);
    expect(test1(gt, 9007199254740991)).toBe(false);
    const eq = { key: 'n', kind: 'number', operator: '=', value: '5' } as const;
    expect(test1(eq, 5)).toBe(true);
    expect(test1(eq, { $type: 'Float', value: '5.0' })).toBe(true);
    expect(test1(eq, 5.5)).toBe(false);
    const lt = { key: 'n', kind: 'number', operator: '<', value: '2.5' } as const;
    expect(test1(lt, 2)).toBe(true);
    expect(test1(lt, { $type: 'Float', value: '-Infinity' })).toBe(true);
    expect(test1(lt, { $type: 'Float', value: 'NaN' })).toBe(false);
  });

  test('between is inclusive at both ends and takes its bounds in either order', () => {
    const between = {
      key: 'year',
      kind: 'number',
      operator: 'between',
      value: '2017',
      value2: '2016',
    } as const;
    expect([2015, 2016, 2017, 2018].map((y) => test1(between, y))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(test1(between, undefined)).toBe(false);
  });

  test('a value that does not read as a number leaves the filter incomplete', () => {
    expect(
      compileFilter(filter({ key: 'n', kind: 'number', operator: '=', value: 'abc' })),
    ).toBeNull();
    expect(
      compileFilter(filter({ key: 'n', kind: 'number', operator: 'between', value: '1' })),
    ).toBeNull();
  });
});

describe('date and time filters', () => {
  test('every date-bearing temporal and ISO-date strings compare by calendar day', () => {
    const on = { key: 'date', kind: 'date', operator: '=', value: '2017-02-27' } as const;
    expect(test1(on, temporal('Date', '2017-02-27'))).toBe(true);
    expect(test1(on, temporal('LocalDateTime', '2017-02-27T23:59:59.999999999'))).toBe(true);
    // A DateTime is read at its own local date, whatever its offset or zone.
    expect(test1(on, temporal('DateTime', '2017-02-27T23:30:00-05:00'))).toBe(true);
    expect(test1(on, temporal('DateTime', '2017-02-27T00:10:00+01:00[Europe/Berlin]'))).toBe(true);
    expect(test1(on, '2017-02-27')).toBe(true);
    expect(test1(on, temporal('Date', '2017-02-28'))).toBe(false);
    expect(test1(on, temporal('Time', '10:00:00Z'))).toBe(false);
    const before = { key: 'date', kind: 'date', operator: '<', value: '0001-01-01' } as const;
    expect(test1(before, temporal('Date', '-000044-03-15'))).toBe(true);
  });

  test('times compare by time of day', () => {
    const after = { key: 't', kind: 'time', operator: '>', value: '09:30' } as const;
    expect(test1(after, temporal('LocalTime', '09:30:00.000000001'))).toBe(true);
    expect(test1(after, temporal('Time', '09:00:00+02:00'))).toBe(false);
    expect(timeOf(temporal('Date', '2017-02-27'))).toBeUndefined();
  });

  test('a date range is inclusive, open-ended when a bound is empty, and keeps or hides undated elements', () => {
    const range: DateRange = {
      target: 'node',
      key: 'date',
      from: '2017-01-01',
      to: '2017-02-27',
      keepMissing: false,
    };
    const inRange = compileDateRange(range);
    if (!inRange) throw new Error('incomplete');
    expect(inRange(temporal('Date', '2017-01-01'))).toBe(true);
    expect(inRange(temporal('DateTime', '2017-02-27T23:59:59Z'))).toBe(true);
    expect(inRange(temporal('Date', '2017-02-28'))).toBe(false);
    expect(inRange('2016-12-31')).toBe(false);
    expect(inRange(undefined)).toBe(false);
    expect(inRange('not a date')).toBe(false);
    expect(compileDateRange({ ...range, keepMissing: true })?.(undefined)).toBe(true);
    const from = compileDateRange({ ...range, to: '' });
    expect(from?.(temporal('Date', '+012345-01-01'))).toBe(true);
    const reversed = compileDateRange({ ...range, from: range.to, to: range.from });
    expect(reversed?.(temporal('Date', '2017-01-15'))).toBe(true);
    expect(compileDateRange({ ...range, from: '', to: '' })).toBeNull();
  });
});

describe('is set / is not set', () => {
  test('null counts as not set, for any kind', () => {
    for (const kind of ['string', 'number', 'date', 'time', 'boolean', 'other'] as const) {
      expect(OPERATORS[kind]).toContain('is-set');
      expect(test1({ key: 'k', kind, operator: 'is-set' }, null)).toBe(false);
      expect(test1({ key: 'k', kind, operator: 'is-set' }, 0)).toBe(true);
      expect(test1({ key: 'k', kind, operator: 'is-not-set' }, undefined)).toBe(true);
    }
  });
});

const graph: GraphData = {
  nodes: [
    { id: 'tj', labels: ['Country'], properties: { name: 'Tajikistan', iso: 'TJ' } },
    { id: 'ru', labels: ['Country'], properties: { name: 'Russia', iso: 'RU' } },
    {
      id: 'talks',
      labels: ['Meeting'],
      properties: { name: 'Talks', year: 2017, date: { $type: 'Date', value: '2017-02-27' } },
    },
    {
      id: 'old',
      labels: ['Meeting'],
      properties: { name: 'Old talks', year: 2009, date: '2009-05-01' },
    },
  ],
  relationships: [
    { id: 'p1', type: 'PARTICIPATED_IN', start: 'tj', end: 'talks', properties: {} },
    { id: 'p2', type: 'PARTICIPATED_IN', start: 'ru', end: 'old', properties: {} },
    {
      id: 'dr',
      type: 'DIPLOMATIC_RELATIONS',
      start: 'tj',
      end: 'ru',
      properties: { established: { $type: 'Date', value: '1992-04-08' } },
    },
  ],
};
const counts = countLabels(graph.nodes);
const ids = (data: GraphData) => [data.nodes.map((n) => n.id), data.relationships.map((r) => r.id)];

describe('applyFilter with property filters', () => {
  test('nodes failing a filter go, and so do their relationships; filters combine with AND', () => {
    const yearFrom2010: PropertyFilter = {
      target: 'node',
      key: 'year',
      kind: 'number',
      operator: '>',
      value: '2010',
    };
    // Countries have no year: a comparison does not match a missing property.
    expect(
      ids(
        applyFilter(
          graph,
          { hiddenLabels: [], hiddenTypes: [], properties: [yearFrom2010] },
          counts,
        ),
      ),
    ).toEqual([['talks'], []]);
    const notSet: PropertyFilter = {
      target: 'node',
      key: 'year',
      kind: 'number',
      operator: 'is-not-set',
    };
    expect(
      ids(applyFilter(graph, { hiddenLabels: [], hiddenTypes: [], properties: [notSet] }, counts)),
    ).toEqual([['tj', 'ru'], ['dr']]);
    const named: PropertyFilter = {
      target: 'node',
      key: 'name',
      kind: 'string',
      operator: 'contains',
      value: 'talks',
    };
    expect(
      ids(
        applyFilter(
          graph,
          { hiddenLabels: [], hiddenTypes: [], properties: [named, yearFrom2010] },
          counts,
        ),
      ),
    ).toEqual([['talks'], []]);
  });

  test('a relationship filter hides relationships only', () => {
    const established: PropertyFilter = {
      target: 'relationship',
      key: 'established',
      kind: 'date',
      operator: 'is-set',
    };
    expect(
      ids(
        applyFilter(
          graph,
          { hiddenLabels: [], hiddenTypes: [], properties: [established] },
          counts,
        ),
      ),
    ).toEqual([['tj', 'ru', 'talks', 'old'], ['dr']]);
  });

  test('a date range over Neo4j Dates and ISO-date strings alike', () => {
    const base = { hiddenLabels: [], hiddenTypes: [], properties: [] };
    const range: DateRange = { target: 'node', key: 'date', from: '2010-01-01', keepMissing: true };
    expect(ids(applyFilter(graph, { ...base, dateRange: range }, counts))).toEqual([
      ['tj', 'ru', 'talks'],
      ['p1', 'dr'],
    ]);
    expect(
      ids(applyFilter(graph, { ...base, dateRange: { ...range, keepMissing: false } }, counts)),
    ).toEqual([['talks'], []]);
    expect(
      ids(
        applyFilter(
          graph,
          { ...base, dateRange: { ...range, from: '', to: '2009-05-01' } },
          counts,
        ),
      ),
    ).toEqual([
      ['tj', 'ru', 'old'],
      ['p2', 'dr'],
    ]);
  });

  test('incomplete filters change nothing', () => {
    const open: PropertyFilter = { target: 'node', key: 'year', kind: 'number', operator: '>' };
    expect(
      applyFilter(graph, { hiddenLabels: [], hiddenTypes: [], properties: [open] }, counts),
    ).toBe(graph);
  });
});

describe('observeProperties', () => {
  test('keys per kind of element with their kind, count and observed date range', () => {
    const observed = observeProperties(graph.nodes, graph.relationships);
    expect(observed).toEqual([
      {
        target: 'node',
        key: 'date',
        kind: 'date',
        count: 2,
        internal: false,
        min: '2009-05-01',
        max: '2017-02-27',
        readAs: ['ISO text', 'Neo4j date values'],
      },
      { target: 'node', key: 'iso', kind: 'string', count: 2, internal: false },
      { target: 'node', key: 'name', kind: 'string', count: 4, internal: false },
      { target: 'node', key: 'year', kind: 'number', count: 2, internal: false },
      {
        target: 'relationship',
        key: 'established',
        kind: 'date',
        count: 1,
        internal: false,
        min: '1992-04-08',
        max: '1992-04-08',
        readAs: ['Neo4j date values'],
      },
    ]);
  });

  test('text that only sometimes looks like a date is text', () => {
    const nodes = [
      { id: 'a', labels: ['X'], properties: { code: '2017-02-27' } },
      { id: 'b', labels: ['X'], properties: { code: 'B-12' } },
    ];
    expect(observeProperties(nodes, [])[0]?.kind).toBe('string');
  });

  test('filters describe themselves', () => {
    expect(
      describeFilter({
        target: 'node',
        key: 'name',
        kind: 'string',
        operator: 'contains',
        value: 'Taj',
      }),
    ).toBe('name contains "Taj"');
    expect(
      describeFilter({
        target: 'node',
        key: 'year',
        kind: 'number',
        operator: 'between',
        value: '1',
        value2: '2',
      }),
    ).toBe('year between 1 and 2');
    expect(
      describeFilter({ target: 'node', key: 'year', kind: 'number', operator: 'is-not-set' }),
    ).toBe('year is not set');
  });
});

describe('text dates in the form the schema detected', () => {
  const forms = dateFormsOf([
    { label: 'Crime', key: 'date', form: 'dmy' },
    { label: 'Meeting', key: 'date', form: 'temporal' },
    { label: 'Vehicle', key: 'year', form: 'year' },
  ]);
  const data: GraphData = {
    nodes: [
      { id: 'c1', labels: ['Crime'], properties: { date: '09/08/2017' } },
      { id: 'c2', labels: ['Crime'], properties: { date: '24/08/2017' } },
      { id: 'c3', labels: ['Crime'], properties: { date: '08/09/2017' } },
      { id: 'v', labels: ['Vehicle'], properties: { year: 2009 } },
      // The same text on a label without a detected form is no date.
      { id: 'n', labels: ['Note'], properties: { date: '10/08/2017' } },
    ],
    relationships: [],
  };

  test('are observed as dates, with how they were read; a model year stays a number', () => {
    const observed = observeProperties(data.nodes, [], forms);
    expect(observed.find((p) => p.key === 'date')).toEqual({
      target: 'node',
      key: 'date',
      kind: 'string',
      count: 4,
      internal: false,
    });
    const crimes = observeProperties(data.nodes.slice(0, 4), [], forms);
    expect(crimes.find((p) => p.key === 'date')).toEqual({
      target: 'node',
      key: 'date',
      kind: 'date',
      count: 3,
      internal: false,
      min: '2017-08-09',
      max: '2017-09-08',
      readAs: ['Crime.date (text, dd/mm/yyyy)'],
    });
    expect(crimes.find((p) => p.key === 'year')?.kind).toBe('number');
    // Without the schema's forms, "24/08/2017" is text.
    expect(observeProperties(data.nodes.slice(0, 3), [])[0]?.kind).toBe('string');
  });

  test('a two-week range keeps the crimes in it and the nodes without that date', () => {
    const range: DateRange = {
      target: 'node',
      key: 'date',
      from: '2017-08-01',
      to: '2017-08-14',
      keepMissing: true,
    };
    const kept = applyFilter(
      data,
      { ...NO_FILTER, dateRange: range },
      countLabels(data.nodes),
      forms,
    );
    // 09/08 is 9 August (kept); 24/08 is out; 08/09 is 8 September (out); the vehicle has no
    // date; the note's text is no date in any detected form, so it counts as missing.
    expect(kept.nodes.map((n) => n.id)).toEqual(['c1', 'v', 'n']);
  });
});
