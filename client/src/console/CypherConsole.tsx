/**
 * The Cypher console, loaded only when opened: Neo4j's own editor with schema-aware completion,
 * parameters, history and saved queries, results as graph, table and JSON, and failures
 * explained (refused writes, syntax errors with position, timeouts, row caps); a syntax error's
 * position is also marked in the editor until the query is edited.
 */
import { EditorView } from '@codemirror/view';
import type { EditorApi } from '@neo4j-cypher/codemirror/src/codemirror.d.ts';
import { CypherEditor } from '@neo4j-cypher/react-codemirror';
import cypherEditorCss from '@neo4j-cypher/codemirror/css/cypher-codemirror.css?url';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CypherResponse, GraphData, SchemaResponse } from '../../../common/api.ts';
import { runCypher } from '../api/cypher.ts';
import { asApiError } from '../api/http.ts';
import type { EncodedValue, TaggedValue } from '../../../common/values.ts';
import { fullCaption } from '../graph/caption.ts';
import { exampleParameters, exampleQuery } from '../schema/examples.ts';
import { displayValue } from '../values/format.ts';
import { ShadowHost } from './ShadowHost.tsx';
import editorHostCss from './editor-host.css?url';
import { errorMarkExtension, setErrorMark } from './errorMark.ts';
import { explainFailure, parseParams, type ConsoleFailure } from './explain.ts';
import {
  HISTORY_KEY,
  SAVED_KEY,
  isSavedQuery,
  isString,
  pushHistory,
  readList,
  saveQuery,
  writeList,
  type SavedQuery,
} from './storage.ts';

/** The editor's accessible name: screen readers announce what the text box is for. */
const EDITOR_NAME = EditorView.contentAttributes.of({ 'aria-label': 'Cypher query' });

interface Props {
  schema: SchemaResponse | undefined;
  initialQuery: string;
  /** Run the initial query as soon as the console opens (links, schema clicks). */
  autoRun?: boolean;
  /** Puts result elements on the canvas. */
  onGraph: (data: GraphData, replace: boolean) => void;
  /** Hears each query that ran, for the URL. */
  onRan: (query: string) => void;
  onClose: () => void;
}

type View = 'graph' | 'table' | 'json';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; result: CypherResponse }
  | { kind: 'failed'; failure: ConsoleFailure };

