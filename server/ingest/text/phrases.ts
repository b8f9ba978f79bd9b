/**
 * Finds known multi-word names in a text by looking words up in a map, longest first. Much
 * faster than one regular expression with thousands of alternatives, and independent of how
 * many names the gazetteer holds.
 */

const WORD = /[\p{L}\p{N}]+/gu;
/** What may stand between two words of one name: spaces, a hyphen, an apostrophe, a full stop. */
const JOINER = /^[\s\-'.]{1,3}$/;

export interface PhraseHit<T> {
  start: number;
  end: number;
  value: T;
}

/** Lower-case words joined by single spaces: the form a name is stored and looked up under. */
export function phraseKey(text: string): string {
  return (text.match(WORD) ?? []).join(' ').toLowerCase();
}

export class PhraseMatcher<T> {
  private readonly phrases = new Map<string, T>();
  private longest = 1;

  constructor(
    entries: Iterable<readonly [string, T]>,
    private readonly options: { caseSensitive?: boolean; capitalised?: boolean } = {},
  ) {
    for (const [form, value] of entries) {
      const key = this.key(form);
      if (!key || this.phrases.has(key)) continue;
      this.phrases.set(key, value);
      this.longest = Math.max(this.longest, key.split(' ').length);
    }
  }

  private key(text: string): string {
    const words = (text.match(WORD) ?? []).join(' ');
    return this.options.caseSensitive ? words : words.toLowerCase();
  }

  /** Non-overlapping matches, longest at each position, in text order. */
  find(text: string): PhraseHit<T>[] {
    const words = [...text.matchAll(WORD)].map((m) => ({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
    }));
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < words.length; i++) {
      const first = words[i];
      if (!first) continue;
      if (this.options.capitalised && !/^\p{Lu}/u.test(first.text)) continue;
      let parts = '';
      let best: { value: T; last: number } | undefined;
      for (let j = i; j < Math.min(words.length, i + this.longest); j++) {
        const word = words[j];
        if (!word) break;
        if (j > i) {
          const previous = words[j - 1];
          if (!previous || !JOINER.test(text.slice(previous.end, word.start))) break;
        }
        parts = j === i ? word.text : `${parts} ${word.text}`;
        const value = this.phrases.get(this.options.caseSensitive ? parts : parts.toLowerCase());
        if (value !== undefined) best = { value, last: j };
      }
      if (best) {
        const last = words[best.last];
        hits.push({ start: first.start, end: last?.end ?? first.end, value: best.value });
        i = best.last;
      }
    }
    return hits;
  }
}
