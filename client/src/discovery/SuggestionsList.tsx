/** "Worth a look" for the selected node: Adamic–Adar suggestions, each with its reason. */
import type { GraphNode } from '../../../common/api.ts';
import { fullCaption } from '../graph/caption.ts';
import { fetchSuggestions, type TimeWindow } from '../api/discovery.ts';
import { useResource } from '../api/useResource.ts';

const LIMIT = 8;

interface Props {
  selected: GraphNode | undefined;
  window: TimeWindow;
  onAdd: (node: GraphNode) => void;
}

export function SuggestionsList({ selected, window, onAdd }: Props) {
  const id = selected?.id;
  const state = useResource(id ? JSON.stringify([id, window]) : undefined, (signal) =>
    fetchSuggestions(id as string, LIMIT, window, signal),
  );

  return (
    <section
      className="discovery__section"
      aria-labelledby="suggest-title"
      data-testid="suggestions"
    >
      <h3 id="suggest-title" className="discovery__group-title">
        Worth a look{selected ? ` from ${fullCaption(selected)}` : ''}
      </h3>
      {state.kind === 'idle' && <p className="muted">Select a node on the canvas.</p>}
      {state.kind === 'loading' && (
        <p className="muted" role="status">
          Looking…
        </p>
      )}
      {state.kind === 'error' && (
        <p className="details__error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.kind === 'ready' && state.data.suggestions.length === 0 && (
        <p className="muted">Nothing two steps away that is not linked already.</p>
      )}
      {state.kind === 'ready' && state.data.suggestions.length > 0 && (
        <ol className="discovery__suggestions" data-testid="suggestion-list">
          {state.data.suggestions.map((s) => (
            <li key={s.node.id}>
              <button type="button" className="small" onClick={() => onAdd(s.node)}>
                {fullCaption(s.node)}
              </button>{' '}
              <span className="discovery__note">score {s.score.toFixed(2)}</span>
              <p className="discovery__reason">{s.reason}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
