/**
 * How a source text divides into passages: the title block first, then one passage per paragraph.
 * Offsets are UTF-16 code units into the document text (what String.slice uses), end exclusive.
 */

export interface Passage {
  /** `<document key>#<index>`; index 0 is the title, 1… the paragraphs in order. */
  key: string;
  documentKey: string;
  index: number;
  kind: 'title' | 'paragraph';
  /** Caption for lists and the canvas: "Title", "Paragraph 3". */
  name: string;
  text: string;
  start: number;
  end: number;
}

/** A block is a run of non-empty lines; blank lines separate blocks. */
const BLOCK = /[^\n]+(?:\n[^\n]+)*/g;

export function passageKey(documentKey: string, index: number): string {
  return `${documentKey}#${index}`;
}

/** Splits a document text into its passages with their offsets in the text. */
export function splitPassages(documentKey: string, text: string): Passage[] {
  const passages: Passage[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const index = passages.length;
    passages.push({
      key: passageKey(documentKey, index),
      documentKey,
      index,
      kind: index === 0 ? 'title' : 'paragraph',
      name: index === 0 ? 'Title' : `Paragraph ${index}`,
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return passages;
}
