/**
 * How a property value of the model is written and stored: the values a seed file or an
 * extraction may state, their Neo4j form, and the search text an entity carries. Seed, ingestion
 * and the generator build their rows with these, so the graph holds one form whoever wrote it.
 */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { SEARCHABLE_PROPERTIES } from './ontology.ts';

/** `{ "date": "YYYY-MM-DD" }` becomes a Neo4j Date; integral numbers become Neo4j Integers. */
export const DateValue = z.strictObject({ date: z.iso.date() });
export const PropertyValue = z.union([
  z.string(),
  z.number().finite(),
  z.boolean(),
  DateValue,
  z.array(z.string()),
  z.array(z.number().finite()),
]);
export type PropertyValue = z.infer<typeof PropertyValue>;

export type Row = Record<string, unknown>;

/** Properties stated with a basis other than the text, e.g. general knowledge. */
export interface BackgroundEntry {
  properties: Record<string, PropertyValue>;
  basis: string;
}

/** A Neo4j Integer: every count and offset the model writes is one. */
export const int = (n: number) => neo4j.int(n);

/** A Neo4j Date from `YYYY-MM-DD`. */
export function toNeo4jDate(isoDate: string): InstanceType<typeof neo4j.types.Date> {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new neo4j.types.Date(year ?? 0, month ?? 0, day ?? 0);
}

/** Integral numbers become Neo4j Integers, `{date}` a Neo4j Date; lists stay homogeneous. */
export function toNeo4jValue(value: PropertyValue): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) {
    const numbers = value.filter((v): v is number => typeof v === 'number');
    if (numbers.length === 0) return value;
    return numbers.every(Number.isInteger) ? numbers.map((n) => neo4j.int(n)) : numbers;
  }
  if (typeof value === 'object') return toNeo4jDate(value.date);
  return value;
}

/** Every value of a property map in its Neo4j form. */
export function toNeo4jProperties(properties: Record<string, PropertyValue>): Row {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, toNeo4jValue(v)]));
}

/**
 * Properties plus the background markers: `backgroundProperties` names each property that does
 * not come from the text and `backgroundBases` (index-aligned) says where it comes from.
 * `wholeBasis` marks every stated property as background (a fact known only from background).
 */
export function withBackground(
  properties: Record<string, PropertyValue>,
  background: readonly BackgroundEntry[],
  wholeBasis?: string,
): Row {
  const names: string[] = [];
  const bases: string[] = [];
  if (wholeBasis !== undefined) {
    for (const name of Object.keys(properties)) {
      names.push(name);
      bases.push(wholeBasis);
    }
  }
  const row: Row = toNeo4jProperties(properties);
  for (const entry of background) {
    Object.assign(row, toNeo4jProperties(entry.properties));
    for (const name of Object.keys(entry.properties)) {
      names.push(name);
      bases.push(entry.basis);
    }
  }
  row.backgroundProperties = names;
  row.backgroundBases = bases;
  return row;
}

/** Name, aliases, description and title-like properties, once each, for the full-text index. */
export function searchText(parts: (string | undefined)[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const part of parts) {
    if (!part || seen.has(part.toLowerCase())) continue;
    seen.add(part.toLowerCase());
    kept.push(part);
  }
  return kept.join(' | ');
}

/** The entity's title-like texts (`SEARCHABLE_PROPERTIES`), stated or from background. */
export function searchableTexts(entity: {
  properties: Record<string, PropertyValue>;
  background: readonly BackgroundEntry[];
}): (string | undefined)[] {
  return SEARCHABLE_PROPERTIES.map((name) => {
    const value =
      entity.properties[name] ??
      entity.background.find((b) => name in b.properties)?.properties[name];
    return typeof value === 'string' ? value : undefined;
  });
}
