/**
 * The application shell: header with search and the database status, the canvas with its
 * controls, and a side panel with details, the source document and the path finder.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EvidenceProfile, GraphNode, PathsResponse } from '../../../common/api.ts';
import { fetchPaths } from '../api/explorer.ts';
import { ApiError } from '../api/http.ts';
import { NodeDetails, RelationshipDetails, type NodeActions } from '../details/DetailsPanel.tsx';
import { useNodeDetails } from '../details/useNodeDetails.ts';
import { looksLikeQuestion } from '../discovery/api.ts';
import { DiscoveryPanel, type Highlight } from '../discovery/DiscoveryPanel.tsx';
import { DocumentView } from '../document/DocumentView.tsx';
import { legendEntries, toElements } from '../graph/elements.ts';
import { GraphCanvas, type GraphCanvasHandle } from '../graph/GraphCanvas.tsx';
import { Legend } from '../graph/Legend.tsx';
import { FilterPanel } from '../graph/FilterPanel.tsx';
import { dateFormsOf } from '../graph/dateForms.ts';
import { observeProperties } from '../graph/propertyFilters.ts';
import {
  NO_FILTER,
  applyFilter,
  mentionSourceLabels,
  toggle,
  typeEntries,
  type ViewFilter,
} from '../graph/filters.ts';
import { applyOverrides, readOverrides, writeOverride } from '../graph/labelColours.ts';
import { quoteName } from '../../../common/cypher-name.ts';
import { setCaptionRules } from '../graph/caption.ts';
import { searchPlaceholder } from '../schema/examples.ts';
import { CaptionChooser } from '../graph/CaptionChooser.tsx';
import { effectiveRules, readCaptionChoices, writeCaptionChoice } from '../graph/captionChoices.ts';
import { chooseRenderer, webglAvailable, type RendererKind } from '../graph/renderer.ts';
import { NodeList } from '../graph/NodeList.tsx';
import { HealthBanner, HealthIndicator } from '../health/HealthStatus.tsx';
import { useHealth, type HealthState } from '../health/useHealth.ts';
import { PathFinder } from '../paths/PathFinder.tsx';
import { DatabaseOverview } from '../schema/DatabaseOverview.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { formatViewLink, parseViewLink } from './deepLink.ts';
import { SidePanel, type PanelTab } from './SidePanel.tsx';
import { StageOverlay, type LoadState } from './StageOverlay.tsx';
import { mainEntities } from './suggestions.ts';
import { Toolbar } from './Toolbar.tsx';
import { useExplorer } from './useExplorer.ts';
import { useUndoKeys } from './useUndoKeys.ts';

const NOTICE_MS = 6_000;

// The console brings Neo4j's editor and Cypher grammar: loaded only when it is opened.
const CypherConsole = lazy(() => import('../console/CypherConsole.tsx'));

/** What the document view assumes when the schema has not said (our seed's own names). */
const DEFAULT_EVIDENCE: Pick<EvidenceProfile, 'passageLabels' | 'mentionTypes'> = {
  passageLabels: ['Passage'],
  mentionTypes: ['MENTIONS'],
};

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
  const { scene, visible, counts, dispatch, selection, setSelection, layout } = explorer;
  const autoStyles = explorer.styles;
  const { loadOverview, expand, reveal, addData } = explorer;
  const canvas = useRef<GraphCanvasHandle>(null);
  const [linkApplied, setLinkApplied] = useState(false);
  const [tab, setTab] = useState<PanelTab>(initialLink.path ? 'paths' : 'details');
  const [docPassage, setDocPassage] = useState<GraphNode | undefined>();
  const [consoleOpen, setConsoleOpen] = useState(Boolean(initialLink.query));
  const [consoleQuery, setConsoleQuery] = useState(initialLink.query ?? '');
  // Each request to run a query (a link, a schema click) opens a fresh console that runs it.
  const [consoleRun, setConsoleRun] = useState({ id: 0, autoRun: Boolean(initialLink.query) });
  const runInConsole = useCallback((query: string) => {
    setConsoleQuery(query);
    setConsoleOpen(true);
    setConsoleRun((r) => ({ id: r.id + 1, autoRun: true }));
  }, []);
  const [paths, setPaths] = useState<{ result: PathsResponse; chosen: number } | undefined>();

  const showPaths = useCallback(
    (result: PathsResponse) => {
      addData({ nodes: result.nodes, relationships: result.relationships });
      setPaths({ result, chosen: 0 });
    },
    [addData],
  );

  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  useEffect(() => {
    const controller = new AbortController();
    void explorer.loadSchema(controller.signal);
    loadOverview(initialLink.base === 'overview', controller.signal).then(
      async (data) => {
        setLoad({ kind: 'ready', empty: data.nodes.length === 0 });
        // A shared link: bring back its expansions, path and selection on top of the overview.
        for (const id of initialLink.expand) await expand(id);
        if (initialLink.path) {
          try {
            showPaths(await fetchPaths(initialLink.path.from, initialLink.path.to));
          } catch (error) {
            explorer.setNotice({
              tone: 'error',
              text: `Could not find paths: ${(error as Error).message}`,
            });
          }
        }
        if (initialLink.select) await reveal(initialLink.select);
        // Pieces of a linked view arrive one by one; one layout over the whole gives its shape.
        if (initialLink.expand.length > 0 || initialLink.path)
          canvas.current?.relayout(initialLink.layout);
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

  // The URL follows the view, so a shared link reproduces it.
  const selectedNodeId = selection?.kind === 'node' ? selection.id : undefined;
  const expandedIds = Object.keys(scene.expansions).join(' ');
  const pathEnds = paths ? `${paths.result.from.id} ${paths.result.to.id}` : '';
  useEffect(() => {
    if (!linkApplied) return;
    const [from, to] = pathEnds.split(' ');
    const search = formatViewLink({
      base: explorer.base,
      ...(selectedNodeId ? { select: selectedNodeId } : {}),
      expand: expandedIds ? expandedIds.split(' ') : [],
      layout,
      ...(from && to ? { path: { from, to } } : {}),
      ...(consoleOpen && consoleQuery ? { query: consoleQuery } : {}),
    });
    if (search !== window.location.search) {
      window.history.replaceState(null, '', `${window.location.pathname}${search}`);
    }
  }, [
    linkApplied,
    explorer.base,
    selectedNodeId,
    expandedIds,
    layout,
    pathEnds,
    consoleOpen,
    consoleQuery,
  ]);

  useUndoKeys(dispatch);

  // Information fades by itself; errors stay until dismissed.
  const { notice, setNotice } = explorer;
  useEffect(() => {
    if (notice?.tone !== 'info') return;
    const timer = setTimeout(() => setNotice(undefined), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, setNotice]);

  // Label colours the user chose, kept per database; and labels or types switched off.
  const database =
    health.kind === 'up' ? `${health.health.neo4j.uri}|${health.health.neo4j.database}` : '';
  const [colourVersion, setColourVersion] = useState(0);
  // colourVersion changes after each choice, so storage is read again.
  const overrides = useMemo(
    () => (database && colourVersion >= 0 ? readOverrides(database) : {}),
    [database, colourVersion],
  );
  const styles = useMemo(() => applyOverrides(autoStyles, overrides), [autoStyles, overrides]);
  // Captions: the schema's rule per label, with the reader's choices (kept per database) over it.
  const [captionVersion, setCaptionVersion] = useState(0);
  const captionChoices = useMemo(
    () => (database && captionVersion >= 0 ? readCaptionChoices(database) : {}),
    [database, captionVersion],
  );
  const schemaCaptions = explorer.schema?.captions;
  const captionRules = useMemo(
    () => effectiveRules(schemaCaptions ?? {}, captionChoices),
    [schemaCaptions, captionChoices],
  );
  setCaptionRules(captionRules);
  const [filter, setFilter] = useState<ViewFilter>(NO_FILTER);
  const schemaDates = explorer.schema?.dates;
  const dateForms = useMemo(() => dateFormsOf(schemaDates), [schemaDates]);
  const drawn = useMemo(
    () => applyFilter(visible, filter, counts, dateForms),
    [visible, filter, counts, dateForms],
  );
  const types = useMemo(() => typeEntries(visible.relationships), [visible]);
  // Keys are observed before filtering, so a filter never takes its own choices away.
  const observed = useMemo(
    () => observeProperties(visible.nodes, visible.relationships, dateForms),
    [visible, dateForms],
  );

  // Large scenes draw with WebGL (see graph/renderer.ts for when and why).
  const [renderer, setRenderer] = useState<RendererKind>('canvas');
  const wantedRenderer = chooseRenderer(
    drawn.nodes.length + drawn.relationships.length,
    renderer,
    webglAvailable(),
  );
  if (wantedRenderer !== renderer) setRenderer(wantedRenderer);

  const elements = useMemo(
    // captionRules: new rules give new captions to the same nodes.
    () => (captionRules ? toElements(drawn.nodes, drawn.relationships, styles, counts) : []),
    [drawn, styles, counts, captionRules],
  );
  const legend = useMemo(
    () => legendEntries(visible.nodes, styles, counts),
    [visible, styles, counts],
  );
  const evidenceProfile = explorer.schema?.evidence;
  const documentProfile = useMemo(
    () =>
      evidenceProfile && evidenceProfile.passageLabels.length > 0
        ? {
            passageLabels: evidenceProfile.passageLabels,
            mentionTypes: evidenceProfile.mentionTypes,
          }
        : DEFAULT_EVIDENCE,
    [evidenceProfile],
  );
  // Facts first: where passages carry the evidence, they start hidden; their label's checkbox
  // brings the sources back, and the Document tab and the details panel show them anyway. The
  // data names its sources before the schema's profile arrives, so the first view never has them.
  const dataSources = useMemo(() => mentionSourceLabels(visible), [visible]);
  const sources = evidenceProfile ? evidenceProfile.passageLabels : dataSources;
  const sourcesFor = sources.length > 0 ? `${database}|${sources.join('|')}` : '';
  const [sourcesHiddenFor, setSourcesHiddenFor] = useState('');
  if (sourcesFor && sourcesHiddenFor !== sourcesFor) {
    setSourcesHiddenFor(sourcesFor);
    setFilter((f) => ({ ...f, hiddenLabels: [...new Set([...f.hiddenLabels, ...sources])] }));
  }
  const overviewData = explorer.overview;
  const suggestions = useMemo(
    () =>
      overviewData
        ? mainEntities(
            overviewData.nodes,
            overviewData.relationships,
            documentProfile.passageLabels,
          )
        : [],
    [overviewData, documentProfile],
  );
  const details = useNodeDetails(selectedNodeId);
  const chosenPath = paths ? paths.result.paths[paths.chosen] : undefined;
  // Discovery answers (connect, share, timeline) highlight their own elements on its tab.
  const [discoveryHighlight, setDiscoveryHighlight] = useState<Highlight | undefined>();
  const [question, setQuestion] = useState<{ text: string; seq: number } | undefined>();
  const highlight = useMemo(
    () =>
      tab === 'discover'
        ? discoveryHighlight
        : chosenPath
          ? { nodes: chosenPath.nodes, relationships: chosenPath.relationships }
          : undefined,
    [chosenPath, tab, discoveryHighlight],
  );

  const actions: NodeActions = useMemo(
    () => ({
      expand: (id, type, direction, skip) => void expand(id, type, direction, skip),
      collapse: (id) => dispatch({ type: 'collapse', id }),
      hide: (id) => {
        setSelection(undefined);
        dispatch({ type: 'hide', ids: [id] });
      },
      pin: (id, pinned) => dispatch({ type: 'pin', ids: [id], pinned }),
      openPassage: (passage) => {
        setDocPassage(passage);
        setTab('document');
      },
    }),
    [expand, dispatch, setSelection],
  );

  const selectedNode = selectedNodeId ? scene.nodes[selectedNodeId] : undefined;
  const selectedRel =
    selection?.kind === 'relationship' ? scene.relationships[selection.id] : undefined;
  const nodeQuotes = details?.kind === 'ready' ? details.data.evidence?.quotes : undefined;
  const documentFocus = useMemo(
    () => ({
      ...(selectedNodeId ? { nodeId: selectedNodeId } : {}),
      ...(nodeQuotes ? { quotes: nodeQuotes } : {}),
      ...(selectedRel ? { relationship: selectedRel } : {}),
    }),
    [selectedNodeId, nodeQuotes, selectedRel],
  );
  // A selected passage opens its own document.
  const passageSelected =
    selectedNode && selectedNode.labels.some((l) => documentProfile.passageLabels.includes(l));
  const documentPassage = passageSelected && tab === 'document' ? selectedNode : docPassage;

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
          placeholder={searchPlaceholder(explorer.schema)}
          onQuestion={(text) => {
            setTab('discover');
            setQuestion((q) => ({ text, seq: (q?.seq ?? 0) + 1 }));
          }}
          isQuestion={looksLikeQuestion}
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
            onClear={() => {
              explorer.clear();
              setPaths(undefined);
            }}
            visible={drawn}
            totalNodes={explorer.totalNodes}
            consoleOpen={consoleOpen}
            onConsole={() => setConsoleOpen((open) => !open)}
          />
          <div className="stage__body">
            <GraphCanvas
              ref={canvas}
              elements={elements}
              pinned={scene.pinned}
              arrival={scene.arrival}
              layout={layout}
              selected={selection?.id}
              highlight={highlight}
              onSelect={setSelection}
              onExpand={(id) => void expand(id)}
              webgl={renderer === 'webgl'}
              description={`Graph of ${drawn.nodes.length} nodes and ${drawn.relationships.length} relationships. Double-click a node to expand it.`}
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
          {consoleOpen && (
            <Suspense
              fallback={
                <p className="console console--loading" role="status">
                  Loading the Cypher console…
                </p>
              }
            >
              <CypherConsole
                key={consoleRun.id}
                autoRun={consoleRun.autoRun}
                schema={explorer.schema}
                initialQuery={consoleQuery}
                onGraph={(data, replace) => {
                  if (replace) explorer.clear();
                  addData(data);
                }}
                onRan={setConsoleQuery}
                onClose={() => setConsoleOpen(false)}
              />
            </Suspense>
          )}
        </section>
        <SidePanel tab={tab} onTab={setTab}>
          {tab === 'details' && (
            <>
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
              <Legend
                entries={legend}
                types={types}
                hiddenLabels={filter.hiddenLabels}
                hiddenTypes={filter.hiddenTypes}
                onLabelShown={(label, shown) =>
                  setFilter((f) => ({ ...f, hiddenLabels: toggle(f.hiddenLabels, label, !shown) }))
                }
                onTypeShown={(type, shown) =>
                  setFilter((f) => ({ ...f, hiddenTypes: toggle(f.hiddenTypes, type, !shown) }))
                }
                onColour={(label, colour) => {
                  if (database) writeOverride(database, label, colour);
                  setColourVersion((v) => v + 1);
                }}
              />
              <CaptionChooser
                labels={legend.map((entry) => entry.label)}
                schema={explorer.schema}
                chosen={captionChoices}
                onChoose={(label, keys) => {
                  if (database) writeCaptionChoice(database, label, keys);
                  setCaptionVersion((v) => v + 1);
                }}
              />
              <FilterPanel
                observed={observed}
                filters={filter.properties ?? []}
                dateRange={filter.dateRange}
                onFilters={(properties) => setFilter((f) => ({ ...f, properties }))}
                onDateRange={(dateRange) => setFilter((f) => ({ ...f, dateRange }))}
                shown={drawn.nodes.length + drawn.relationships.length}
                total={visible.nodes.length + visible.relationships.length}
              />
              <NodeList
                nodes={visible.nodes}
                styles={styles}
                counts={counts}
                captions={captionRules}
                selectedId={selectedNodeId}
                onChoose={(id) => setSelection({ kind: 'node', id })}
              />
              {!selection && explorer.schema && (
                <DatabaseOverview
                  schema={explorer.schema}
                  styles={styles}
                  onLabel={(label) =>
                    runInConsole(`MATCH (n:${quoteName(label)})\nRETURN n\nLIMIT 25`)
                  }
                />
              )}
            </>
          )}
          {tab === 'document' &&
            (documentPassage ? (
              <DocumentView
                passage={documentPassage}
                profile={documentProfile}
                focus={documentFocus}
                styles={styles}
                counts={counts}
                onMention={explorer.showNode}
              />
            ) : (
              <p className="muted hint">
                Open a document from a node&apos;s evidence, or select a passage on the canvas.
              </p>
            ))}
          {tab === 'paths' && (
            <PathFinder
              selected={selectedNode}
              suggestions={suggestions}
              styles={styles}
              counts={counts}
              result={paths?.result}
              chosen={paths?.chosen ?? 0}
              onResult={showPaths}
              onChoose={(chosen) => setPaths((p) => (p ? { ...p, chosen } : p))}
            />
          )}
          {tab === 'discover' && (
            <DiscoveryPanel
              selected={selectedNode}
              canvas={canvas}
              onGraph={addData}
              onHighlight={setDiscoveryHighlight}
              question={question}
              elementsKey={elements}
            />
          )}
        </SidePanel>
      </main>
    </div>
  );
}
