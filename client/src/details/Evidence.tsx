/** Evidence quotes, each shown inside its passage with the quoted words marked. */
import type { EvidenceBundle, GraphNode } from '../../../common/api.ts';
import { displayValue } from '../values/format.ts';
import { highlightSegments, locateQuote } from './highlight.ts';
import './details.css';

/** The text of a passage node: its `text` property, else its longest string property. */
export function passageText(passage: GraphNode): string {
  const text = passage.properties.text;
  if (typeof text === 'string') return text;
  const strings = Object.values(passage.properties).filter(
    (v): v is string => typeof v === 'string',
  );
  return strings.sort((a, b) => b.length - a.length)[0] ?? '';
}

/**
 * A passage's caption as its document numbers it: the stored `name` ("Title", "Paragraph 3",
 * "Publisher's line"), which counts paragraphs only; a block index is no paragraph number.
 */
export function passageName(passage: GraphNode): string {
  const { name, paragraph, index, key } = passage.properties;
  if (typeof name === 'string' && name.trim()) return name;
  if (paragraph !== undefined) return `Paragraph ${displayValue(paragraph)}`;
  if (index !== undefined) return `Passage ${Number(displayValue(index)) + 1}`;
  return typeof key === 'string' ? key : 'Passage';
}

interface Props {
  evidence: EvidenceBundle;
  onOpenPassage?: (passage: GraphNode) => void;
}

export function Evidence({ evidence, onOpenPassage }: Props) {
  const byPassage = new Map<string, { start: number; end: number }[]>();
  const unplaced: string[] = [];
  const passages = new Map(evidence.passages.map((p) => [p.id, p]));
  for (const quote of evidence.quotes) {
    const passage = quote.passageId ? passages.get(quote.passageId) : undefined;
    const range = passage
      ? locateQuote(passageText(passage), quote.quote, quote.start, quote.end)
      : undefined;
    if (passage && range) byPassage.set(passage.id, [...(byPassage.get(passage.id) ?? []), range]);
    else if (quote.quote) unplaced.push(quote.quote);
  }
  if (byPassage.size === 0 && unplaced.length === 0)
    return <p className="muted">No evidence recorded.</p>;
  return (
    <div className="evidence" data-testid="evidence">
      {[...byPassage].map(([passageId, ranges]) => {
        const passage = passages.get(passageId) as GraphNode;
        return (
          <figure key={passageId} className="evidence__item">
            <blockquote className="evidence__passage">
              {highlightSegments(passageText(passage), ranges).map((segment, i) =>
                segment.marked ? (
                  <mark key={i}>{segment.text}</mark>
                ) : (
                  <span key={i}>{segment.text}</span>
                ),
              )}
            </blockquote>
            <figcaption>
              {onOpenPassage ? (
                <button type="button" className="link" onClick={() => onOpenPassage(passage)}>
                  {passageName(passage)} — open in document
                </button>
              ) : (
                passageName(passage)
              )}
            </figcaption>
          </figure>
        );
      })}
      {unplaced.map((quote, i) => (
        <blockquote key={`q${i}`} className="evidence__passage">
          <mark>{quote}</mark>
        </blockquote>
      ))}
      {evidence.total > evidence.quotes.length && (
        <p className="muted">
          {evidence.quotes.length} of {evidence.total} quotes shown.
        </p>
      )}
    </div>
  );
}
