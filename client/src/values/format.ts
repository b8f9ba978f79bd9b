/**
 * Display text for property values in their lossless JSON encoding: decoded with the shared
 * decoder (common/decode.ts) so integers beyond 2^53, floats, temporal and spatial values show
 * exactly; long lists are cut, and a value that does not decode is shown as its raw JSON.
 */
import { decodeValue, formatValue } from '../../../common/decode.ts';
import type { EncodedValue } from '../../../common/values.ts';

export const MAX_LIST_ITEMS = 20;

/** One-line text for any encoded property value. */
export function displayValue(value: EncodedValue): string {
  try {
    if (Array.isArray(value) && value.length > MAX_LIST_ITEMS) {
      const shown = formatValue(decodeValue(value.slice(0, MAX_LIST_ITEMS)));
      return `${shown.slice(0, -1)}, … ${value.length - MAX_LIST_ITEMS} more]`;
    }
    return formatValue(decodeValue(value));
  } catch {
    return JSON.stringify(value);
  }
}

/** Plain text of a value when it is a string, for captions and search labels. */
export function textOf(value: EncodedValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
