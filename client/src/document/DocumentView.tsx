/**
 * The source document with every entity mention linked to its node, and the selection's
 * evidence highlighted: click a mention to focus its node; select a node or relationship to
 * see the sentences that state it.
 */
import { useEffect, useRef } from 'react';
import type {
  EvidenceProfile,
  EvidenceQuote,
  GraphNode,
  GraphRelationship,
} from '../../../common/api.ts';
import { useResource } from '../api/useResource.ts';
import { locateQuote } from '../details/highlight.ts';
import { fullCaption } from '../graph/caption.ts';
import { primaryLabel, type LabelCounts, type LabelStyles } from '../graph/palette.ts';
import { loadDocument, type DocumentPassage } from './loadDocument.ts';
import { paragraphPieces, relationshipEvidence, type Range } from './segments.ts';
import './document.css';

export interface DocumentFocus {
  nodeId?: string;
  /** The selected node's evidence quotes (from its details). */
  quotes?: readonly EvidenceQuote[];
  relationship?: GraphRelationship;
}

interface Props {
  passage: GraphNode;
  profile: Pick<EvidenceProfile, 'passageLabels' | 'mentionTypes'>;
  focus: DocumentFocus;
  styles: LabelStyles;
  counts: LabelCounts;
  onMention: (node: GraphNode) => void;
}

export function DocumentView({ passage, profile, focus, styles, counts, onMention }: Props) {
  const root = useRef<HTMLElement>(null);
  // The passage and the labels that make a document: what the loaded model depends on.
  const key = JSON.stringify([passage.id, profile.passageLabels, profile.mentionTypes]);
  const current = useResource(key, (signal) => loadDocument(passage, profile, signal));

  // Bring the evidence (or the opened passage) into view whenever either changes.
  useEffect(() => {
    if (current.kind !== 'ready') return;
    const target =
      root.current?.querySelector('mark, .mention--focus') ??
      root.current?.querySelector(`[data-passage="${CSS.escape(passage.id)}"]`);
    target?.scrollIntoView({ block: 'center' });
  }, [current.kind, focus, passage.id]);

  if (current.kind === 'loading' || current.kind === 'idle')
    return (
      <p className="muted" role="status">
        Loading the document…
      </p>
    );
  if (current.kind === 'error') {
    return (
      <p className="details__error" role="alert">
        The document could not be loaded: {current.error.message}
      </p>
    );
  }
  const model = current.data;
  return (
    <section
      className="document"
      aria-labelledby="document-title"
      data-testid="document-view"
      ref={root}
    >
      <h2 id="document-title" className="details__title">
        {model.document ? fullCaption(model.document) : 'Document'}
      </h2>
      {typeof model.document?.properties.publisher === 'string' && (
        <p className="muted document__source">{model.document.properties.publisher}</p>
      )}
      {model.passages.map((p) => (
        <p
          key={p.node.id}
          className={`document__passage${p.node.id === passage.id ? ' document__passage--opened' : ''}`}
          data-passage={p.node.id}
        >
          {paragraphPieces(p.text, p.mentions, highlightsFor(p, focus)).map((piece) => {
            const content = piece.mention ? (
              <MentionLink
                key={piece.start}
                text={piece.text}
                node={model.mentioned[piece.mention.nodeId]}
                focused={piece.mention.nodeId === focus.nodeId}
                styles={styles}
                counts={counts}
                onMention={onMention}
              />
            ) : (
              <span key={piece.start}>{piece.text}</span>
            );
            return piece.highlighted ? <mark key={`m${piece.start}`}>{content}</mark> : content;
          })}
        </p>
      ))}
    </section>
  );
}

function highlightsFor(passage: DocumentPassage, focus: DocumentFocus): Range[] {
  if (focus.relationship) return relationshipEvidence(focus.relationship.properties, passage.key);
  return (focus.quotes ?? []).flatMap((quote) => {
    if (quote.passageId !== passage.node.id) return [];
    const range = locateQuote(passage.text, quote.quote, quote.start, quote.end);
    return range ? [range] : [];
  });
}

interface MentionProps {
  text: string;
  node: GraphNode | undefined;
  focused: boolean;
  styles: LabelStyles;
  counts: LabelCounts;
  onMention: (node: GraphNode) => void;
}

function MentionLink({ text, node, focused, styles, counts, onMention }: MentionProps) {
  if (!node) return <span>{text}</span>;
  const label = primaryLabel(node.labels, counts) ?? '';
  // A link, so long names wrap like the text around them and the target can be opened apart.
  return (
    <a
      href={`?select=${encodeURIComponent(node.id)}`}
      className={`mention${focused ? ' mention--focus' : ''}`}
      style={{ borderBottomColor: styles[label]?.color ?? '#8a94a6' }}
      title={`${fullCaption(node)} (${label})`}
      onClick={(event) => {
        event.preventDefault();
        onMention(node);
      }}
    >
      {text}
    </a>
  );
}
