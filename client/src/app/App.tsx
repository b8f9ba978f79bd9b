/**
 * The application shell: header with search and the database status, the canvas with its
 * controls, and a side panel with the legend and the selection's details.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GraphNode } from '../../../common/api.ts';
import { ApiError } from '../api/http.ts';
import { NodeDetails, RelationshipDetails, type NodeActions } from '../details/DetailsPanel.tsx';
import { useNodeDetails } from '../details/useNodeDetails.ts';
import { legendEntries, sceneDegrees, toElements } from '../graph/elements.ts';
import { GraphCanvas, type GraphCanvasHandle } from '../graph/GraphCanvas.tsx';
import { Legend } from '../graph/Legend.tsx';
import { NodeList } from '../graph/NodeList.tsx';
import { HealthBanner, HealthIndicator } from '../health/HealthStatus.tsx';
import { useHealth, type HealthState } from '../health/useHealth.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { formatViewLink, parseViewLink } from './deepLink.ts';
import { Toolbar } from './Toolbar.tsx';
import { useExplorer } from './useExplorer.ts';
import { useUndoKeys } from './useUndoKeys.ts';

const SUGGESTION_COUNT = 8;

type LoadState =
  { kind: 'loading' } | { kind: 'ready'; empty: boolean } | { kind: 'error'; error: ApiError };

export function App() {
  const [initialLink] = useState(() => parseViewLink(window.location.search));
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  const retry = useCallback(() => {
    setLoad({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  // Recover by itself: once Neo4j answers again, a failed load is retried.
  const health = useHealth(
    useCallback(
      (state: HealthState) => {
        if (state.kind === 'up' && loadRef.current.kind === 'error') retry();
      },
      [retry],
    ),
  );
  const explorer = useExplorer(initialLink);
  const {
    scene,
    visible,
    styles,
    counts,
    dispatch,
    selection,
    setSelection,
    layout,
    loadOverview,
    expand,
    reveal,
  } = explorer;
  const canvas = useRef<GraphCanvasHandle>(null);
  const [linkApplied, setLinkApplied] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    void explorer.loadSchema(controller.signal);
    loadOverview(initialLink.base === 'overview', controller.signal).then(
      async (data) => {
        setLoad({ kind: 'ready', empty: data.nodes.length === 0 });
        // A shared link: bring back its expansions and selection on top of the overview.
        for (const id of initialLink.expand) await expand(id);
        if (initialLink.select) await reveal(initialLink.select);
        // Pieces of a linked view arrive one by one; one layout over the whole gives its shape.
        if (initialLink.expand.length > 0) canvas.current?.relayout(initialLink.layout);
        setLinkApplied(true);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad({
          kind: 'error',
          error: error instanceof ApiError ? error : new ApiError(0, undefined, String(error)),
        });
      },
    );
    return () => controller.abort();
    // Deep-link actions run once per load; they are stable callbacks otherwise.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt, loadOverview]);

  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  // The URL follows the view, so a shared link reproduces it.
  const selectedNodeId = selection?.kind === 'node' ? selection.id : undefined;
  const expandedIds = Object.keys(scene.expansions).join(' ');
  useEffect(() => {
    if (!linkApplied) return;
    const search = formatViewLink({
      base: explorer.base,
      ...(selectedNodeId ? { select: selectedNodeId } : {}),
      expand: expandedIds ? expandedIds.split(' ') : [],
      layout,
    });
    if (search !== window.location.search) {
      window.history.replaceState(null, '', `${window.location.pathname}${search}`);
    }
  }, [linkApplied, explorer.base, selectedNodeId, expandedIds, layout]);

  useUndoKeys(dispatch);

  const elements = useMemo(
    () => toElements(visible.nodes, visible.relationships, styles, counts),
    [visible, styles, counts],
  );
  const legend = useMemo(
    () => legendEntries(visible.nodes, styles, counts),
    [visible, styles, counts],
  );
  const passageLabels = explorer.schema?.evidence.passageLabels;
  const overviewData = explorer.overview;
  const suggestions = useMemo(
    () =>
      overviewData
        ? mainEntities(overviewData.nodes, overviewData.relationships, passageLabels ?? ['Passage'])
        : [],
    [overviewData, passageLabels],
  );
  const details = useNodeDetails(selectedNodeId);

  const actions: NodeActions = useMemo(
    () => ({
      expand: (id, type, direction) => void expand(id, type, direction),
      collapse: (id) => dispatch({ type: 'collapse', id }),
      hide: (id) => {
        setSelection(undefined);
        dispatch({ type: 'hide', ids: [id] });
      },
      pin: (id, pinned) => dispatch({ type: 'pin', ids: [id], pinned }),
      openPassage: () => {},
    }),
    [expand, dispatch, setSelection],
  );

  const selectedNode = selectedNodeId ? scene.nodes[selectedNodeId] : undefined;
  const selectedRel =
    selection?.kind === 'relationship' ? scene.relationships[selection.id] : undefined;

  return (
    <div className="app">
      <header className="app__header">
        <h1 className="app__title">
          <span className="app__logo" aria-hidden="true" />
          Summit Graph
        </h1>
        <SearchBox
          suggestions={suggestions}
          styles={styles}
          counts={counts}
          onPick={(node) => void explorer.bringIn(node)}
        />
        <HealthIndicator state={health} />
      </header>
      <HealthBanner state={health} />
      <main className="app__main">
        <section className="stage" aria-label="Graph">
          <Toolbar
            canvas={canvas}
            canUndo={explorer.canUndo}
            canRedo={explorer.canRedo}
            onUndo={() => dispatch({ type: 'undo' })}
            onRedo={() => dispatch({ type: 'redo' })}
            layout={layout}
            onLayout={(name) => {
              explorer.setLayout(name);
              canvas.current?.relayout(name);
            }}
            hiddenCount={scene.hidden.length}
            onShowHidden={() => dispatch({ type: 'show-all' })}
            onClear={explorer.clear}
            visible={visible}
            totalNodes={explorer.totalNodes}
          />
          <div className="stage__body">
            <GraphCanvas
              ref={canvas}
              elements={elements}
              pinned={scene.pinned}
              arrival={scene.arrival}
              layout={layout}
              selected={selection?.id}
              onSelect={setSelection}
              onExpand={(id) => void expand(id)}
              description={`Graph of ${visible.nodes.length} nodes and ${visible.relationships.length} relationships. Double-click a node to expand it.`}
            />
            <StageOverlay load={load} onRetry={retry} canvasEmpty={visible.nodes.length === 0} />
            {explorer.notice && (
              <p
                className={`notice notice--${explorer.notice.tone}`}
                role={explorer.notice.tone === 'error' ? 'alert' : 'status'}
                data-testid="notice"
              >
                {explorer.notice.text}
                <button
                  type="button"
                  className="notice__close"
                  aria-label="Dismiss"
                  onClick={() => explorer.setNotice(undefined)}
                >
                  ×
                </button>
              </p>
            )}
          </div>
        </section>
        <aside className="sidebar" aria-label="Legend and details">
          {selectedNode && (
            <NodeDetails
              node={selectedNode}
              details={details}
              styles={styles}
              expansion={scene.expansions[selectedNode.id]}
              pinned={scene.pinned.includes(selectedNode.id)}
              actions={actions}
            />
          )}
          {selectedRel && (
            <RelationshipDetails
              relationship={selectedRel}
              start={scene.nodes[selectedRel.start]}
              end={scene.nodes[selectedRel.end]}
            />
          )}
          {!selection && visible.nodes.length > 0 && (
            <p className="muted hint">
              Select a node to see its details; double-click to expand it.
            </p>
          )}
          <Legend entries={legend} />
          <NodeList
            nodes={visible.nodes}
            styles={styles}
            counts={counts}
            selectedId={selectedNodeId}
            onChoose={(id) => setSelection({ kind: 'node', id })}
          />
        </aside>
      </main>
    </div>
  );
}

/** The best-connected nodes on the canvas that are not text passages: the search suggestions. */
function mainEntities(
  nodes: readonly GraphNode[],
  relationships: Parameters<typeof sceneDegrees>[0],
  passageLabels: readonly string[],
): GraphNode[] {
  const degrees = sceneDegrees(relationships);
  const textual = new Set([...passageLabels, 'Document']);
  return nodes
    .filter((n) => !n.labels.some((label) => textual.has(label)))
    .sort((a, b) => (degrees.get(b.id) ?? 0) - (degrees.get(a.id) ?? 0))
    .slice(0, SUGGESTION_COUNT);
}

function StageOverlay({
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
          <strong>The canvas is empty.</strong> Search above for a person, country or organisation
          to start from it.
        </p>
      </div>
    );
  }
  return null;
}
