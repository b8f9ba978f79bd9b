/**
 * How a source text divides into passages: the title block first, then one passage per paragraph.
 * Offsets are UTF-16 code units into the document text (what String.slice uses), end exclusive.
 * Seed and ingestion name their passages with the same rule (`describePassages`), so a passage
 * reads "Paragraph 3" in both whatever other blocks (a repeated title, a publisher's line) the
 * text holds.
 */
import { int } from './values.ts';

/**
 * `title`: the headline; `title-repeat`: the headline given again (pages often print it twice);
 * `paragraph`: body text, numbered from 1; `publisher`: a closing credit line ("© …").
 */
export type PassageKind = 'title' | 'title-repeat' | 'paragraph' | 'publisher';

export interface Passage {
  /** `<document key>#<index>`; index counts every block in order, 0 is the first. */
  key: string;
  documentKey: string;
  index: number;
  kind: PassageKind;
  /** Caption for lists and the canvas: "Title", "Paragraph 3", "Publisher's line". */
  name: string;
  /** The paragraph's number among paragraphs (1…), for paragraphs only. */
  paragraph?: number;
  text: string;
  start: number;
  end: number;
}

/** A block is a run of non-empty lines; blank lines separate blocks. */
const BLOCK = /[^\n]+(?:\n[^\n]+)*/g;
/** A closing credit: a copyright sign, or "Source:"/"Published by" and a name, on a short line. */
const PUBLISHER_LINE = /^\s*(?:©|\(c\)|copyright\b|source:|published by\b)/i;

export function passageKey(documentKey: string, index: number): string {
  return `${documentKey}#${index}`;
}

const fold = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

/**
 * Kinds, captions and paragraph numbers for a document's blocks, given which block is the title
 * (-1 for none): a block equal to the title is its repetition, a short last block that opens with
 * a credit mark is the publisher's line, everything else a paragraph numbered from 1.
 */
export function describePassages(
  blocks: readonly string[],
  titleIndex: number,
): Pick<Passage, 'kind' | 'name' | 'paragraph'>[] {
  const title = titleIndex >= 0 ? fold(blocks[titleIndex] ?? '') : undefined;
  let paragraph = 0;
  return blocks.map((text, index) => {
    if (index === titleIndex) return { kind: 'title', name: 'Title' };
    if (title !== undefined && fold(text) === title)
      return { kind: 'title-repeat', name: 'Title (repeated)' };
    const last = index === blocks.length - 1 && index > 0;
    if (last && text.length <= 200 && PUBLISHER_LINE.test(text))
      return { kind: 'publisher', name: "Publisher's line" };
    paragraph += 1;
    return { kind: 'paragraph', name: `Paragraph ${paragraph}`, paragraph };
  });
}

/** Splits a document text into its passages with their offsets in the text. */
export function splitPassages(documentKey: string, text: string): Passage[] {
  const matches = [...text.matchAll(BLOCK)];
  const described = describePassages(
    matches.map((m) => m[0]),
    0,
  );
  return matches.map((match, index) => ({
    key: passageKey(documentKey, index),
    documentKey,
    index,
    ...described[index]!,
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/**
 * The properties a Passage node holds, as seed and ingestion write them (offsets and numbers as
 * Neo4j Integers).
 */
export function passageProperties(p: Passage): Record<string, unknown> {
  return {
    key: p.key,
    documentKey: p.documentKey,
    index: int(p.index),
    kind: p.kind,
    name: p.name,
    ...(p.paragraph === undefined ? {} : { paragraph: int(p.paragraph) }),
    text: p.text,
    start: int(p.start),
    end: int(p.end),
  };
}

/** The title and its repetitions: headline text rather than body text. */
export const isHeadline = (kind: PassageKind | undefined): boolean =>
  kind === 'title' || kind === 'title-repeat';

/** The number of body paragraphs among a document's passages. */
export const paragraphCount = (passages: readonly Pick<Passage, 'kind'>[]): number =>
  passages.filter((p) => p.kind === 'paragraph').length;
