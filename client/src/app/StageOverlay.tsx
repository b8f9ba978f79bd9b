/** What the stage says instead of a graph: loading, failure, an empty database, a blank canvas. */
import type { ApiError } from '../api/http.ts';

export type LoadState =
  { kind: 'loading' } | { kind: 'ready'; empty: boolean } | { kind: 'error'; error: ApiError };

export function StageOverlay({
  load,
  onRetry,
  canvasEmpty,
}: {
  load: LoadState;
  onRetry: () => void;
  canvasEmpty: boolean;
}) {
  if (load.kind === 'loading') {
    return (
      <div className="overlay" role="status">
        Loading the graph…
      </div>
    );
  }
  if (load.kind === 'error') {
    return (
      <div className="overlay overlay--error" role="alert">
        <p>
          <strong>The graph could not be loaded.</strong> {load.error.message}
        </p>
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (load.empty) {
    return (
      <div className="overlay" role="status" data-testid="empty-state">
        <p>
          <strong>The database is empty.</strong> Load the seed meeting with{' '}
          <code>npm run seed</code>, or point <code>NEO4J_URI</code> at a database with data.
        </p>
      </div>
    );
  }
  if (canvasEmpty) {
    return (
      <div className="overlay" role="status" data-testid="blank-canvas">
        <p>
          <strong>The canvas is empty.</strong> Search above for a name to start from it, or run a
          query in the console.
        </p>
      </div>
    );
  }
  return null;
}
