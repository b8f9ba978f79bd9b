/**
 * The value encoding end to end: values produced by a real Neo4j go through the server's encoder,
 * JSON text and the client's decoder, and must come back exact; encoded values sent back as query
 * parameters must be equal to the originals inside Neo4j.
 */
import type { Integer } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DecodeError,
  DurationValue,
  NodeValue,
  PathValue,
  PointValue,
  RelationshipValue,
  TemporalValue,
  decodeValue,
  formatValue,
  parseTemporal,
  type DecodedValue,
} from '../../common/decode.ts';
import type { EncodedValue } from '../../common/values.ts';
import type { Database } from '../../server/db/database.ts';
import { encodeValue } from '../../server/db/encode.ts';
import { toDriverParams } from '../../server/cypher/params.ts';
import { AppError } from '../../server/http/problems.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';

let db: Database;

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
});
afterAll(async () => {
  await db.close();
});

/** Evaluates one Cypher expression in Neo4j and returns the driver's value. */
async function neo(expression: string, params: Record<string, unknown> = {}): Promise<unknown> {
  return db.read(async (tx) =>
    (await tx.run(`RETURN ${expression} AS v`, params)).records[0]?.get('v'),
  );
}

/** Encoder → JSON text → decoder, as between the server and the web app. */
function overTheWire(value: unknown): { encoded: EncodedValue; decoded: DecodedValue } {
  const encoded = JSON.parse(JSON.stringify(encodeValue(value))) as EncodedValue;
  return { encoded, decoded: decodeValue(encoded) };
}

/** Sends an encoded value back as a parameter and asks Neo4j whether it equals the expression. */
async function equalInNeo4j(expression: string, encoded: EncodedValue): Promise<boolean> {
  const params = toDriverParams({ v: encoded });
  return (await db.read(async (tx) => {
    const result = await tx.run(
      `WITH ${expression} AS original RETURN original = $v AS same`,
      params,
    );
    return result.records[0]?.get('same');
  })) as boolean;
}

describe('integers', () => {
  const cases = [
    '0',
    '1',
    '-1',
    '9007199254740991',
    '-9007199254740991',
    '9007199254740992',
    '-9007199254740993',
    '9223372036854775807',
    '-9223372036854775808',
  ];
  it.each(cases)('%s round-trips exactly and stays an integer', async (literal) => {
    const { encoded, decoded } = overTheWire(await neo(literal));
    expect(decoded).toBe(BigInt(literal));
    const safe =
      Number.isSafeInteger(Number(literal)) && BigInt(Number(literal)) === BigInt(literal);
    expect(encoded).toEqual(safe ? Number(literal) : { $type: 'Integer', value: literal });
    expect(await equalInNeo4j(literal, encoded)).toBe(true);
  });
});

describe('floats', () => {
  const cases: [string, number][] = [
    ['1.5', 1.5],
    ['1.0', 1],
    ['-0.0', -0],
    ['0.0', 0],
    ['0.1 + 0.2', 0.1 + 0.2],
    ['1.0e300', 1e300],
    ['4.9e-324', 5e-324],
    ['toFloat(9007199254740993)', 9007199254740992],
    ['1.0/0', Infinity],
    ['-1.0/0', -Infinity],
  ];
  it.each(cases)('%s keeps its value and its float type', async (expression, expected) => {
    const { encoded, decoded } = overTheWire(await neo(expression));
    expect(typeof decoded).toBe('number');
    expect(Object.is(decoded, expected)).toBe(true);
    expect(await equalInNeo4j(expression, encoded)).toBe(true);
  });

  it('keeps 1.0 and 1 apart', async () => {
    expect(overTheWire(await neo('1.0')).encoded).toEqual({ $type: 'Float', value: '1.0' });
    expect(overTheWire(await neo('1')).encoded).toBe(1);
    expect(overTheWire(await neo('-0.0')).encoded).toEqual({ $type: 'Float', value: '-0.0' });
  });

  it('carries NaN', async () => {
    const { encoded, decoded } = overTheWire(await neo('0.0/0.0'));
    expect(encoded).toEqual({ $type: 'Float', value: 'NaN' });
    expect(Number.isNaN(decoded)).toBe(true);
    const params = toDriverParams({ v: encoded });
    const isNaNInNeo4j = await db.read(async (tx) =>
      (await tx.run('RETURN isNaN($v) AS nan', params)).records[0]?.get('nan'),
    );
    expect(isNaNInNeo4j).toBe(true);
  });
});

