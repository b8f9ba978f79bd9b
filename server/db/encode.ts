/**
 * The one place Neo4j values become JSON, losslessly (encoding in common/values.ts and
 * docs/API.md): integers beyond 2^53 exact, integer vs float kept apart, non-finite floats,
 * temporal and spatial values, and graph structures.
 */
import { isStoredElementId } from '../../common/element-id.ts';
import type { Duration, Integer, Point } from 'neo4j-driver';
import neo4j, {
  Node,
  Path,
  Relationship,
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isPoint,
  isTime,
} from 'neo4j-driver';
import type { GraphNode, GraphRelationship } from '../../common/api.ts';
import { CRS_BY_SRID, type EncodedValue } from '../../common/values.ts';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** Encodes a JS number that came from a Neo4j Float. */
export function encodeFloat(value: number): EncodedValue {
  if (Number.isFinite(value) && !Number.isInteger(value)) return value;
  if (Number.isNaN(value)) return { $type: 'Float', value: 'NaN' };
  if (value === Infinity) return { $type: 'Float', value: 'Infinity' };
  if (value === -Infinity) return { $type: 'Float', value: '-Infinity' };
  // Integral floats would read back as integers: tag them, keeping -0.
  return { $type: 'Float', value: Object.is(value, -0) ? '-0.0' : value.toFixed(1) };
}

/** Encodes a Neo4j Integer: a JSON number when it is safe, its digits otherwise. */
export function encodeInteger(value: Integer | bigint): EncodedValue {
  const asBig = typeof value === 'bigint' ? value : BigInt(value.toString());
  if (asBig <= MAX_SAFE && asBig >= MIN_SAFE) return Number(asBig);
  return { $type: 'Integer', value: asBig.toString() };
}

/**
 * Encodes a map's entries, keys sorted. A "__proto__" key is defined, not assigned, so it stays
 * an ordinary entry instead of setting the prototype.
 */
export function encodeProperties(props: Record<string, unknown>): Record<string, EncodedValue> {
  const out: Record<string, EncodedValue> = {};
  for (const key of Object.keys(props).sort()) {
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value: encodeValue(props[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      out[key] = encodeValue(props[key]);
    }
  }
  return out;
}

export function toGraphNode(node: Node): GraphNode {
  return {
    id: node.elementId,
    labels: [...node.labels].sort(),
    properties: encodeProperties(node.properties),
    ...virtualMark(node.elementId),
  };
}

/** Marks what a procedure made up (no stored element id), so clients never look it up. */
function virtualMark(id: string): { virtual?: true } {
  return isStoredElementId(id) ? {} : { virtual: true };
}

export function toGraphRelationship(rel: Relationship): GraphRelationship {
  return {
    id: rel.elementId,
    type: rel.type,
    start: rel.startNodeElementId,
    end: rel.endNodeElementId,
    properties: encodeProperties(rel.properties),
    ...virtualMark(rel.elementId),
  };
}

/** Encodes any value the driver returns. */
export function encodeValue(value: unknown): EncodedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return encodeFloat(value);
  if (typeof value === 'bigint' || neo4j.isInt(value))
    return encodeInteger(value as Integer | bigint);
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value instanceof Int8Array || value instanceof Uint8Array) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { $type: 'Bytes', value: Buffer.from(bytes).toString('base64') };
  }
  if (value instanceof Node) return { $type: 'Node', ...toGraphNode(value) };
  if (value instanceof Relationship)
    return { $type: 'Relationship', ...toGraphRelationship(value) };
  if (value instanceof Path) return encodePath(value);
  if (isPoint(value)) return encodePoint(value);
  if (isDuration(value)) return encodeDuration(value);
  if (isDate(value)) return { $type: 'Date', value: value.toString() };
  if (isDateTime(value)) return { $type: 'DateTime', value: value.toString() };
  if (isLocalDateTime(value)) return { $type: 'LocalDateTime', value: value.toString() };
  if (isTime(value)) return { $type: 'Time', value: value.toString() };
  if (isLocalTime(value)) return { $type: 'LocalTime', value: value.toString() };
  if (typeof value === 'object') {
    const map = encodeProperties(value as Record<string, unknown>);
    // A map that has its own "$type" key would read back as a tagged value: wrap it.
    return Object.hasOwn(map, '$type') ? { $type: 'Map', value: map } : map;
  }
  return String(value);
}

function encodePath(path: Path): EncodedValue {
  const nodes: EncodedValue[] = [encodeValue(path.start)];
  const relationships: EncodedValue[] = [];
  for (const segment of path.segments) {
    relationships.push(encodeValue(segment.relationship));
    nodes.push(encodeValue(segment.end));
  }
  return { $type: 'Path', nodes, relationships };
}

function encodePoint(point: Point): EncodedValue {
  const srid = Number(point.srid.toString());
  return {
    $type: 'Point',
    srid,
    crs: CRS_BY_SRID[srid] ?? `srid-${srid}`,
    x: point.x,
    y: point.y,
    ...(point.z !== undefined ? { z: point.z } : {}),
  };
}

function encodeDuration(duration: Duration): EncodedValue {
  return {
    $type: 'Duration',
    value: duration.toString(),
    months: duration.months.toString(),
    days: duration.days.toString(),
    seconds: duration.seconds.toString(),
    nanoseconds: Number(duration.nanoseconds.toString()),
  };
}
