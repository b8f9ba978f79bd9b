/**
 * How the graph carries what a text states. A fact (relationship) holds its evidence as
 * index-aligned lists (`EVIDENCE_LISTS`): entry i of each is one supporting quote, its passage,
 * its offsets in the passage and in the document. An entity's evidence is a MENTIONS link from the
 * passage with the quote and the same offsets. Offsets are UTF-16 code units, end exclusive.
 */
import type { EVIDENCE_LISTS } from './ontology.ts';
import { int, type Row } from './values.ts';

export type EvidenceList = (typeof EVIDENCE_LISTS)[number];

/** One quote: the key of its passage, where the passage starts in the document, the offsets in it. */
export interface Quote {
  passage: string;
  passageStart: number;
  start: number;
  end: number;
  quote: string;
}

/** A fact's evidence lists for its quotes, in the order given. */
export function evidenceLists(quotes: readonly Quote[]): Record<EvidenceList, unknown[]> {
  return {
    evidencePassages: quotes.map((e) => e.passage),
    evidenceQuotes: quotes.map((e) => e.quote),
    evidenceStarts: quotes.map((e) => int(e.start)),
    evidenceEnds: quotes.map((e) => int(e.end)),
    evidenceDocStarts: quotes.map((e) => int(e.passageStart + e.start)),
    evidenceDocEnds: quotes.map((e) => int(e.passageStart + e.end)),
  };
}

/** A MENTIONS link's key: one per quote and entity, so loading again finds it. */
export const mentionKey = (quote: Quote, entityKey: string): string =>
  `${quote.passage}@${quote.start}-${quote.end}>${entityKey}`;

/** The offsets and quote of a MENTIONS link. */
export function mentionProperties(quote: Quote): Row {
  return {
    start: int(quote.start),
    end: int(quote.end),
    docStart: int(quote.passageStart + quote.start),
    docEnd: int(quote.passageStart + quote.end),
    quote: quote.quote,
  };
}
