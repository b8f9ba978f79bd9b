/**
 * Dated nodes by date within the time window, with the date properties read and their forms
 * stated; an entry can be put on the canvas with the nodes linked to it.
 */
import type { TimelineEntry } from '../../../common/api.ts';
import { describeDateProperty } from '../../../common/dates.ts';
import { fullCaption } from '../graph/caption.ts';
import { fetchTimeline, type TimeWindow } from '../api/discovery.ts';
import { useResource } from '../api/useResource.ts';

interface Props {
  window: TimeWindow;
  onShow: (entry: TimelineEntry) => void;
}

export function Timeline({ window, onShow }: Props) {
  const state = useResource(JSON.stringify(window), (signal) => fetchTimeline(window, signal));

  return (
    <section className="discovery__section" aria-labelledby="timeline-title" data-testid="timeline">
      <h3 id="timeline-title" className="discovery__group-title">
        By date
      </h3>
      {state.kind === 'ready' && (
        <p className="muted" data-testid="timeline-properties">
          {state.data.properties.length === 0
            ? 'No property of this database holds dates (Neo4j dates, or text that reads as dates); numbers are not taken for years.'
            : `Dates read from ${state.data.properties.map(describeDateProperty).join(', ')}.`}
        </p>
      )}
      {state.kind === 'loading' && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {state.kind === 'error' && (
        <p className="details__error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.kind === 'ready' &&
        state.data.properties.length > 0 &&
        state.data.entries.length === 0 && (
          <p className="muted" role="status" data-testid="timeline-empty">
            Nothing dated in this time window.
          </p>
        )}
      {state.kind === 'ready' && state.data.entries.length > 0 && (
        <ol className="discovery__timeline" data-testid="timeline-list">
          {state.data.entries.map((entry) => (
            <li key={entry.node.id}>
              <time dateTime={entry.date ?? String(entry.year ?? '')} className="discovery__date">
                {entry.date ?? entry.year ?? 'undated'}
              </time>
              <button type="button" className="small" onClick={() => onShow(entry)}>
                {fullCaption(entry.node)}
              </button>
              <span className="discovery__note">
                {entry.participants.map(fullCaption).join(', ')}
                {entry.documents > 0 &&
                  ` · ${entry.documents} document${entry.documents === 1 ? '' : 's'}`}
              </span>
            </li>
          ))}
        </ol>
      )}
      {state.kind === 'ready' && state.data.truncated && (
        <p className="muted" data-testid="timeline-truncated">
          The first {state.data.entries.length} only; narrow the time window to see the rest.
        </p>
      )}
    </section>
  );
}
