/**
 * Text folding for matching names: look-alike letters from other scripts, diacritics, case,
 * punctuation and transliteration variants. `foldForMatching` keeps every UTF-16 unit in place,
 * so a match found in the folded text has the same offsets in the original.
 */

/**
 * Cyrillic and Greek letters that look like Latin ones (the subset of Unicode's confusables that
 * occurs in names typed on mixed keyboards), mapped to the Latin letter they imitate.
 */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'B',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'M',
  н: 'H',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 'T',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  һ: 'h',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  А: 'A',
  В: 'B',
  Е: 'E',
  Ё: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  Ѕ: 'S',
  І: 'I',
  Ї: 'I',
  Ј: 'J',
  Ԛ: 'Q',
  Ԝ: 'W',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  τ: 't',
  υ: 'u',
  χ: 'x',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  // Typographic forms that differ from ASCII only in shape.
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u00a0': ' ',
};

const LATIN_LETTER = /[A-Za-z]/;
const CYRILLIC_OR_GREEK = /[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]/;

/** One character without its diacritics, if that keeps it one UTF-16 unit ("ḩ" → "h"). */
function baseLetter(ch: string): string {
  const base = ch.normalize('NFD')[0] ?? ch;
  return base.length === 1 ? base : ch;
}

/**
 * The text with look-alikes mapped inside words that also contain Latin letters ("Russiа" with a
 * Cyrillic "а" becomes "Russia"; "Россия" stays Cyrillic), and diacritics removed. Same length.
 */
export function foldForMatching(text: string): string {
  let out = '';
  for (const word of text.split(/(\s+)/)) {
    const mixed = LATIN_LETTER.test(word) && CYRILLIC_OR_GREEK.test(word);
    for (const ch of word) {
      const mapped = LOOK_ALIKES[ch];
      if (mapped !== undefined && (mixed || !CYRILLIC_OR_GREEK.test(ch))) out += mapped;
      else if (ch.length === 1 && ch.charCodeAt(0) >= 0xc0) out += baseLetter(ch);
      else out += ch;
    }
  }
  return out;
}

/** True when the text mixes Latin letters with Cyrillic or Greek look-alikes inside one word. */
export function hasLookAlikes(text: string): boolean {
  return text
    .split(/\s+/)
    .some(
      (word) =>
        LATIN_LETTER.test(word) &&
        [...word].some((ch) => CYRILLIC_OR_GREEK.test(ch) && ch in LOOK_ALIKES),
    );
}

/**
 * The key two spellings of one name share: look-alikes and diacritics folded, lower case,
 * apostrophes and a leading "the" dropped, dashes and punctuation as single spaces, "&" as "and".
 */
export function nameKey(name: string): string {
  return foldForMatching(name.normalize('NFC'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/**
 * A coarser key under which common romanisations of one Cyrillic or Persian name coincide:
 * Rakhmon/Rahmon, Tadzhikistan/Tajikistan, Tokayev/Tokaev, Mirziyoyev/Mirziyoev,
 * Organization/Organisation. Used for matching only, never shown.
 */
export function transliterationKey(name: string): string {
  return nameKey(name)
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/ts/g, 'c')
    .replace(/sch|shch|sh/g, 's')
    .replace(/ch/g, 'c')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/q/g, 'k')
    .replace(/y/g, '')
    .replace(/(\p{L})\1+/gu, '$1');
}

/** A lower-case slug for keys: "Order of Alexander Nevsky" → "order-of-alexander-nevsky". */
export function slug(text: string, maxLength = 60): string {
  const words = nameKey(text).split(' ').filter(Boolean);
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > maxLength && out) break;
    out = next;
  }
  return out.replace(/[^a-z0-9-]/g, '') || 'untitled';
}

/** Similarity in [0, 1] from the edit distance between two strings. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - editDistance(a, b) / longest;
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
