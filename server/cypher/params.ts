/**
 * Query parameters arrive in the API's value encoding (common/values.ts) and become driver values
 * here, so a client can send back exactly what it received: integral JSON numbers are Integers,
 * tagged values keep their type. Graph elements cannot be parameters in Neo4j; send their ids.
 */
import neo4j from 'neo4j-driver';
import {
  DecodeError,
  DurationValue,
  NodeValue,
  PathValue,
  PointValue,
  RelationshipValue,
  TemporalValue,
  decodeValue,
  type DecodedValue,
} from '../../common/decode.ts';
import type { EncodedValue } from '../../common/values.ts';
import { validationError } from '../http/problems.ts';

/** Converts a request's `params` object; a bad value is a 400 naming its position. */
export function toDriverParams(params: Record<string, EncodedValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    try {
      out[key] = toDriverValue(decodeValue(value, `params.${key}`), `params.${key}`);
    } catch (error) {
      // The driver's own constructors reject out-of-range components (month 13, bad zone id).
      const path = error instanceof DecodeError ? error.path : `params.${key}`;
      const message =
        error instanceof DecodeError
          ? error.message.slice(error.path.length + 2)
          : (error as Error).message;
      throw validationError([{ path: `body.${path}`, message }]);
    }
  }
  return out;
}

/** Maps a decoded value onto the driver's types. */
export function toDriverValue(value: DecodedValue, path = '$'): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return neo4j.int(value.toString());
  if (value instanceof Uint8Array)
    return new Int8Array(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map((item, i) => toDriverValue(item, `${path}[${i}]`));
  if (value instanceof TemporalValue) return toDriverTemporal(value);
  if (value instanceof DurationValue) {
    return new neo4j.types.Duration(
      neo4j.int(value.months.toString()),
      neo4j.int(value.days.toString()),
      neo4j.int(value.seconds.toString()),
      neo4j.int(value.nanoseconds),
    );
  }
  if (value instanceof PointValue) {
    return value.z === undefined
      ? new neo4j.types.Point(value.srid, value.x, value.y)
      : new neo4j.types.Point(value.srid, value.x, value.y, value.z);
  }
  if (
    value instanceof NodeValue ||
    value instanceof RelationshipValue ||
    value instanceof PathValue
  ) {
    throw new DecodeError(
      path,
      'nodes, relationships and paths cannot be parameters; pass element ids',
    );
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, {
      value: toDriverValue(item, `${path}.${key}`),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function toDriverTemporal(value: TemporalValue): unknown {
  const f = value.fields;
  const n = (x: number | undefined) => x ?? 0;
  switch (value.type) {
    case 'Date':
      return new neo4j.types.Date(n(f.year), n(f.month), n(f.day));
    case 'LocalTime':
      return new neo4j.types.LocalTime(n(f.hour), n(f.minute), n(f.second), n(f.nanosecond));
    case 'Time':
      return new neo4j.types.Time(
        n(f.hour),
        n(f.minute),
        n(f.second),
        n(f.nanosecond),
        n(f.offsetSeconds),
      );
    case 'LocalDateTime':
      return new neo4j.types.LocalDateTime(
        n(f.year),
        n(f.month),
        n(f.day),
        n(f.hour),
        n(f.minute),
        n(f.second),
        n(f.nanosecond),
      );
    case 'DateTime':
      return new neo4j.types.DateTime(
        n(f.year),
        n(f.month),
        n(f.day),
        n(f.hour),
        n(f.minute),
        n(f.second),
        n(f.nanosecond),
        f.offsetSeconds,
        f.zoneId,
      );
  }
}
