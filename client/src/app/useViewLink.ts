/**
 * The view and the URL: on each load, brings back what a shared link names (expansions, a path,
 * the selection) over the overview; afterwards the URL follows the view. A link with a whole
 * view (`view=`) is opened by useScenes; its URL stays until the view is changed.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { PathsResponse } from '../../../common/api.ts';
import { asApiError } from '../api/http.ts';
import { fetchPaths } from '../api/paths.ts';
import type { GraphCanvasHandle } from '../graph/GraphCanvas.tsx';
import { formatViewLink, type ViewLink } from './deepLink.ts';
import type { LoadState } from './StageOverlay.tsx';
import type { useExplorer } from './useExplorer.ts';

interface Options {
  initialLink: ViewLink;
  /** Changes when a failed load is retried. */
  attempt: number;
  explorer: ReturnType<typeof useExplorer>;
  canvas: RefObject<GraphCanvasHandle | null>;
  showPaths: (result: PathsResponse) => void;
  setLoad: (load: LoadState) => void;
  paths: PathsResponse | undefined;
  consoleQuery: string | undefined;
  /** The linked view (if any) has been opened, or has failed to. */
  viewSettled: boolean;
}

export function useViewLink(options: Options): void {
  const { initialLink, attempt, explorer, canvas, showPaths, setLoad } = options;
  const { loadOverview, expand, reveal } = explorer;
  const [linkApplied, setLinkApplied] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    void explorer.loadSchema(controller.signal);
    const linkedView = Boolean(initialLink.view);
    loadOverview(initialLink.base === 'overview' && !linkedView, controller.signal).then(
      async (data) => {
        setLoad({ kind: 'ready', empty: data.nodes.length === 0 });
        if (linkedView) {
          setLinkApplied(true);
          return;
        }
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
        setLoad({ kind: 'error', error: asApiError(error) });
      },
    );
    return () => controller.abort();
    // Deep-link actions run once per load; they are stable callbacks otherwise.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt, loadOverview]);

  // The URL follows the view, so a shared link reproduces it.
  const { selection, scene, layout, base } = explorer;
  const selectedNodeId = selection?.kind === 'node' ? selection.id : undefined;
  const expandedIds = Object.keys(scene.expansions).join(' ');
  const pathEnds = options.paths ? `${options.paths.from.id} ${options.paths.to.id}` : '';
  const query = options.consoleQuery;
  const { viewSettled } = options;
  // The URL of a linked view, kept while what the plain parameters describe stays as it opened.
  // undefined: not yet known; null: following the view.
  const keptView = useRef<string | null | undefined>(initialLink.view ? undefined : null);
  useEffect(() => {
    if (!linkApplied || !viewSettled) return;
    const [from, to] = pathEnds.split(' ');
    const search = formatViewLink({
      base,
      ...(selectedNodeId ? { select: selectedNodeId } : {}),
      expand: expandedIds ? expandedIds.split(' ') : [],
      layout,
      ...(from && to ? { path: { from, to } } : {}),
      ...(query ? { query } : {}),
    });
    if (keptView.current === undefined) keptView.current = search;
    if (keptView.current === search) return;
    keptView.current = null;
    if (search !== window.location.search) {
      window.history.replaceState(null, '', `${window.location.pathname}${search}`);
    }
  }, [linkApplied, viewSettled, base, selectedNodeId, expandedIds, layout, pathEnds, query]);
}
