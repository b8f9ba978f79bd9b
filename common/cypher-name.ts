/**
 * Labels, relationship types and property keys cannot be query parameters: this is the one
 * place they become Cypher text, backtick-quoted so any name (spaces, backticks, Unicode) is safe.
 */

/** Quotes a name for Cypher: `name`, with backticks inside doubled. */
export function quoteName(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}
