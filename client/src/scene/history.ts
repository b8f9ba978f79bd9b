/**
 * Undo and redo for any pure reducer: each action that changes the state is one step back.
 * Actions that change nothing leave the history alone.
 */

export const HISTORY_LIMIT = 100;

export interface History<S> {
  past: S[];
  present: S;
  future: S[];
}

export type HistoryAction<A> = A | { type: 'undo' } | { type: 'redo' };

export function initialHistory<S>(present: S): History<S> {
  return { past: [], present, future: [] };
}

export function withHistory<S, A extends { type: string }>(
  reducer: (state: S, action: A) => S,
  limit = HISTORY_LIMIT,
): (history: History<S>, action: HistoryAction<A>) => History<S> {
  return (history, action) => {
    if (action.type === 'undo') {
      const previous = history.past.at(-1);
      if (previous === undefined) return history;
      return {
        past: history.past.slice(0, -1),
        present: previous,
        future: [history.present, ...history.future],
      };
    }
    if (action.type === 'redo') {
      const next = history.future[0];
      if (next === undefined) return history;
      return {
        past: [...history.past, history.present],
        present: next,
        future: history.future.slice(1),
      };
    }
    const present = reducer(history.present, action as A);
    if (present === history.present) return history;
    return { past: [...history.past, history.present].slice(-limit), present, future: [] };
  };
}
