/**
 * Property test of the value encoding against a real Neo4j: random values (64-bit integers,
 * floats with NaN, ±Infinity and -0, Unicode strings, bytes, nested lists and maps with awkward
 * keys, every temporal type with offsets and zone ids, durations, 2D/3D points) go to Neo4j as
 * parameters and come back; the encoder's JSON decodes to exactly what Neo4j returned, and sent
 * back as a console parameter it returns the same JSON again.
 */
import fc from 'fast-check';
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isPoint,
  isTime,
} from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DurationValue,
  PointValue,
  TemporalValue,
  decodeValue,
  type DecodedValue,
} from '../../common/decode.ts';
import type { EncodedValue } from '../../common/values.ts';
import { toDriverParams } from '../../server/cypher/params.ts';
import type { Database } from '../../server/db/database.ts';
import { encodeValue } from '../../server/db/encode.ts';
import { openTestDatabase } from '../support/neo4j.ts';
import { FUZZ_SEED, fuzzParameters } from './fuzz-settings.ts';

const { types } = neo4j;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const integer = fc
  .oneof(
    fc.bigInt({ min: INT64_MIN, max: INT64_MAX }),
    fc.constantFrom(INT64_MIN, INT64_MAX, 0n, -1n, 2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) - 1n),
    fc.integer().map(BigInt),
  )
  .map((value) => neo4j.int(value.toString()));
const float = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, 2 ** 53, 0.1, 1e300, 5e-324),
);
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
const bytes = fc.uint8Array({ maxLength: 64 });
const key = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('$type', '__proto__', 'constructor', 'toString', 'value', ''),
);

const year = fc.integer({ min: 1, max: 9999 });
const month = fc.integer({ min: 1, max: 12 });
const day = fc.integer({ min: 1, max: 28 });
const hour = fc.integer({ min: 0, max: 23 });
const minute = fc.integer({ min: 0, max: 59 });
const nanos = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 999_999_999 }));
const offset = fc.integer({ min: -18 * 3600, max: 18 * 3600 });
const zone = fc.constantFrom(
  'UTC',
  'Europe/Moscow',
  'Asia/Dushanbe',
  'America/New_York',
  'Asia/Kolkata',
);

const temporal = fc.oneof(
  fc.tuple(year, month, day).map(([y, m, d]) => new types.Date(y, m, d)),
  fc.tuple(hour, minute, minute, nanos).map(([h, m, s, n]) => new types.LocalTime(h, m, s, n)),
  fc
    .tuple(hour, minute, minute, nanos, offset)
    .map(([h, m, s, n, o]) => new types.Time(h, m, s, n, o)),
  fc
    .tuple(year, month, day, hour, minute, minute, nanos)
    .map(([y, mo, d, h, mi, s, n]) => new types.LocalDateTime(y, mo, d, h, mi, s, n)),
  fc
    .tuple(year, month, day, hour, minute, minute, nanos, offset)
    .map(([y, mo, d, h, mi, s, n, o]) => new types.DateTime(y, mo, d, h, mi, s, n, o)),
  fc
    .tuple(fc.integer({ min: 1900, max: 2100 }), month, day, hour, minute, minute, nanos, zone)
    .map(([y, mo, d, h, mi, s, n, z]) => new types.DateTime(y, mo, d, h, mi, s, n, undefined, z)),
  fc
    .tuple(
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
      fc.integer({ min: 0, max: 999_999_999 }),
    )
    .map(([mo, d, s, n]) => new types.Duration(mo, d, s, n)),
);
const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const point = fc.oneof(
  fc.tuple(coordinate, coordinate).map(([x, y]) => new types.Point(7203, x, y)),
  fc.tuple(coordinate, coordinate, coordinate).map(([x, y, z]) => new types.Point(9157, x, y, z)),
  fc
    .tuple(
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: -90, max: 90, noNaN: true }),
    )
    .map(([x, y]) => new types.Point(4326, x, y)),
  fc
    .tuple(
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: -90, max: 90, noNaN: true }),
      coordinate,
    )
    .map(([x, y, z]) => new types.Point(4979, x, y, z)),
);

const { value: neo4jValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    integer,
    float,
    text,
    bytes,
    temporal,
    point,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
}));

/** Whether a decoded value is exactly the value Neo4j returned. */
function same(returned: unknown, decoded: DecodedValue): boolean {
  if (returned === null || typeof returned === 'boolean' || typeof returned === 'string') {
    return returned === decoded;
  }
  if (neo4j.isInt(returned)) return decoded === BigInt(returned.toString());
  if (typeof returned === 'number')
    return typeof decoded === 'number' && Object.is(returned, decoded);
  if (Array.isArray(returned)) {
    return (
      Array.isArray(decoded) &&
      returned.length === decoded.length &&
      returned.every((item, i) => same(item, decoded[i] as DecodedValue))
    );
  }
  if (returned instanceof Int8Array || returned instanceof Uint8Array) {
    return decoded instanceof Uint8Array && Buffer.from(returned).equals(Buffer.from(decoded));
  }
  if (isPoint(returned)) {
    return (
      decoded instanceof PointValue &&
      decoded.srid === Number(returned.srid) &&
      Object.is(decoded.x, returned.x) &&
      Object.is(decoded.y, returned.y) &&
      Object.is(decoded.z, returned.z)
    );
  }
  if (isDuration(returned)) {
    return (
      decoded instanceof DurationValue &&
      decoded.months === BigInt(returned.months.toString()) &&
      decoded.days === BigInt(returned.days.toString()) &&
      decoded.seconds === BigInt(returned.seconds.toString()) &&
      decoded.nanoseconds === Number(returned.nanoseconds)
    );
  }
  const temporalType = isDate(returned)
    ? 'Date'
    : isDateTime(returned)
      ? 'DateTime'
      : isLocalDateTime(returned)
        ? 'LocalDateTime'
        : isTime(returned)
          ? 'Time'
          : isLocalTime(returned)
            ? 'LocalTime'
            : undefined;
  if (temporalType) {
    return (
      decoded instanceof TemporalValue &&
      decoded.type === temporalType &&
      decoded.iso === String(returned)
    );
  }
  if (typeof returned === 'object') {
    if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) return false;
    const keys = Object.keys(returned as object).sort();
    const decodedKeys = Object.keys(decoded).sort();
    return (
      JSON.stringify(keys) === JSON.stringify(decodedKeys) &&
      keys.every((k) =>
        same(
          (returned as Record<string, unknown>)[k],
          (decoded as Record<string, DecodedValue>)[k] as DecodedValue,
        ),
      )
    );
  }
  return false;
}

let db: Database;

beforeAll(() => {
  db = openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function echo(value: unknown): Promise<unknown> {
  const result = await db.read((tx) => tx.run('RETURN $v AS v', { v: value }));
  return result.records[0]?.get('v');
}

describe('the value encoding', () => {
  it(`round-trips random Neo4j values losslessly (seed ${FUZZ_SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(neo4jValue, async (value) => {
        const returned = await echo(value);
        const json = JSON.parse(JSON.stringify(encodeValue(returned))) as EncodedValue;
        expect(same(returned, decodeValue(json)), JSON.stringify(json)).toBe(true);
        // Sent back as a console parameter, the value comes back as the same JSON.
        const again = await echo(toDriverParams({ v: json }).v);
        expect(JSON.parse(JSON.stringify(encodeValue(again)))).toEqual(json);
      }),
      fuzzParameters(200),
    );
  });
});