describe('strings, booleans, null, lists and maps', () => {
  const strings = [
    '',
    'Душанбе',
    'Rahmon, Эмомалӣ Раҳмон',
    'İstanbul · Türkiye',
    'e\u0301 (combining) vs \u00e9',
    '😀 👩🏽‍💻 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    'مرحبا',
    'quote " backslash \\ newline \n tab \t nul \u0000',
  ];
  it.each(strings)('string %j round-trips', async (text) => {
    const { encoded, decoded } = overTheWire(await neo('$s', { s: text }));
    expect(decoded).toBe(text);
    const params = toDriverParams({ v: encoded });
    const same = await db.read(async (tx) =>
      (await tx.run('RETURN $v = $s AS same', { ...params, s: text })).records[0]?.get('same'),
    );
    expect(same).toBe(true);
  });

  it('booleans and null', async () => {
    expect(overTheWire(await neo('true')).decoded).toBe(true);
    expect(overTheWire(await neo('false')).decoded).toBe(false);
    expect(overTheWire(await neo('null')).decoded).toBeNull();
  });

  it('nested lists keep element types', async () => {
    const { decoded } = overTheWire(await neo("[1, 1.0, 'a', [2, [3.5, null]], [], -0.0]"));
    expect(decoded).toEqual([1n, 1, 'a', [2n, [3.5, null]], [], -0]);
    expect(Object.is((decoded as DecodedValue[])[5], -0)).toBe(true);
    // Equality with a null inside is null in Cypher, so the check in Neo4j leaves it out.
    const expression = "[1, 1.0, 'a', [2, [3.5]], [], -0.0, [true]]";
    expect(await equalInNeo4j(expression, overTheWire(await neo(expression)).encoded)).toBe(true);
  });

  it('maps, including a map with its own "$type" key and a "__proto__" key', async () => {
    const expression = "{`$type`: 'Node', value: 1, `__proto__`: {a: 2.5}, nested: {`$type`: 'x'}}";
    const { encoded, decoded } = overTheWire(await neo(expression));
    expect(encoded).toMatchObject({ $type: 'Map' });
    const map = decoded as Record<string, DecodedValue>;
    expect(Object.keys(map).sort()).toEqual(['$type', '__proto__', 'nested', 'value']);
    expect(map.$type).toBe('Node');
    expect(map.value).toBe(1n);
    expect(Object.getOwnPropertyDescriptor(map, '__proto__')?.value).toEqual({ a: 2.5 });
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(map.nested).toEqual({ $type: 'x' });
    expect(await equalInNeo4j(expression, encoded)).toBe(true);
  });
});

describe('bytes', () => {
  it('round-trips every byte value', async () => {
    const bytes = new Int8Array(256).map((_, i) => i - 128);
    const value = await neo('$b', { b: bytes });
    const { encoded, decoded } = overTheWire(value);
    expect(encoded).toMatchObject({ $type: 'Bytes' });
    expect([...(decoded as Uint8Array)]).toEqual([...new Uint8Array(bytes.buffer)]);
    const params = toDriverParams({ v: encoded });
    const same = await db.read(async (tx) =>
      (await tx.run('RETURN $v = $b AS same', { ...params, b: bytes })).records[0]?.get('same'),
    );
    expect(same).toBe(true);
  });
});

