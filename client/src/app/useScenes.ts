/**
 * Scenes in the app: capturing the current view as a snapshot (scene/capture.ts), opening one
 * (a link's `view=`, a saved scene, an imported file) by resolving its references on the server
 * and putting back elements, positions, filters, styles, layout, viewport and selection.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { CaptionRules } from '../../../common/caption.ts';
import { resolveReferences } from '../api/graph.ts';
import type { ViewFilter } from '../graph/filters.ts';
import type { GraphCanvasHandle } from '../graph/GraphCanvas.tsx';
import { captureSnapshot, keyProperties, resolveRequest, restoredScene } from '../scene/capture.ts';
import { decodeSnapshot, encodeSnapshot, type SceneSnapshot } from '../scene/snapshot.ts';
import { VIEW_PARAM } from './deepLink.ts';
import type { useExplorer } from './useExplorer.ts';

interface Options {
  explorer: ReturnType<typeof useExplorer>;
  canvas: RefObject<GraphCanvasHandle | null>;
  filter: ViewFilter;
  restoreFilter: (filter: ViewFilter) => void;
  colourChoices: Record<string, string>;
  captionChoices: CaptionRules;
  applyStyle: (colours: Record<string, string>, captions: CaptionRules) => void;
  /** A link's encoded view, opened once the first load is done and the database is known. */
  initialView: string | undefined;
  ready: boolean;
  database: string;
}

/** "1 element", "3 elements". */
const elements = (n: number) => `${n} element${n === 1 ? '' : 's'}`;

export function useScenes(options: Options) {
  const { explorer, canvas, filter, restoreFilter, applyStyle } = options;
  const { scene, layout, selection, schema } = explorer;
  const { restoreScene, setLayout, setSelection, setNotice } = explorer;
  const keys = useMemo(() => keyProperties(schema?.constraints ?? []), [schema]);

  const capture = (): SceneSnapshot =>
    captureSnapshot({
      scene,
      positions: canvas.current?.positions() ?? new Map(),
      filter,
      colours: options.colourChoices,
      captions: options.captionChoices,
      layout,
      viewport: canvas.current?.viewport() ?? { zoom: 1, pan: { x: 0, y: 0 } },
      selection,
      keys,
    });

  /** Opens a snapshot; resolves to the number of its elements the database no longer has. */
  const open = async (snapshot: SceneSnapshot, signal?: AbortSignal): Promise<number> => {
    const resolved = await resolveReferences(resolveRequest(snapshot), signal);
    const restored = restoredScene(snapshot, resolved);
    applyStyle(snapshot.style.colours, snapshot.style.captions);
    restoreFilter(restored.filter);
    setLayout(snapshot.layout);
    const quiet = restored.selection?.kind === 'node' ? restored.selection.id : undefined;
    canvas.current?.restore(restored.positions, snapshot.viewport, quiet);
    restoreScene(restored.data, restored.hidden, restored.pinned);
    setSelection(restored.selection);
    setNotice(
      restored.missing > 0
        ? {
            tone: 'error',
            text: `${elements(restored.missing)} of this view no longer exist${restored.missing === 1 ? 's' : ''} in the database.`,
          }
        : { tone: 'info', text: 'The saved view is back.' },
    );
    return restored.missing;
  };

  /** A link that opens this snapshot. */
  const linkFor = async (snapshot: SceneSnapshot): Promise<string> => {
    const url = new URL(window.location.pathname, window.location.origin);
    url.searchParams.set(VIEW_PARAM, await encodeSnapshot(snapshot));
    return url.toString();
  };

  // A link's view waits for the database's name: its styles are kept per database.
  const pendingView = useRef(options.initialView);
  const latestOpen = useRef(open);
  useEffect(() => {
    latestOpen.current = open;
  });
  const [viewSettled, setViewSettled] = useState(!options.initialView);
  const { ready, database } = options;
  useEffect(() => {
    const view = pendingView.current;
    if (!view || !ready || !database) return;
    pendingView.current = undefined;
    Promise.resolve()
      .then(async () => latestOpen.current(await decodeSnapshot(view)))
      .catch((error: unknown) =>
        setNotice({
          tone: 'error',
          text: `Could not open the linked view: ${(error as Error).message}`,
        }),
      )
      .finally(() => setViewSettled(true));
  }, [ready, database, setNotice]);

  return { capture, open, linkFor, viewSettled };
}
