/** Small readers for record fields: driver Integers become numbers, absent lists become []. */
import neo4j from 'neo4j-driver';

/** A count or offset from Neo4j as a JS number (null stays null). */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return neo4j.integer.toNumber(value);
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return null;
}

/** Like toNumber, with 0 for missing values (counts). */
export function toCount(value: unknown): number {
  return toNumber(value) ?? 0;
}

export function toStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function toStringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
