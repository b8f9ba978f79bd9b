/**
 * Texts and examples drawn from the connected database's schema, so a reader of any database
 * sees its own labels and keys, never ours: the search placeholder, the console's example query
 * and example parameters.
 */
import type { SchemaResponse } from '../../../common/api.ts';
import { quoteName } from '../../../common/cypher-name.ts';

/** Labels by node count, largest first. */
function largestLabels(schema: SchemaResponse): string[] {
  return [...schema.labels]
    .filter((l) => l.count > 0)
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1))
    .map((l) => l.label);
}

/** "Search Crime, Person, Location…" from the largest labels; generic until the schema is known. */
export function searchPlaceholder(schema: SchemaResponse | undefined): string {
  const labels = schema ? largestLabels(schema).slice(0, 3) : [];
  return labels.length > 0 ? `Search ${labels.join(', ')}…` : 'Search the graph…';
}

/** A first query over the largest connection in the schema graph. */
export function exampleQuery(schema: SchemaResponse | undefined): string {
  const counts = new Map(schema?.relationshipTypes.map((t) => [t.type, t.count]) ?? []);
  const edge = [...(schema?.graph.edges ?? [])].sort(
    (a, b) => (counts.get(b.type) ?? 0) - (counts.get(a.type) ?? 0),
  )[0];
  if (!edge) return 'MATCH (a)-[r]->(b)\nRETURN a, r, b\nLIMIT 25';
  return `MATCH (a:${quoteName(edge.start)})-[r:${quoteName(edge.type)}]->(b:${quoteName(edge.end)})\nRETURN a, r, b\nLIMIT 25`;
}

/** Example parameters naming the caption key of the largest label: {"reg": "…"}. */
export function exampleParameters(schema: SchemaResponse | undefined): string {
  const label = schema ? largestLabels(schema).find((l) => schema.captions[l]) : undefined;
  const key = label ? schema?.captions[label]?.[0] : undefined;
  return JSON.stringify({ [key ?? 'name']: '…' });
}
