/** Meetings by date within the time window; a meeting can be put on the canvas with its participants. */
import type { TimelineEntry } from '../../../common/api.ts';
import { fullCaption } from '../graph/caption.ts';
import { fetchTimeline, type TimeWindow } from './api.ts';
import { useFetched } from './useFetched.ts';

interface Props {
  window: TimeWindow;
  onShow: (entry: TimelineEntry) => void;
}

export function Timeline({ window, onShow }: Props) {
  const state = useFetched(JSON.stringify(window), (signal) => fetchTimeline(window, signal));

  return (
    <section className="discovery__section" aria-labelledby="timeline-title" data-testid="timeline">
      <h3 id="timeline-title" className="discovery__group-title">
        Meetings by date
      </h3>
      {state.kind === 'loading' && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {state.kind === 'error' && (
        <p className="details__error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' && state.data.entries.length === 0 && (
        <p className="muted" role="status" data-testid="timeline-empty">
          No meeting in this time window.
        </p>
      )}
      {state.kind === 'ready' && state.data.entries.length > 0 && (
        <ol className="discovery__timeline" data-testid="timeline-list">
          {state.data.entries.map((entry) => (
            <li key={entry.meeting.id}>
              <time dateTime={entry.date ?? String(entry.year ?? '')} className="discovery__date">
                {entry.date ?? entry.year ?? 'undated'}
              </time>
              <button type="button" className="small" onClick={() => onShow(entry)}>
                {fullCaption(entry.meeting)}
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
    </section>
  );
}
