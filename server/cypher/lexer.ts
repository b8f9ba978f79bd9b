/**
 * A small Cypher tokenizer for the console guard: enough to tell keywords from text inside
 * strings, comments, backticked names and parameters, so checks on the query text are not
 * fooled by "LOAD CSV" in a string or "USE" as a property name. It does not parse Cypher.
 */

export type TokenKind = 'word' | 'number' | 'string' | 'name' | 'parameter' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** Upper-cased for words, the raw text otherwise. */
  text: string;
  /** Offset of the token's first character in the query. */
  offset: number;
}

export class LexError extends Error {
  override readonly name = 'LexError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_$]/u;
const DIGIT = /[0-9]/;

/** Splits a query into tokens, dropping whitespace and comments. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query[i] as string;
    const next = query[i + 1];
    if (/\s/u.test(c)) {
      i++;
    } else if (c === '/' && next === '/') {
      while (i < n && query[i] !== '\n' && query[i] !== '\r') i++;
    } else if (c === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      if (end < 0) throw new LexError('unterminated comment', i);
      i = end + 2;
    } else if (c === "'" || c === '"') {
      const start = i;
      i++;
      while (i < n && query[i] !== c) i += query[i] === '\\' ? 2 : 1;
      if (i >= n) throw new LexError('unterminated string', start);
      i++;
      tokens.push({ kind: 'string', text: query.slice(start, i), offset: start });
    } else if (c === '`') {
      const start = i;
      i++;
      // A doubled backtick is a backtick inside the name.
      while (i < n && !(query[i] === '`' && query[i + 1] !== '`')) i += query[i] === '`' ? 2 : 1;
      if (i >= n) throw new LexError('unterminated backticked name', start);
      i++;
      tokens.push({ kind: 'name', text: query.slice(start, i), offset: start });
    } else if (c === '$') {
      const start = i;
      i++;
      if (query[i] === '`') {
        i++;
        while (i < n && query[i] !== '`') i++;
        i++;
      } else {
        while (i < n && WORD_PART.test(query[i] as string)) i++;
      }
      tokens.push({ kind: 'parameter', text: query.slice(start, i), offset: start });
    } else if (WORD_START.test(c)) {
      const start = i;
      while (i < n && WORD_PART.test(query[i] as string)) i++;
      tokens.push({ kind: 'word', text: query.slice(start, i).toUpperCase(), offset: start });
    } else if (DIGIT.test(c)) {
      const start = i;
      while (i < n && /[0-9a-zA-Z_.]/.test(query[i] as string)) {
        // A range such as 1..3 ends the number at the first dot of "..".
        if (query[i] === '.' && query[i + 1] === '.') break;
        i++;
      }
      tokens.push({ kind: 'number', text: query.slice(start, i), offset: start });
    } else {
      tokens.push({ kind: 'symbol', text: c, offset: i });
      i++;
    }
  }
  return tokens;
}
