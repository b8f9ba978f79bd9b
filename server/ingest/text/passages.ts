/**
 * Passages and sentences of an ingested text, with offsets. Paragraphs are separated by blank
 * lines as in the seed; a single line break also ends a paragraph when the line is complete (ends
 * a sentence, or the next line starts a new one), so texts with one paragraph per line split too.
 * On the seed's source this gives exactly the seed loader's passages.
 */
import { describePassages, passageKey, type Passage } from '../../model/passages.ts';

export type { Passage };

export interface Sentence {
  /** Index of the passage in the document. */
  passage: number;
  /** Offsets into the passage text, end exclusive. */
  start: number;
  end: number;
  text: string;
}

const LINE = /[^\n]+/g;
const ENDS_COMPLETE = /[.!?:;"”’»)\]…]\s*$/;
const STARTS_NEW = /^\s*[\p{Lu}\p{N}"“«(‘'–—-]/u;

/** A dateline: a place in capitals and a date ("ASTANA, May 3", "DUSHANBE, 25.04.2019"). */
export const DATELINE =
  /^\s*\p{Lu}[\p{Lu}\s.'-]*\p{Lu},\s+(?:\p{L}+\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+\p{L}+(?:\s+\d{4})?|\d{1,2}\.\d{1,2}\.\d{2,4})\b/u;

/** Title-like: a short line of at least three words that does not end a sentence nor is a dateline. */
function isTitleLike(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return (
    text.length <= 200 && words.length >= 3 && !/[.!?:;,]\s*$/.test(text) && !DATELINE.test(text)
  );
}

/** Splits a text into passages; the first title-like line is the title, the rest paragraphs. */
export function splitIntoPassages(documentKey: string, text: string): Passage[] {
  const blocks: { start: number; end: number }[] = [];
  let previousEnd = -1;
  let previousText = '';
  for (const match of text.matchAll(LINE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[0].trim() === '') continue;
    const last = blocks.at(-1);
    const adjacent = last !== undefined && text.slice(previousEnd, start) === '\n';
    const continues =
      adjacent &&
      blocks.length > 1 &&
      !ENDS_COMPLETE.test(previousText) &&
      !STARTS_NEW.test(match[0]);
    if (last && continues) last.end = end;
    else blocks.push({ start, end });
    previousEnd = end;
    previousText = match[0];
  }
  const titleIndex = blocks.findIndex((b, i) => i < 3 && isTitleLike(text.slice(b.start, b.end)));
  const described = describePassages(
    blocks.map((b) => text.slice(b.start, b.end)),
    titleIndex,
  );
  return blocks.map((block, index) => ({
    key: passageKey(documentKey, index),
    documentKey,
    index,
    ...described[index]!,
    text: text.slice(block.start, block.end),
    start: block.start,
    end: block.end,
  }));
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'nos',
  'jr',
  'sr',
  'gen',
  'col',
  'lt',
  'maj',
  'capt',
  'gov',
  'sen',
  'rep',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'u.n',
  'approx',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
]);

const BOUNDARY = /([.!?…]+)(["”’»)\]]*)(\s+)(?=["“‘«(]?[\p{Lu}\p{N}])/gu;

/** Splits a passage into sentences with offsets into the passage text. */
export function splitSentences(passage: Pick<Passage, 'index' | 'text'>): Sentence[] {
  const text = passage.text;
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) {
      sentences.push({
        passage: passage.index,
        start: start + lead,
        end: start + lead + trimmed.length,
        text: trimmed,
      });
    }
  };
  for (const match of text.matchAll(BOUNDARY)) {
    const stop = match.index + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    const before = text.slice(start, match.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    // "Mr. Putin", "J. Smith": the stop belongs to an abbreviation or an initial.
    if (match[1] === '.' && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord))) continue;
    push(stop);
    start = stop;
  }
  push(text.length);
  return sentences;
}
