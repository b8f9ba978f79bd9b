/**
 * The application shell: header with search and the database status, the canvas with its
 * controls and the Cypher console, and a side panel with details, documents, the path finder and
 * discovery; on a phone, one of them at a time. State lives in hooks by concern (useExplorer,
 * useLoadState, usePanels, usePathsView, useConsoleDock, useDrawnView, useScenes,
 * usePanelHighlight).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { NodeActions } from '../details/DetailsPanel.tsx';
import { useNodeDetails, useRelationshipDetails } from '../details/useElementDetails.ts';
import { looksLikeQuestion } from '../discovery/question.ts';
import { DiscoveryPanel } from '../discovery/DiscoveryPanel.tsx';
import { GraphCanvas, type GraphCanvasHandle } from '../graph/GraphCanvas.tsx';
import { searchPlaceholder } from '../schema/examples.ts';
import { HealthBanner, HealthIndicator } from '../health/HealthStatus.tsx';
import { PathFinder } from '../paths/PathFinder.tsx';
import { ScenesMenu } from '../scene/ScenesMenu.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { parseViewLink } from './deepLink.ts';
import { SidePanel } from './SidePanel.tsx';
import { StageOverlay } from './StageOverlay.tsx';
import { mainEntities } from './suggestions.ts';
import { Toolbar } from './Toolbar.tsx';
import { useExplorer } from './useExplorer.ts';
import { useUndoKeys } from './useUndoKeys.ts';
import { useLabelChoices } from './useLabelChoices.ts';
import { useScenes } from './useScenes.ts';
import { useViewLink } from './useViewLink.ts';
import './keyboard.css';
import { ConsoleDock, useConsoleDock } from './ConsoleDock.tsx';
import { DetailsTab } from './DetailsTab.tsx';
import { DocumentTab } from './DocumentTab.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { PhoneTabs } from './PhoneTabs.tsx';
import { useDocumentFocus } from './useDocumentFocus.ts';
import { useDrawnView } from './useDrawnView.ts';
import { useLoadState } from './useLoadState.ts';
import { usePanelHighlight } from './usePanelHighlight.ts';
import { usePanels } from './usePanels.ts';
import { usePathsView } from './usePathsView.ts';

/** The canvas's element id: the skip link's target. */
const CANVAS_ID = 'graph';

