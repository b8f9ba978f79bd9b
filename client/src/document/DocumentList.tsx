/**
 * The documents in the database, newest ingestion first, each with "what changed": the entities
 * and facts it brought, put on the canvas with the new ones highlighted, counted apart from the
 * facts it only confirms, and a way into its text.
 */
import { useState } from 'react';
import type { DocumentChanges, GraphData, GraphNode } from '../../../common/api.ts';
import { fetchDocumentChanges, fetchDocuments } from '../api/documents.ts';
import { useResource, type Resource } from '../api/useResource.ts';
import type { Highlight } from '../discovery/DiscoveryPanel.tsx';
import './document.css';

interface Props {
  onGraph: (data: GraphData) => void;
  onHighlight: (highlight: Highlight | undefined) => void;
  onRead: (passage: GraphNode) => void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function DocumentList({ onGraph, onHighlight, onRead }: Props) {
  const documents = useResource('documents', (signal) => fetchDocuments(signal));
  // Asking again (after clearing the canvas, say) puts the elements back: one seq per click.
  const [asked, setAsked] = useState<{ key: string; seq: number } | undefined>();
  const changes = useResource(asked && `${asked.seq} ${asked.key}`, async (signal) => {
    const answer = await fetchDocumentChanges(asked?.key ?? '', signal);
    onGraph({ nodes: answer.nodes, relationships: answer.relationships });
    // The seed's document adds nothing by ingestion: its facts are what it stands for.
    onHighlight(
      answer.document.seed
        ? { nodes: [], relationships: answer.confirmed }
        : { nodes: answer.added.nodes, relationships: answer.added.relationships },
    );
    return answer;
  });

  if (documents.kind === 'loading' || documents.kind === 'idle')
    return (
      <p className="muted" role="status">
        Loading the documents…
      </p>
    );
  if (documents.kind === 'error')
    return (
      <p className="details__error" role="alert">
        {documents.error.message}
      </p>
    );
  const list = documents.data.documents;
  if (list.length === 0) return null;
  return (
    <section className="documents" aria-labelledby="documents-title" data-testid="document-list">
      <h3 id="documents-title" className="discovery__group-title">
        Documents ({documents.data.total})
      </h3>
      <ul className="documents__list">
        {list.map((d) => (
          <li key={d.key} className="documents__item" data-testid="document-entry">
            <span className="documents__title">{d.title}</span>
            <span className="muted documents__meta">
              {[
                d.date,
                d.seed ? 'seed' : d.ingestedAt ? `ingested ${d.ingestedAt.slice(0, 10)}` : null,
                plural(d.passages, 'passage'),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <button
              type="button"
              className="small"
              aria-pressed={asked?.key === d.key}
              onClick={() => setAsked({ key: d.key, seq: (asked?.seq ?? 0) + 1 })}
            >
              What changed
            </button>
            {asked?.key === d.key && <ChangesSummary state={changes} onRead={onRead} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ChangesSummary({
  state,
  onRead,
}: {
  state: Resource<DocumentChanges>;
  onRead: (passage: GraphNode) => void;
}) {
  if (state.kind === 'loading' || state.kind === 'idle')
    return (
      <p className="muted" role="status">
        Reading what it changed…
      </p>
    );
  if (state.kind === 'error')
    return (
      <p className="details__error" role="alert">
        {state.error.message}
      </p>
    );
  const { added, confirmed, firstPassage, document } = state.data;
  return (
    <div className="documents__changes" role="status" data-testid="document-changes">
      <p>
        {document.seed
          ? `The seed's own document: the ${plural(confirmed.length, 'curated fact')} it states are the graph's foundation, highlighted on the canvas.`
          : added.nodes.length + added.relationships.length === 0
            ? 'Nothing new: everything it states was in the graph before.'
            : `New: ${plural(added.nodes.length, 'node')} and ${plural(added.relationships.length, 'fact')}, highlighted on the canvas.`}{' '}
        {!document.seed &&
          confirmed.length > 0 &&
          `It confirms ${plural(confirmed.length, 'fact')} stated before.`}
      </p>
      {firstPassage && (
        <button type="button" className="small" onClick={() => onRead(firstPassage)}>
          Read the document
        </button>
      )}
    </div>
  );
}
