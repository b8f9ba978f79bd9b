/**
 * Cypher for paths between two nodes. SHORTEST takes its count and the quantifier its bounds
 * only as literals, so those two validated integers are written into the text; the excluded
 * relationship types are quoted names; everything else is a parameter.
 */
import { quoteName } from '../schema/names.ts';

export const ENDPOINTS_QUERY = `
MATCH (n) WHERE elementId(n) IN [$from, $to]
RETURN n`;

/** SHORTEST is asked for this many paths per wanted path, as some differ only in parallel relationships. */
export const PATH_OVERFETCH = 4;

/**
 * Up to `k` shortest simple paths (no node twice) of at most `maxLength` hops, ignoring direction
 * and the excluded types; paths through the same nodes count once, shortest first.
 */
export function shortestPathsQuery(
  k: number,
  maxLength: number,
  excludedTypes: readonly string[],
): string {
  if (!Number.isInteger(k) || k < 1 || !Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError('k and maxLength must be positive integers');
  }
  const filter = excludedTypes.length === 0 ? '' : `:!(${excludedTypes.map(quoteName).join('|')})`;
  return `MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = SHORTEST ${k * PATH_OVERFETCH} ((a)(()-[r${filter}]-(x)){1,${maxLength}}(b)
  WHERE NOT a IN x AND all(i IN range(0, size(x) - 2) WHERE NOT x[i] IN x[i + 1..]))
WITH p, [n IN nodes(p) | elementId(n)] AS sequence
WITH sequence, collect(p)[0] AS p
RETURN p ORDER BY length(p), sequence LIMIT $k`;
}
