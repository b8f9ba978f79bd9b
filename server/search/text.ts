/**
 * Text normalisation shared by both search modes: folding (lower case, diacritics removed) and
 * splitting a query into terms. The scan mode folds in Cypher the same way (see queries.ts), so
 * both sides must strip the same marks: the combining diacritics block U+0300–U+036F.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Letters, digits and the marks that belong to them, in any script. */
const TERM = /[\p{L}\p{N}\p{M}]+/gu;

/** Lower-cased, decomposed, without combining diacritics: "Querétaro" → "queretaro". */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

/** Collapses whitespace and trims; what a user meant to type. */
export function cleanQuery(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The words of a query, lower-cased, at most `max` of them. */
export function queryTerms(text: string, max: number): string[] {
  return (text.toLowerCase().match(TERM) ?? []).slice(0, max);
}
