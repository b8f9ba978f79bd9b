/**
 * The JSON encoding of Neo4j values (see docs/API.md, "Values"). Plain JSON covers null, booleans,
 * strings, lists, maps, safe integers (integral JSON numbers) and finite non-integral floats;
 * everything else is a tagged object with a `$type`. The server encodes (server/db/encode.ts), the
 * client decodes (common/decode.ts).
 */
export type EncodedValue =
  null | boolean | number | string | EncodedValue[] | { [key: string]: EncodedValue } | TaggedValue;

export type TemporalType = 'Date' | 'Time' | 'LocalTime' | 'DateTime' | 'LocalDateTime';

export type TaggedValue =
  /** An integer outside ±(2^53 − 1), as its decimal digits. */
  | { $type: 'Integer'; value: string }
  /** A float JSON cannot tell from an integer or cannot carry: "1.0", "-0.0", "NaN", "Infinity", "-Infinity". */
  | { $type: 'Float'; value: string }
  /** A byte array, base64. */
  | { $type: 'Bytes'; value: string }
  /** A map that itself has a "$type" key, wrapped so it is not read as a tagged value. */
  | { $type: 'Map'; value: { [key: string]: EncodedValue } }
  /** ISO 8601 as Neo4j prints it, nanosecond precision, zone id in brackets where there is one. */
  | { $type: TemporalType; value: string }
  /** ISO 8601 text plus the exact components (64-bit counts as decimal strings). */
  | {
      $type: 'Duration';
      value: string;
      months: string;
      days: string;
      seconds: string;
      nanoseconds: number;
    }
  /** Cartesian (x, y[, z]) or WGS-84 (x = longitude, y = latitude[, z = height]). */
  | { $type: 'Point'; srid: number; crs: string; x: number; y: number; z?: number }
  | { $type: 'Node'; id: string; labels: string[]; properties: { [key: string]: EncodedValue } }
  | {
      $type: 'Relationship';
      id: string;
      type: string;
      start: string;
      end: string;
      properties: { [key: string]: EncodedValue };
    }
  /** nodes[i] and nodes[i + 1] are joined by relationships[i]. */
  | { $type: 'Path'; nodes: EncodedValue[]; relationships: EncodedValue[] };

export const TEMPORAL_TYPES: readonly TemporalType[] = [
  'Date',
  'Time',
  'LocalTime',
  'DateTime',
  'LocalDateTime',
];

/** Every `$type` tag the encoding uses. */
export const VALUE_TAGS = [
  'Integer',
  'Float',
  'Bytes',
  'Map',
  ...TEMPORAL_TYPES,
  'Duration',
  'Point',
  'Node',
  'Relationship',
  'Path',
] as const;

/** Coordinate reference systems by SRID, as Neo4j names them. */
export const CRS_BY_SRID: Readonly<Record<number, string>> = {
  7203: 'cartesian',
  9157: 'cartesian-3d',
  4326: 'wgs-84',
  4979: 'wgs-84-3d',
};
