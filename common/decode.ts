/**
 * Decodes the JSON encoding of Neo4j values (common/values.ts) back into exact JavaScript values:
 * integers as bigint, floats as number (NaN, ±Infinity and -0 included), and small classes for
 * temporal, spatial and graph values. Used by the web app and by the server to read parameters.
 */
import { CRS_BY_SRID, TEMPORAL_TYPES, type EncodedValue, type TemporalType } from './values.ts';

export type DecodedMap = { [key: string]: DecodedValue };

export type DecodedValue =
  | null
  | boolean
  | string
  /** A Neo4j Integer (64-bit). */
  | bigint
  /** A Neo4j Float. */
  | number
  | Uint8Array
  | DecodedValue[]
  | DecodedMap
  | TemporalValue
  | DurationValue
  | PointValue
  | NodeValue
  | RelationshipValue
  | PathValue;

/** The components of a temporal value; absent ones do not apply to its type. */
export interface TemporalFields {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  nanosecond?: number;
  /** Offset from UTC in seconds (Time, DateTime). */
  offsetSeconds?: number;
  /** IANA zone id (DateTime only). */
  zoneId?: string;
}

export class TemporalValue {
  constructor(
    readonly type: TemporalType,
    /** ISO 8601 text as Neo4j prints it. */
    readonly iso: string,
    readonly fields: TemporalFields,
  ) {}
  toString(): string {
    return this.iso;
  }
}

export class DurationValue {
  constructor(
    readonly months: bigint,
    readonly days: bigint,
    readonly seconds: bigint,
    readonly nanoseconds: number,
    readonly iso: string,
  ) {}
  toString(): string {
    return this.iso;
  }
}

export class PointValue {
  constructor(
    readonly srid: number,
    readonly crs: string,
    readonly x: number,
    readonly y: number,
    readonly z?: number,
  ) {}
}

export class NodeValue {
  constructor(
    readonly id: string,
    readonly labels: string[],
    readonly properties: DecodedMap,
  ) {}
}

export class RelationshipValue {
  constructor(
    readonly id: string,
    readonly type: string,
    readonly start: string,
    readonly end: string,
    readonly properties: DecodedMap,
  ) {}
}

export class PathValue {
  constructor(
    readonly nodes: NodeValue[],
    readonly relationships: RelationshipValue[],
  ) {}
}

/** A value that does not follow the encoding; `path` says where (e.g. "$.a[2]"). */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

const INTEGER_TEXT = /^-?\d{1,19}$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Decodes one encoded value; throws DecodeError naming the offending position. */
export function decodeValue(value: EncodedValue, path = '$'): DecodedValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    // Integral JSON numbers are integers; floats that look integral arrive tagged.
    if (!Number.isInteger(value)) return value;
    if (!Number.isSafeInteger(value)) {
      throw new DecodeError(path, 'an integer beyond 2^53 must be sent as {"$type": "Integer"}');
    }
    return BigInt(value);
  }
  if (Array.isArray(value)) return value.map((item, i) => decodeValue(item, `${path}[${i}]`));
  if (typeof value !== 'object') throw new DecodeError(path, `unexpected ${typeof value}`);
  if (!Object.hasOwn(value, '$type')) return decodeMap(value as Record<string, EncodedValue>, path);
  return decodeTagged(value as Record<string, unknown>, path);
}

