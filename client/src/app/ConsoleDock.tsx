/**
 * The Cypher console under the canvas: whether it is open, the query it holds, the runs asked of
 * it (a link, a schema click each open a fresh console that runs its query), and focus returning
 * to where it was opened from when it closes. The console itself (Neo4j's editor and Cypher
 * grammar) is loaded only when first opened.
 */
import { Suspense, lazy, useCallback, useRef, useState } from 'react';
import type { GraphData, SchemaResponse } from '../../../common/api.ts';
import '../console/console.css';

const CypherConsole = lazy(() => import('../console/CypherConsole.tsx'));

export interface ConsoleDockState {
  open: boolean;
  query: string;
  run: { id: number; autoRun: boolean };
  /** Opens or closes it, remembering what had focus. */
  toggle: () => void;
  close: () => void;
  /** Opens a fresh console that runs `query`. */
  runInConsole: (query: string) => void;
  setQuery: (query: string) => void;
}

export function useConsoleDock(initialQuery: string | undefined): ConsoleDockState {
  const [open, setOpen] = useState(Boolean(initialQuery));
  const [query, setQuery] = useState(initialQuery ?? '');
  const [run, setRun] = useState({ id: 0, autoRun: Boolean(initialQuery) });
  const opener = useRef<HTMLElement | null>(null);
  const runInConsole = useCallback((text: string) => {
    setQuery(text);
    setOpen(true);
    setRun((r) => ({ id: r.id + 1, autoRun: true }));
  }, []);
  const toggle = useCallback(() => {
    if (!open && document.activeElement instanceof HTMLElement)
      opener.current = document.activeElement;
    setOpen((wasOpen) => !wasOpen);
  }, [open]);
  const close = useCallback(() => {
    setOpen(false);
    opener.current?.focus();
  }, []);
  return { open, query, run, toggle, close, runInConsole, setQuery };
}

interface Props {
  state: ConsoleDockState;
  schema: SchemaResponse | undefined;
  /** Puts a result's graph on the canvas, replacing what is there when asked. */
  onGraph: (data: GraphData, replace: boolean) => void;
}

export function ConsoleDock({ state, schema, onGraph }: Props) {
  if (!state.open) return null;
  return (
    <Suspense
      fallback={
        <p className="console console--loading" role="status">
          Loading the Cypher console…
        </p>
      }
    >
      <CypherConsole
        key={state.run.id}
        autoRun={state.run.autoRun}
        schema={schema}
        initialQuery={state.query}
        onGraph={onGraph}
        onRan={state.setQuery}
        onClose={state.close}
      />
    </Suspense>
  );
}
