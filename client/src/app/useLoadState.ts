/**
 * The first load of the graph and its recovery: the state the stage shows (loading, failed,
 * ready), a retry that starts the load again, and Neo4j's health, whose return retries a failed
 * load by itself.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useHealth, type HealthState } from '../health/useHealth.ts';
import type { LoadState } from './StageOverlay.tsx';

export interface LoadControl {
  load: LoadState;
  setLoad: (load: LoadState) => void;
  /** Counts the loads started, so the loader runs again on a retry. */
  attempt: number;
  retry: () => void;
  health: HealthState;
}

export function useLoadState(): LoadControl {
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  }, [load]);
  const retry = useCallback(() => {
    setLoad({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const health = useHealth(
    useCallback(
      (state: HealthState) => {
        if (state.kind === 'up' && loadRef.current.kind === 'error') retry();
      },
      [retry],
    ),
  );
  return { load, setLoad, attempt, retry, health };
}
