/**
 * The discovery panel: ask "X to Y" (connect) or "A and B" (share) in words, see who is central,
 * meetings by date and what is worth a look next, all within one time window. Answers go onto
 * the canvas through the shell's callbacks, centrality's colours and sizes too (CentralityTable).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ConnectResponse, GraphData, GraphNode, TimelineEntry } from '../../../common/api.ts';
import { fullCaption } from '../graph/caption.ts';
import type { NodeEmphases } from '../graph/elements.ts';
import { OPEN_WINDOW, type TimeWindow } from '../api/discovery.ts';
import { CentralityTable } from './CentralityTable.tsx';
import { ConnectResult } from './ConnectResult.tsx';
import { ShareResult } from './ShareResult.tsx';
import { SuggestionsList } from './SuggestionsList.tsx';
import { Timeline } from './Timeline.tsx';
import { answerQuestion, type Answer } from './question.ts';
import { useResource, type Resource } from '../api/useResource.ts';
import './discovery.css';

export type DiscoveryView = 'ask' | 'central' | 'timeline' | 'suggest';

const VIEWS: { id: DiscoveryView; label: string }[] = [
  { id: 'ask', label: 'Connect & share' },
  { id: 'central', label: 'Central' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'suggest', label: 'Worth a look' },
];

export interface Highlight {
  nodes: string[];
  relationships: string[];
}

interface Props {
  selected: GraphNode | undefined;
  /** The ids of the nodes drawn, which centrality colours. */
  drawnIds: readonly string[];
  /** Draws an emphasis on the canvas (undefined: none). */
  onCanvasStyle: (emphasis: NodeEmphases | undefined) => void;
  /** Puts nodes and relationships on the canvas (they join what is there). */
  onGraph: (data: GraphData) => void;
  onHighlight: (highlight: Highlight | undefined) => void;
  /** A phrase typed in the header search ("X to Y", "A and B"); seq changes per question. */
  question?: { text: string; seq: number } | undefined;
}

function pathHighlight(result: ConnectResponse, index: number): Highlight | undefined {
  const path = result.paths[index];
  if (!path) return undefined;
  return {
    nodes: path.nodes,
    relationships: path.hops.flatMap((h) => h.relationships.map((r) => r.relationship)),
  };
}

