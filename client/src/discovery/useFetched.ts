/**
 * One resource fetched per key: loading is derived (the answer held is for another key), so no
 * state is set synchronously inside the effect, and a stale answer is never shown for a new key.
 */
import { useEffect, useState } from 'react';

export type Fetched<T> =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; data: T }
  | { kind: 'error'; message: string };

type Held<T> = { key: string; data: T } | { key: string; message: string };

/** `key` undefined means nothing to fetch. `load` must depend only on what `key` encodes. */
export function useFetched<T>(
  key: string | undefined,
  load: (signal: AbortSignal) => Promise<T>,
): Fetched<T> {
  const [held, setHeld] = useState<Held<T> | undefined>();
  useEffect(() => {
    if (key === undefined) return;
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setHeld({ key, data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setHeld({ key, message: (error as Error).message });
      },
    );
    return () => controller.abort();
    // The key names everything load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (key === undefined) return { kind: 'idle' };
  if (!held || held.key !== key) return { kind: 'loading' };
  return 'data' in held
    ? { kind: 'ready', data: held.data }
    : { kind: 'error', message: held.message };
}
