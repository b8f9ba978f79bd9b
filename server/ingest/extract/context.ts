/**
 * The per-document working state the extraction rules share: passages with their folded text,
 * sentences, and every hit found so far, all with passage offsets.
 */
import type { PreparedDocument } from '../input.ts';
import { foldForMatching } from '../text/fold.ts';
import { splitSentences, type Passage, type Sentence } from '../text/passages.ts';
import type { Span } from './types.ts';

export interface PassageText {
  passage: Passage;
  folded: string;
}

/** An occurrence of an entity in a passage. */
export interface Mention {
  entity: string;
  passage: number;
  start: number;
  end: number;
  confidence: number;
  /** A reference ("the two countries", "the Tajik leader") rather than the entity's name. */
  reference?: boolean;
}

export class DocumentContext {
  readonly passages: PassageText[];
  readonly sentences: Sentence[];
  readonly mentions: Mention[] = [];

  constructor(readonly document: PreparedDocument) {
    this.passages = document.passages.map((p) => ({ passage: p, folded: foldForMatching(p.text) }));
    this.sentences = document.passages.flatMap((p) => splitSentences(p));
  }

  text(passage: number): string {
    return this.passages[passage]?.passage.text ?? '';
  }

  folded(passage: number): string {
    return this.passages[passage]?.folded ?? '';
  }

  /** The folded text of a sentence. */
  foldedSentence(sentence: Sentence): string {
    return this.folded(sentence.passage).slice(sentence.start, sentence.end);
  }

  span(passage: number, start: number, end: number): Span {
    return { passage, start, end, quote: this.text(passage).slice(start, end) };
  }

  sentenceSpan(sentence: Sentence): Span {
    return this.span(sentence.passage, sentence.start, sentence.end);
  }

  /** The sentence containing a passage offset. */
  sentenceAt(passage: number, offset: number): Sentence | undefined {
    return this.sentences.find((s) => s.passage === passage && s.start <= offset && offset < s.end);
  }

  addMention(mention: Mention): void {
    const overlapping = this.mentions.find(
      (m) =>
        m.passage === mention.passage &&
        m.entity === mention.entity &&
        m.start < mention.end &&
        mention.start < m.end,
    );
    if (!overlapping) this.mentions.push(mention);
  }

  /** Mentions inside a sentence, in text order. */
  mentionsIn(sentence: Sentence, prefix?: string): Mention[] {
    return this.mentions
      .filter(
        (m) =>
          m.passage === sentence.passage &&
          m.start >= sentence.start &&
          m.end <= sentence.end &&
          (prefix === undefined || m.entity.startsWith(prefix)),
      )
      .sort((a, b) => a.start - b.start);
  }

  /** Is this range already covered by a mention of another kind (an organisation's name)? */
  covered(passage: number, start: number, end: number, prefix: string): boolean {
    return this.mentions.some(
      (m) =>
        m.passage === passage && m.entity.startsWith(prefix) && m.start <= start && m.end >= end,
    );
  }
}