describe('temporal values', () => {
  const cases: [string, string, string][] = [
    ['Date', "date('2024-02-29')", '2024-02-29'],
    ['Date', "date('-0044-03-15')", '-000044-03-15'],
    ['Date', "date('+12345-01-01')", '+012345-01-01'],
    ['LocalTime', "localtime('23:59:59.000000001')", '23:59:59.000000001'],
    ['Time', "time('10:11:12.123456789+05:30')", '10:11:12.123456789+05:30'],
    ['Time', "time('10:00Z')", '10:00:00Z'],
    ['LocalDateTime', "localdatetime('2024-01-01T12:00')", '2024-01-01T12:00:00'],
    ['DateTime', "datetime('2024-01-01T00:00:00Z')", '2024-01-01T00:00:00Z'],
    ['DateTime', "datetime('2024-01-01T00:00:00.5-08:00')", '2024-01-01T00:00:00.500000000-08:00'],
    [
      'DateTime',
      "datetime('2024-03-31T02:30:00[Europe/Paris]')",
      '2024-03-31T03:30:00+02:00[Europe/Paris]',
    ],
    // The second 02:30 of a DST change: only the offset tells the two apart.
    [
      'DateTime',
      "datetime('2024-10-27T02:30:00+01:00[Europe/Berlin]')",
      '2024-10-27T02:30:00+01:00[Europe/Berlin]',
    ],
    [
      'DateTime',
      "datetime('2024-10-27T02:30:00+02:00[Europe/Berlin]')",
      '2024-10-27T02:30:00+02:00[Europe/Berlin]',
    ],
    [
      'DateTime',
      "datetime({year: 2024, month: 1, day: 1, timezone: '+00:00:30'})",
      '2024-01-01T00:00:00+00:00:30',
    ],
  ];
  it.each(cases)('%s %s', async (type, expression, iso) => {
    const value = await neo(expression);
    const { encoded, decoded } = overTheWire(value);
    expect(encoded).toEqual({ $type: type, value: iso });
    expect(decoded).toBeInstanceOf(TemporalValue);
    const temporal = decoded as TemporalValue;
    expect(temporal.type).toBe(type);
    // Components agree with the driver's own fields.
    const driver = value as Record<string, Integer | number | string | undefined>;
    const num = (key: string) =>
      driver[key] === undefined ? undefined : Number(String(driver[key]));
    expect(temporal.fields.year).toBe(num('year'));
    expect(temporal.fields.hour).toBe(num('hour'));
    expect(temporal.fields.nanosecond).toBe(num('nanosecond'));
    expect(temporal.fields.offsetSeconds).toBe(num('timeZoneOffsetSeconds'));
    expect(temporal.fields.zoneId).toBe(driver.timeZoneId ?? undefined);
    expect(await equalInNeo4j(expression, encoded)).toBe(true);
  });

  it('parses ISO input without seconds and rejects malformed text', () => {
    expect(parseTemporal('LocalTime', '12:30')).toEqual({
      hour: 12,
      minute: 30,
      second: 0,
      nanosecond: 0,
    });
    expect(() => parseTemporal('Date', '2024-1-1')).toThrow(DecodeError);
    expect(() => parseTemporal('DateTime', '2024-01-01T00:00')).toThrow(/offset or a zone id/);
  });
});

describe('durations', () => {
  const cases = [
    "duration('P1Y2M3DT4H5M6.7S')",
    "duration('-PT0.000000001S')",
    'duration({months: 5, days: -3, seconds: -1, nanoseconds: 5})',
    'duration({seconds: 9007199254740993, nanoseconds: 1})',
    "duration('PT0S')",
  ];
  it.each(cases)('%s', async (expression) => {
    const value = (await neo(expression)) as {
      months: Integer;
      days: Integer;
      seconds: Integer;
      nanoseconds: Integer;
    };
    const { encoded, decoded } = overTheWire(value);
    expect(decoded).toBeInstanceOf(DurationValue);
    const duration = decoded as DurationValue;
    expect(duration.months).toBe(BigInt(value.months.toString()));
    expect(duration.days).toBe(BigInt(value.days.toString()));
    expect(duration.seconds).toBe(BigInt(value.seconds.toString()));
    expect(duration.nanoseconds).toBe(value.nanoseconds.toNumber());
    expect(duration.iso).toBe(String(value));
    expect(await equalInNeo4j(expression, encoded)).toBe(true);
  });
});

describe('points', () => {
  const cases: [string, string, number, number, number, number | undefined][] = [
    ['point({x: 1, y: 2})', 'cartesian', 7203, 1, 2, undefined],
    ['point({x: -1.5, y: 2, z: 3.25})', 'cartesian-3d', 9157, -1.5, 2, 3.25],
    ['point({longitude: -0.1276, latitude: 51.5072})', 'wgs-84', 4326, -0.1276, 51.5072, undefined],
    [
      'point({longitude: 68.78, latitude: 38.56, height: 800})',
      'wgs-84-3d',
      4979,
      68.78,
      38.56,
      800,
    ],
  ];
  it.each(cases)('%s', async (expression, crs, srid, x, y, z) => {
    const { encoded, decoded } = overTheWire(await neo(expression));
    expect(encoded).toEqual({ $type: 'Point', crs, srid, x, y, ...(z === undefined ? {} : { z }) });
    expect(decoded).toEqual(new PointValue(srid, crs, x, y, z));
    expect(await equalInNeo4j(expression, encoded)).toBe(true);
  });
});

