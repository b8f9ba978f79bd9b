/**
 * The explorer's state and actions: the scene with undo/redo, label styles, the selection and
 * the layout, loading the overview and expanding neighbourhoods through the API.
 */
import { useCallback, useMemo, useReducer, useState } from 'react';
import type {
  GraphData,
  GraphNode,
  OverviewResponse,
  SchemaResponse,
} from '../../../common/api.ts';
import { isStoredElementId } from '../../../common/element-id.ts';
import { fetchNeighbours, fetchNode, fetchOverview, NEIGHBOUR_PAGE } from '../api/graph.ts';
import { fetchSchema } from '../api/schema.ts';
import type { CanvasSelection } from '../graph/GraphCanvas.tsx';
import type { LayoutName } from '../graph/layouts.ts';
import { countLabels, type LabelCounts } from '../graph/palette.ts';
import { initialHistory, withHistory } from '../scene/history.ts';
import { EMPTY_SCENE, sceneReducer, visibleData, type Expansion } from '../scene/scene.ts';
import type { ViewLink } from './deepLink.ts';

const reduceScene = withHistory(sceneReducer);

/** Every label seen so far, sorted; the same array while nothing new arrives. */
function reduceLabels(seen: readonly string[], labels: string[]): readonly string[] {
  const fresh = labels.filter((label) => !seen.includes(label));
  return fresh.length === 0 ? seen : [...new Set([...seen, ...fresh])].sort();
}

const labelsOf = (data: GraphData) => data.nodes.flatMap((n) => n.labels);

export type Notice = { tone: 'info' | 'error'; text: string } | undefined;

export function useExplorer(initial: ViewLink) {
  const [history, dispatch] = useReducer(reduceScene, initialHistory(EMPTY_SCENE));
  const [seenLabels, registerLabels] = useReducer(reduceLabels, []);
  const [selection, setSelection] = useState<CanvasSelection>();
  const [layout, setLayout] = useState<LayoutName>(initial.layout);
  const [notice, setNotice] = useState<Notice>();
  const [overview, setOverview] = useState<OverviewResponse | undefined>();
  const [base, setBase] = useState<ViewLink['base']>(initial.base);
  const [schema, setSchema] = useState<SchemaResponse | undefined>();
  const scene = history.present;
  const visible = useMemo(() => visibleData(scene), [scene]);
  // The schema's counts when known; until then the scene's own, which rank labels the same way.
  const counts: LabelCounts = useMemo(
    () =>
      schema
        ? Object.fromEntries(schema.labels.map((l) => [l.label, l.count]))
        : countLabels(Object.values(scene.nodes)),
    [schema, scene.nodes],
  );

  // The database's labels with any seen beyond them: label colours are a function of this set.
  const labels = useMemo(
    () =>
      schema
        ? reduceLabels(
            seenLabels,
            schema.labels.map((l) => l.label),
          )
        : seenLabels,
    [schema, seenLabels],
  );

  const addData = useCallback((data: GraphData, anchor?: string, expansion?: Expansion) => {
    registerLabels(labelsOf(data));
    dispatch({
      type: 'add',
      data,
      ...(anchor ? { anchor } : {}),
      ...(expansion ? { expansion } : {}),
    });
  }, []);

  /**
   * Loads the database overview (for the totals and the search suggestions) and, unless the
   * view starts from an empty canvas, shows it as a fresh scene.
   */
  const loadOverview = useCallback(
    async (show: boolean, signal?: AbortSignal): Promise<OverviewResponse> => {
      const data = await fetchOverview(signal);
      registerLabels(labelsOf(data));
      if (show) dispatch({ type: 'replace', data });
      setOverview(data);
      setBase(show ? 'overview' : 'empty');
      return data;
    },
    [],
  );

  /** Puts a saved view's elements back as the scene, with its hidden and pinned nodes. */
  const restoreScene = useCallback((data: GraphData, hidden: string[], pinned: string[]) => {
    registerLabels(labelsOf(data));
    dispatch({ type: 'restore', data, hidden, pinned });
  }, []);

  /** Empties the canvas: exploring starts from search. */
  const clear = useCallback(() => {
    dispatch({ type: 'clear' });
    setSelection(undefined);
    setBase('empty');
  }, []);

  /** Loads the schema for label ranking and colours; the explorer works without it. */
  const loadSchema = useCallback(async (signal?: AbortSignal) => {
    try {
      const loaded = await fetchSchema(signal);
      registerLabels(loaded.labels.map((l) => l.label));
      setSchema(loaded);
    } catch {
      // Counted labels stand in; the schema is a refinement, not a requirement.
    }
  }, []);

  /**
   * Brings in a page of a node's neighbourhood (all of it, or one type and direction); `skip`
   * continues after the relationships already shown, so "N of M" grows page by page.
   */
  const expand = useCallback(
    async (id: string, type?: string, direction?: 'out' | 'in', skip = 0) => {
      // A node a procedure made up has no neighbours to ask for (common/element-id.ts).
      if (!isStoredElementId(id)) return;
      try {
        const page = await fetchNeighbours(id, {
          limit: NEIGHBOUR_PAGE,
          ...(skip > 0 ? { skip } : {}),
          ...(type ? { types: [type] } : {}),
          ...(direction ? { direction } : {}),
        });
        const shown = skip + page.relationships.length;
        addData({ nodes: [page.node, ...page.nodes], relationships: page.relationships }, id, {
          shown,
          total: page.total,
          ...(type ? { type } : {}),
          ...(direction ? { direction } : {}),
        });
        const what = type ? `${type} relationships` : 'relationships';
        setNotice({
          tone: 'info',
          text:
            page.total === 0
              ? `No ${what} to expand.`
              : `Expanded: ${shown} of ${page.total} ${what} shown.`,
        });
      } catch (error) {
        setNotice({ tone: 'error', text: `Could not expand: ${(error as Error).message}` });
      }
    },
    [addData],
  );

  /** Puts a node on the canvas (with its neighbourhood) and selects it. */
  const bringIn = useCallback(
    async (node: GraphNode) => {
      addData({ nodes: [node], relationships: [] });
      setSelection({ kind: 'node', id: node.id });
      await expand(node.id);
    },
    [addData, expand],
  );

  /** Selects a node, putting it on the canvas first when it is not there. */
  const showNode = useCallback(
    (node: GraphNode) => {
      addData({ nodes: [node], relationships: [] });
      setSelection({ kind: 'node', id: node.id });
    },
    [addData],
  );

  /** Selects a node by id, fetching it first when it is not on the canvas. */
  const reveal = useCallback(
    async (id: string) => {
      if (!(id in scene.nodes)) {
        try {
          const { node } = await fetchNode(id);
          addData({ nodes: [node], relationships: [] });
        } catch (error) {
          setNotice({
            tone: 'error',
            text: `Could not show the node: ${(error as Error).message}`,
          });
          return;
        }
      }
      setSelection({ kind: 'node', id });
    },
    [scene.nodes, addData],
  );

  return {
    scene,
    visible,
    labels,
    counts,
    schema,
    loadSchema,
    dispatch,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    selection,
    setSelection,
    layout,
    setLayout,
    notice,
    setNotice,
    totalNodes: overview?.totalNodes,
    overview,
    base,
    clear,
    restoreScene,
    loadOverview,
    expand,
    bringIn,
    reveal,
    showNode,
    addData,
  };
}
