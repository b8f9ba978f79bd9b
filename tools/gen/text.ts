/**
 * Builds passage texts piece by piece while recording where each entity is named and where each
 * sentence stands, so mentions and fact evidence carry exact offsets (UTF-16 code units, end
 * exclusive: `text.slice(start, end) === quote`), as the seed's evidence does.
 */

export interface Span {
  start: number;
  end: number;
  quote: string;
}

export interface Mention extends Span {
  entity: string;
}

export class PassageText {
  private text = '';
  readonly mentions: Mention[] = [];
  private sentenceStart = 0;

  /** Appends plain text. */
  say(words: string): this {
    this.text += words;
    return this;
  }

  /** Appends an entity's name and records the mention. */
  name(entity: string, quote: string): this {
    const start = this.text.length;
    this.text += quote;
    this.mentions.push({ entity, start, end: this.text.length, quote });
    return this;
  }

  /** Marks the start of a sentence (after a separating space when needed). */
  begin(): this {
    if (this.text.length > 0 && !this.text.endsWith(' ')) this.text += ' ';
    this.sentenceStart = this.text.length;
    return this;
  }

  /** The sentence written since begin(), as a quote. */
  sentence(): Span {
    return {
      start: this.sentenceStart,
      end: this.text.length,
      quote: this.text.slice(this.sentenceStart),
    };
  }

  toString(): string {
    return this.text;
  }
}

const ORDINAL_SUFFIX: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };

export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : (ORDINAL_SUFFIX[n % 10] ?? 'th')}`;
}
