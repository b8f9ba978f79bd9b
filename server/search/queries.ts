/**
 * Cypher for search. The full-text query is fixed text; the scan's optional label filter is built
 * from quoted names. Values (query text, limits, labels) are always parameters.
 */
import { quoteName } from '../schema/names.ts';

/** One full-text index; labels filter after the index, so the index is asked for more ($fetch). */
export const FULLTEXT_SEARCH_QUERY = `
CALL db.index.fulltext.queryNodes($index, $query, {limit: $fetch}) YIELD node, score
WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
RETURN node, score
ORDER BY score DESC, elementId(node)
LIMIT $limit`;

/**
 * Without a usable full-text index: the first $scanLimit nodes (of the given labels), every string
 * and string-list property folded like foldText() in text.ts (lower case, NFD, combining marks
 * U+0300–U+036F removed, NFC; ASCII text skips the work), matched with CONTAINS against the folded
 * query $q. Score: 4 whole text, 3 prefix, 2 word prefix, 1 inside.
 */
export function scanSearchQuery(labels: readonly string[] | null): string {
  const pattern = labels && labels.length > 0 ? `(n:${labels.map(quoteName).join('|')})` : '(n)';
  return `
MATCH ${pattern}
WITH n LIMIT $scanLimit
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS n
  UNWIND keys(n) AS key
  WITH n, key, n[key] AS value
  WITH n, key, CASE
      WHEN value IS :: STRING THEN [value]
      WHEN value IS :: LIST<STRING NOT NULL> THEN value
      ELSE [] END AS texts
  UNWIND texts AS text
  WITH n, key, text, toLower(text) AS lower
  WITH n, key, text, CASE
      WHEN NOT lower =~ '(?s).*[^\\\\x{0000}-\\\\x{007F}].*' THEN lower
      ELSE normalize(reduce(acc = '', c IN split(normalize(lower, NFD), '') |
             acc + CASE WHEN c >= '\\u0300' AND c <= '\\u036f' THEN '' ELSE c END), NFC)
      END AS folded
  WHERE folded CONTAINS $q
  WITH n, key, text, CASE
      WHEN folded = $q THEN 4
      WHEN folded STARTS WITH $q THEN 3
      WHEN folded CONTAINS (' ' + $q) THEN 2
      ELSE 1 END AS score
  ORDER BY score DESC, size(text), key
  WITH n, collect({key: key, text: text, score: score})[0] AS best
  ORDER BY best.score DESC, size(best.text), elementId(n)
  LIMIT $limit
  RETURN collect({node: n, best: best}) AS hits
}
RETURN size(nodes) AS scanned, hits`;
}
