/**
 * Polls GET /api/health so the header always tells the truth about Neo4j, and so views can
 * recover by themselves when the database comes back. Polls faster while it is down.
 */
import { useEffect, useRef, useState } from 'react';
import type { HealthResponse } from '../../../common/api.ts';
import { fetchHealth } from '../api/health.ts';

export const POLL_WHEN_UP_MS = 15_000;
export const POLL_WHEN_DOWN_MS = 3_000;

export type HealthState =
  | { kind: 'checking' }
  | { kind: 'up'; health: HealthResponse }
  | { kind: 'neo4j-down'; health: HealthResponse }
  | { kind: 'server-down' };

/** Interprets one probe: the body of a 200/503, or undefined when the server did not answer. */
export function healthState(body: HealthResponse | undefined): HealthState {
  if (!body) return { kind: 'server-down' };
  return body.neo4j.reachable ? { kind: 'up', health: body } : { kind: 'neo4j-down', health: body };
}

/** The current health; `onChange` hears every probe whose verdict differs from the last one. */
export function useHealth(onChange?: (state: HealthState) => void): HealthState {
  const [state, setState] = useState<HealthState>({ kind: 'checking' });
  const listener = useRef(onChange);
  useEffect(() => {
    listener.current = onChange;
  }, [onChange]);
  useEffect(() => {
    let last: HealthState['kind'] = 'checking';
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const next = healthState(await fetchHealth(controller.signal));
      if (controller.signal.aborted) return;
      setState(next);
      if (next.kind !== last) listener.current?.(next);
      last = next.kind;
      timer = setTimeout(
        () => void tick(),
        next.kind === 'up' ? POLL_WHEN_UP_MS : POLL_WHEN_DOWN_MS,
      );
    };
    void tick();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, []);
  return state;
}