export function DiscoveryPanel({
  selected,
  drawnIds,
  onCanvasStyle,
  onGraph,
  onHighlight,
  question,
}: Props) {
  const [view, setView] = useState<DiscoveryView>('ask');
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<{ text: string; seq: number } | undefined>();
  const [chosen, setChosen] = useState({ seq: 0, index: 0 });
  const [draft, setDraft] = useState<TimeWindow>(OPEN_WINDOW);
  const [window, setWindow] = useState<TimeWindow>(OPEN_WINDOW);

  // A question from the header search box is shown and asked once per seq (state derived from
  // a changed prop, set during render as React recommends).
  const [seen, setSeen] = useState<number | undefined>();
  if (question && question.seq !== seen) {
    setSeen(question.seq);
    setView('ask');
    setText(question.text);
    setAsked({ text: question.text, seq: (asked?.seq ?? 0) + 1 });
  }
  const answer = useResource(
    asked ? JSON.stringify([asked.seq, asked.text, window]) : undefined,
    (signal) => answerQuestion(asked?.text ?? '', window, signal),
  );
  const chosenIndex = chosen.seq === asked?.seq ? chosen.index : 0;

  // A new answer goes onto the canvas once (the data object is the same until the next answer).
  const answered = answer.kind === 'ready' ? answer.data : undefined;
  useEffect(() => {
    if (!answered) return;
    if (answered.kind === 'connect') {
      const { result } = answered;
      onGraph({
        nodes: [result.from, result.to, ...result.nodes],
        relationships: result.relationships,
      });
      onHighlight(pathHighlight(result, 0));
    } else if (answered.kind === 'share') {
      const { result } = answered;
      onGraph({ nodes: result.nodes, relationships: result.relationships });
      onHighlight({
        nodes: [
          ...result.entities.map((e) => e.id),
          ...result.groups.flatMap((g) => g.items.map((i) => i.node)),
        ],
        relationships: result.relationships.map((r) => r.id),
      });
    }
  }, [answered, onGraph, onHighlight]);

  const showDated = useCallback(
    (entry: TimelineEntry) => {
      onGraph({ nodes: [entry.node, ...entry.participants], relationships: [] });
      onHighlight({
        nodes: [entry.node.id, ...entry.participants.map((p) => p.id)],
        relationships: [],
      });
    },
    [onGraph, onHighlight],
  );

  return (
    <section className="discovery" aria-labelledby="discovery-title" data-testid="discovery-panel">
      <h2 id="discovery-title" className="details__title">
        Discover
      </h2>
      <form
        className="discovery__window"
        aria-label="Time window"
        onSubmit={(event) => {
          event.preventDefault();
          setWindow({ from: draft.from.trim(), to: draft.to.trim() });
        }}
      >
        <label>
          From{' '}
          <input
            value={draft.from}
            placeholder="2017"
            size={10}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </label>
        <label>
          to{' '}
          <input
            value={draft.to}
            placeholder="2018-06"
            size={10}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </label>
        <button type="submit" className="small">
          Apply
        </button>
      </form>
      <div className="discovery__views" role="group" aria-label="Discovery views">
        {VIEWS.map((v) => (
          <button
            key={v.id}
            type="button"
            className="small"
            aria-pressed={view === v.id}
            onClick={() => {
              setView(v.id);
              // Another view's answer should not stay highlighted under this one.
              if (v.id !== 'ask') onHighlight(undefined);
            }}
          >
            {v.label}
          </button>
        ))}
      </div>

      {view === 'ask' && (
        <>
          <form
            className="discovery__ask"
            onSubmit={(event) => {
              event.preventDefault();
              if (text.trim()) setAsked({ text: text.trim(), seq: (asked?.seq ?? 0) + 1 });
            }}
          >
            <label htmlFor="discovery-ask" className="visually-hidden">
              Ask: X to Y, or A and B
            </label>
            <input
              id="discovery-ask"
              type="search"
              value={text}
              placeholder="one name to another · one name and another"
              onChange={(e) => setText(e.target.value)}
              data-testid="discovery-ask"
            />
            <button type="submit" disabled={answer.kind === 'loading'}>
              {answer.kind === 'loading' ? 'Asking…' : 'Ask'}
            </button>
          </form>
          <AnswerView
            answer={answer}
            chosen={chosenIndex}
            onChoose={(index) => {
              if (answered?.kind !== 'connect') return;
              setChosen({ seq: asked?.seq ?? 0, index });
              onHighlight(pathHighlight(answered.result, index));
            }}
            onAdd={(node) => onGraph({ nodes: [node], relationships: [] })}
          />
        </>
      )}
      {view === 'central' && (
        <CentralityTable
          window={window}
          drawnIds={drawnIds}
          onCanvasStyle={onCanvasStyle}
          onHighlight={onHighlight}
        />
      )}
      {view === 'timeline' && <Timeline window={window} onShow={showDated} />}
      {view === 'suggest' && (
        <SuggestionsList
          selected={selected}
          window={window}
          onAdd={(node) => onGraph({ nodes: [node], relationships: [] })}
        />
      )}
    </section>
  );
}

function AnswerView({
  answer,
  chosen,
  onChoose,
  onAdd,
}: {
  answer: Resource<Answer>;
  chosen: number;
  onChoose: (index: number) => void;
  onAdd: (node: GraphNode) => void;
}) {
  if (answer.kind === 'ready')
    return <Answered answer={answer.data} chosen={chosen} onChoose={onChoose} onAdd={onAdd} />;
  switch (answer.kind) {
    case 'idle':
      return (
        <p className="muted">
          Type two names joined by “to” to see how they are connected, or by “and” to see what they
          share.
        </p>
      );
    case 'loading':
      return (
        <p className="muted" role="status">
          Asking…
        </p>
      );
    case 'error':
      return (
        <p className="details__error" role="alert">
          {answer.error.message}
        </p>
      );
  }
}

function Answered({
  answer,
  chosen,
  onChoose,
  onAdd,
}: {
  answer: Answer;
  chosen: number;
  onChoose: (index: number) => void;
  onAdd: (node: GraphNode) => void;
}) {
  switch (answer.kind) {
    case 'reading': {
      const found = answer.reading.terms.filter((t) => t.node);
      return (
        <div role="status" data-testid="discovery-reading">
          <p className="muted">
            {answer.reading.message ??
              'That reads as a name, not a question: join two names with “to” or “and”.'}
          </p>
          {answer.reading.intent === 'search' &&
            found.map((t) => (
              <button
                key={t.text}
                type="button"
                className="small"
                onClick={() => t.node && onAdd(t.node)}
              >
                Add {fullCaption(t.node as GraphNode)}
              </button>
            ))}
        </div>
      );
    }
    case 'connect':
      return <ConnectResult result={answer.result} chosen={chosen} onChoose={onChoose} />;
    case 'share':
      return <ShareResult result={answer.result} />;
  }
}
