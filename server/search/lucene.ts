/**
 * Builds the Lucene query for Neo4j full-text indexes from a user's words. Every term is
 * escaped, so no user input is ever read as Lucene syntax. Each term matches exactly (boosted),
 * as a prefix (type-ahead) and fuzzily (small typos), in its own form and folded without
 * diacritics, so indexes with and without a folding analyzer both find "Querétaro" for "queretaro".
 * A second, infix query looks inside indexed words ("ikistan" → "Tajikistan") when the first
 * finds nothing.
 */
import { foldText } from './text.ts';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes Lucene query syntax characters with a backslash. */
export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** Edits allowed for a fuzzy match: none for short words, where a typo makes another word. */
export function fuzzyEdits(term: string): number {
  const length = [...term].length;
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

function termClause(term: string): string {
  const variants = [...new Set([term, foldText(term)])].filter((v) => v.length > 0);
  const parts: string[] = [];
  for (const variant of variants) {
    const escaped = escapeLucene(variant);
    parts.push(`${escaped}^4`);
    if ([...variant].length >= 2) parts.push(`${escaped}*^1.5`);
    const edits = fuzzyEdits(variant);
    if (edits > 0) parts.push(`${escaped}~${edits}`);
  }
  return `(${parts.join(' OR ')})`;
}

/** The query string for db.index.fulltext.queryNodes; terms must be non-empty. */
export function buildLuceneQuery(terms: readonly string[]): string {
  const clauses = terms.map(termClause);
  if (terms.length > 1) {
    // The words together, in order, rank above the same words scattered.
    clauses.push(`"${terms.map((t) => escapeLucene(t)).join(' ')}"^6`);
  }
  return clauses.join(' OR ');
}

/** Shortest term looked for inside words: shorter ones match almost every word. */
export const MIN_INFIX_LENGTH = 3;

/**
 * The query that finds terms inside indexed words: `*term*` per term (as typed in lower case and
 * folded), any term may match. Wildcard terms are not analysed, so they are lower-cased here as
 * the index's analyzers lower-case what they index. Null when no term is long enough.
 */
export function buildInfixQuery(terms: readonly string[]): string | null {
  const parts = new Set<string>();
  for (const term of terms) {
    for (const variant of [term.toLowerCase(), foldText(term)]) {
      if ([...variant].length >= MIN_INFIX_LENGTH) parts.add(`*${escapeLucene(variant)}*`);
    }
  }
  return parts.size > 0 ? [...parts].join(' OR ') : null;
}
