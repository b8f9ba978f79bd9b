/**
 * The application shell: header with the database status, the graph canvas with its controls,
 * and a side panel with the legend and the selected node's details.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { NodeDetails } from '../details/NodeDetails.tsx';
import { legendEntries, toElements } from '../graph/elements.ts';
import { GraphCanvas, type GraphCanvasHandle } from '../graph/GraphCanvas.tsx';
import { Legend } from '../graph/Legend.tsx';
import { NodeList } from '../graph/NodeList.tsx';
import { assignLabelStyles, type LabelStyles } from '../graph/palette.ts';
import { useOverview } from '../graph/useOverview.ts';
import { HealthBanner, HealthIndicator } from '../health/HealthStatus.tsx';
import { useHealth } from '../health/useHealth.ts';
import { StatusLine } from './StatusLine.tsx';

const NO_STYLES: LabelStyles = {};

export function App() {
  const health = useHealth();
  const { state: overview, reload } = useOverview();
  const canvas = useRef<GraphCanvasHandle>(null);
  const [selectedId, setSelectedId] = useState<string | undefined>();

  // Recover by itself: once Neo4j answers again, a failed load is retried.
  const neo4jUp = health.kind === 'up';
  const failed = overview.kind === 'error';
  useEffect(() => {
    if (neo4jUp && failed) reload();
  }, [neo4jUp, failed, reload]);

  const data = overview.kind === 'ready' ? overview.data : undefined;
  const styles = useMemo(
    () =>
      data
        ? assignLabelStyles(
            NO_STYLES,
            data.nodes.flatMap((n) => n.labels),
          )
        : NO_STYLES,
    [data],
  );
  const elements = useMemo(
    () => (data ? toElements(data.nodes, data.relationships, styles) : []),
    [data, styles],
  );
  const legend = useMemo(() => (data ? legendEntries(data.nodes, styles) : []), [data, styles]);
  const selected = data?.nodes.find((n) => n.id === selectedId);

  return (
    <div className="app">
      <header className="app__header">
        <h1 className="app__title">
          <span className="app__logo" aria-hidden="true" />
          Summit Graph
        </h1>
        <p className="app__tagline">Top-level meetings as a knowledge graph</p>
        <HealthIndicator state={health} />
      </header>
      <HealthBanner state={health} />
      <main className="app__main">
        <section className="stage" aria-label="Graph">
          <div className="toolbar" role="toolbar" aria-label="Canvas controls">
            <button type="button" onClick={() => canvas.current?.fit()}>
              Fit
            </button>
            <button type="button" aria-label="Zoom in" onClick={() => canvas.current?.zoomBy(1.25)}>
              +
            </button>
            <button type="button" aria-label="Zoom out" onClick={() => canvas.current?.zoomBy(0.8)}>
              −
            </button>
            <button type="button" onClick={() => canvas.current?.relayout()}>
              Re-layout
            </button>
            <StatusLine overview={overview} />
          </div>
          <div className="stage__body">
            <GraphCanvas
              ref={canvas}
              elements={elements}
              onSelectNode={setSelectedId}
              description={
                data
                  ? `Graph of ${data.nodes.length} nodes and ${data.relationships.length} relationships`
                  : 'Graph canvas'
              }
            />
            <StageOverlay overview={overview} onRetry={reload} />
          </div>
        </section>
        <aside className="sidebar" aria-label="Legend and details">
          <Legend entries={legend} />
          {data && (
            <NodeList
              nodes={data.nodes}
              styles={styles}
              selectedId={selectedId}
              onChoose={(id) => canvas.current?.select(id)}
            />
          )}
          {selected ? (
            <NodeDetails node={selected} styles={styles} />
          ) : (
            data &&
            data.nodes.length > 0 && <p className="muted hint">Select a node to see its details.</p>
          )}
        </aside>
      </main>
    </div>
  );
}

function StageOverlay({
  overview,
  onRetry,
}: {
  overview: ReturnType<typeof useOverview>['state'];
  onRetry: () => void;
}) {
  if (overview.kind === 'loading') {
    return (
      <div className="overlay" role="status">
        Loading the graph…
      </div>
    );
  }
  if (overview.kind === 'error') {
    return (
      <div className="overlay overlay--error" role="alert">
        <p>
          <strong>The graph could not be loaded.</strong> {overview.error.message}
        </p>
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (overview.data.nodes.length === 0) {
    return (
      <div className="overlay" role="status" data-testid="empty-state">
        <p>
          <strong>The database is empty.</strong> Load the seed meeting with{' '}
          <code>npm run seed</code>, or point <code>NEO4J_URI</code> at a database with data.
        </p>
      </div>
    );
  }
  return null;
}
