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
 * The nodes a scan looks at: the first $budgets[i] nodes of the i-th label, each node once (at the
 * position of its first planned label, whose caption keys $captionKeys[i] it is read with), none
 * carrying a label of $covered (a folding full-text index has already answered for those).
 */
function scannedNodes(labels: readonly string[]): string {
  const parts = labels.map(
    (label, i) =>
      `MATCH (n:${quoteName(label)}) WHERE none(l IN labels(n) WHERE l IN $covered) ` +
      `WITH n LIMIT $budgets[${i}] RETURN n, ${i} AS position`,
  );
  return `CALL () {
  ${parts.join('\n  UNION ALL\n  ')}
}
WITH n, min(position) AS position`;
}

/**
 * The node's texts: every string and string-list property, plus its caption keys' values joined
 * (key null) so "Todd Hamilton" matches a name and a surname held apart. Each folded like
 * foldText() in text.ts (lower case, NFD, combining marks U+0300–U+036F removed, NFC; ASCII text
 * skips the work).
 */
const NODE_TEXTS = `
  WITH n, $captionKeys[position] AS captionKeys
  UNWIND keys(n) + CASE WHEN size(captionKeys) > 1 THEN [null] ELSE [] END AS key
  WITH n, key, CASE WHEN key IS NULL
      THEN trim(reduce(s = '', k IN captionKeys | s + ' ' + coalesce(toString(n[k]), '')))
      ELSE n[key] END AS value
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
      END AS folded`;

/**
 * Without a usable full-text index: a bounded scan of every planned label (scannedNodes), each
 * node's texts (NODE_TEXTS) matched with CONTAINS against the folded query $q. Score: 4 whole
 * text, 3 prefix, 2 word prefix, 1 inside; 0.5 when the text as a whole is nowhere but every
 * folded word of $terms is in some text of the node (words spread over properties, any order).
 */
export function scanSearchQuery(labels: readonly string[]): string {
  return `
${scannedNodes(labels)}
CALL (n, position) {
  ${NODE_TEXTS}
  WITH key, text, folded, CASE
      WHEN folded = $q THEN 4
      WHEN folded STARTS WITH $q THEN 3
      WHEN folded CONTAINS (' ' + $q) THEN 2
      WHEN folded CONTAINS $q THEN 1
      ELSE 0 END AS score
  ORDER BY score DESC, size(text), key
  WITH collect({key: key, text: text, score: score}) AS scored, collect(folded) AS folded
  WITH scored[0] AS top, folded
  WHERE top.score > 0
     OR (size($terms) > 1 AND all(t IN $terms WHERE any(f IN folded WHERE f CONTAINS t)))
  RETURN CASE WHEN top.score > 0 THEN top ELSE {key: null, text: null, score: 0.5} END AS best
}
WITH n, best
ORDER BY best.score DESC, size(best.text), elementId(n)
LIMIT $limit
RETURN n AS node, best`;
}

/**
 * Candidates for a typo-tolerant answer: nodes of the scan whose texts, together, contain at least
 * `$required[i]` of the three-letter pieces `$grams[i]` of every word i — what a word within its
 * allowed edits must still share (each edit breaks at most three pieces, so a short word with one
 * typo may share none) — most pieces shared first. The caller keeps those a word of which is
 * within the allowed edits (match.ts).
 */
export function typoCandidatesQuery(labels: readonly string[]): string {
  return `
${scannedNodes(labels)}
CALL (n, position) {
  ${NODE_TEXTS}
  WITH collect(folded) AS folded
  WITH reduce(s = '', f IN folded | s + ' ' + f) AS blob
  WITH [grams IN $grams | size([g IN grams WHERE blob CONTAINS g])] AS found
  WHERE all(i IN range(0, size($grams) - 1) WHERE found[i] >= $required[i])
  RETURN reduce(total = 0.0, i IN range(0, size($grams) - 1) | total + found[i] * 1.0 / size($grams[i])) AS closeness
}
WITH n, closeness
ORDER BY closeness DESC, elementId(n)
LIMIT $candidates
RETURN n AS node`;
}