export default function CypherConsole({
  schema,
  initialQuery,
  autoRun = false,
  onGraph,
  onRan,
  onClose,
}: Props) {
  const [query, setQuery] = useState(initialQuery || exampleQuery(schema));
  const [paramsText, setParamsText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [view, setView] = useState<View>('table');
  const [history, setHistory] = useState(() => readList(HISTORY_KEY, isString));
  const [saved, setSaved] = useState(() => readList(SAVED_KEY, isSavedQuery));
  // The editor is uncontrolled; a new key loads a query picked from history or saved ones.
  const [editorKey, setEditorKey] = useState(0);
  const editorView = useRef<EditorView | null>(null);

  const editorSchema = useMemo(
    () =>
      schema && {
        labels: schema.labels.map((l) => l.label),
        relationshipTypes: schema.relationshipTypes.map((t) => t.type),
        propertyKeys: schema.propertyKeys,
      },
    [schema],
  );

  const load = (text: string, params = paramsText) => {
    setQuery(text);
    setParamsText(params);
    setEditorKey((k) => k + 1);
  };

  const run = async () => {
    const parsed = parseParams(paramsText);
    if (!parsed.ok) {
      setOutcome({
        kind: 'failed',
        failure: { kind: 'params', title: 'Check the parameters.', detail: parsed.message },
      });
      return;
    }
    setOutcome({ kind: 'running' });
    editorView.current?.dispatch({ effects: setErrorMark.of(null) });
    const nextHistory = pushHistory(history, query);
    setHistory(nextHistory);
    writeList(HISTORY_KEY, nextHistory);
    try {
      const result = await runCypher({ query, params: parsed.params });
      setOutcome({ kind: 'done', result });
      onRan(query);
      if (result.graph.nodes.length > 0) {
        setView('graph');
        onGraph(result.graph, false);
      } else {
        setView('table');
      }
    } catch (error) {
      const apiError = asApiError(error);
      const failure = explainFailure(apiError.status, apiError.problem, apiError.message);
      setOutcome({ kind: 'failed', failure });
      // Marked only while the editor still holds the text the position refers to.
      const view = editorView.current;
      if (failure.position && view && view.state.doc.toString() === query) {
        view.dispatch({
          effects: setErrorMark.of({
            position: failure.position,
            message: `${failure.title} ${failure.detail}`,
          }),
        });
      }
    }
  };

  // Run once on opening when asked; the timer keeps state changes out of the effect itself.
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  useEffect(() => {
    if (!autoRun) return;
    const timer = setTimeout(() => void runRef.current(), 0);
    return () => clearTimeout(timer);
  }, [autoRun]);

  const save = () => {
    const name = window.prompt('Save the query as', query.split('\n')[0]?.slice(0, 40) ?? 'query');
    if (!name) return;
    const next = saveQuery(saved, { name, query, params: paramsText });
    setSaved(next);
    writeList(SAVED_KEY, next);
  };

  return (
    <section
      className="console"
      aria-label="Cypher console"
      data-testid="cypher-console"
      onKeyDown={(event) => {
        // Escape closes the console, unless the editor used it (to close its completions).
        if (event.key === 'Escape' && !event.defaultPrevented) onClose();
      }}
    >
      <div className="console__bar">
        <h2 className="console__title">Cypher console</h2>
        <span className="muted console__hint">Read-only · Ctrl+Enter runs</span>
        <label className="toolbar__field">
          History
          <select value="" onChange={(e) => e.target.value && load(e.target.value)}>
            <option value="">{history.length ? `${history.length} recent` : 'empty'}</option>
            {history.map((q) => (
              <option key={q} value={q}>
                {q.replace(/\s+/g, ' ').slice(0, 80)}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar__field">
          Saved
          <select
            value=""
            onChange={(e) => {
              const entry = saved.find((s: SavedQuery) => s.name === e.target.value);
              if (entry) load(entry.query, entry.params);
            }}
          >
            <option value="">{saved.length ? `${saved.length} saved` : 'none'}</option>
            {saved.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={save}>
          Save
        </button>
        <button
          type="button"
          className="console__close"
          aria-label="Close the console"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <div className="console__input">
        <div
          className="console__editor"
          onKeyDownCapture={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.stopPropagation();
              void run();
            }
          }}
        >
          <ShadowHost stylesheets={[cypherEditorCss, editorHostCss]}>
            <CypherEditor
              key={editorKey}
              value={query}
              onValueChanged={(value: string) => setQuery(value)}
              {...(editorSchema ? { schema: editorSchema } : {})}
              lineNumbers
              lineWrapping
              autofocus
              placeholder="MATCH (n) RETURN n LIMIT 25"
              className="console__cm"
              postExtensions={[errorMarkExtension, EDITOR_NAME]}
              onEditorCreated={(editor: EditorApi) => {
                editorView.current = editor.codemirror;
              }}
            />
          </ShadowHost>
        </div>
        <div className="console__side">
          <label className="console__params">
            Parameters (JSON)
            <textarea
              value={paramsText}
              onChange={(e) => setParamsText(e.target.value)}
              placeholder={exampleParameters(schema)}
              spellCheck={false}
              rows={3}
            />
          </label>
          <button
            type="button"
            className="console__run"
            disabled={outcome.kind === 'running'}
            onClick={() => void run()}
          >
            {outcome.kind === 'running' ? 'Running…' : 'Run'}
          </button>
        </div>
      </div>
      <ConsoleOutcome outcome={outcome} view={view} onView={setView} onGraph={onGraph} />
    </section>
  );
}

interface OutcomeProps {
  outcome: Outcome;
  view: View;
  onView: (view: View) => void;
  onGraph: (data: GraphData, replace: boolean) => void;
}

function ConsoleOutcome({ outcome, view, onView, onGraph }: OutcomeProps) {
  if (outcome.kind === 'idle') return null;
  if (outcome.kind === 'running')
    return (
      <p className="muted console__status" role="status">
        Running…
      </p>
    );
  if (outcome.kind === 'failed') {
    const { failure } = outcome;
    return (
      <div
        className="console__error"
        role="alert"
        data-testid="console-error"
        data-kind={failure.kind}
      >
        <strong>{failure.title}</strong> <span>{failure.detail}</span>
      </div>
    );
  }
  const { result } = outcome;
  const { summary } = result;
  return (
    <div className="console__result" data-testid="console-result">
      <div className="console__views" role="group" aria-label="Result view">
        {(['graph', 'table', 'json'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => onView(v)}>
            {v === 'graph' ? 'Graph' : v === 'table' ? 'Table' : 'JSON'}
          </button>
        ))}
        <span className="muted console__summary" data-testid="console-summary">
          {result.rows.length} row{result.rows.length === 1 ? '' : 's'}
          {result.truncated && ` (stopped at the cap of ${result.rowCap}; more rows exist)`} ·{' '}
          {summary.elapsedMs} ms
        </span>
      </div>
      {summary.notifications.length > 0 && (
        <ul className="console__notes">
          {summary.notifications.map((n, i) => (
            <li key={i}>
              {n.title}
              {n.position && ` (line ${n.position.line}, column ${n.position.column})`}
            </li>
          ))}
        </ul>
      )}
      {view === 'graph' && (
        <div className="console__graph">
          <p>
            {result.graph.nodes.length} nodes and {result.graph.relationships.length} relationships
            {result.graph.nodes.length > 0 ? ' were added to the canvas.' : ': nothing to draw.'}
          </p>
          {result.graph.nodes.length > 0 && (
            <button type="button" onClick={() => onGraph(result.graph, true)}>
              Show only these on the canvas
            </button>
          )}
        </div>
      )}
      {view === 'table' && <ResultTable result={result} />}
      {view === 'json' && (
        <pre className="console__json">
          {JSON.stringify({ columns: result.columns, rows: result.rows }, null, 2)}
        </pre>
      )}
    </div>
  );
}

/** Table text: graph elements by caption and type, so rows stay readable; values exactly. */
export function cellText(cell: EncodedValue): string {
  if (isTagged(cell) && cell.$type === 'Node') {
    return `(:${cell.labels.join(':')}) ${fullCaption(cell)}`;
  }
  if (isTagged(cell) && cell.$type === 'Relationship') return `[:${cell.type}]`;
  return displayValue(cell);
}

function isTagged(cell: EncodedValue): cell is TaggedValue {
  return typeof cell === 'object' && cell !== null && !Array.isArray(cell) && '$type' in cell;
}

function ResultTable({ result }: { result: CypherResponse }) {
  if (result.rows.length === 0) return <p className="muted">No rows.</p>;
  return (
    <div className="console__table-wrap">
      <table className="console__table">
        <thead>
          <tr>
            {result.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cellText(cell)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
