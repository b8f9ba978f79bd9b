/**
 * Plain-text display of property values in their lossless JSON encoding (common/values.ts):
 * integers beyond 2^53, temporal and spatial values are shown exactly as Neo4j writes them.
 */
import type { EncodedValue, TaggedValue } from '../../../common/values.ts';

const MAX_LIST_ITEMS = 20;

export function isTagged(value: EncodedValue): value is TaggedValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '$type' in value;
}

/** One-line text for any encoded value. */
export function formatValue(value: EncodedValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_LIST_ITEMS).map(formatNested);
    const more = value.length > MAX_LIST_ITEMS ? `, … ${value.length - MAX_LIST_ITEMS} more` : '';
    return `[${shown.join(', ')}${more}]`;
  }
  if (isTagged(value)) return formatTagged(value);
  return formatMap(value);
}

function formatNested(value: EncodedValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : formatValue(value);
}

function formatMap(map: { [key: string]: EncodedValue }): string {
  const entries = Object.entries(map).map(([key, v]) => `${key}: ${formatNested(v)}`);
  return `{${entries.join(', ')}}`;
}

function formatTagged(value: TaggedValue): string {
  switch (value.$type) {
    case 'Integer':
    case 'Float':
    case 'Date':
    case 'Time':
    case 'LocalTime':
    case 'DateTime':
    case 'LocalDateTime':
    case 'Duration':
      return value.value;
    case 'Bytes':
      return `bytes(${value.value})`;
    case 'Map':
      return formatMap(value.value);
    case 'Point': {
      const z = value.z !== undefined ? `, z: ${value.z}` : '';
      return `point({srid: ${value.srid}, x: ${value.x}, y: ${value.y}${z}})`;
    }
    case 'Node':
      return `(:${value.labels.join(':')})`;
    case 'Relationship':
      return `[:${value.type}]`;
    case 'Path':
      return `path of ${value.relationships.length} relationship(s)`;
  }
}