export function App() {
  const [initialLink] = useState(() => parseViewLink(window.location.search));
  const { load, setLoad, attempt, retry, health } = useLoadState();
  const explorer = useExplorer(initialLink);
  const { scene, visible, counts, dispatch, selection, setSelection, layout } = explorer;
  const { expand, addData } = explorer;
  const canvas = useRef<GraphCanvasHandle>(null);
  const panels = usePanels(initialLink);
  const { tab, setTab, pane, setPane, docPassage, openPassage } = panels;
  const cypherConsole = useConsoleDock(initialLink.query);
  const paths = usePathsView(addData);
  const { showPaths } = paths;

  const selectedNodeId = selection?.kind === 'node' ? selection.id : undefined;
  useUndoKeys(dispatch);

  const { setNotice } = explorer;
  const dismissNotice = useCallback(() => setNotice(undefined), [setNotice]);

  // Label colours and captions the user chose, kept per database; and labels or types switched off.
  const database =
    health.kind === 'up' ? `${health.health.neo4j.uri}|${health.health.neo4j.database}` : '';
  const labelChoices = useLabelChoices(database, explorer.labels, explorer.schema?.captions);
  const { styles, captionChoices, captionRules, chooseColour, chooseCaption } = labelChoices;
  const drawnView = useDrawnView({
    visible,
    counts,
    styles,
    captionRules,
    database,
    evidenceProfile: explorer.schema?.evidence,
    schemaDates: explorer.schema?.dates,
  });
  const { filter, setFilter, drawn, types, observed, renderer, elements, legend } = drawnView;
  const { documentProfile } = drawnView;
  const scenes = useScenes({
    explorer,
    canvas,
    filter,
    restoreFilter: drawnView.restoreFilter,
    colourChoices: labelChoices.colourChoices,
    captionChoices,
    applyStyle: labelChoices.applyStyle,
    initialView: initialLink.view,
    ready: load.kind === 'ready',
    database,
  });
  useViewLink({
    initialLink,
    attempt,
    explorer,
    canvas,
    showPaths,
    setLoad,
    paths: paths.result,
    consoleQuery: cypherConsole.open && cypherConsole.query ? cypherConsole.query : undefined,
    viewSettled: scenes.viewSettled,
  });
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
  const relationshipDetails = useRelationshipDetails(
    selection?.kind === 'relationship' ? selection.id : undefined,
  );
  const { highlight, setDiscoveryHighlight, setChangesHighlight } = usePanelHighlight(
    tab,
    paths.chosenPath,
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
      openPassage,
    }),
    [expand, dispatch, setSelection, openPassage],
  );

  const { selectedNode, focus, passageSelected, passage } = useDocumentFocus({
    scene,
    selection,
    details,
    profile: documentProfile,
    tab,
    opened: docPassage,
  });

  return (
    <div className="app" data-pane={pane}>
      <a className="skip-link" href={`#${CANVAS_ID}`}>
        Skip to the graph
      </a>
      <header className="app__header">
        <h1 className="app__title">
          <span className="app__logo" aria-hidden="true" />
          Summit Graph
        </h1>
        <SearchBox
          suggestions={suggestions}
          styles={styles}
          counts={counts}
          onPick={(node) => {
            setPane('graph');
            void explorer.bringIn(node);
          }}
          placeholder={searchPlaceholder(explorer.schema)}
          onQuestion={panels.ask}
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
              paths.clearPaths();
            }}
            visible={drawn}
            totalNodes={explorer.totalNodes}
            consoleOpen={cypherConsole.open}
            onConsole={cypherConsole.toggle}
          >
            <ScenesMenu
              database={database}
              capture={scenes.capture}
              open={scenes.open}
              linkFor={scenes.linkFor}
            />
          </Toolbar>
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
              onOpen={() => {
                setPane('details');
                setTab('details');
                document.getElementById('tab-details')?.focus();
              }}
              id={CANVAS_ID}
              webgl={renderer === 'webgl'}
              description={`Graph of ${drawn.nodes.length} nodes and ${drawn.relationships.length} relationships. Double-click a node to expand it.`}
            />
            <StageOverlay load={load} onRetry={retry} canvasEmpty={visible.nodes.length === 0} />
            <NoticeBar notice={explorer.notice} onDismiss={dismissNotice} />
          </div>
          <ConsoleDock
            state={cypherConsole}
            schema={explorer.schema}
            onGraph={(data, replace) => {
              if (replace) explorer.clear();
              addData(data);
            }}
          />
        </section>
        <SidePanel tab={tab} onTab={setTab}>
          {tab === 'details' && (
            <DetailsTab
              scene={scene}
              selection={selection}
              onSelect={setSelection}
              details={details}
              relationshipDetails={relationshipDetails}
              actions={actions}
              styles={styles}
              counts={counts}
              visible={visible}
              drawn={drawn}
              legend={legend}
              types={types}
              filter={filter}
              onFilter={setFilter}
              observed={observed}
              schema={explorer.schema}
              captionChoices={captionChoices}
              captionRules={captionRules}
              onColour={chooseColour}
              onCaption={chooseCaption}
              onQuery={cypherConsole.runInConsole}
            />
          )}
          {tab === 'document' && (
            <DocumentTab
              passage={passage}
              profile={documentProfile}
              focus={focus}
              styles={styles}
              counts={counts}
              onMention={explorer.showNode}
              onClose={() => {
                panels.closePassage();
                if (passageSelected) setSelection(undefined);
              }}
              onGraph={addData}
              onHighlight={setChangesHighlight}
              onRead={actions.openPassage}
            />
          )}
          {tab === 'paths' && (
            <PathFinder
              selected={selectedNode}
              suggestions={suggestions}
              styles={styles}
              counts={counts}
              result={paths.result}
              chosen={paths.chosen}
              onResult={showPaths}
              onChoose={paths.choosePath}
            />
          )}
          {tab === 'discover' && (
            <DiscoveryPanel
              selected={selectedNode}
              drawnIds={drawnView.drawnIds}
              onCanvasStyle={drawnView.emphasise}
              onGraph={addData}
              onHighlight={setDiscoveryHighlight}
              question={panels.question}
            />
          )}
        </SidePanel>
      </main>
      <PhoneTabs pane={pane} onPane={setPane} />
    </div>
  );
}
