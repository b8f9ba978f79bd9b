/** The header's Neo4j indicator and the banner shown while the database or server is down. */
import type { HealthState } from './useHealth.ts';
import './health.css';

export function HealthIndicator({ state }: { state: HealthState }) {
  const { text, tone, title } = describe(state);
  return (
    <span className={`health health--${tone}`} title={title} data-testid="health-indicator">
      <span className="health__dot" aria-hidden="true" />
      {text}
    </span>
  );
}

export function HealthBanner({ state }: { state: HealthState }) {
  if (state.kind !== 'neo4j-down' && state.kind !== 'server-down') return null;
  const message =
    state.kind === 'server-down'
      ? 'The Summit Graph server is not answering.'
      : `Neo4j is unavailable (${state.health.neo4j.error ?? 'no answer'}).`;
  return (
    <div className="banner banner--error" role="alert">
      <strong>{message}</strong> Retrying automatically; the graph comes back as soon as the
      database answers.
    </div>
  );
}

function describe(state: HealthState): { text: string; tone: string; title: string } {
  switch (state.kind) {
    case 'checking':
      return { text: 'Connecting…', tone: 'pending', title: 'Checking the database' };
    case 'server-down':
      return {
        text: 'Server offline',
        tone: 'down',
        title: 'The Summit Graph server is not answering',
      };
    case 'neo4j-down':
      return {
        text: 'Neo4j unavailable',
        tone: 'down',
        title: `${state.health.neo4j.uri} (${state.health.neo4j.database})`,
      };
    case 'up': {
      const { version, edition, database, uri } = state.health.neo4j;
      return {
        text: `Neo4j ${version ?? ''} · ${database}`,
        tone: 'up',
        title: `${uri}, ${edition ?? ''} edition`,
      };
    }
  }
}
