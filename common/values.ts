/**
 * The JSON encoding of Neo4j values (see docs/API.md, "Values"). Plain JSON covers null, booleans,
 * strings, lists, safe integers (integral JSON numbers) and finite non-integral floats; everything
 * else is a tagged object with a `$type`.
 */
export type EncodedValue =
  | null
  | boolean
  | number
  | string
  | EncodedValue[]
  | { [key: string]: EncodedValue }
  | TaggedValue;

export type TaggedValue =
  | { $type: 'Integer'; value: string }
  | { $type: 'Float'; value: string }
  | { $type: 'Bytes'; value: string }
  | { $type: 'Map'; value: { [key: string]: EncodedValue } }
  | { $type: 'Date' | 'Time' | 'LocalTime' | 'DateTime' | 'LocalDateTime'; value: string }
  | { $type: 'Duration'; value: string; months: number; days: number; seconds: string; nanoseconds: number }
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
  | { $type: 'Path'; nodes: EncodedValue[]; relationships: EncodedValue[] };