describe('graph values', () => {
  beforeAll(async () => {
    await db.write((tx) =>
      tx.run(`CREATE (a:Country:Entity {name: 'Tajikistan', population: 10590927, area: 143100.0})
              -[:BORDERS {since: date('1991-09-09'), km: 1357}]->
              (b:Country:Entity {name: 'Afghanistan', aliases: ['Afghanistan', 'افغانستان']})
              <-[:MENTIONS {start: 10, end: 21, quote: 'Afghanistan'}]-
              (p:Passage {index: 3, big: 9007199254740993})`),
    );
  });

  it('nodes and relationships keep ids, labels, types and typed properties', async () => {
    const value = await neo("[(a {name: 'Tajikistan'})-[r:BORDERS]->(b) | [a, r, b]][0]");
    const { decoded } = overTheWire(value);
    const [a, r, b] = decoded as [NodeValue, RelationshipValue, NodeValue];
    expect(a).toBeInstanceOf(NodeValue);
    expect(a.labels).toEqual(['Country', 'Entity']);
    expect(a.properties).toEqual({ name: 'Tajikistan', population: 10590927n, area: 143100 });
    expect(r).toBeInstanceOf(RelationshipValue);
    expect(r.type).toBe('BORDERS');
    expect(r.start).toBe(a.id);
    expect(r.end).toBe(b.id);
    expect(r.properties.since).toBeInstanceOf(TemporalValue);
    expect(b.properties.aliases).toEqual(['Afghanistan', 'افغانستان']);
    expect(a.id).toMatch(/^4:[0-9a-f-]{36}:\d+$/);
    expect(r.id).toMatch(/^5:[0-9a-f-]{36}:\d+$/);
  });

  it('paths, nested in maps and lists, keep their order of nodes and relationships', async () => {
    const value = await neo(
      "{paths: [p IN [(x {name: 'Tajikistan'})-[*2]-(y) | x] | p], all: [q = (x {name: 'Tajikistan'})-[*2]-(y:Passage) | q]}",
    );
    const { decoded } = overTheWire(value);
    const map = decoded as { all: PathValue[]; paths: NodeValue[] };
    expect(map.all).toHaveLength(1);
    const path = map.all[0] as PathValue;
    expect(path).toBeInstanceOf(PathValue);
    expect(path.nodes.map((n) => n.labels[0])).toEqual(['Country', 'Country', 'Passage']);
    expect(path.relationships.map((r) => r.type)).toEqual(['BORDERS', 'MENTIONS']);
    expect(path.nodes[2]?.properties.big).toBe(9007199254740993n);
    // Each relationship joins the nodes beside it (either direction).
    path.relationships.forEach((rel, i) => {
      const ends = [rel.start, rel.end].sort();
      expect(ends).toEqual([path.nodes[i]?.id, path.nodes[i + 1]?.id].sort());
    });
  });

  it('graph values are refused as parameters', async () => {
    const value = await neo("COLLECT { MATCH (a {name: 'Tajikistan'}) RETURN a }[0]");
    expect(() => toDriverParams({ n: encodeValue(value) })).toThrow(AppError);
  });
});

describe('decoder', () => {
  it('rejects unknown tags, unsafe JSON integers and malformed tagged values with their position', () => {
    expect(() => decodeValue({ a: [{ $type: 'Vector', value: '1' }] })).toThrow(
      /\$\.a\[0\]: unknown \$type/,
    );
    expect(() => decodeValue(2 ** 60)).toThrow(/beyond 2\^53/);
    expect(() => decodeValue({ $type: 'Integer', value: '9223372036854775808' })).toThrow(
      /64 bits/,
    );
    expect(() => decodeValue({ $type: 'Integer', value: '1.5' })).toThrow(DecodeError);
    expect(() => decodeValue({ $type: 'Float', value: 'one' })).toThrow(DecodeError);
    expect(() => decodeValue({ $type: 'Bytes', value: '***' })).toThrow(DecodeError);
    expect(() =>
      decodeValue({ $type: 'Point', srid: 7203, crs: 'cartesian', x: 1 } as never),
    ).toThrow(/\.y/);
    expect(() => decodeValue({ $type: 'Path', nodes: [], relationships: [] })).toThrow(
      /n \+ 1 nodes/,
    );
  });

  it('reports parameter errors as a 400 naming the parameter', () => {
    try {
      toDriverParams({ when: { $type: 'Date', value: '2024-13-01' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).message).toMatch(/body\.params\.when/);
    }
  });

  it('formats values for display the way Cypher writes them', () => {
    expect(formatValue(decodeValue({ $type: 'Float', value: '1.0' }))).toBe('1.0');
    expect(formatValue(decodeValue(1))).toBe('1');
    expect(formatValue(decodeValue({ $type: 'Float', value: '-0.0' }))).toBe('-0.0');
    expect(formatValue(decodeValue({ $type: 'Integer', value: '9223372036854775807' }))).toBe(
      '9223372036854775807',
    );
    expect(formatValue(decodeValue(['a', { b: 2.5 }]))).toBe('["a", {b: 2.5}]');
    expect(
      formatValue(decodeValue({ $type: 'Point', srid: 4326, crs: 'wgs-84', x: 68.78, y: 38.56 })),
    ).toBe('point({srid: 4326, longitude: 68.78, latitude: 38.56})');
  });
});
