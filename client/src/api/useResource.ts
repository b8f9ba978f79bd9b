/**
 * The client's one data-loading hook: a resource fetched per key. The newest key wins: a new key
 * aborts the request of the old one, and an answer is shown only for the key it was asked for
 * (loading is derived, never set inside the effect). A delay debounces keys typed letter by letter.
 */
import { useEffect, useState } from 'react';
import { asApiError, type ApiError } from './http.ts';

export type Resource<T> =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; data: T }
  | { kind: 'error'; error: ApiError };

/** The last answer, with the key it was asked for. */
export type Held<T> = { key: string; data: T } | { key: string; error: ApiError };

export interface ResourceOptions {
  /** Wait this long after the key last changed before asking (typing). */
  delayMs?: number;
}

/**
 * `key` undefined means nothing to load. `load` must depend only on what `key` encodes: it is
 * called again when the key changes, not when `load` does.
 */
export function useResource<T>(
  key: string | undefined,
  load: (signal: AbortSignal) => Promise<T>,
  { delayMs = 0 }: ResourceOptions = {},
): Resource<T> {
  const [held, setHeld] = useState<Held<T> | undefined>();
  useEffect(() => {
    if (key === undefined) return;
    const controller = new AbortController();
    const ask = () =>
      load(controller.signal).then(
        (data) => {
          if (!controller.signal.aborted) setHeld({ key, data });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setHeld({ key, error: asApiError(error) });
        },
      );
    const timer = delayMs > 0 ? setTimeout(() => void ask(), delayMs) : undefined;
    if (timer === undefined) void ask();
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // The key names everything load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs]);
  return resourceFor(key, held);
}

/** What a key shows given the last answer held: an answer for another key is never shown. */
export function resourceFor<T>(key: string | undefined, held: Held<T> | undefined): Resource<T> {
  if (key === undefined) return { kind: 'idle' };
  if (!held || held.key !== key) return { kind: 'loading' };
  return 'data' in held ? { kind: 'ready', data: held.data } : { kind: 'error', error: held.error };
}
