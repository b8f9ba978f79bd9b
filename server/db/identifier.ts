/**
 * The one place a name that cannot be a Cypher parameter (label, relationship type, property
 * key, index name) is turned into query text: always backtick-quoted, inner backticks doubled.
 */

/** Quotes a Cypher identifier so no value can change the statement's structure. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0) throw new TypeError('a Cypher identifier cannot be empty');
  return `\`${name.replaceAll('`', '``')}\``;
}
