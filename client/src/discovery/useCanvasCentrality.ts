/**
 * Centrality drawn on the canvas: while on, every node on the canvas is sized by its score and
 * coloured by its community (asked of the server for exactly those nodes), and the colours are
 * explained by a community legend. Follows the canvas's elements, the measure and the window;
 * clears its styling when turned off or unmounted.
 */
import { useEffect, useState, type RefObject } from 'react';
import type { CentralityMeasure, CentralityMembersResponse } from '../../../common/api.ts';
import { CENTRALITY_MEMBERS_MAX_IDS } from '../../../common/api.ts';
import { isStoredElementId } from '../../../common/element-id.ts';
import type { GraphCanvasHandle } from '../graph/GraphCanvas.tsx';
import { fetchCentralityMembers, type TimeWindow } from './api.ts';
import { applyCentrality, clearCentrality } from './canvasStyle.ts';
import { communityColours, type CommunityColours } from './communityColours.ts';

export type CanvasCentrality =
  | { kind: 'off' }
  | { kind: 'loading' }
  | {
      kind: 'ready';
      answer: CentralityMembersResponse;
      colours: CommunityColours;
      /** Canvas nodes styled. */
      styled: number;
      /** Canvas nodes left out: more than one request may name. */
      omitted: number;
    }
  | { kind: 'error'; message: string };

type Held = { key: string; state: CanvasCentrality };

export function useCanvasCentrality(
  canvas: RefObject<GraphCanvasHandle | null>,
  on: boolean,
  measure: CentralityMeasure,
  window: TimeWindow,
  elementsKey: unknown,
): CanvasCentrality {
  const [held, setHeld] = useState<Held | undefined>();
  const key = JSON.stringify([measure, window]);
  useEffect(() => {
    const cy = canvas.current?.core();
    if (!cy) return;
    if (!on) {
      clearCentrality(cy);
      return;
    }
    const ids = cy
      .nodes()
      .map((node) => node.id())
      .filter(isStoredElementId);
    const asked = ids.slice(0, CENTRALITY_MEMBERS_MAX_IDS);
    if (asked.length === 0) {
      clearCentrality(cy);
      return;
    }
    const controller = new AbortController();
    fetchCentralityMembers(measure, asked, window, controller.signal).then(
      (answer) => {
        const colours = communityColours(answer);
        const styled = applyCentrality(cy, answer, colours);
        const omitted = ids.length - asked.length;
        setHeld({ key, state: { kind: 'ready', answer, colours, styled, omitted } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setHeld({ key, state: { kind: 'error', message: (error as Error).message } });
      },
    );
    return () => controller.abort();
    // The key stands for measure and window.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canvas, on, key, elementsKey]);
  useEffect(
    () => () => {
      const cy = canvas.current?.core();
      if (cy) clearCentrality(cy);
    },
    [canvas],
  );
  if (!on) return { kind: 'off' };
  if (!held || held.key !== key) return { kind: 'loading' };
  return held.state;
}
