/**
 * Is a text English? A text is refused only when it is judged to be in another language: written
 * mostly in another script, dominated by another language's function words, or placed by
 * franc-min's trigram model clearly ahead of English. What cannot be judged (a short line of names
 * and numbers, where trigram statistics are thin and franc's ranking is near random) is accepted.
 */
import { francAll } from 'franc-min';

/** Shortest text (in characters) franc is asked about; below it only the word tests count. */
const FRANC_MIN_LENGTH = 10;
/** English at or above this share of the best language's franc score: too close to judge. */
const UNDECIDED_SCORE = 0.85;
/** Fewer words than this: franc's ranking is too thin to refuse on. */
const SHORT_WORDS = 20;

const words = (list: string) => new Set(list.split(' '));
const ENGLISH = words(
  'the of and to in a is that for on with as by at from was were be been are it its this these ' +
    'their his her they he she we our an or not but which who has have had will would also between ' +
    'both two during after into about than more other such all',
);
/** Frequent function words of languages press texts come in, none of them also English words. */
const FOREIGN: Record<string, Set<string>> = {
  deu: words('der die das den dem des und ist mit von zu auf ein eine einen sich nicht auch wurde'),
  fra: words('le la les des du et est une pour dans sur avec aux sont ont été qui par ce'),
  spa: words('el los las del y es una con por para se su sus al fue que en'),
  ita: words('il lo gli della delle dei e è una con per che sono nel alla'),
  por: words('o os da das do dos e é um uma com para que em foi ao'),
  nld: words('de het een en van zijn met voor op dat niet werd'),
  tur: words('ve bir ile bu da de için olarak olan'),
  swh: words('wa na ya kwa za katika la ni'),
};

export interface LanguageVerdict {
  english: boolean;
  /** ISO 639-3 code franc reported ("und" when undetermined). */
  detected: string;
  /** Share of words that are common English function words. */
  functionWordShare: number;
}

function share(list: string[], set: ReadonlySet<string>): number {
  return list.length === 0 ? 0 : list.filter((w) => set.has(w)).length / list.length;
}

export function detectLanguage(text: string): LanguageVerdict {
  const list = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const functionWordShare = share(list, ENGLISH);
  const ranking = francAll(text, { minLength: FRANC_MIN_LENGTH });
  const detected = ranking[0]?.[0] ?? 'und';
  const englishScore = ranking.find(([code]) => code === 'eng')?.[1] ?? 0;
  const foreign = Object.entries(FOREIGN)
    .map(([code, set]) => [code, share(list, set)] as const)
    .sort((a, b) => b[1] - a[1])[0];
  const foreignShare = foreign?.[1] ?? 0;
  const latin = latinShare(text);
  let english: boolean;
  if (latin < 0.5) english = false;
  else if (detected === 'eng') english = functionWordShare >= 0.05 || list.length < 8;
  else if (foreignShare >= 0.15 && foreignShare > functionWordShare) english = false;
  else if (detected === 'und' || englishScore >= UNDECIDED_SCORE || list.length < SHORT_WORDS)
    english = functionWordShare > 0;
  // franc ranks another language clearly first: strong English evidence still wins.
  else english = functionWordShare >= 0.3 && latin >= 0.9;
  return { english, detected, functionWordShare };
}

function latinShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  return letters.filter((l) => /[A-Za-z\u00c0-\u024f]/.test(l)).length / letters.length;
}