function decodeMap(map: Record<string, EncodedValue>, path: string): DecodedMap {
  const out: DecodedMap = {};
  for (const [key, item] of Object.entries(map)) {
    // defineProperty keeps keys such as "__proto__" as ordinary entries.
    Object.defineProperty(out, key, {
      value: decodeValue(item, `${path}.${key}`),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function decodeTagged(tagged: Record<string, unknown>, path: string): DecodedValue {
  const type = tagged.$type;
  switch (type) {
    case 'Integer':
      return decodeIntegerText(tagged.value, path);
    case 'Float':
      return decodeFloatText(tagged.value, path);
    case 'Bytes':
      return decodeBase64(expectString(tagged.value, `${path}.value`), path);
    case 'Map':
      return decodeMap(expectObject(tagged.value, `${path}.value`), `${path}.value`);
    case 'Duration':
      return decodeDuration(tagged, path);
    case 'Point':
      return decodePoint(tagged, path);
    case 'Node':
      return decodeNode(tagged, path);
    case 'Relationship':
      return decodeRelationship(tagged, path);
    case 'Path':
      return decodePath(tagged, path);
    default:
      if (TEMPORAL_TYPES.includes(type as TemporalType)) {
        const iso = expectString(tagged.value, `${path}.value`);
        return new TemporalValue(
          type as TemporalType,
          iso,
          parseTemporal(type as TemporalType, iso, path),
        );
      }
      throw new DecodeError(path, `unknown $type ${JSON.stringify(type)}`);
  }
}

/** Parses a decimal 64-bit integer. */
export function decodeIntegerText(text: unknown, path = '$'): bigint {
  if (typeof text !== 'string' || !INTEGER_TEXT.test(text)) {
    throw new DecodeError(path, 'an Integer needs a decimal string value');
  }
  const value = BigInt(text);
  if (value < INT64_MIN || value > INT64_MAX) {
    throw new DecodeError(path, 'the Integer does not fit in 64 bits');
  }
  return value;
}

function decodeFloatText(text: unknown, path: string): number {
  if (typeof text !== 'string') throw new DecodeError(path, 'a Float needs a string value');
  if (text === 'NaN') return NaN;
  if (text === 'Infinity') return Infinity;
  if (text === '-Infinity') return -Infinity;
  if (!/^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) {
    throw new DecodeError(path, `${JSON.stringify(text)} is not a float`);
  }
  return Number(text);
}

function decodeBase64(text: string, path: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new DecodeError(path, 'Bytes need a base64 value');
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function decodeDuration(tagged: Record<string, unknown>, path: string): DurationValue {
  const nanoseconds = tagged.nanoseconds;
  if (
    typeof nanoseconds !== 'number' ||
    !Number.isInteger(nanoseconds) ||
    nanoseconds < 0 ||
    nanoseconds > 999_999_999
  ) {
    throw new DecodeError(`${path}.nanoseconds`, 'must be an integer from 0 to 999999999');
  }
  return new DurationValue(
    decodeIntegerText(tagged.months, `${path}.months`),
    decodeIntegerText(tagged.days, `${path}.days`),
    decodeIntegerText(tagged.seconds, `${path}.seconds`),
    nanoseconds,
    typeof tagged.value === 'string' ? tagged.value : '',
  );
}

function decodePoint(tagged: Record<string, unknown>, path: string): PointValue {
  const srid = tagged.srid;
  if (typeof srid !== 'number' || !Number.isInteger(srid)) {
    throw new DecodeError(`${path}.srid`, 'must be an integer');
  }
  const coordinate = (key: 'x' | 'y' | 'z') => {
    const c = tagged[key];
    if (typeof c !== 'number' || !Number.isFinite(c)) {
      throw new DecodeError(`${path}.${key}`, 'must be a finite number');
    }
    return c;
  };
  const crs = typeof tagged.crs === 'string' ? tagged.crs : (CRS_BY_SRID[srid] ?? `srid-${srid}`);
  return tagged.z === undefined
    ? new PointValue(srid, crs, coordinate('x'), coordinate('y'))
    : new PointValue(srid, crs, coordinate('x'), coordinate('y'), coordinate('z'));
}

function decodeNode(tagged: Record<string, unknown>, path: string): NodeValue {
  const labels = tagged.labels;
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
    throw new DecodeError(`${path}.labels`, 'must be a list of strings');
  }
  return new NodeValue(
    expectString(tagged.id, `${path}.id`),
    labels as string[],
    decodeMap(expectObject(tagged.properties, `${path}.properties`), `${path}.properties`),
  );
}

function decodeRelationship(tagged: Record<string, unknown>, path: string): RelationshipValue {
  return new RelationshipValue(
    expectString(tagged.id, `${path}.id`),
    expectString(tagged.type, `${path}.type`),
    expectString(tagged.start, `${path}.start`),
    expectString(tagged.end, `${path}.end`),
    decodeMap(expectObject(tagged.properties, `${path}.properties`), `${path}.properties`),
  );
}

function decodePath(tagged: Record<string, unknown>, path: string): PathValue {
  const nodes = tagged.nodes;
  const relationships = tagged.relationships;
  if (
    !Array.isArray(nodes) ||
    !Array.isArray(relationships) ||
    nodes.length !== relationships.length + 1
  ) {
    throw new DecodeError(path, 'a Path needs n + 1 nodes for n relationships');
  }
  return new PathValue(
    nodes.map((n: EncodedValue, i) => {
      const node = decodeValue(n, `${path}.nodes[${i}]`);
      if (!(node instanceof NodeValue))
        throw new DecodeError(`${path}.nodes[${i}]`, 'must be a Node');
      return node;
    }),
    relationships.map((r: EncodedValue, i) => {
      const rel = decodeValue(r, `${path}.relationships[${i}]`);
      if (!(rel instanceof RelationshipValue)) {
        throw new DecodeError(`${path}.relationships[${i}]`, 'must be a Relationship');
      }
      return rel;
    }),
  );
}

function expectString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new DecodeError(path, 'must be a string');
  return value;
}

function expectObject(value: unknown, path: string): Record<string, EncodedValue> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DecodeError(path, 'must be an object');
  }
  return value as Record<string, EncodedValue>;
}

// ISO 8601 in the forms Neo4j prints (seconds may be omitted on input).
const DATE = String.raw`([+-]?\d{4,9})-(\d{2})-(\d{2})`;
const TIME = String.raw`(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?`;
const OFFSET = String.raw`(Z|[+-]\d{2}:\d{2}(?::\d{2})?)`;
const ZONE = String.raw`\[([A-Za-z0-9_+\-/]+)\]`;
const PATTERNS: Record<TemporalType, RegExp> = {
  Date: new RegExp(`^${DATE}$`),
  LocalTime: new RegExp(`^${TIME}$`),
  Time: new RegExp(`^${TIME}${OFFSET}$`),
  LocalDateTime: new RegExp(`^${DATE}T${TIME}$`),
  DateTime: new RegExp(`^${DATE}T${TIME}(?:${OFFSET})?(?:${ZONE})?$`),
};

/** Parses the ISO text of a temporal value into its components. */
export function parseTemporal(type: TemporalType, iso: string, path = '$'): TemporalFields {
  const match = PATTERNS[type].exec(iso);
  if (!match) throw new DecodeError(path, `${JSON.stringify(iso)} is not an ISO 8601 ${type}`);
  const parts = match.slice(1);
  const fields: TemporalFields = {};
  let i = 0;
  if (type === 'Date' || type === 'LocalDateTime' || type === 'DateTime') {
    fields.year = Number(parts[i++]);
    fields.month = Number(parts[i++]);
    fields.day = Number(parts[i++]);
  }
  if (type !== 'Date') {
    fields.hour = Number(parts[i++]);
    fields.minute = Number(parts[i++]);
    fields.second = Number(parts[i++] ?? '0');
    fields.nanosecond = Number((parts[i++] ?? '').padEnd(9, '0'));
  }
  if (type === 'Time' || type === 'DateTime') {
    const offset = parts[i++];
    if (offset !== undefined) fields.offsetSeconds = parseOffset(offset);
  }
  if (type === 'DateTime') {
    const zone = parts[i++];
    if (zone !== undefined) fields.zoneId = zone;
    if (fields.offsetSeconds === undefined && zone === undefined) {
      throw new DecodeError(path, 'a DateTime needs an offset or a zone id');
    }
  }
  return fields;
}

function parseOffset(text: string): number {
  if (text === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const [h = 0, m = 0, s = 0] = text.slice(1).split(':').map(Number);
  return sign * (h * 3600 + m * 60 + s);
}

/** Display text for a decoded value, close to how Cypher would write it. */
export function formatValue(value: DecodedValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'number') return formatFloat(value);
  if (value instanceof Uint8Array) return `bytes(${value.length})`;
  if (Array.isArray(value)) return `[${value.map(formatNested).join(', ')}]`;
  if (value instanceof TemporalValue || value instanceof DurationValue) return value.iso;
  if (value instanceof PointValue) {
    const coords = value.crs.startsWith('wgs-84')
      ? [
          `longitude: ${value.x}`,
          `latitude: ${value.y}`,
          ...(value.z !== undefined ? [`height: ${value.z}`] : []),
        ]
      : [`x: ${value.x}`, `y: ${value.y}`, ...(value.z !== undefined ? [`z: ${value.z}`] : [])];
    return `point({srid: ${value.srid}, ${coords.join(', ')}})`;
  }
  if (value instanceof NodeValue)
    return `(${value.labels.map((l) => `:${l}`).join('')} ${formatNested(value.properties)})`;
  if (value instanceof RelationshipValue)
    return `[:${value.type} ${formatNested(value.properties)}]`;
  if (value instanceof PathValue) return `path(${value.relationships.length} hops)`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${k}: ${formatNested(v)}`)
    .join(', ')}}`;
}

function formatNested(value: DecodedValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : formatValue(value);
}

function formatFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(value, -0)) return '-0.0';
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}
