/**
 * Is a text English? franc-min's trigram model decides on ordinary texts; on short ones (where
 * trigram statistics are thin) the share of common English function words decides instead.
 */
import { franc } from 'franc-min';

/** Shortest text (in characters) franc is asked about; below it only the word test counts. */
const FRANC_MIN_LENGTH = 40;

const FUNCTION_WORDS = new Set(
  (
    'the of and to in a is that for on with as by at from was were be been are it its this these ' +
    'their his her they he she we our an or not but which who has have had will would also between ' +
    'both two during after into about than more other such all'
  ).split(' '),
);

export interface LanguageVerdict {
  english: boolean;
  /** ISO 639-3 code franc reported ("und" when undetermined). */
  detected: string;
  /** Share of words that are common English function words. */
  functionWordShare: number;
}

export function detectLanguage(text: string): LanguageVerdict {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const functionWords = words.filter((w) => FUNCTION_WORDS.has(w)).length;
  const functionWordShare = words.length === 0 ? 0 : functionWords / words.length;
  const detected = franc(text, { minLength: FRANC_MIN_LENGTH });
  const english =
    detected === 'eng'
      ? functionWordShare >= 0.05 || words.length < 8
      : detected === 'und'
        ? functionWordShare >= 0.15 && latinShare(text) >= 0.8
        : // franc misreads some short English texts as Scots and the like; strong evidence wins.
          functionWordShare >= 0.3 && latinShare(text) >= 0.9;
  return { english, detected, functionWordShare };
}

function latinShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  return letters.filter((l) => /[A-Za-z\u00c0-\u024f]/.test(l)).length / letters.length;
}
